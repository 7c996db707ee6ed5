"""The text of an uploaded list of participants, as blocks: paragraphs, headings and table rows
(Word, HTML), rows of cells (CSV, Excel) or the ETL's chunks of a PDF.

Pure reading, no names: what each block names is decided by ``participants.files``. It runs in a
child process with a deadline and a memory cap (``participants.bounded``), on bytes that
``safeio.uploads`` checked first (an Office file rebuilt from its checked parts, without outside
links). Nothing is fetched: the XML parsers resolve no entity, load no DTD and use no network,
the HTML parser follows no link.
"""

import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import date, datetime, time

from bs4 import NavigableString, Tag
from lxml import etree

from etl.errors import EtlError
from etl.parse_html import NAVIGATION
from etl.parse_html import parse as parse_html
from etl.parse_pdf import PdfBudget, pdf_text

MAX_BLOCKS = 2000  # blocks read before a document is known to hold too many lines
MAX_COLUMNS = 30  # columns of a spreadsheet read: a list of participants has a handful
PDF_BUDGET = PdfBudget(pages=50, chars_per_page=20_000, chars=150_000)
CSV_SAMPLE = 64 * 1024  # what the delimiter is guessed from
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Word elements whose text is not the document's: deleted or moved-away text, field codes, and
# the fallback copy of a text box (its text is read once, in mc:Choice).
_SKIPPED_WORD = {f"{W}del", f"{W}moveFrom", f"{W}instrText", f"{W}delText", MC_FALLBACK}
# HTML elements whose text is not the page's content.
_SKIPPED_HTML = {
    *NAVIGATION,
    "script",
    "style",
    "template",
    "noscript",
    "head",
    "title",
    "svg",
    "math",
    "iframe",
    "object",
    "form",
    "select",
    "button",
}
_BLOCK_HTML = {
    "p",
    "div",
    "li",
    "dt",
    "dd",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "address",
    "figure",
    "figcaption",
    "fieldset",
    "legend",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "hr",
    "body",
    "center",
}
_HEADING_HTML = {"h1", "h2", "h3", "h4", "h5", "h6", "caption"}
_CELL_HTML = {"td", "th"}
_SPACES = re.compile(r"\s+")
_BREAKS = re.compile(r"[\t\n]")
_HEADING_STYLE = re.compile(r"^(title|subtitle|heading\b.*)$", re.I)


class DocumentError(Exception):
    """A document that cannot be read: ``reason`` says why, as a key ``participants.files``
    words ("encrypted", "damaged", "no-text", "too-long", "too-many-lines")."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Block:
    """A paragraph (its pieces between tabs and line breaks as cells), a heading, or a table row
    (its cells; a cell's own lines separated by newlines).

    ``kind``: "text", "heading" or "row"; ``table``: the table's number (rows), -1 otherwise;
    ``header``: a row marked as the table's header (HTML ``th`` cells, ``thead``, Word's
    repeated header row); ``first``: the first row of its table."""

    kind: str
    cells: tuple[str, ...]
    table: int = -1
    header: bool = False
    first: bool = False


def extract(kind: str, data: bytes) -> dict:
    """What a document holds, as JSON-ready values: ``blocks`` (Word, HTML), ``rows`` (CSV,
    Excel, with ``sheet``) or ``chunks`` and ``pages`` (PDF); ``truncated`` when reading
    stopped at the limit. DocumentError when it cannot be read."""
    if kind == "pdf":
        return _pdf(data)
    if kind in ("csv", "xlsx"):
        rows, sheet = _csv(data) if kind == "csv" else _xlsx(data)
        return {"rows": rows, "sheet": sheet, "truncated": len(rows) > MAX_BLOCKS}
    blocks = list(_limited(_docx(data) if kind == "docx" else _html(data)))
    return {
        "blocks": [asdict(block) for block in blocks[:MAX_BLOCKS]],
        "truncated": len(blocks) > MAX_BLOCKS,
    }


def _limited(blocks: Iterator[Block]) -> Iterator[Block]:
    """The blocks with text, up to one more than MAX_BLOCKS."""
    count = 0
    for block in blocks:
        cells = tuple(
            "\n".join(" ".join(line.split()) for line in cell.split("\n") if line.strip())
            for cell in block.cells
        )
        if not any(cells):
            continue
        yield Block(block.kind, cells, block.table, block.header, block.first)
        count += 1
        if count > MAX_BLOCKS:
            return


# PDF -------------------------------------------------------------------------------------------


def _pdf(data: bytes) -> dict:
    try:
        text = pdf_text(data, PDF_BUDGET)
    except EtlError as error:
        raise DocumentError(error.reason or "damaged") from None
    return {"chunks": [asdict(chunk) for chunk in text.chunks], "pages": text.pages}


# CSV and Excel ---------------------------------------------------------------------------------


def decode_text(data: bytes) -> str:
    """Text in UTF-8 (with or without its byte-order mark), UTF-16 with one, else Windows-1252
    (a spreadsheet saved as CSV on Windows), else Latin-1."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _csv(data: bytes) -> tuple[list[list[str]], str]:
    """The rows of a CSV file (comma, semicolon or tab separated: the one its start shows), up
    to one more than MAX_BLOCKS rows with text, each cut at MAX_COLUMNS + 1 cells."""
    text = decode_text(data)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text[:CSV_SAMPLE], delimiters=",;\t"
        )
    except csv.Error:  # one column, or no consistent separator: one cell a line
        dialect = _OneColumn
    rows = []
    try:
        for row in csv.reader(io.StringIO(text, newline=""), dialect):
            if any(cell.strip() for cell in row):
                rows.append([cell.strip() for cell in row[: MAX_COLUMNS + 1]])
                if len(rows) > MAX_BLOCKS:
                    break
    except csv.Error:
        raise DocumentError("damaged") from None
    return rows, ""


class _OneColumn(csv.Dialect):
    delimiter = "\x1f"  # a separator no list uses: each line is one cell
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = csv.QUOTE_MINIMAL


def _cell_text(value: object) -> str:
    """A spreadsheet cell as text: whole numbers without ".0", dates as YYYY-MM-DD."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).strip()


def _xlsx(data: bytes) -> tuple[list[list[str]], str]:
    """The rows of the workbook's sheet that was open when it was saved (else its first visible
    sheet with text), cut as CSV rows are; and the sheet's name."""
    import openpyxl

    with warnings.catch_warnings():  # data validation, conditional formatting: not read here
        warnings.simplefilter("ignore")
        try:
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (KeyError, ValueError, TypeError, zipfile.BadZipFile, etree.LxmlError):
            raise DocumentError("damaged") from None
        try:
            sheets = [s for s in book.worksheets if s.sheet_state == "visible"]
            active = book.active if book.active in sheets else None
            for sheet in ([active] if active else []) + [s for s in sheets if s is not active]:
                rows = []
                for values in sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True):
                    cells = [_cell_text(value) for value in values]
                    if any(cells):
                        rows.append(cells)
                        if len(rows) > MAX_BLOCKS:
                            break
                if rows:
                    return rows, sheet.title
        finally:
            book.close()
    return [], ""


# Word ------------------------------------------------------------------------------------------


def _parse_xml(xml: bytes) -> etree._Element:
    """An XML part parsed without entities, a DTD or the network."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError:
        raise DocumentError("damaged") from None


def _docx(data: bytes) -> Iterator[Block]:
    """The blocks of a Word document's body in order: paragraphs (headings by their style),
    and each table's rows; headers, footers, footnotes and comments are not read."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            types = _parse_xml(package.read("[Content_Types].xml"))
            main = next(
                (
                    o.get("PartName", "").lstrip("/")
                    for o in types.iter(f"{TYPES}Override")
                    if o.get("ContentType") == DOCX_MAIN
                ),
                "word/document.xml",
            )
            document = _parse_xml(package.read(main))
            names = set(package.namelist())
            styles_part = "word/styles.xml"
            styles = _parse_xml(package.read(styles_part)) if styles_part in names else None
    except (KeyError, zipfile.BadZipFile):
        raise DocumentError("damaged") from None
    headings = _heading_styles(styles)
    body = document.find(f"{W}body")
    if body is None:
        raise DocumentError("damaged")
    tables = iter(range(1_000_000))
    yield from _word_blocks(body, headings, tables)


def _heading_styles(styles: etree._Element | None) -> set[str]:
    """The ids of the paragraph styles that are a title, subtitle or heading (by their name,
    which Word keeps in English whatever the language of the interface)."""
    if styles is None:
        return set()
    found = set()
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        outline = style.find(f"{W}pPr/{W}outlineLvl")
        if (name is not None and _HEADING_STYLE.match(name.get(f"{W}val", ""))) or (
            outline is not None and outline.get(f"{W}val", "9") != "9"
        ):
            found.add(style.get(f"{W}styleId", ""))
    return found


def _word_blocks(parent: etree._Element, headings: set[str], tables: Iterator[int]):
    for child in parent:
        if child.tag == f"{W}p":
            style = child.find(f"{W}pPr/{W}pStyle")
            outline = child.find(f"{W}pPr/{W}outlineLvl")
            heading = (style is not None and style.get(f"{W}val") in headings) or (
                outline is not None and outline.get(f"{W}val", "9") != "9"
            )
            parts = _BREAKS.split(_word_text(child))  # tabs and line breaks: its pieces
            yield Block("heading" if heading else "text", tuple(parts))
        elif child.tag == f"{W}tbl":
            table = next(tables)
            rows = [row for row in child.iter(f"{W}tr") if _nearest(row, f"{W}tbl") is child]
            for number, row in enumerate(rows):  # a table inside a cell is read with its cell
                header = row.find(f"{W}trPr/{W}tblHeader") is not None
                cells = tuple(
                    _cell_lines(_word_text(cell)) for cell in row.iterchildren(f"{W}tc", f"{W}sdt")
                )
                yield Block("row", cells, table, header, number == 0)
        elif child.tag in (f"{W}sdt", f"{W}sdtContent", f"{W}customXml"):
            yield from _word_blocks(child, headings, tables)


def _cell_lines(text: str) -> str:
    """A cell's text, its lines (paragraphs, line breaks) kept apart by newlines."""
    return "\n".join(" ".join(part.split()) for part in _BREAKS.split(text) if part.strip())


def _nearest(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _word_text(element: etree._Element) -> str:
    """The text of a paragraph or a cell: tabs kept, line breaks and paragraphs as new lines."""
    out: list[str] = []
    _collect(element, out)
    return "".join(out).strip("\n")


def _collect(element: etree._Element, out: list[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED_WORD:
            continue
        if tag == f"{W}t":
            out.append(child.text or "")
        elif tag == f"{W}tab":
            out.append("\t")
        elif tag in (f"{W}br", f"{W}cr"):
            out.append("\n")
        elif tag == f"{W}noBreakHyphen":
            out.append("-")
        elif tag == f"{W}p":
            out.append("\n")
            _collect(child, out)
            out.append("\n")
        else:
            _collect(child, out)


# HTML ------------------------------------------------------------------------------------------


class _HtmlBlocks:
    """Blocks from a page's elements in document order (an explicit stack: no recursion, so a
    page of a million nested tags is read like any other)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.line: list[str] = []  # the text of the block being read
        self.heading = 0  # inside h1–h6 or a caption
        self.row: list[str] | None = None  # the cells of the table row being read
        self.row_header = True  # every cell of the row is a th, or the row is in a thead
        self.cell: list[str] | None = None
        self.tables: list[list[int]] = []  # [table number, rows read] of each open table
        self.count = 0

    def text(self, text: str) -> None:
        """Text of the source: its line breaks are spaces, as a browser shows them."""
        text = _SPACES.sub(" ", text)
        (self.cell if self.cell is not None else self.line).append(text)

    def boundary(self) -> None:
        """A line ends (a block element opens or closes, or a <br>)."""
        if self.cell is not None:
            self.cell.append("\n")
        else:
            self.flush()

    def flush(self) -> None:
        """The block read so far, its pieces between line breaks as its cells."""
        parts = tuple("".join(self.line).split("\n"))
        self.line = []
        if any(part.strip() for part in parts):
            self.blocks.append(Block("heading" if self.heading else "text", parts))

    def start(self, name: str, in_head: bool) -> None:
        if name in _HEADING_HTML:
            self.boundary()
            self.heading += 1
        elif name == "table":
            self.flush()
            self.count += 1
            self.tables.append([self.count, 0])
        elif name == "tr" and self.tables:
            self.flush()
            self.row, self.row_header = [], True
        elif name in _CELL_HTML and self.row is not None:
            self.cell = []
            self.row_header = self.row_header and (name == "th" or in_head)
        elif name == "br":
            (self.cell if self.cell is not None else self.line).append("\n")
        elif name in _BLOCK_HTML:
            self.boundary()

    def end(self, name: str) -> None:
        if name in _HEADING_HTML:
            self.boundary()
            self.heading = max(0, self.heading - 1)
        elif name in _CELL_HTML and self.cell is not None and self.row is not None:
            self.row.append(_cell_lines("".join(self.cell)))
            self.cell = None
        elif name == "tr" and self.row is not None and self.tables:
            table = self.tables[-1]
            if any(self.row):
                self.blocks.append(
                    Block("row", tuple(self.row), table[0], self.row_header, table[1] == 0)
                )
                table[1] += 1
            self.row = None
        elif name == "table" and self.tables:
            self.tables.pop()
            self.flush()
        elif name in _BLOCK_HTML:
            self.boundary()


def _html(data: bytes) -> Iterator[Block]:
    """The blocks of a page: paragraphs, list items, headings (h1–h6, captions) and table rows
    (a cell's lines joined by commas), outside navigation, headers, footers, scripts and
    forms."""
    page = parse_html(data)
    reader = _HtmlBlocks()
    stack: list[Tag] = []
    skipping = 0
    in_head = 0
    for node in page.descendants:
        while stack and node.parent is not stack[-1]:
            closed = stack.pop()
            skipping -= _skipped(closed)
            in_head -= closed.name == "thead"
            if not skipping:
                reader.end(closed.name)
        if isinstance(node, Tag):
            stack.append(node)
            skipping += _skipped(node)
            in_head += node.name == "thead"
            if not skipping:
                reader.start(node.name, bool(in_head))
        elif type(node) is NavigableString and not skipping:  # not a comment, a doctype …
            reader.text(str(node))
        if len(reader.blocks) > MAX_BLOCKS:
            break
    while stack:
        closed = stack.pop()
        skipping -= _skipped(closed)
        if not skipping:
            reader.end(closed.name)
    reader.flush()
    yield from reader.blocks


def _skipped(tag) -> bool:
    return tag.name in _SKIPPED_HTML or tag.get("role") == "navigation" or tag.has_attr("hidden")
