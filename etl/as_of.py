"""The as-of rules: the date a source list is current as of, and the basis recorded for it."""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from etl.parse_html import PageDates
from etl.parse_pdf import pdf_date

# Every basis the metadata can record (``source_as_of_basis``), in order of preference.
PAGE_MODIFIED = "the page's last-modified date"
PAGE_PUBLISHED = "the page's publication date"
PDF_MODIFIED = "the PDF's modification date (document metadata)"
PDF_CREATED = "the PDF's creation date (document metadata)"
UNDATED = "the source states no date"
# Recorded by ``etl bundle`` for the shipped transcription (see data/sources/README.md).
TRANSCRIPTION = "the publication date of the landing page (the PDF itself is undated)"
BASES = (PAGE_MODIFIED, PAGE_PUBLISHED, PDF_MODIFIED, PDF_CREATED, UNDATED, TRANSCRIPTION)


@dataclass(frozen=True)
class AsOf:
    """The day a list is current as of (None if the source gives none) and on what basis."""

    day: date | None
    basis: str

    @property
    def iso(self) -> str | None:
        """The day as ``YYYY-MM-DD``, None if undated."""
        return self.day.isoformat() if self.day else None


def source_as_of(page: PageDates, pdf_metadata: Mapping[str, bytes | str]) -> AsOf:
    """The page's last-modified date, else its publication date, else the PDF's own, else none."""
    if page.modified:
        return AsOf(page.modified, PAGE_MODIFIED)
    if page.published:
        return AsOf(page.published, PAGE_PUBLISHED)
    for key, basis in (("ModDate", PDF_MODIFIED), ("CreationDate", PDF_CREATED)):
        day = pdf_date(pdf_metadata.get(key, ""))
        if day:
            return AsOf(day, basis)
    return AsOf(None, UNDATED)
