"""The briefing pack as an A4 landscape PDF handout, with the map merged in as vector graphics."""

import io
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject, StreamObject
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    KeepInFrame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import CondPageBreak

from briefing.pack import AUTHOR, LANGUAGE_TAGS, NameList, Pack, Priority, score_text
from i18n import formats
from i18n.translate import _, active

FONT, BOLD = "DejaVuSans", "DejaVuSans-Bold"
PAGE_W, PAGE_H = landscape(A4)
MARGIN = 28.0
FOOTER_SPACE = 42.0  # the footer sits below this height on every page
HEADER_H = 62.0
GAP = 12.0
MAP_W = 540.0
MAP_H = MAP_W * 9 / 16
MAP_TOP = PAGE_H - MARGIN - HEADER_H
MAP_FRAME = (MARGIN, MAP_TOP - MAP_H, MAP_W, MAP_H)  # x, y, width, height: left free for the map
MAP_NAME = "/Map"  # the map form's name in page 1's resources
BODY_W = PAGE_W - 2 * MARGIN
SIDE_X = MARGIN + MAP_W + GAP  # key figures and sentences, beside the map
SIDE_W = PAGE_W - MARGIN - SIDE_X
NAME_TYPE = ((30, 8.5, 5), (80, 7.5, 6), (None, 6.5, 7))  # up to n names: type size, columns
TEXT = colors.HexColor("#222222")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
HEADER_FILL = colors.HexColor("#eef1f5")
URL_START = re.compile(r" (https?://)")
PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
# reportlab breaks lines at a narrow no-break space (U+202F, which Babel writes in French numbers,
# "1 234") and draws it as a plain space; the no-break space (U+00A0) it keeps, and DejaVu Sans
# has both glyphs. So U+202F becomes U+00A0 wherever the handout sets text, in ``_kept``.
NARROW_NO_BREAK, NO_BREAK = "\u202f", "\u00a0"


@cache
def _fonts() -> None:
    """Register DejaVu Sans and Sans Bold from matplotlib's own copy (every name's characters)."""
    folder = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont(FONT, str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(folder / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=FONT, boldItalic=BOLD)


def _style(size: float, bold: bool = False, color: colors.Color = TEXT, **kw) -> ParagraphStyle:
    return ParagraphStyle(
        f"s{size}{bold}",
        fontName=BOLD if bold else FONT,
        fontSize=size,
        leading=size * 1.25,
        textColor=color,
        **kw,
    )


def _kept(text: str) -> str:
    """The text as the handout sets it, narrow no-break spaces made no-break spaces."""
    return text.replace(NARROW_NO_BREAK, NO_BREAK)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(_kept(text)), style)


def _heading(text: str, size: float = 10.5, room: float = 30.0) -> list[Flowable]:
    """A heading that moves to the next frame unless ``room`` points fit below it."""
    return [
        CondPageBreak(size * 2.5 + room),
        _para(text, _style(size, bold=True, spaceBefore=6, spaceAfter=3)),
    ]


def _table(rows: list[list[Flowable]], widths: list[float], *style: tuple) -> Table:
    """A table whose first row is a shaded header, repeated on each page it runs over."""
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT),  # the cells' own, else Helvetica
                ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                ("LEFTPADDING", (0, 0), (-1, -1), 3),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                *style,
            ]
        )
    )
    return table


def _cells(texts: list[str], style: ParagraphStyle) -> list[Flowable]:
    return [_para(t, style) for t in texts]


def _header(pack: Pack) -> list[Flowable]:
    """The title, the dates, and the dashboard's address that reopens these figures."""
    return [
        _para(pack.title, _style(15, bold=True, spaceAfter=3)),
        _para(
            _("{subtitle}. {prepared}.").format(subtitle=pack.subtitle, prepared=pack.prepared),
            _style(9, color=MUTED),
        ),
        _para(pack.link, _style(7.5, color=MUTED, uriWasteReduce=0.3)),
    ]


def _bullets(texts: tuple[str, ...], size: float) -> list[Flowable]:
    style = _style(size, spaceAfter=3, leftIndent=size, firstLineIndent=-size)
    return [_para(f"• {text}", style) for text in texts]


def _side(pack: Pack) -> list[Flowable]:
    """Key figures and the ready-to-say sentences, beside the map."""
    head, body = _style(8.5, bold=True), _style(8.5)
    rows = [_cells([_("Key figure"), _("Value")], head)]
    rows += [_cells([label, value], body) for label, value in pack.key_figures]
    return [
        *_heading(_("Key figures")),
        _table(rows, [SIDE_W * 0.62, SIDE_W * 0.38]),
        *_heading(_("Ready to say")),
        *_bullets(pack.sentences, 8.5),
    ]


class _NameColumns(Table):
    """Names read down each column, then across; split at the foot of a page, each part is read
    the same way, so that the order never jumps from one column's foot to the next block."""

    def __init__(self, cells: list[Flowable], columns: int) -> None:
        self.cells, self.columns = cells, columns
        rows = -(-len(cells) // columns)
        grid = [
            [cells[c * rows + r] if c * rows + r < len(cells) else "" for c in range(columns)]
            for r in range(rows)
        ]
        super().__init__(grid, colWidths=[BODY_W / columns] * columns, hAlign="LEFT")
        self.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), FONT),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    *[(side, (0, 0), (-1, -1), 0) for side in PADDINGS],
                    ("RIGHTPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        """The most whole rows that fit, read down then across, and the rest (reportlab's)."""
        rows = -(-len(self.cells) // self.columns)
        for kept in range(rows - 1, 0, -1):
            head = _NameColumns(self.cells[: kept * self.columns], self.columns)
            if head.wrap(availWidth, availHeight)[1] <= availHeight:
                return [head, _NameColumns(self.cells[kept * self.columns :], self.columns)]
        return []


def _name_list(names: NameList, size: float, columns: int) -> list[Flowable]:
    """A category's heading, then its names read down the columns; the two stay on one page
    when they fit one."""
    cells = [_para(n, _style(size, leftIndent=6, firstLineIndent=-6)) for n in names.names]
    heading = _para(names.heading, _style(9, bold=True, spaceBefore=6, spaceAfter=3))
    return [KeepTogether([heading, _NameColumns(cells, columns)])]


def _names(pack: Pack) -> list[Flowable]:
    """The names of each category, in smaller type and more columns the more names there are."""
    count = sum(len(n.names) for n in pack.name_lists)
    size, columns = next((s, c) for most, s, c in NAME_TYPE if most is None or count <= most)
    story = _heading(_("Who has endorsed and who has not"))
    for names in pack.name_lists:
        story += _name_list(names, size, columns)
    if pack.notes:
        story += [*_heading(_("Caveats"), 9), *_bullets(pack.notes, 7.5)]
    return story


def _since(pack: Pack) -> list[Flowable]:
    """What moved since a day: the sentence to say, then the movers, newest first, and what a
    date "by then" means; nothing without a "since" day."""
    since = pack.since
    if since is None:
        return []
    head, body = _style(8, bold=True), _style(7.5)
    story = [*_heading(since.heading), _para(since.sentence, _style(8.5, spaceAfter=4))]
    if not since.rows:
        return story
    rows = [_cells(list(since.header), head), *(_cells(list(r), body) for r in since.rows)]
    rows.append([_para(since.note, _style(7.5, color=MUTED)), "", "", "", ""])
    last = len(rows) - 1
    keep = [("SPAN", (0, last), (-1, last)), ("NOSPLIT", (0, last - 1), (-1, last))]
    # the date and how exact it is as wide as their header or their widest cell
    day, exact = (
        max(_fitting(since.header[i], head), *(_fitting(r[i], body) for r in since.rows))
        for i in (3, 4)
    )
    rest = BODY_W - day - exact
    widths = [rest * 0.28, rest * 0.36, rest * 0.36, day, exact]
    return [*story, _table(rows, widths, *keep)]


def _side_by_side(pack: Pack) -> list[Flowable]:
    """Two to four states compared, fact by fact: the sentence, the table, how to read it;
    nothing when no states are compared."""
    compared = pack.side_by_side
    if compared is None:
        return []
    head, body = _style(8, bold=True), _style(7.5)
    story = [*_heading(compared.heading), _para(compared.sentence, _style(8.5, spaceAfter=4))]
    rows = [_cells(list(compared.header), head), *(_cells(list(r), body) for r in compared.rows)]
    rows.append(
        [_para(compared.note, _style(7.5, color=MUTED)), *[""] * (len(compared.header) - 1)]
    )
    last = len(rows) - 1
    keep = [("SPAN", (0, last), (-1, last)), ("NOSPLIT", (0, last - 1), (-1, last))]
    # the mark as wide as its header or its widest cell, the facts a quarter of the rest
    mark = max(_fitting(compared.header[-1], head), *(_fitting(r[-1], body) for r in compared.rows))
    rest = BODY_W - mark
    states = len(compared.header) - 2
    widths = [rest * 0.25, *[rest * 0.75 / states] * states, mark]
    return [*story, _table(rows, widths, *keep)]


def _priorities(pack: Pack) -> list[Flowable]:
    """Rank, State, Score, Why; then the score's formula, kept on the page of the last row."""
    head, body = _style(8, bold=True), _style(7.5)
    story = _heading(_("Outreach priorities (states yet to endorse the Call to Action)"))
    score = _("Score = {weights}").format(weights=pack.weights)
    formula = _para(score, _style(7.5, color=MUTED))
    if not pack.priorities:
        none = _("None: every member has endorsed the Call to Action.")
        return [*story, _para(none, body), formula]
    focused = not pack.focus.is_world  # in a group: its rank, the world's in brackets
    header = [_("Rank (world)") if focused else _("Rank"), _("State"), _("Score"), _("Why")]
    rows = [_cells(header, head)]
    rows += [
        _cells([_rank(p, focused), p.name, score_text(p.score), p.why], body)
        for p in pack.priorities
    ]
    rows.append([formula, "", "", ""])
    last = len(rows) - 1
    keep = [("SPAN", (0, last), (-1, last)), ("NOSPLIT", (0, last - 1), (-1, last))]
    # rank and score as narrow as their numbers, or as their header in a longer language
    rank, score = max(34, _fitting(header[0], head)), max(36, _fitting(header[2], head))
    widths = [rank, 112, score, BODY_W - rank - 112 - score]
    return [*story, _table(rows, widths, *keep), *_asks(pack)]


def _asks(pack: Pack) -> list[Flowable]:
    """The ask to put to each priority state, in rank order."""
    numbered = _style(7.5, spaceAfter=3, leftIndent=10, firstLineIndent=-10)
    asks = [
        _para(_("{rank}. {ask}").format(rank=formats.number(p.rank), ask=p.ask), numbered)
        for p in pack.priorities
    ]
    return [*_heading(_("Suggested asks"), 9), *asks]


def _rank(priority: Priority, focused: bool) -> str:
    """ "3", or "3 (15)" in a group: its rank there, then among every state."""
    if not focused:
        return formats.number(priority.rank)
    return _("{rank} ({world})").format(
        rank=formats.number(priority.rank), world=formats.number(priority.world_rank)
    )


def _fitting(text: str, style: ParagraphStyle) -> float:
    """The width of a table column that holds ``text`` on one line, its cell padding included."""
    return stringWidth(text, style.fontName, style.fontSize) + 2 * 3 + 1


def _related(pack: Pack, width: float) -> list[Flowable]:
    head, body = _style(8, bold=True), _style(7.5)
    rows = [_cells([_("Instrument"), _("Where the group stands")], head)]
    rows += [_cells([name, standing], body) for name, standing in pack.related]
    return [
        _para(_("Related instruments in the group"), _style(10.5, bold=True, spaceAfter=3)),
        _table(rows, [width * 0.4, width * 0.6]),
    ]


def _sources(pack: Pack) -> list[Flowable]:
    """Each source, its web addresses starting a line and breaking, if they must, after a "/"."""
    style = _style(6.5, color=MUTED, spaceAfter=2, uriWasteReduce=0.3)
    return [
        _para(_("Sources and method"), _style(10.5, bold=True, spaceAfter=3)),
        *(Paragraph(URL_START.sub(r"<br/>\1", escape(_kept(s))), style) for s in pack.sources),
    ]


def _related_and_sources(pack: Pack) -> list[Flowable]:
    """The related instruments and the sources side by side, moving on together if need be."""
    half = (BODY_W - GAP) / 2
    pair = Table([[_related(pack, half), _sources(pack)]], colWidths=[half + GAP, half])
    pair.hAlign = "LEFT"
    pair.spaceBefore = 6
    pair.setStyle(
        TableStyle(
            [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), FONT)]
            + [(side, (0, 0), (-1, -1), 0) for side in PADDINGS]
            + [("RIGHTPADDING", (0, 0), (0, 0), GAP)]
        )
    )
    return [pair]


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages until the end, then writes "page n of m" on each.

    The language is taken when the canvas is made: the pages are numbered in the pack's language.
    """

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._page_of = _("page {number} of {total}")

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        for state in self._held:
            self.__dict__.update(state)
            self.setFont(FONT, 7)
            self.setFillColor(MUTED)
            page = self._page_of.format(
                number=formats.number(self.getPageNumber()), total=formats.number(len(self._held))
            )
            self.drawRightString(PAGE_W - MARGIN, FOOTER_SPACE - 10 - 7, _kept(page))
            super().showPage()
        super().save()


def _footer(pack: Pack) -> Callable[[Canvas, BaseDocTemplate], None]:
    """Draw the source line at the foot of each page (the canvas adds "page n of m")."""
    style = _style(6.5, color=MUTED)
    number_w = 70.0

    def draw(canvas: Canvas, _doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(MARGIN, FOOTER_SPACE - 6, PAGE_W - MARGIN, FOOTER_SPACE - 6)
        source = _para(pack.footer, style)
        _, height = source.wrap(BODY_W - number_w, FOOTER_SPACE)
        source.drawOn(canvas, MARGIN, FOOTER_SPACE - 10 - height)
        canvas.restoreState()

    return draw


def _templates(pack: Pack) -> list[PageTemplate]:
    """Page 1: header, a frame left free for the map, figures beside it, lists below; then full."""
    map_y = MAP_FRAME[1]
    first = [
        Frame(MARGIN, MAP_TOP, BODY_W, HEADER_H, 0, 0, 0, 0, id="header"),
        Frame(SIDE_X, map_y, SIDE_W, MAP_H, 0, 0, 0, 0, id="side"),
        Frame(MARGIN, FOOTER_SPACE, BODY_W, map_y - GAP - FOOTER_SPACE, 0, 0, 0, 0, id="below"),
    ]
    full = Frame(
        MARGIN, FOOTER_SPACE, BODY_W, PAGE_H - MARGIN - FOOTER_SPACE, 0, 0, 0, 0, id="full"
    )
    footer = _footer(pack)
    return [
        PageTemplate("first", first, onPage=footer),
        PageTemplate("later", [full], onPage=footer),
    ]


def _story(pack: Pack) -> list[Flowable]:
    return [
        NextPageTemplate("later"),
        KeepInFrame(BODY_W, HEADER_H, _header(pack), mode="shrink"),
        FrameBreak(),
        KeepInFrame(SIDE_W, MAP_H, _side(pack), mode="shrink"),
        FrameBreak(),
        *_since(pack),
        *_side_by_side(pack),
        *_names(pack),
        *_priorities(pack),
        *_related_and_sources(pack),
    ]


def _layout(pack: Pack) -> bytes:
    """The handout without the map, numbered "page n of m"."""
    _fonts()
    out = io.BytesIO()
    doc = BaseDocTemplate(
        out,
        pagesize=(PAGE_W, PAGE_H),
        title=pack.title,
        subject=pack.subtitle,
        author=_(AUTHOR),
        creator=_(AUTHOR),
        invariant=1,
        initialFontName=FONT,  # else each page would name Helvetica, a base-14 font
        lang=LANGUAGE_TAGS.get(active()),  # French and Spanish say so; English files as before
    )
    doc.addPageTemplates(_templates(pack))
    doc.build(_story(pack), canvasmaker=_NumberedCanvas)
    return out.getvalue()


def _own_resources(page: PageObject) -> None:
    """Copy the page's shared resource dictionaries, so the map's fonts stay off the other pages."""
    resources = page["/Resources"].get_object()
    for key, value in list(resources.items()):
        if isinstance(value.get_object(), DictionaryObject):
            resources[NameObject(key)] = DictionaryObject(value.get_object())


def _map_form(writer: PdfWriter, chart: PageObject) -> IndirectObject:
    """The map's page as a Form XObject: its drawing copied as it is, never parsed or redrawn."""
    form = StreamObject()
    form.set_data(chart.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): chart.mediabox,
            NameObject("/Resources"): chart["/Resources"].clone(writer),
        }
    )
    return writer._add_object(form.flate_encode())


def _merge_map(writer: PdfWriter, page: PageObject, map_pdf: bytes) -> None:
    """Draw the map, scaled into the free frame of page 1 and centred, as a vector form."""
    chart = PdfReader(io.BytesIO(map_pdf)).pages[0]
    box = chart.mediabox
    x, y, width, height = MAP_FRAME
    scale = min(width / float(box.width), height / float(box.height))
    left = x + (width - float(box.width) * scale) / 2 - float(box.left) * scale
    bottom = y + (height - float(box.height) * scale) / 2 - float(box.bottom) * scale
    _own_resources(page)
    resources = page["/Resources"].get_object()
    forms = resources.setdefault(NameObject("/XObject"), DictionaryObject())
    forms[NameObject(MAP_NAME)] = _map_form(writer, chart)
    drawing = StreamObject()
    drawing.set_data(
        f"q {scale:.6f} 0 0 {scale:.6f} {left:.3f} {bottom:.3f} cm {MAP_NAME} Do Q".encode()
    )
    contents = page.raw_get("/Contents")
    earlier = list(contents) if isinstance(contents, ArrayObject) else [contents]
    # drawn first, so that the map's text also comes first when the page is read as text
    page[NameObject("/Contents")] = ArrayObject([writer._add_object(drawing), *earlier])


def render_handout(pack: Pack, map_pdf: bytes) -> bytes:
    """A4 landscape PDF: title, the vector map, figures, names, priorities, related, sources."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(_layout(pack))))
    _merge_map(writer, writer.pages[0], map_pdf)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
