"""The share card: a 1200×630 PNG of a map with its title and legend, for Open Graph."""

import io
from pathlib import Path

import matplotlib
from PIL import Image, ImageDraw, ImageFont

from edition.projected import Projected
from edition.svg_map import edge
from ui.figures.print_map import LegendEntry
from ui.views import palette
from ui.views.focus import FocusFrame
from ui.views.map_view import MapView

SIZE = WIDTH, HEIGHT = 1200, 630
MARGIN = 28
TITLE_SIZES = (40, 34, 28, 24)  # the largest that fits on one line
LEGEND_SIZE, SWATCH = 20, 18
DOT_RADIUS = 4
COLOURS = 32  # the palette kept: flat fills, and text edges enough for the eye; half the bytes


def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    """DejaVu Sans, the font matplotlib ships (no system font needed)."""
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    return ImageFont.truetype(str(Path(matplotlib.get_data_path()) / "fonts" / "ttf" / name), size)


def _lines(draw: ImageDraw.ImageDraw, title: str, face, room: float) -> list[str]:
    """The title's words in lines no wider than ``room``."""
    lines = [""]
    for word in title.split():
        wider = f"{lines[-1]} {word}".strip()
        if lines[-1] and draw.textlength(wider, font=face) > room:
            lines.append(word)
        else:
            lines[-1] = wider
    return lines


def _title(draw: ImageDraw.ImageDraw, title: str) -> int:
    """The title on one line at the largest size that fits, else on two at the least (cut with
    an ellipsis if it needs more); the height it takes."""
    room = WIDTH - 2 * MARGIN
    for size in TITLE_SIZES:
        face = font(size, bold=True)
        if draw.textlength(title, font=face) <= room:
            lines = [title]
            break
    else:
        lines = _lines(draw, title, face, room)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
            while draw.textlength(lines[1] + "…", font=face) > room:
                lines[1] = lines[1][:-1]
            lines[1] = lines[1].rstrip() + "…"
    step = size + 8
    for number, line in enumerate(lines):
        draw.text((MARGIN, MARGIN + number * step), line, font=face, fill=palette.TEXT)
    return MARGIN + len(lines) * step + 6


def _legend(draw: ImageDraw.ImageDraw, entries: list[LegendEntry], top: int) -> int:
    """The legend's entries in rows, a swatch or a dot before each label; the height taken."""
    face = font(LEGEND_SIZE)
    x, y = MARGIN, top
    for entry in entries:
        width = SWATCH + 8 + draw.textlength(entry.label, font=face) + 24
        if x > MARGIN and x + width > WIDTH - MARGIN:
            x, y = MARGIN, y + LEGEND_SIZE + 12
        box = (x, y + 3, x + SWATCH, y + 3 + SWATCH)
        if entry.dot:
            middle = (x + SWATCH / 2, y + 3 + SWATCH / 2)
            draw.circle(middle, DOT_RADIUS + 2, fill=entry.fill, outline=entry.edge)
        else:
            draw.rectangle(box, fill=entry.fill, outline=entry.edge)
        draw.text((x + SWATCH + 8, y), entry.label, font=face, fill=palette.TEXT)
        x += width
    return y + LEGEND_SIZE + 18


def _map(view: MapView, drawn: Projected, focus: FocusFrame, height: int) -> Image.Image:
    """The shapes and dots, the focus's frame fitted to the card's width and ``height`` and
    centred, the land around it cut at the edges."""
    image = Image.new("RGB", (WIDTH, height), palette.OCEAN)
    draw = ImageDraw.Draw(image)
    scale = min(WIDTH / drawn.width, height / drawn.height)
    left, top = (WIDTH - drawn.width * scale) / 2, (height - drawn.height * scale) / 2

    def at(x: float, y: float) -> tuple[float, float]:
        return left + x * scale, top + y * scale

    outlined = []
    for code, rings in drawn.shapes:
        fill = view.fill(code, focus)
        for ring in rings:
            draw.polygon([at(x, y) for x, y in ring], fill=fill, outline=palette.BORDER)
        if outline := edge(view, code, focus):
            outlined.append((rings, outline))
    for rings, outline in outlined:  # over the neighbours' white borders
        for ring in rings:
            draw.line([at(x, y) for x, y in [*ring, ring[0]]], fill=outline, width=1)
    for code, x, y in drawn.dots:
        faded = view.is_faded(code, focus)
        ring = "#9a9a9a" if faded else palette.DOT_OUTLINE
        draw.circle(at(x, y), DOT_RADIUS - faded, fill=view.fill(code, focus), outline=ring)
    return image


def share_card(
    view: MapView, drawn: Projected, focus: FocusFrame, entries: list[LegendEntry]
) -> bytes:
    """The card as PNG bytes: the same data give the same bytes (no time, no metadata)."""
    image = Image.new("RGB", SIZE, palette.OCEAN)
    draw = ImageDraw.Draw(image)
    top = _legend(draw, entries, _title(draw, view.title))
    image.paste(_map(view, drawn, focus, HEIGHT - top), (0, top))
    flat = image.quantize(COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    flat.save(out, "PNG", optimize=True)
    return out.getvalue()
