"""Layout-aware text of a PDF: words by position, grouped into lines and column chunks."""

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from etl.errors import EtlError

# A horizontal gap wider than this many font sizes separates two chunks of one line (columns).
COLUMN_GAP_EMS = 1.5
# Words smaller than this share of the body font size are footnote markers or small print.
SMALL_PRINT_RATIO = 0.85
# Words larger than this share of the body font size are titles.
HEADING_RATIO = 1.15

logging.getLogger("pdfminer").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Chunk:
    """A run of words on one line of one page, separated from other runs by a column gap."""

    page: int
    top: float
    x0: float
    x1: float
    size: float
    text: str
    role: str  # "heading", "small" (footnotes, markers) or "body", by font size


@dataclass(frozen=True)
class PdfText:
    """The chunks of a PDF in reading order (page, column, top) and its document metadata."""

    chunks: list[Chunk]
    pages: int
    metadata: dict[str, str]


def _open_error(exc: BaseException) -> EtlError:
    chain = []
    while exc is not None:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in chain):
        return EtlError(
            "the PDF is encrypted and cannot be read without a password",
            "open it in a PDF reader, save an unencrypted copy and pass it with --from-file",
        )
    detail = str(chain[-1]).strip().splitlines()[0][:120] if str(chain[-1]).strip() else ""
    return EtlError(
        f"the PDF is corrupt or truncated ({type(chain[-1]).__name__}"
        f"{': ' + detail if detail else ''})",
        "download the document again; if it persists, report the broken file to the publisher",
    )


def _words(page) -> list[dict]:
    return page.extract_words(extra_attrs=["size"], keep_blank_chars=False, use_text_flow=False)


def _body_size(words: list[dict]) -> float:
    weights: Counter[float] = Counter()
    for word in words:
        weights[round(word["size"], 1)] += len(word["text"])
    return weights.most_common(1)[0][0]


def _lines(words: list[dict], tolerance: float) -> list[list[dict]]:
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _role(size: float, body: float) -> str:
    if size > HEADING_RATIO * body:
        return "heading"
    if size < SMALL_PRINT_RATIO * body:
        return "small"
    return "body"


def _chunks_of_line(page_number: int, line: list[dict], body: float) -> list[Chunk]:
    """Split a line where a column gap opens or the font role changes (a superscript marker)."""
    groups: list[list[dict]] = [[line[0]]]
    for word in line[1:]:
        previous = groups[-1][-1]
        gap = word["x0"] - previous["x1"]
        role_changes = _role(word["size"], body) != _role(previous["size"], body)
        if role_changes or gap > COLUMN_GAP_EMS * max(word["size"], previous["size"]):
            groups.append([word])
        else:
            groups[-1].append(word)
    return [
        Chunk(
            page=page_number,
            top=round(min(w["top"] for w in group), 1),
            x0=round(group[0]["x0"], 1),
            x1=round(group[-1]["x1"], 1),
            size=max(w["size"] for w in group),
            text=" ".join(w["text"] for w in group),
            role=_role(group[0]["size"], body),
        )
        for group in groups
    ]


def _column_starts(chunks: list[Chunk], page_width: float) -> list[float]:
    """Left edges of the columns: clusters of narrow chunks that do not overlap horizontally.

    A cluster of fewer than three chunks (a letterhead, the last line of a paragraph) is no column.
    """
    narrow = sorted((c for c in chunks if c.x1 - c.x0 < 0.45 * page_width), key=lambda c: c.x0)
    spans: list[list[float]] = []
    for chunk in narrow:
        if spans and chunk.x0 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], chunk.x1)
            spans[-1][2] += 1
        else:
            spans.append([chunk.x0, chunk.x1, 1])
    return [span[0] for span in spans if span[2] >= 3]


def _reading_order(chunks: list[Chunk], page_width: float) -> list[Chunk]:
    starts = _column_starts(chunks, page_width)
    if len(starts) < 2:
        return sorted(chunks, key=lambda c: (c.top, c.x0))

    def column(chunk: Chunk) -> int:
        if chunk.x1 - chunk.x0 >= 0.45 * page_width:
            return -1  # spans the columns: headers, intros, footers; read first
        return max((i for i, start in enumerate(starts) if start <= chunk.x0 + 0.5), default=-1)

    return sorted(chunks, key=lambda c: (column(c), c.top, c.x0))


def pdf_text(data: bytes) -> PdfText:
    """Extract the chunks of text of a PDF in reading order, tagged as heading, small or body."""
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            metadata = {k: str(v) for k, v in (pdf.metadata or {}).items()}
            pages = [(page.page_number, float(page.width), _words(page)) for page in pdf.pages]
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise _open_error(exc) from exc
    all_words = [word for _, _, words in pages for word in words]
    if not all_words:
        raise EtlError(
            "the PDF has no text layer (it looks like a scanned image)",
            "ask the publisher for a text PDF, or transcribe the list and pass it as an HTML "
            "list with --from-file",
        )
    body = _body_size(all_words)
    chunks: list[Chunk] = []
    for page_number, width, words in pages:
        page_chunks = [
            chunk
            for line in _lines(words, tolerance=0.4 * body)
            for chunk in _chunks_of_line(page_number, line, body)
        ]
        chunks.extend(_reading_order(page_chunks, width))
    return PdfText(chunks=chunks, pages=len(pages), metadata=metadata)


# A PDF date: "D:" then YYYYMMDD (time and zone may follow), or the digits alone at the start.
_PDF_DATE = re.compile(r"(?:^|D:)(\d{4})(\d{2})(\d{2})")


def pdf_date(value: bytes | str) -> date | None:
    """The day of a PDF date (``D:20230216…``, bytes or text), or None if it is not a valid one.

    The "D:" marker is found anywhere, so text that ``str()`` made of undecoded bytes
    (``"b'D:20230216…'"``) reads too.
    """
    text = value.decode("latin-1") if isinstance(value, bytes) else value
    match = _PDF_DATE.search(text)
    if match is None:
        return None
    try:
        return date(*(int(group) for group in match.groups()))
    except ValueError:
        return None
