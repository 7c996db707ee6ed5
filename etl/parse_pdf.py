"""Layout-aware text of a PDF: words by position, grouped into lines and column chunks."""

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from itertools import islice

import pdfplumber
from pdfminer.pdfcolor import PDFColorSpace
from pdfminer.pdfdevice import PDFDevice, PDFTextSeq
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import (
    PDFGraphicState,
    PDFPageInterpreter,
    PDFResourceManager,
    PDFTextState,
)
from pdfminer.pdfpage import PDFPage

from etl.errors import EtlError

# A horizontal gap wider than this many font sizes separates two chunks of one line (columns).
COLUMN_GAP_EMS = 1.5
# Left edges where words start on this many lines of a page are the start of a column.
COLUMN_LINES = 3
# Left edges this close (points) are one alignment; text this close to a ruling touches it.
ALIGN_TOLERANCE = 1.0
# A gap wider than this many font sizes clearly starts a new piece of text (evidence of a column).
CLEAR_GAP_EMS = 1.0
# A column's edge splits text on lines up to this many font sizes above or below its lines.
ALIGNMENT_REACH_EMS = 1.5
# A chunk that is only a list marker: a number or letter with its punctuation, a bullet (a
# character, or a symbol-font glyph without a Unicode value, "(cid:n)") or a dash.
MARKER = re.compile(r"\(?(\d{1,3}|[a-z]|[ivxlc]{1,7})[.):]?\)?|(\(cid:\d+\)|[^\w\s])+", re.I)
# Words smaller than this share of the body font size are footnote markers or small print.
SMALL_PRINT_RATIO = 0.85
# Words larger than this share of the body font size are titles.
HEADING_RATIO = 1.15

logging.getLogger("pdfminer").setLevel(logging.ERROR)
# What a document that is not the list gets told to do.
NOT_THE_LIST = "this is not the list document; check the URL or the file you passed"


@dataclass(frozen=True)
class PdfBudget:
    """How much a PDF may hold before it is refused unread: the list fits on a few pages.

    Characters are counted cheaply before pdfplumber lays them out (about 40 µs and 2 KB each).
    """

    pages: int = 50
    chars_per_page: int = 20_000
    chars: int = 100_000


BUDGET = PdfBudget()


class _TooDenseError(Exception):
    """A page draws more characters than the budget allows."""


class _CharacterCount(PDFDevice):
    """A device that only counts the characters a page draws, and stops past ``limit``."""

    def __init__(self, resources: PDFResourceManager, limit: int) -> None:
        super().__init__(resources)
        self.count, self.limit = 0, limit

    def render_string(
        self,
        textstate: PDFTextState,
        seq: PDFTextSeq,
        ncs: PDFColorSpace,
        graphicstate: PDFGraphicState,
    ) -> None:
        for item in seq:
            if isinstance(item, bytes):
                font = textstate.font
                self.count += sum(1 for _ in font.decode(item)) if font else len(item)
        if self.count > self.limit:
            raise _TooDenseError


@dataclass(frozen=True)
class Chunk:
    """A run of words on one line of one page, separated from other runs by a column edge."""

    page: int
    top: float
    x0: float
    x1: float
    size: float
    text: str
    role: str  # "heading", "small" (footnotes, markers) or "body", by font size
    font: str = ""  # the font of the chunk's last word, without the subset prefix


@dataclass(frozen=True)
class PdfText:
    """The chunks of a PDF in reading order (page, column, top) and its document metadata."""

    chunks: list[Chunk]
    pages: int
    metadata: dict[str, str]


@dataclass(frozen=True)
class Ruling:
    """A vertical line drawn on the page, from ``top`` to ``bottom``, at ``x``."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Alignment:
    """A left edge where words start on several lines of a page: the start of a column."""

    x: float
    top: float
    bottom: float


@dataclass(frozen=True)
class Edges:
    """Where a new piece of text begins on one line: column starts and ruled cell borders."""

    starts: list[float]
    rulings: list[float]

    def cut(self, left_x1: float, right_x0: float) -> bool:
        """Whether a column edge lies between text ending at ``left_x1`` and starting at
        ``right_x0``: the right text starts at a column's left edge, or a ruling separates them."""
        if right_x0 < left_x1 - ALIGN_TOLERANCE:
            return False
        return any(abs(right_x0 - x) <= ALIGN_TOLERANCE for x in self.starts) or any(
            left_x1 - ALIGN_TOLERANCE <= x <= right_x0 + ALIGN_TOLERANCE for x in self.rulings
        )


def _open_error(exc: BaseException) -> EtlError:
    chain = []
    while exc is not None:
        chain.append(exc)
        exc = exc.__cause__ or exc.__context__
    if any(isinstance(e, PDFPasswordIncorrect | PDFEncryptionError) for e in chain):
        return EtlError(
            "the PDF is encrypted and cannot be read without a password",
            "open it in a PDF reader, save an unencrypted copy and pass it with --from-file",
            reason="encrypted",
        )
    detail = str(chain[-1]).strip().splitlines()[0][:120] if str(chain[-1]).strip() else ""
    return EtlError(
        f"the PDF is corrupt or truncated ({type(chain[-1]).__name__}"
        f"{': ' + detail if detail else ''})",
        "download the document again; if it persists, report the broken file to the publisher",
        reason="damaged",
    )


def _words(page) -> list[dict]:
    return page.extract_words(
        extra_attrs=["size", "fontname"],
        keep_blank_chars=False,
        use_text_flow=False,
        return_chars=True,
    )


def _rulings(page) -> list[Ruling]:
    """The vertical lines of the page (table borders), each a boundary between two cells."""
    return [
        Ruling(round(edge["x0"], 1), edge["top"], edge["bottom"])
        for edge in page.edges
        if edge["orientation"] == "v" and edge["bottom"] - edge["top"] > 4
    ]


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


def _font(fontname: str) -> str:
    """The font's name without the subset prefix ("ABCDEF+DejaVuSans-Bold" → "DejaVuSans-Bold")."""
    return fontname.split("+", 1)[-1]


def _ruled_between(rulings: list[Ruling], left: dict, right: dict) -> bool:
    top, bottom = min(left["top"], right["top"]), max(left["bottom"], right["bottom"])
    return any(
        left["x1"] - ALIGN_TOLERANCE <= r.x <= right["x0"] + ALIGN_TOLERANCE
        and r.top <= top + 1
        and r.bottom >= bottom - 1
        for r in rulings
    )


def _alignments(lines: list[list[dict]], rulings: list[Ruling]) -> list[Alignment]:
    """Left edges shared by words that clearly start a piece of text on ``COLUMN_LINES`` lines.

    A word clearly starts a piece when it begins its line, follows a wide gap or follows a ruling.
    Where the edges of many lines align, a column starts, whatever the gap before it on one line.
    """
    starts: list[tuple[float, float]] = []
    for line in lines:
        for previous, word in zip([None, *line], line, strict=False):
            if (
                previous is None
                or word["x0"] - previous["x1"] > CLEAR_GAP_EMS * word["size"]
                or _ruled_between(rulings, previous, word)
            ):
                starts.append((word["x0"], word["top"]))
    clusters: list[list[tuple[float, float]]] = []
    for x, top in sorted(starts):
        if clusters and x - clusters[-1][-1][0] <= ALIGN_TOLERANCE:
            clusters[-1].append((x, top))
        else:
            clusters.append([(x, top)])
    return [
        Alignment(cluster[0][0], min(t for _, t in cluster), max(t for _, t in cluster))
        for cluster in clusters
        if len({round(t) for _, t in cluster}) >= COLUMN_LINES
    ]


def _edges(line: list[dict], alignments: list[Alignment], rulings: list[Ruling]) -> Edges:
    """The column edges that apply to a line: alignments whose lines reach it, rulings beside it."""
    top, bottom = line[0]["top"], max(w["bottom"] for w in line)
    reach = ALIGNMENT_REACH_EMS * line[0]["size"]
    return Edges(
        starts=[a.x for a in alignments if a.top - reach <= top <= a.bottom + reach],
        rulings=[r.x for r in rulings if r.top <= top + 1 and r.bottom >= bottom - 1],
    )


def _split_word(word: dict, edges: Edges) -> list[dict]:
    """A word cut before each character that starts at a column edge: two cells that touch."""
    pieces: list[list[dict]] = [[word["chars"][0]]]
    for char in word["chars"][1:]:
        if edges.cut(pieces[-1][-1]["x1"], char["x0"]):
            pieces.append([char])
        else:
            pieces[-1].append(char)
    if len(pieces) == 1:
        return [word]
    return [
        {
            **word,
            "text": "".join(c["text"] for c in chars),
            "x0": chars[0]["x0"],
            "x1": chars[-1]["x1"],
        }
        for chars in pieces
    ]


def _chunks_of_line(page_number: int, line: list[dict], body: float, edges: Edges) -> list[Chunk]:
    """Split a line at column edges, where a wide gap opens or where the font role changes."""
    words = [piece for word in line for piece in _split_word(word, edges)]
    groups: list[list[dict]] = [[words[0]]]
    for word in words[1:]:
        previous = groups[-1][-1]
        gap = word["x0"] - previous["x1"]
        role_changes = _role(word["size"], body) != _role(previous["size"], body)
        if (
            role_changes
            or gap > COLUMN_GAP_EMS * max(word["size"], previous["size"])
            or edges.cut(previous["x1"], word["x0"])
        ):
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
            font=_font(group[-1]["fontname"]),
        )
        for group in groups
    ]


def _page_chunks(
    page_number: int, width: float, words: list[dict], rulings: list[Ruling], body: float
) -> list[Chunk]:
    """The chunks of one page in reading order."""
    lines = _lines(words, tolerance=0.4 * body)
    alignments = _alignments(lines, rulings)
    chunks = [
        chunk
        for line in lines
        for chunk in _chunks_of_line(page_number, line, body, _edges(line, alignments, rulings))
    ]
    columns = _columns(sorted({a.x for a in alignments}), chunks)
    if len(set(columns.values())) < 2:
        columns = {x: i for i, x in enumerate(_overlap_starts(chunks, width))}
    return _reading_order(chunks, width, columns)


def _columns(starts: list[float], chunks: list[Chunk]) -> dict[float, int]:
    """Number the columns from their left edges; a column of list markers (bullets, numbers,
    dashes) belongs to the names to its right, with the lines that wrap back under the markers."""
    columns: dict[float, int] = {}
    index = 0
    for x in starts:
        columns[x] = index
        here = [c for c in chunks if abs(c.x0 - x) <= ALIGN_TOLERANCE]
        if 3 * sum(bool(MARKER.fullmatch(c.text)) for c in here) < 2 * len(here):
            index += 1
    return columns


def _overlap_starts(chunks: list[Chunk], page_width: float) -> list[float]:
    """Left edges of columns whose names do not line up (centred cells): clusters of narrow
    chunks that do not overlap horizontally.

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


def _reading_order(
    chunks: list[Chunk], page_width: float, columns: dict[float, int]
) -> list[Chunk]:
    """Column by column, top to bottom; what spans the columns (titles, intros) first."""
    if len(set(columns.values())) < 2:
        return sorted(chunks, key=lambda c: (c.top, c.x0))

    def column(chunk: Chunk) -> int:
        left = [x for x in columns if x <= chunk.x0 + ALIGN_TOLERANCE]
        own = columns[max(left)] if left else -1
        crosses = any(
            chunk.x0 + ALIGN_TOLERANCE < x < chunk.x1 and index != own
            for x, index in columns.items()
        )
        return -1 if crosses or chunk.x1 - chunk.x0 >= 0.45 * page_width else own

    return sorted(chunks, key=lambda c: (column(c), c.top, c.x0))


def pdf_text(data: bytes, budget: PdfBudget = BUDGET) -> PdfText:
    """Extract the chunks of text of a PDF in reading order, tagged as heading, small or body.

    A PDF past the ``budget`` (pages, characters on a page, characters in all) is refused
    before its characters are laid out.
    """
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            metadata = {k: str(v) for k, v in (pdf.metadata or {}).items()}
            _check_pages(pdf, budget.pages)
            counted = [_characters(pdf, page, budget.chars_per_page) for page in pdf.pages]
            if sum(counted) > budget.chars:
                raise EtlError(
                    f"the PDF holds more than {budget.chars:,} characters, far more than the list",
                    NOT_THE_LIST,
                    reason="too-long",
                )
            pages = [
                (page.page_number, float(page.width), _words(page), _rulings(page))
                for page in pdf.pages
            ]
    except (EtlError, MemoryError):
        raise
    except Exception as exc:  # pdfminer raises many unrelated types for broken files
        raise _open_error(exc) from exc
    all_words = [word for _, _, words, _ in pages for word in words]
    if not all_words:
        raise EtlError(
            "the PDF has no text layer (it looks like a scanned image)",
            "ask the publisher for a text PDF, or transcribe the list and pass it as an HTML "
            "list with --from-file",
            reason="no-text",
        )
    body = _body_size(all_words)
    chunks: list[Chunk] = []
    for page_number, width, words, rulings in pages:
        chunks.extend(_page_chunks(page_number, width, words, rulings, body))
    return PdfText(chunks=chunks, pages=len(pages), metadata=metadata)


def _check_pages(pdf: pdfplumber.PDF, most: int) -> None:
    """EtlError if the PDF has more than ``most`` pages (counted up to one more, no further)."""
    if sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), most + 1)) > most:
        raise EtlError(
            f"the PDF has more than {most} pages, far more than the list",
            NOT_THE_LIST,
            reason="too-long",
        )


def _characters(pdf: pdfplumber.PDF, page: pdfplumber.page.Page, limit: int) -> int:
    """How many characters the page draws; EtlError past ``limit``."""
    counter = _CharacterCount(pdf.rsrcmgr, limit)
    try:
        PDFPageInterpreter(pdf.rsrcmgr, counter).process_page(page.page_obj)
    except _TooDenseError:
        raise EtlError(
            f"page {page.page_number} of the PDF holds more than {limit:,} characters, far more "
            "than a list of states",
            NOT_THE_LIST,
            reason="too-long",
        ) from None
    return counter.count


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
