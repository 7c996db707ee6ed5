"""The briefing deck: a pack laid out as an editable PowerPoint presentation (PPTX bytes)."""

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from pathlib import Path

import matplotlib
from lxml.etree import XMLSyntaxError
from PIL import Image, ImageFont
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import MSO_SHAPE, PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.exc import InvalidXmlError
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide, SlideLayout
from pptx.text.text import Font, TextFrame
from pptx.util import Inches, Pt

from briefing.pack import AUTHOR, LANGUAGE_TAGS, Pack, score_text
from briefing.template import Template
from i18n import formats
from i18n.translate import N_, _, active
from ui.figures.print_map import LegendEntry, legend_entries
from ui.tables.map_table import map_description
from ui.views.map_view import DISCLAIMER

EMU_PER_PT = 12700
WIDE = (Inches(13.333), Inches(7.5))  # 16:9, when there is no template
MARGIN = Inches(0.5)
GAP = Inches(0.15)
HANG = Inches(0.2)
INSET_X = Inches(0.1)  # text box and table cell margins, set explicitly so the sums hold
INSET_Y = Inches(0.05)
LINE = 1.2  # line height as a multiple of the type size (exact line spacing is set)
SLACK = 0.95  # measured widths and heights keep 5% in reserve for the renderer's font
MIN_COLUMN = Inches(1.9)
FIXED_TIME = datetime(2000, 1, 1)  # created and modified: the same pack gives the same file text
TITLE_SIZES = (32, 28, 24, 20, 18, 16)
BODY_SIZES = (20, 18, 16, 14, 12, 11, 10)
LIST_SIZES = (14, 13, 12, 11, 10, 9)
TABLE_SIZES = (14, 13, 12, 11)  # tables go over more slides rather than below 11 pt
FOOTER_SIZES = (9, 8)
VALUE_SIZES = (40, 36, 32, 28, 24, 20, 16, 14, 12)
LABEL_SIZE = 14
LEGEND_SIZES = (14, 12)  # the map's legend, in at most two rows
SWATCH = (Inches(0.3), Inches(0.2))  # a legend swatch; the small-state dot is as high
SWATCH_GAP, ENTRY_GAP = Inches(0.08), Inches(0.3)
# Slide titles, translated where a slide is made (the map's is the focus's lead sentence)
KEY_FIGURES, READY = N_("Key figures"), N_("Ready to say")
NAMES, PRIORITIES = N_("Who has endorsed and who has not"), N_("Outreach priorities")
RELATED, SOURCES = N_("Related instruments within the group"), N_("Sources and method")
ASKS = N_("Suggested asks")
# Where a line may break: any white space but the no-break ones ("29,5 %", "1 234")
BREAKS = re.compile(r"[^\S\u00a0\u2007\u202f\u2060]+")

TITLES = {PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE}
BODIES = {PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT}
FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU."""

    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Para:
    """One paragraph of a text box: text, bold or not, space before it in points."""

    text: str
    bold: bool = False
    gap: float = 0.0
    hang: bool = False  # lines after the first are indented, so a wrapped name reads as one


@dataclass(frozen=True)
class Section:
    """A heading and its entries, flowed down columns and over slides; spaced: paragraphs apart."""

    heading: str
    entries: tuple[str, ...]
    spaced: bool = False


@dataclass(frozen=True)
class Layouts:
    """The layouts the deck uses, and what had to stand in for a missing one."""

    title: SlideLayout
    content: SlideLayout
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class TableText:
    """A native table's header and rows, a closing line, and each column's share of the width.

    A share of 0 makes the column as wide as its widest cell; the others share what is left.
    """

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    shares: tuple[float, ...]
    trailer: str = ""
    empty: str = ""


@dataclass
class Builder:
    """The presentation being built, its layouts, the pack and the warnings so far."""

    deck: Deck
    layouts: Layouts
    pack: Pack
    warnings: list[str]


# Measuring text --------------------------------------------------------------------------------


@cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    """DejaVu Sans (shipped with matplotlib): wider than Calibri and Arial, so a safe measure."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), 100)


@cache
def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of one line of text in points."""
    return _font(bold).getlength(text) * size / 100


def wrap(text: str, size: float, width: float, bold: bool = False) -> list[str]:
    """Greedy word wrap at ``width`` points; a word too long for a line is broken."""
    lines: list[str] = []
    for word in (w for w in BREAKS.split(text) if w):
        joined = f"{lines[-1]} {word}" if lines else word
        if lines and text_width(joined, size, bold) <= width:
            lines[-1] = joined
            continue
        while text_width(word, size, bold) > width and len(word) > 1:
            fit = (n for n in range(1, len(word)) if text_width(word[:n], size, bold) <= width)
            cut = max(fit, default=1)
            lines.append(word[:cut])
            word = word[cut:]
        lines.append(word)
    return lines or [""]


def para_height(para: Para, size: float, width: float) -> float:
    """Height of a paragraph in points at ``width`` points: space before plus its lines."""
    width -= HANG / EMU_PER_PT if para.hang else 0.0
    return para.gap + len(wrap(para.text, size, width * SLACK, para.bold)) * LINE * size


def _inner(box: Box) -> tuple[float, float]:
    """Width and height inside a text box's margins, in points."""
    return (box.width - 2 * INSET_X) / EMU_PER_PT, (box.height - 2 * INSET_Y) / EMU_PER_PT


def fits(paras: Sequence[Para], size: float, box: Box) -> bool:
    """Whether the paragraphs fit the box at this type size."""
    width, height = _inner(box)
    return sum(para_height(p, size, width) for p in paras) <= height * SLACK


def _fit_size(paras: Sequence[Para], box: Box, sizes: Sequence[float]) -> float:
    """The largest type size at which the paragraphs fit, else the smallest."""
    return next((s for s in sizes if fits(paras, s, box)), sizes[-1])


# Text boxes ------------------------------------------------------------------------------------


def _fill(frame: TextFrame, paras: Sequence[Para], size: float, align: PP_ALIGN | None) -> None:
    """Write paragraphs into a text box or placeholder, with the margins the measures assume."""
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left = frame.margin_right = INSET_X
    frame.margin_top = frame.margin_bottom = INSET_Y
    _write(frame, paras, size, align)


def _write(frame: TextFrame, paras: Sequence[Para], size: float, align: PP_ALIGN | None) -> None:
    """Paragraphs with an explicit type size, exact line spacing and no space after."""
    for index, para in enumerate(paras):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = para.text
        paragraph.line_spacing = Pt(LINE * size)
        paragraph.space_before = Pt(para.gap)
        paragraph.space_after = Pt(0)
        if align is not None:
            paragraph.alignment = align
        if para.hang:
            paragraph._pPr.set("marL", str(HANG))
            paragraph._pPr.set("indent", str(-HANG))
        for run in paragraph.runs:
            run.font.size = Pt(size)
            run.font.bold = para.bold
            _tag_language(run.font)


def _tag_language(font: Font) -> None:
    """Mark French or Spanish text as such, for the office suite's spelling and hyphenation."""
    tag = LANGUAGE_TAGS.get(active())
    if tag:
        font.language_id = MSO_LANGUAGE_ID.from_xml(tag)


def _text(
    slide: Slide,
    box: Box,
    paras: Sequence[Para],
    size: float,
    name: str,
    align: PP_ALIGN | None = None,
) -> None:
    shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
    shape.name = name
    shape.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _fill(shape.text_frame, paras, size, align)


# Layouts and the template ----------------------------------------------------------------------


def _types(layout: SlideLayout) -> set[PP_PLACEHOLDER]:
    return {p.placeholder_format.type for p in layout.placeholders}


def _pick_layouts(deck: Deck) -> Layouts:
    """Title slide: title and subtitle; content: title only, else title and body; else fall back."""
    layouts = list(deck.slide_layouts)
    titled = [lay for lay in layouts if _types(lay) & TITLES]
    title_only = [lay for lay in titled if not _types(lay) - TITLES - FURNITURE]
    with_body = [lay for lay in titled if _types(lay) & BODIES]
    opening = [lay for lay in titled if PP_PLACEHOLDER.SUBTITLE in _types(lay)]
    warnings = []
    content = next(iter(title_only + with_body), None)
    if content is None:
        content = titled[0] if titled else min(layouts, key=lambda lay: len(lay.placeholders))
        if titled:
            warning = _(
                "The template has no layout with a title and a body placeholder and none with a "
                "title only; content slides use the layout '{layout}'."
            )
        else:
            warning = _(
                "The template has no layout with a title and a body placeholder and none with a "
                "title only; content slides use the layout '{layout}' with the title in a text "
                "box."
            )
        warnings.append(warning.format(layout=content.name))
    if not opening:
        warnings.append(
            _(
                "The template has no title slide layout (title and subtitle placeholders); "
                "the title slide uses the layout '{layout}'."
            ).format(layout=content.name)
        )
    return Layouts(opening[0] if opening else content, content, tuple(warnings))


def _open(template: Template | None) -> Deck:
    """The template with its slides removed, or python-pptx's default made 16:9."""
    if template is None:
        deck = Presentation()
        _widen(deck)
        return deck
    try:
        deck = Presentation(io.BytesIO(template.package))
    except (
        KeyError,
        ValueError,
        zipfile.BadZipFile,
        InvalidXmlError,
        XMLSyntaxError,
    ) as error:
        reason = " ".join(str(error).split())
        raise ValueError(
            _(
                "{file} cannot be used as a template: not a readable PowerPoint (.pptx) file "
                "({reason})"
            ).format(file=template.name, reason=reason)
        ) from error
    slide_ids = deck.slides._sldIdLst
    for slide_id in list(slide_ids):
        deck.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return deck


def _widen(deck: Deck) -> None:
    """Stretch the 4:3 master and layouts of python-pptx's default to 16:9."""
    ratio = WIDE[0] / deck.slide_width
    for sheet in [deck.slide_master, *deck.slide_layouts]:
        for shape in sheet.shapes:
            if shape._element.xfrm is not None:  # a placeholder without a frame inherits it
                shape.left, shape.width = round(shape.left * ratio), round(shape.width * ratio)
    deck.slide_width, deck.slide_height = WIDE


def _properties(deck: Deck, pack: Pack) -> None:
    props = deck.core_properties
    props.title = pack.title
    props.subject = pack.subtitle
    props.author = _(AUTHOR)
    props.last_modified_by = _(AUTHOR)
    props.keywords = ""
    props.comments = ""
    props.category = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


# Slides ----------------------------------------------------------------------------------------


def _size(b: Builder) -> tuple[int, int]:
    return b.deck.slide_width, b.deck.slide_height


def _footer_box(b: Builder) -> tuple[Box, Box, float]:
    """Footer and slide-number boxes at the foot of the slide, sized to the footer's lines."""
    width, height = _size(b)
    number_width = Inches(0.6)
    probe = Box(MARGIN, 0, width - 2 * MARGIN - number_width, height)
    size = next(
        (s for s in FOOTER_SIZES if len(wrap(b.pack.footer, s, _inner(probe)[0] * SLACK)) <= 3),
        FOOTER_SIZES[-1],
    )
    lines = len(wrap(b.pack.footer, size, _inner(probe)[0] * SLACK))
    box_height = int(2 * INSET_Y + lines * LINE * size * EMU_PER_PT / SLACK) + 1
    top = height - Inches(0.2) - box_height
    footer = Box(MARGIN, top, probe.width, box_height)
    number = Box(footer.left + footer.width, top, number_width, box_height)
    return footer, number, size


def _drop_placeholders(slide: Slide, keep: set[PP_PLACEHOLDER]) -> None:
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.type not in keep:
            placeholder._element.getparent().remove(placeholder._element)


def _title(b: Builder, slide: Slide, text: str, sizes: Sequence[float]) -> Box:
    """Fill the slide's title placeholder, else a text box at the top; its box."""
    title = slide.shapes.title
    if title is None:
        box = Box(MARGIN, Inches(0.3), _size(b)[0] - 2 * MARGIN, Inches(1.0))
        _text(slide, box, [Para(text, bold=True)], _fit_size([Para(text)], box, sizes), "Title")
        return box
    placed = Box(title.left, title.top, title.width, title.height)
    _fill(title.text_frame, [Para(text)], _fit_size([Para(text)], placed, sizes), None)
    return placed


def _furnish(b: Builder, slide: Slide, said: Sequence[str]) -> None:
    """Footer with the source line, slide number, and speaker notes: what to say, then the
    source."""
    footer, number, size = _footer_box(b)
    _text(slide, footer, [Para(b.pack.footer)], size, "Footer")
    page = formats.number(len(b.deck.slides))
    _text(slide, number, [Para(page)], size, "Slide number", PP_ALIGN.RIGHT)
    notes = slide.notes_slide.notes_text_frame
    notes.text = "\n".join([*said, b.pack.footer])
    for paragraph in notes.paragraphs:
        for run in paragraph.runs:
            _tag_language(run.font)


def _content_slide(b: Builder, title: str, said: Sequence[str]) -> tuple[Slide, Box]:
    """A content slide with its title, footer and notes (``said``, then the source); the free
    area for the body."""
    slide = b.deck.slides.add_slide(b.layouts.content)
    _drop_placeholders(slide, TITLES)
    width, _ = _size(b)
    placed = _title(b, slide, title, TITLE_SIZES)
    _furnish(b, slide, said)
    footer, _, _ = _footer_box(b)
    if placed.top > _size(b)[1] / 2:  # a title at the foot: the body goes above it
        return slide, Box(MARGIN, MARGIN, width - 2 * MARGIN, placed.top - GAP - MARGIN)
    top = placed.bottom + GAP
    return slide, Box(placed.left, top, placed.width, footer.top - GAP - top)


def _title_slide(b: Builder) -> None:
    pack = b.pack
    slide = b.deck.slides.add_slide(b.layouts.title)
    _drop_placeholders(slide, TITLES | {PP_PLACEHOLDER.SUBTITLE})
    width, _ = _size(b)
    placed = _title(b, slide, pack.title, (40, 36, *TITLE_SIZES))
    lines = [Para(pack.subtitle), Para(pack.prepared, gap=6)]
    subtitle = next(
        (p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE),
        None,
    )
    if subtitle is None:
        box = Box(MARGIN, placed.bottom + GAP, width - 2 * MARGIN, Inches(1.4))
        _text(slide, box, lines, _fit_size(lines, box, BODY_SIZES), "Subtitle")
    else:
        box = Box(subtitle.left, subtitle.top, subtitle.width, subtitle.height)
        _fill(subtitle.text_frame, lines, _fit_size(lines, box, BODY_SIZES), PP_ALIGN.CENTER)
    _furnish(b, slide, [pack.lead])


def _map_slide(b: Builder, png: bytes) -> None:
    """The map under the focus's lead sentence, its legend below it in the slide's own type."""
    slide, box = _content_slide(b, b.pack.lead.removesuffix("."), b.pack.sentences)
    used = _legend(slide, box, legend_entries(b.pack.view, b.pack.focus))
    box = Box(box.left, box.top, box.width, box.height - used - GAP)
    with Image.open(io.BytesIO(png)) as image:
        pixels_wide, pixels_high = image.size
    scale = min(box.width / pixels_wide, box.height / pixels_high)
    width, height = int(pixels_wide * scale), int(pixels_high * scale)
    left = box.left + (box.width - width) // 2
    picture = slide.shapes.add_picture(io.BytesIO(png), left, box.top, width, height)
    picture.name = "Map"
    picture._element.nvPicPr.cNvPr.set("descr", map_description(b.pack.view, b.pack.focus))


def _legend_rows(entries: Sequence[LegendEntry], size: float, width: int) -> list[list[int]]:
    """The entries' indexes in rows across ``width`` EMU at this type size."""
    rows: list[list[int]] = [[]]
    used = 0
    for index, entry in enumerate(entries):
        need = SWATCH[0] + SWATCH_GAP + _label_width(entry.label, size)
        if rows[-1] and used + ENTRY_GAP + need > width:
            rows.append([])
            used = 0
        used += (ENTRY_GAP if rows[-1] else 0) + need
        rows[-1].append(index)
    return rows


def _label_width(label: str, size: float) -> int:
    """The width in EMU of a text box that holds the label on one line."""
    return int(text_width(label, size) * EMU_PER_PT / SLACK) + 2 * INSET_X + 1


def _legend(slide: Slide, box: Box, entries: Sequence[LegendEntry]) -> int:
    """The legend at the foot of the box, in rows of swatches and labels; its height."""
    size = next(
        (s for s in LEGEND_SIZES if len(_legend_rows(entries, s, box.width)) <= 2),
        LEGEND_SIZES[-1],
    )
    rows = _legend_rows(entries, size, box.width)
    row_height = int(LINE * size * EMU_PER_PT / SLACK) + 2 * INSET_Y
    for number, row in enumerate(rows):
        top = box.bottom - (len(rows) - number) * row_height
        left = box.left
        for index in row:
            entry = entries[index]
            _swatch(slide, entry, left, top + (row_height - SWATCH[1]) // 2, index + 1)
            left += SWATCH[0] + SWATCH_GAP
            label = Box(left, top, _label_width(entry.label, size), row_height)
            _text(slide, label, [Para(entry.label)], size, f"Legend {index + 1}")
            left += label.width + ENTRY_GAP
    return len(rows) * row_height


def _swatch(slide: Slide, entry: LegendEntry, left: int, top: int, number: int) -> None:
    """A legend's swatch: a filled rectangle, or a circle for the small-state dot."""
    width, height = SWATCH
    if entry.dot:
        shape = slide.shapes.add_shape(
            MSO_SHAPE.OVAL, left + (width - height) // 2, top, height, height
        )
    else:
        shape = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, left, top, width, height)
    shape.name = f"Legend swatch {number}"
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(entry.fill.lstrip("#"))
    shape.line.color.rgb = RGBColor.from_string(entry.edge.lstrip("#"))
    shape.line.width = Pt(entry.width or 0.75)
    shape.shadow.inherit = False


def _cards(slide: Slide, box: Box, figures: Sequence[tuple[str, str]]) -> int:
    """Key figures as large numbers over their labels, in rows of up to four; their height."""
    per_row = min(4, len(figures))
    width = box.width // per_row
    card = Box(0, 0, width - GAP, box.height)
    values = [Para(value, bold=True) for _, value in figures]
    labels = [Para(label) for label, _ in figures]
    one_line = (s for s in VALUE_SIZES if all(len(_lines(v, s, card)) == 1 for v in values))
    value_size = next(one_line, VALUE_SIZES[-1])
    value_height = _tallest(values, value_size, card)
    label_height = _tallest(labels, LABEL_SIZE, card)
    top = box.top
    for index, (value, label) in enumerate(zip(values, labels, strict=True)):
        left = box.left + (index % per_row) * width
        top = box.top + (index // per_row) * (value_height + label_height + GAP)
        name = f"Key figure {index + 1}"
        _text(slide, Box(left, top, card.width, value_height), [value], value_size, name)
        label_box = Box(left, top + value_height, card.width, label_height)
        _text(slide, label_box, [label], LABEL_SIZE, f"{name} label")
    return top + value_height + label_height + GAP - box.top


def _lines(para: Para, size: float, box: Box) -> list[str]:
    return wrap(para.text, size, _inner(box)[0] * SLACK, para.bold)


def _tallest(paras: Sequence[Para], size: float, box: Box) -> int:
    """Height in EMU of a text box that holds the tallest of these paragraphs."""
    lines = max(len(_lines(p, size, box)) for p in paras)
    return int(lines * LINE * size * EMU_PER_PT / SLACK) + 2 * INSET_Y


def _key_figures_slide(b: Builder) -> None:
    figures = [_("{label}: {text}").format(label=k, text=v) for k, v in b.pack.key_figures]
    said = [*figures, *b.pack.sentences]
    slide, box = _content_slide(b, _(KEY_FIGURES), said)
    used = _cards(slide, box, b.pack.key_figures)
    rest = Box(box.left, box.top + used, box.width, box.height - used)
    ready = [Section(_(READY), b.pack.sentences, spaced=True)]
    flow = _best_flow(ready, rest, BODY_SIZES, 1)
    if len(flow.pages) == 1 and not flow.overflows:
        _draw_flow(slide, rest, flow, flow.pages[0], "Ready to say")
    else:
        _flow_slides(b, _(KEY_FIGURES), ready, said, BODY_SIZES, 1, continued=True)


# Flowing sections down columns and over slides -------------------------------------------------


class _Flow:
    """Sections poured into columns of one height; a new slide when the columns are full."""

    def __init__(self, size: float, width: float, height: float, columns: int) -> None:
        self.size, self.width, self.height, self.columns = size, width, height, columns
        self.pages: list[list[list[Para]]] = [[[]]]
        self.used = 0.0

    def height_of(self, para: Para) -> float:
        return para_height(para, self.size, self.width)

    def _column(self) -> list[Para]:
        return self.pages[-1][-1]

    def _next_column(self) -> None:
        if len(self.pages[-1]) == self.columns:
            self.pages.append([[]])
        else:
            self.pages[-1].append([])
        self.used = 0.0

    def _put(self, para: Para) -> None:
        if not self._column():
            para = replace(para, gap=0.0)
        self._column().append(para)
        self.used += self.height_of(para)

    def pour(self, section: Section) -> None:
        """A heading, then its entries; "(continued)" repeats the heading on a new slide."""
        heading = Para(section.heading, bold=True, gap=self.size * 0.8)
        for index, text in enumerate(section.entries):
            entry = Para(text, gap=self.size * 0.4 if section.spaced else 0.0, hang=True)
            lead = replace(heading, gap=0.0) if not self._column() else heading
            need = self.height_of(entry) + (self.height_of(lead) if index == 0 else 0.0)
            if self._column() and self.used + need > self.height:
                self._next_column()
            if index == 0:
                self._put(heading)
            elif not self._column() and len(self.pages[-1]) == 1:
                self._put(replace(heading, text=carried_over(section.heading)))
            self._put(entry)

    @property
    def overflows(self) -> bool:
        """Whether an entry alone is taller than a column (it is then shown cut short)."""
        return any(
            sum(self.height_of(p) for p in column) > self.height + 0.01
            for page in self.pages
            for column in page
        )


def carried_over(title: str) -> str:
    """A slide title or a heading carried over to the next slide: "Key figures (continued)"."""
    return _("{title} (continued)").format(title=title)


def _best_flow(sections: Sequence[Section], box: Box, sizes: Sequence[float], most: int) -> _Flow:
    """Fewest slides, then the largest type, then the fewest columns."""
    flows = []
    for size in sizes:
        for columns in range(1, most + 1):
            width, height = _inner(Box(0, 0, box.width // columns, box.height))
            flow = _Flow(size, width, height * SLACK, columns)
            for section in sections:
                flow.pour(section)
            flows.append(((flow.overflows, len(flow.pages), -size, columns), flow))
    return min(flows, key=lambda pair: pair[0])[1]


def _draw_flow(slide: Slide, box: Box, flow: _Flow, page: list[list[Para]], name: str) -> None:
    width = box.width // flow.columns
    for number, column in enumerate(page):
        column_box = Box(box.left + number * width, box.top, width, box.height)
        _text(slide, column_box, column, flow.size, f"{name} {number + 1}")


def _flow_slides(
    b: Builder,
    title: str,
    sections: Sequence[Section],
    said: Sequence[str],
    sizes: Sequence[float],
    most: int,
    continued: bool = False,
) -> None:
    """Sections over as many slides as they need; later slides are titled "… (continued)"."""
    more = carried_over(title)
    slide, box = _content_slide(b, more if continued else title, said)
    columns = max(1, min(most, box.width // MIN_COLUMN))
    flow = _best_flow(sections, box, sizes, columns)
    for number, page in enumerate(flow.pages):
        if number:
            slide, box = _content_slide(b, more, said)
        _draw_flow(slide, box, flow, page, title)
    if flow.overflows:
        cut = _("Some text on the slides '{title}' is too long to fit and is cut.")
        b.warnings.append(cut.format(title=title))


def _names_slides(b: Builder) -> None:
    sections = [Section(n.heading, n.names) for n in b.pack.name_lists]
    if b.pack.notes:
        sections.append(Section(_("Caveats"), b.pack.notes, spaced=True))
    _flow_slides(b, _(NAMES), sections, [*b.pack.sentences[:1], *b.pack.notes], LIST_SIZES, 8)


def _sources_slides(b: Builder) -> None:
    """How to cite the data and the map's disclaimer; the sources in full in the notes."""
    sections = [
        Section(_("How to cite"), (*b.pack.citations, b.pack.link), spaced=True),
        Section(_("About the map"), (_(DISCLAIMER),)),
    ]
    _flow_slides(b, _(SOURCES), sections, b.pack.sources, BODY_SIZES, 1)


# Native tables ---------------------------------------------------------------------------------


def _row_height(cells: Sequence[str], widths: Sequence[int], size: float, bold: bool) -> int:
    """A table row's height in EMU: its tallest cell's lines plus the cell margins."""
    lines = max(
        len(wrap(text, size, (width - 2 * INSET_X) / EMU_PER_PT * SLACK, bold))
        for text, width in zip(cells, widths, strict=True)
    )
    return int(lines * LINE * size * EMU_PER_PT / SLACK) + 2 * INSET_Y


def _table_pages(
    table: TableText, box: Box, widths: Sequence[int], size: float
) -> list[list[tuple[str, ...]]]:
    """Rows split over slides so that header, rows and the trailing line fit each slide."""
    trailer = Box(0, 0, box.width, box.height)
    room = box.height - _row_height(table.header, widths, size, True)
    if table.trailer:
        room -= int(para_height(Para(table.trailer), size, _inner(trailer)[0]) * EMU_PER_PT)
        room -= 2 * INSET_Y + GAP
    heights = [_row_height(row, widths, size, False) for row in table.rows]
    greedy = _split(heights, room, len(heights))
    even = _split(heights, room, -(-len(heights) // len(greedy)))  # as even as they fit
    chosen = even if len(even) == len(greedy) else greedy
    rows = iter(table.rows)
    return [[next(rows) for _ in page] for page in chosen]


def _split(heights: Sequence[int], room: int, most: int) -> list[list[int]]:
    """Row heights in pages of at most ``room`` EMU and ``most`` rows (a tall row stands alone)."""
    pages: list[list[int]] = [[]]
    for height in heights:
        if pages[-1] and (sum(pages[-1]) + height > room or len(pages[-1]) == most):
            pages.append([])
        pages[-1].append(height)
    return pages


def _widths(box: Box, table: TableText, size: float) -> list[int]:
    """Narrow columns as wide as their widest cell, the others by their shares; in EMU."""
    columns = list(zip(table.header, *table.rows, strict=True))
    natural = [
        int(max(text_width(t, size, True) for t in cells) * EMU_PER_PT / SLACK) + 2 * INSET_X + 1
        for cells in columns
    ]
    fixed = sum(w for w, share in zip(natural, table.shares, strict=True) if not share)
    left = box.width - fixed
    widths = [
        int(left * share) if share else w for w, share in zip(natural, table.shares, strict=True)
    ]
    return [*widths[:-1], box.width - sum(widths[:-1])]


def _draw_table(
    slide: Slide, box: Box, table: TableText, rows: Sequence[tuple[str, ...]], size: float
) -> int:
    """A native table at the top of the box; its height."""
    widths = _widths(box, table, size)
    heights = [_row_height(r, widths, size, i == 0) for i, r in enumerate([table.header, *rows])]
    shape = slide.shapes.add_table(
        len(heights), len(widths), box.left, box.top, box.width, sum(heights)
    )
    shape.name = "Table"
    grid = shape.table
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    for index, (cells, height) in enumerate(zip([table.header, *rows], heights, strict=True)):
        grid.rows[index].height = height
        for column, text in enumerate(cells):
            cell = grid.cell(index, column)
            cell.margin_left = cell.margin_right = INSET_X
            cell.margin_top = cell.margin_bottom = INSET_Y
            cell.vertical_anchor = MSO_ANCHOR.TOP
            _write(cell.text_frame, [Para(text, bold=index == 0)], size, None)
    return sum(heights)


def _table_slides(
    b: Builder, title: str, table: TableText, said: Sequence[str], continued: bool = False
) -> None:
    """A native table over as many slides as it needs, the closing line under its last part;
    later slides (every slide, ``continued``) are titled "… (continued)"."""
    slide, box = _content_slide(b, carried_over(title) if continued else title, said)
    size, pages = min(
        ((s, _table_pages(table, box, _widths(box, table, s), s)) for s in TABLE_SIZES),
        key=lambda pair: (len(pair[1]), -pair[0]),
    )
    if not table.rows:
        paras = [Para(table.empty), *([Para(table.trailer, gap=12)] if table.trailer else [])]
        _text(slide, box, paras, TABLE_SIZES[0], title)
        return
    for number, rows in enumerate(pages):
        if number:
            slide, box = _content_slide(b, carried_over(title), said)
        used = _draw_table(slide, box, table, rows, size)
        if number == len(pages) - 1 and table.trailer:
            rest = Box(box.left, box.top + used + GAP, box.width, box.height - used - GAP)
            _text(slide, rest, [Para(table.trailer)], size, f"{title}: note")


def _priorities_slides(b: Builder) -> None:
    rows = tuple(
        (formats.number(p.rank), p.name, score_text(p.score), p.why) for p in b.pack.priorities
    )
    said = [
        _("{state} (rank {rank}, score {score}): {why}").format(
            state=name, rank=rank, score=score, why=why
        )
        for rank, name, score, why in rows
    ]
    header, widths = (_("Rank"), _("State"), _("Score"), _("Why")), (0, 0.25, 0, 0.75)
    if not b.pack.focus.is_world:  # ranks within the group, the world rank beside
        rows = tuple(
            (*row, formats.number(p.world_rank))
            for row, p in zip(rows, b.pack.priorities, strict=True)
        )
        header, widths = (*header, _("World rank")), (*widths, 0)
    table = TableText(
        header,
        rows,
        widths,
        _("Weights: {weights}").format(weights=b.pack.weights),
        _("No state of this group is among the outreach priorities."),
    )
    _table_slides(b, _(PRIORITIES), table, [*said, table.trailer])


def _asks_slides(b: Builder) -> None:
    """The ask to put to each priority state, in rank order, ready to say; none without them."""
    asks = [
        _("{rank}. {ask}").format(rank=formats.number(p.rank), ask=p.ask) for p in b.pack.priorities
    ]
    if asks:
        _flow_slides(b, _(ASKS), [Section(_(READY), tuple(asks), spaced=True)], asks, BODY_SIZES, 1)


def _since_slides(b: Builder) -> None:
    """What moved since a day: the sentence to say, then the movers, newest first."""
    since = b.pack.since
    if since is None:
        return
    said = [since.sentence]
    ready = [Section(_(READY), (since.sentence,), spaced=True)]
    _flow_slides(b, since.heading, ready, said, BODY_SIZES, 1)
    if since.rows:  # State, Instrument, Change; the date and how exact it is as wide as written
        table = TableText(since.header, since.rows, (0.28, 0.36, 0.36, 0, 0), since.note)
        _table_slides(b, since.heading, table, [*said, since.note], continued=True)


def _side_by_side_slides(b: Builder) -> None:
    """Two to four states compared, fact by fact, over as many slides as it needs; the notes
    say on how many facts they differ and give each fact's source."""
    compared = b.pack.side_by_side
    if compared is None:
        return
    states = len(compared.header) - 2  # Fact, the states, Differs (as wide as it is written)
    shares = (0.25, *(0.75 / states,) * states, 0)
    table = TableText(compared.header, compared.rows, shares, compared.note)
    said = [compared.sentence, compared.note, *compared.sources]
    _table_slides(b, compared.heading, table, said)


def _related_slides(b: Builder) -> None:
    table = TableText(
        (_("Instrument"), _("Where the group stands")),
        tuple(b.pack.related),
        (0.35, 0.65),
        empty=_("No other instrument is tracked."),
    )
    said = [_("{label}: {text}").format(label=k, text=v) for k, v in b.pack.related]
    _table_slides(b, _(RELATED), table, said)


# The deck --------------------------------------------------------------------------------------


def render_deck(
    pack: Pack, map_png: bytes, template: Template | None = None
) -> tuple[bytes, list[str]]:
    """The pack as PPTX bytes, and warnings about the template (links left out, layouts missing,
    stand-ins)."""
    deck = _open(template)
    layouts = _pick_layouts(deck)
    warnings = [*(template.warnings if template else ()), *layouts.warnings]
    b = Builder(deck, layouts, pack, warnings)
    _title_slide(b)
    _map_slide(b, map_png)
    _key_figures_slide(b)
    _since_slides(b)
    _side_by_side_slides(b)
    _names_slides(b)
    _priorities_slides(b)
    _asks_slides(b)
    _related_slides(b)
    _sources_slides(b)
    _properties(deck, pack)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue(), b.warnings
