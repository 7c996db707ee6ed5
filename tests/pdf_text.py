"""The text of a PDF's pages as a reader copying from it gets it, read with PDFium (ten times
faster than pypdf on a handout, whose vector map is thousands of drawing operators)."""

import pypdfium2 as pdfium


def raw_pages(pdf: bytes) -> list[str]:
    """Each page's text as PDFium reads it, every character kept (no-break spaces included)."""
    document = pdfium.PdfDocument(pdf)
    try:
        return [page.get_textpage().get_text_range() for page in document]
    finally:
        document.close()


def pages_text(pdf: bytes) -> list[str]:
    """Each page's text with white space of any kind collapsed to one plain space, so that
    wrapped lines read as one."""
    return [" ".join(text.split()) for text in raw_pages(pdf)]
