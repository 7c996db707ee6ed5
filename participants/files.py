"""An uploaded list of participants read into lines of text for ``report.read_list``: CSV and
Excel (the column to read chosen by the caller, the likely one suggested), Word (.docx), PDF
and HTML.

Every upload passes the checks of a briefing template first (``safeio.uploads``: at most 10 MB;
the type told by the content, never by the name; an Office file's parts, their unpacked size and
compression, macros refused, outside links dropped); then a child process reads it within a time
and memory budget (``participants.bounded``), with the ETL's PDF reader (``etl.parse_pdf``: words
by position, column layouts, list markers) and HTML parser (``etl.parse_html``). Nothing is
fetched. What is read but is not a line of the list (a page number, a running header, a title or
a table's header row that names nothing) is set aside with its reason, never dropped unsaid.

Each refusal is a ``ListFileError`` (a ValueError) whose message is one line in the active
language: what is wrong with the file, named as the user gave it, and what to do.

>>> listed = read_file("list.csv", "Name;Delegation\\nMr. X;Kenya\\nMs. Y;Ghana".encode())
>>> [column.label for column in listed.columns], listed.suggested, listed.lines
(['A: Name', 'B: Delegation'], 1, ('Kenya', 'Ghana'))
"""

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from etl.extract import PAGE_NUMBER, reconcile
from etl.parse_html import looks_like_html
from etl.parse_pdf import MARKER, Chunk
from i18n import formats
from i18n.translate import N_, _
from participants.bounded import BUDGET, Budget, read_document
from participants.documents import MAX_COLUMNS, Block, DocumentError
from participants.lines import MAX_LINES, has_content, make_line
from participants.match import LineResult, Outcome, match_line
from participants.names import NameIndex, name_index
from safeio.uploads import (
    CFB_MAGIC,
    CONTENT_TYPES,
    LIMITS,
    MAIN_TYPES,
    ZIP_MAGIC,
    UploadError,
    check_size,
    office_package,
    read_local,
)

KINDS = ("csv", "xlsx", "docx", "pdf", "html")
SAMPLE = 100  # cells of each column matched to suggest the likely one
# The beginning of an HTML page or fragment (after etl.parse_html.looks_like_html's own).
_HTML_STARTS = (b"<!--", b"<meta", b"<table", b"<div", b"<ul", b"<ol", b"<p>", b"<h1")
_PAGE_WORDS = re.compile(r"^(page|p\.|página|pág\.?)\s*\d{1,3}(\s*(of|sur|de|/)\s*\d{1,3})?$", re.I)
_DOCTYPE = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
# How far apart (in font sizes, top to top) the lines of one entry are, at most.
_LINE_STEP_EMS = 1.6
_TOLERANCE = 2.0  # points: left edges this close are one
# Printed lines of a PDF read at most: 500 entries whose cells wrap onto five lines each.
_MAX_PRINTED_LINES = 10 * MAX_LINES

# Why a text read from a file is not a line of the list (SetAside.reason), in words.
PAGE_NUMBER_REASON = "page number"
RUNNING = "running header or footer"
HEADING = "heading"
HEADER_ROW = "header row"
SMALL_PRINT = "small print"
_REASONS = {
    PAGE_NUMBER_REASON: N_("a page number"),
    RUNNING: N_("a running header or footer"),
    HEADING: N_("a title or heading that names no participant"),
    HEADER_ROW: N_("a table's header row"),
    SMALL_PRINT: N_("small print that names no participant"),
}


class ListFileError(UploadError):
    """A list of participants that cannot be read: what is wrong, then what to do, in one line
    in the active language (the checks of ``safeio.uploads`` included)."""


@dataclass(frozen=True)
class SetAside:
    """Text read from the file that is not a line of the list, and why (a key of ``_REASONS``;
    ``said`` words it)."""

    text: str
    reason: str

    @property
    def said(self) -> str:
        """Why, in the active language: "a page number"."""
        return _(_REASONS[self.reason])


@dataclass(frozen=True)
class Column:
    """A column of a spreadsheet: its position (0 for A), its header (the first row, when that
    row names no participant; else ""), its cells with text below the header, and how many
    different states they name (among the first SAMPLE)."""

    index: int
    header: str
    cells: tuple[str, ...]
    states: int

    @property
    def letter(self) -> str:
        """The column's letter as a spreadsheet shows it: A, B, … Z, AA, …"""
        number, letters = self.index + 1, ""
        while number:
            number, rest = divmod(number - 1, 26)
            letters = chr(ord("A") + rest) + letters
        return letters

    @property
    def label(self) -> str:
        """The column as a choice: "B: Delegation", or "B" without a header."""
        return f"{self.letter}: {self.header}" if self.header else self.letter


@dataclass(frozen=True)
class ListFile:
    """A list of participants read from a file: ``lines``, the text to read (a document's lines,
    or a spreadsheet's chosen column); ``columns`` (CSV, Excel: each column with text) and
    ``suggested`` (the index in ``columns`` of the likely one, the one ``lines`` holds at first);
    ``set_aside``: what was read but is no line of the list, with why; ``sheet``: the Excel
    sheet read."""

    name: str
    kind: str
    lines: tuple[str, ...]
    columns: tuple[Column, ...] = ()
    suggested: int | None = None
    set_aside: tuple[SetAside, ...] = ()
    sheet: str = ""
    column: int | None = None  # the index in ``columns`` that ``lines`` holds

    @property
    def text(self) -> str:
        """The lines as the text ``report.read_list`` reads, one per line."""
        return "\n".join(self.lines)

    def with_column(self, index: int) -> "ListFile":
        """The same file read from another of its columns (an index in ``columns``)."""
        if not 0 <= index < len(self.columns):
            raise IndexError(f"no column {index} in {self.name}")
        return replace(self, lines=self.columns[index].cells, column=index)


def read_path(path: Path, budget: Budget = BUDGET) -> ListFile:
    """A list given on the command line: a regular file of at most 10 MB, read as ``read_file``
    reads an upload; messages name ``path`` as given."""
    try:
        data = read_local(path, LIMITS.size)
    except UploadError as error:
        raise ListFileError(error.problem, error.action) from error
    return read_file(str(path), data, budget)


def read_file(name: str, data: bytes, budget: Budget = BUDGET) -> ListFile:
    """The lines of an uploaded list of participants (``name`` as the user gave it, for the
    messages); ListFileError when it is too large, of an unknown type, damaged, encrypted, far
    longer than a list, holds more than 500 lines or names no participant."""
    kind, data = _checked(name, data)
    try:
        answer = read_document(kind, data, budget)
    except DocumentError as error:
        raise _refusal(name, error.reason, budget) from None
    if answer.get("truncated"):
        raise _too_many_lines(name)
    names = _Names(name_index())
    if kind in ("csv", "xlsx"):
        return _spreadsheet(name, kind, answer["rows"], answer["sheet"], names)
    if kind == "pdf":
        chunks = [Chunk(**chunk) for chunk in answer["chunks"]]
        lines, aside = _pdf_lines(name, chunks, names)
    else:
        lines, aside = _block_lines(name, [Block(**block) for block in answer["blocks"]], names)
    if len(lines) > MAX_LINES:
        raise _too_many_lines(name)
    if not any(names.names(line) for line in lines):
        raise _no_name(name)
    return ListFile(name, kind, tuple(lines), set_aside=tuple(aside))


# The file's type, and the upload checks ------------------------------------------------------


def _checked(name: str, data: bytes) -> tuple[str, bytes]:
    """The kind of the file, told by its content, and the bytes to read (an Office file rebuilt
    from its checked parts); ListFileError when it is too large, or of no kind read here."""
    try:
        check_size(name, data)
        head = data[:1024].removeprefix(b"\xef\xbb\xbf")
        if b"%PDF-" in head:
            return "pdf", data
        if data.startswith((ZIP_MAGIC, CFB_MAGIC)):
            expected = _("a Word (.docx) or Excel (.xlsx) file")
            package = office_package(name, data, ("docx", "xlsx"), expected).data
            return _office_kind(name, package), package
    except UploadError as error:
        raise ListFileError(error.problem, error.action) from error
    if looks_like_html(head) or head.lstrip().lower().startswith(_HTML_STARTS):
        return "html", data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" not in data[: 64 * 1024]:
        return "csv", data
    raise ListFileError(
        _(
            "{name} is not a list of participants in a format read here: CSV, Excel (.xlsx), "
            "Word (.docx), PDF or HTML"
        ).format(name=name),
        _("save it in one of these formats and try again"),
    )


def _office_kind(name: str, package: bytes) -> str:
    """ "docx" or "xlsx": the main part's type in a checked package. A part that declares a
    document type (the start of an entity expansion: Office never writes one) is refused before
    any parser sees it."""
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        types = archive.read(CONTENT_TYPES).decode("utf-8", "replace")
        for part in archive.namelist():
            if not part.lower().endswith((".xml", ".rels")):
                continue
            with archive.open(part) as member:
                if _DOCTYPE.search(member.read()):
                    raise _refusal(name, "damaged", BUDGET)
    return "docx" if MAIN_TYPES["docx"] in types else "xlsx"


def _refusal(name: str, reason: str, budget: Budget) -> ListFileError:
    """The message for what the reader could not do (a DocumentError's reason)."""
    if reason == "encrypted":
        return ListFileError(
            _("{name} is encrypted: it opens only with a password").format(name=name),
            _("save a copy without the password and try again"),
        )
    if reason == "no-text":
        return ListFileError(
            _("{name} has no text to read: it looks like a scanned image").format(name=name),
            _("export the list from the document it was written in, or paste the names"),
        )
    if reason == "too-long":
        return ListFileError(
            _("{name} is far longer than a list of participants").format(name=name),
            _("upload the list alone, or paste the names"),
        )
    if reason == "too-slow":
        return ListFileError(
            _("reading {name} took longer than {seconds} seconds").format(
                name=name, seconds=formats.number(budget.seconds)
            ),
            _("upload the list alone, or paste the names"),
        )
    return ListFileError(
        _("{name} is damaged or incomplete and cannot be read").format(name=name),
        _("open it, save it again and try again"),
    )


def _too_many_lines(name: str) -> ListFileError:
    return ListFileError(
        _("{name} holds more than {limit} lines; at most {limit} are read at once").format(
            name=name, limit=formats.number(MAX_LINES)
        ),
        _("split it into shorter lists"),
    )


def _no_name(name: str) -> ListFileError:
    return ListFileError(
        _("{name} names no state or organisation that could be recognised").format(name=name),
        _("check that it is the list of participants, or paste the names"),
    )


# What a text names -----------------------------------------------------------------------------


class _Names:
    """What a text names, each text matched once (without the close names of a line not found)."""

    def __init__(self, index: NameIndex) -> None:
        self.index = index
        self.results: dict[str, LineResult] = {}

    def result(self, text: str) -> LineResult:
        if text not in self.results:
            self.results[text] = match_line(make_line(text), self.index, suggest=False)
        return self.results[text]

    def names(self, text: str) -> bool:
        """Whether the text names a state, an organisation or an entity (even ambiguously)."""
        return self.result(text).outcome != Outcome.NOT_FOUND

    def state(self, text: str) -> str:
        """The state the text names alone, or ""."""
        result = self.result(text)
        return result.iso3 if result.outcome == Outcome.MATCHED else ""


def _row_lines(cells: Sequence[str], names: _Names) -> list[str]:
    """The lines of a row of cells (or of a paragraph's pieces between tabs and line breaks):
    each its own line when every one names a participant (a table of names: "Kenya | Ghana"),
    else the row as one line, its cells separated by commas after any list marker ("1. | Mr X |
    Kenya" → "1. Mr X, Kenya")."""
    cells = [" ".join(cell.split()).rstrip(",;") for cell in cells if has_content(cell)]
    if len(cells) > 1 and all(names.names(cell) for cell in cells):
        return cells
    markers = 0
    while markers < len(cells) - 1 and MARKER.fullmatch(cells[markers]):
        markers += 1
    return [" ".join([*cells[:markers], ", ".join(cells[markers:])])] if cells else []


def _cell_parts(cell: str) -> list[str]:
    """A cell's own lines (paragraphs, line breaks)."""
    return [part for part in cell.split("\n") if has_content(part)]


# Word and HTML ---------------------------------------------------------------------------------


def _block_lines(name: str, blocks: list[Block], names: _Names) -> tuple[list[str], list[SetAside]]:
    """The lines of a document's paragraphs, headings and table rows; headings and a table's
    first or header row set aside when they name no participant."""
    candidates = sum(b.kind == "text" or (b.kind == "row" and not b.first) for b in blocks)
    if candidates > MAX_LINES:  # before any name is looked up
        raise _too_many_lines(name)
    lines: list[str] = []
    aside: list[SetAside] = []
    for block in blocks:
        cells = [", ".join(_cell_parts(cell)) for cell in block.cells]
        text = ", ".join(cell for cell in cells if cell)
        if not has_content(text):
            continue
        if block.kind == "heading" and not names.names(text):
            aside.append(SetAside(text, HEADING))
        elif block.kind == "row" and (block.first or block.header) and not names.names(text):
            aside.append(SetAside(text, HEADER_ROW))
        elif block.kind == "row" and sum(bool(c) for c in cells) == 1:
            lines.extend(part for cell in block.cells for part in _cell_parts(cell))  # layout
        else:
            lines.extend(_row_lines(cells, names))
    return lines, aside


# CSV and Excel ---------------------------------------------------------------------------------


def _spreadsheet(
    name: str, kind: str, rows: list[list[str]], sheet: str, names: _Names
) -> ListFile:
    """Every column with text, the first row as their headers when it names no participant, and
    the likely column suggested: the one whose cells name the most different states."""
    rows = [[", ".join(_cell_parts(cell)) for cell in row] for row in rows]
    rows = [row for row in rows if any(row)]
    width = max((max(i for i, cell in enumerate(row) if cell) + 1 for row in rows), default=0)
    if width > MAX_COLUMNS:
        raise ListFileError(
            _("{name} has more than {limit} columns").format(name=name, limit=MAX_COLUMNS),
            _("keep the columns of the list of participants and try again"),
        )
    header = len(rows) > 1 and not any(names.names(cell) for cell in rows[0] if cell)
    body = rows[1:] if header else rows
    if len(body) > MAX_LINES:
        raise _too_many_lines(name)
    columns = []
    for index in range(width):
        cells = tuple(row[index] for row in body if index < len(row) and row[index])
        if not cells:
            continue
        states = {names.state(cell) for cell in cells[:SAMPLE]} - {""}
        columns.append(Column(index, rows[0][index] if header else "", cells, len(states)))
    named = [sum(names.names(cell) for cell in column.cells[:SAMPLE]) for column in columns]
    if not any(named):
        raise _no_name(name)
    best = max(range(len(columns)), key=lambda i: (columns[i].states, named[i], -i))
    return ListFile(name, kind, columns[best].cells, tuple(columns), best, sheet=sheet, column=best)


# PDF -------------------------------------------------------------------------------------------


@dataclass
class _Cell:
    """A piece of a PDF line between column edges (one or more of the ETL's chunks)."""

    x0: float
    x1: float
    text: str


@dataclass
class _Row:
    """A line of a PDF page: its cells left to right, where it is, and how it is set."""

    page: int
    top: float
    size: float
    cells: list[_Cell]
    chunks: list[Chunk]

    @property
    def text(self) -> str:
        return ", ".join(cell.text for cell in self.cells)

    @property
    def x0(self) -> float:
        return self.cells[0].x0


def _pdf_lines(name: str, chunks: list[Chunk], names: _Names) -> tuple[list[str], list[SetAside]]:
    """The lines of a PDF from the ETL's chunks. Page furniture (page numbers, running headers
    and footers) and titles, headings or small print that name no participant are set aside.
    A page whose lines of several pieces each name a participant ("Kenya   Ghana   Mali") is
    a list in columns: read column by column as the ETL reads it (names that wrap re-joined);
    any other page is read line by line, the pieces of a line separated by commas (a table:
    "Mr X | Ambassador | Kenya"), a line that wraps joined to the one it continues, on the same
    page or at the top of the next (a table row that breaks across pages)."""
    pages: dict[int, list[Chunk]] = {}
    for chunk in chunks:
        pages.setdefault(chunk.page, []).append(chunk)
    rows = {page: _rows(page_chunks) for page, page_chunks in pages.items()}
    if sum(len(page_rows) for page_rows in rows.values()) > _MAX_PRINTED_LINES:
        raise _too_many_lines(name)  # before any name is looked up
    running = _running(rows)
    said = _Said(names)
    for page, page_rows in rows.items():
        kept = []
        edges = {id(row) for row in _edges(page_rows)}
        for row in page_rows:
            reason = _furniture(row, running, id(row) in edges, len(rows), names)
            if reason:
                said.aside.append(SetAside(row.text, reason))
            else:
                kept.append(row)
        several = [row for row in kept if len(row.cells) > 1]
        listed = sum(all(names.names(cell.text) for cell in row.cells) for row in several)
        if several and 2 * listed > len(several):
            said.flush()
            said.lines.extend(_in_columns(pages[page], kept, names.index.knows))
            continue
        for row in _joined(kept, said.pending):
            said.add(row)
    said.flush()
    return said.lines, said.aside


class _Said:
    """The lines of a PDF's pages read line by line, each said once the line after it is known
    (a table's first row may be its header; a page's last line may go on on the next page)."""

    def __init__(self, names: _Names) -> None:
        self.names = names
        self.lines: list[str] = []
        self.aside: list[SetAside] = []
        self.pending: _Row | None = None  # the last line read, not yet said
        self.before = 0  # how many pieces the line said before it had (0: none, or a list's)

    def add(self, row: "_Row") -> None:
        """The next line; says the one before it (``row`` may be it again, longer)."""
        if self.pending is not None and row is not self.pending:
            self._say(self.pending, row)
        self.pending = row

    def flush(self) -> None:
        if self.pending is not None:
            self._say(self.pending, None)
        self.pending, self.before = None, 0

    def _say(self, row: "_Row", after: "_Row | None") -> None:
        """A line, or its setting aside as a table's header: the first line of several pieces
        after one of a single piece (or none), followed by another of several pieces, naming no
        participant."""
        header = len(row.cells) > 1 and self.before <= 1 and after is not None
        if header and len(after.cells) > 1 and not self.names.names(row.text):
            self.aside.append(SetAside(row.text, HEADER_ROW))
        else:
            self.lines.extend(_row_lines([cell.text for cell in row.cells], self.names))
        self.before = len(row.cells)


def _rows(chunks: list[Chunk]) -> list[_Row]:
    """The lines of a page, top to bottom, each a row of cells left to right: a list marker
    ("1.", "•") joined to the text after it, a footnote mark (small print without letters) to
    the text before it."""
    rows: list[list[Chunk]] = []
    for chunk in sorted(chunks, key=lambda c: (c.top, c.x0)):
        if rows and abs(chunk.top - rows[-1][0].top) <= 0.5 * max(chunk.size, rows[-1][0].size):
            rows[-1].append(chunk)
        else:
            rows.append([chunk])
    made = []
    for row in rows:
        row.sort(key=lambda c: c.x0)
        cells: list[_Cell] = []
        glue = False
        for chunk in row:
            mark = chunk.role == "small" and not any(ch.isalpha() for ch in chunk.text)
            bullet = _is_bullet(chunk.text)
            if bullet:
                pass  # a bullet or dash says nothing: the line is the text after it
            elif cells and (glue or mark):
                cells[-1].text += (" " if glue else "") + chunk.text
                cells[-1].x1 = chunk.x1
            else:
                cells.append(_Cell(chunk.x0, chunk.x1, chunk.text))
            glue = bool(MARKER.fullmatch(chunk.text)) and not (mark or bullet)
        if not cells:  # a bullet alone on its line
            continue
        made.append(_Row(row[0].page, row[0].top, max(c.size for c in row), cells, row))
    return made


def _is_bullet(text: str) -> bool:
    """Whether a piece of a line is a list marker of no letter or digit ("•", "–", a symbol
    font's glyph)."""
    return bool(MARKER.fullmatch(text)) and not any(ch.isalnum() for ch in text)


def _edges(page_rows: list[_Row]) -> list[_Row]:
    """The first and last line of a page where they stand apart from the text (more than two
    font sizes away from the next line): where running headers and footers stand."""
    found = []
    if len(page_rows) > 1 and page_rows[1].top - page_rows[0].top > 2 * page_rows[0].size:
        found.append(page_rows[0])
    if len(page_rows) > 1 and page_rows[-1].top - page_rows[-2].top > 2 * page_rows[-2].size:
        found.append(page_rows[-1])
    return found if len(page_rows) > 1 else list(page_rows)


def _normalised(text: str, page: int, pages: int) -> str:
    """A line's text as the same running header or footer prints it on every page: the page's
    number and the number of pages as "#" ("Page 2 of 3", "Page 3 of 3": "page # of #")."""
    numbers = re.compile(rf"\b({page}|{pages})\b")
    return numbers.sub("#", " ".join(text.split()).lower())


def _running(rows: dict[int, list[_Row]]) -> set[str]:
    """Texts (``_normalised``) that are the first or last line of two pages or more: running
    headers and footers ("Page 2 of 3", "Nairobi consultation – 3 March 2027")."""
    seen: dict[str, set[int]] = {}
    for page, page_rows in rows.items():
        for row in _edges(page_rows):
            seen.setdefault(_normalised(row.text, page, len(rows)), set()).add(page)
    return {text for text, pages in seen.items() if len(pages) >= 2}


def _furniture(row: _Row, running: set[str], edge: bool, pages: int, names: _Names) -> str:
    """Why a line is not one of the list, or "". ``edge``: the line is the first or last of its
    page, where a running header or footer (a text of ``running``) stands."""
    text = row.text
    if len(row.cells) == 1 and (PAGE_NUMBER.match(text) or _PAGE_WORDS.match(text)):
        return PAGE_NUMBER_REASON
    if edge and _normalised(text, row.page, pages) in running:
        return RUNNING
    roles = {chunk.role for chunk in row.chunks}
    bold = all("bold" in chunk.font.lower() for chunk in row.chunks)
    if (roles == {"heading"} or bold) and not names.names(text):
        return HEADING
    if roles == {"small"} and not names.names(text):
        return SMALL_PRINT
    return ""


def _continues(row: _Row, previous: _Row | None, left: float, across: bool = False) -> bool:
    """Whether ``row`` is the rest of ``previous``, wrapped: just below it (or, ``across``, at
    the top of the next page), and either a table's cells wrapping (it starts right of the
    table's first column and each piece lies under one of the line's), or the text of a list
    item after its marker (it starts where that text does), or a line that starts in lower case;
    never a line that starts with a list marker."""
    if previous is None or MARKER.fullmatch(row.chunks[0].text):
        return False  # a list item of its own
    step = row.top - previous.top if previous.page == row.page else -1.0
    if not (across or 0 < step <= _LINE_STEP_EMS * previous.size):
        return False
    if row.text[:1].islower():
        return True
    if len(previous.cells) > 1:
        return row.x0 > left + _TOLERANCE and all(
            any(c.x0 < p.x1 and p.x0 < c.x1 for p in previous.cells) for c in row.cells
        )
    first = previous.chunks[0]
    return (
        bool(MARKER.fullmatch(first.text))
        and len(previous.chunks) > 1
        and abs(row.x0 - previous.chunks[1].x0) <= _TOLERANCE
    )


def _joined(rows: list[_Row], carried: _Row | None = None) -> list[_Row]:
    """The lines of a page with each wrapped line joined to the one it continues (in a table,
    each piece to the cell above it); ``carried``, the last line of the page before, first (the
    page's first line may continue it)."""
    several = [row.x0 for row in [*rows, *([carried] if carried else [])] if len(row.cells) > 1]
    left = min(several, default=0.0)
    joined: list[_Row] = [carried] if carried is not None else []
    for at, row in enumerate(rows):
        previous = joined[-1] if joined else None
        across = at == 0 and carried is not None
        if previous is not None and _continues(row, previous, left, across):
            for cell in row.cells:
                under = [p for p in previous.cells if cell.x0 < p.x1 and p.x0 < cell.x1]
                target = under[0] if under else previous.cells[-1]
                target.text += " " + cell.text
            previous.page, previous.top = row.page, row.top  # the next wrap is measured from here
            continue
        cells = [_Cell(cell.x0, cell.x1, cell.text) for cell in row.cells]
        joined.append(_Row(row.page, row.top, row.size, cells, row.chunks))
    return joined


def _in_columns(chunks: list[Chunk], kept: list[_Row], known: Callable[[str], bool]) -> list[str]:
    """The names of a page listed in columns, in the ETL's reading order (column by column),
    names that wrap onto the next line re-joined (``etl.extract.reconcile``)."""
    kept_chunks = {id(chunk) for row in kept for chunk in row.chunks}
    texts: list[str] = []
    glue = False
    for chunk in chunks:  # the reading order of etl.parse_pdf
        if id(chunk) not in kept_chunks or _is_bullet(chunk.text):
            continue
        if glue and texts:
            texts[-1] += " " + chunk.text
        elif chunk.role == "small" and texts and not any(ch.isalpha() for ch in chunk.text):
            texts[-1] += chunk.text
        else:
            texts.append(chunk.text)
        glue = bool(MARKER.fullmatch(chunk.text))
    return reconcile(texts, known)
