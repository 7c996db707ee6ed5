"""Print-quality PNG and SVG of a map view, drawn server-side with geopandas and matplotlib."""

import io
import textwrap
from dataclasses import dataclass
from xml.sax.saxutils import escape

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from i18n.translate import _
from ui.tables.map_table import map_description
from ui.views import palette
from ui.views.focus import FocusFrame
from ui.views.geometry import Geometry
from ui.views.map_view import BOUNDARY_NOTE, DISCLAIMER, MapView

SLIDE_INCHES = (13.333, 7.5)  # a 16:9 slide
PNG_DPI = 200
# Figure fractions of the 16:9 slide (7.5 in = 540 pt high), from the top and from the foot.
TITLE_TOP, TITLE_LINE, SUBTITLE_GAP = 0.955, 0.05, 0.012
FOOTER_LINE = 9 * 1.5 / 540  # 9-pt footer lines, spaced 1.5
LEGEND_ROW = 0.045  # one row of 12-pt legend entries
TITLE_CHARACTERS, FOOTER_CHARACTERS, LEGEND_CHARACTERS = 72, 185, 150  # per line across the slide


def seam_window(focus: FocusFrame) -> shapely.MultiPolygon:
    """Everything less than 179 deg from the focus centre, as lon/lat boxes within [-180, 180].

    Clipping to it keeps shapes off the projection's seam, opposite the centre.
    """
    west, east = focus.centre_lon - 179.0, focus.centre_lon + 179.0
    boxes = [shapely.box(max(west, -180.0), -90.0, min(east, 180.0), 90.0)]
    if east > 180.0:
        boxes.append(shapely.box(-180.0, -90.0, east - 360.0, 90.0))
    if west < -180.0:
        boxes.append(shapely.box(west + 360.0, -90.0, 180.0, 90.0))
    return shapely.MultiPolygon(boxes)


def projection(focus: FocusFrame) -> str:
    """The Natural Earth projection centred on the focus, as a PROJ string."""
    return f"+proj=natearth +lon_0={focus.centre_lon:.4f} +datum=WGS84 +units=m +no_defs"


def projected_frame(focus: FocusFrame) -> tuple[float, float, float, float]:
    """Projected bounds of the focus box, sampled along its edges."""
    (west, east), (south, north) = focus.lon_range, focus.lat_range
    west, east = west + 1e-6, east - 1e-6  # so that 180 deg from the centre stays on its side
    lons, lats = np.linspace(west, east, 40), np.linspace(south, north, 40)
    ring = [(x, south) for x in lons] + [(east, y) for y in lats]
    ring += [(x, north) for x in lons] + [(west, y) for y in lats]
    points = gpd.GeoSeries(
        [shapely.Point(((x + 180) % 360) - 180, y) for x, y in ring], crs="EPSG:4326"
    ).to_crs(projection(focus))
    return points.x.min(), points.x.max(), points.y.min(), points.y.max()


def projected_shapes(geometry: Geometry, focus: FocusFrame) -> gpd.GeoDataFrame:
    """Every feature clipped off the seam of the focus's projection and projected, computed once
    a centre and kept with the geometry: read it, never change it."""

    def project() -> gpd.GeoDataFrame:
        shapes = gpd.GeoDataFrame.from_features(geometry.geojson["features"], crs="EPSG:4326")
        if focus.centre_lon != 0:
            shapes = shapes.clip(seam_window(focus))
        return shapes[~shapes.is_empty].to_crs(projection(focus))

    return geometry.derived(("projected", focus.centre_lon), project)


def _draw_shapes(ax, view: MapView, geometry: Geometry, focus: FocusFrame) -> None:
    """Every shape in its fill, clipped off the projection's seam; focus members outlined."""
    shapes = projected_shapes(geometry, focus)
    strong = [not focus.is_world and focus.highlights(code) for code in shapes["iso3"]]
    shapes.plot(
        ax=ax,
        color=[view.fill(code, focus) for code in shapes["iso3"]],
        edgecolor=[
            palette.FOCUS_BORDER
            if s
            else palette.FADED_BORDER
            if view.is_faded(code, focus)
            else palette.BORDER
            for s, code in zip(strong, shapes["iso3"], strict=True)
        ],
        linewidth=[0.5 if s else 0.3 for s in strong],
    )


def _draw_dots(ax, view: MapView, dots: pd.DataFrame, focus: FocusFrame) -> None:
    """A dot per small state in its fill; faded dots are smaller."""
    points = gpd.GeoDataFrame(
        dots, geometry=gpd.points_from_xy(dots["lon"], dots["lat"]), crs="EPSG:4326"
    )
    if focus.centre_lon != 0:
        points = points[points.within(seam_window(focus))]
    points = points.to_crs(projection(focus))
    dot_faded = [view.is_faded(code, focus) for code in points["iso3"]]
    ax.scatter(
        points.geometry.x,
        points.geometry.y,
        s=[12 if f else 26 for f in dot_faded],
        c=[view.fill(code, focus) for code in points["iso3"]],
        edgecolors=["#9a9a9a" if f else palette.DOT_OUTLINE for f in dot_faded],
        linewidths=0.6,
        zorder=3,
    )


@dataclass(frozen=True)
class LegendEntry:
    """One entry of a map's legend: a swatch (or the small-state dot) and its label."""

    label: str
    fill: str
    edge: str
    width: float | None = None  # the outline's width in points; None: matplotlib's default
    dot: bool = False


def legend_entries(view: MapView, focus: FocusFrame) -> list[LegendEntry]:
    """A swatch per category with its count, "outside this focus", and the small-state dot."""
    entries = [
        LegendEntry(label, palette.COLOURS[c], palette.FOCUS_BORDER, 0.6)
        for c, label in zip(view.categories, view.labels, strict=True)
    ]
    if not focus.is_world:
        entries += [LegendEntry(label, fill, palette.FADED_BORDER) for label, fill in view.faded]
    entries.append(LegendEntry(_("Small state"), "#ffffff", "#000000", dot=True))
    return entries


def _legend_handles(view: MapView, focus: FocusFrame) -> list:
    """The legend's entries as matplotlib handles."""
    return [
        Line2D(
            [],
            [],
            marker="o",
            linestyle="",
            markerfacecolor=e.fill,
            markeredgecolor=e.edge,
            label=e.label,
        )
        if e.dot
        else Patch(facecolor=e.fill, edgecolor=e.edge, linewidth=e.width, label=e.label)
        for e in legend_entries(view, focus)
    ]


def _footer(view: MapView) -> list[str]:
    """The sources and the disclaimer, wrapped to the slide's width."""
    return [
        *textwrap.wrap(view.credits, FOOTER_CHARACTERS),
        *textwrap.wrap(f"{_(DISCLAIMER)} {_(BOUNDARY_NOTE)}", FOOTER_CHARACTERS),
    ]


def _legend_columns(handles: list) -> int:
    """All entries on one row when their labels fit across the slide, else two rows."""
    if sum(len(h.get_label()) + 6 for h in handles) <= LEGEND_CHARACTERS:
        return len(handles)
    return -(-len(handles) // 2)


def render_map(
    view: MapView, geometry: Geometry, dots: pd.DataFrame, focus: FocusFrame, fmt: str
) -> bytes:
    """A map view as a 16:9 slide image ("png", "svg" or vector "pdf"): title, legend, source.

    The title wraps, the footer wraps, and the legend and the map make room for both.
    """
    fig = Figure(figsize=SLIDE_INCHES, facecolor="white")
    title = textwrap.wrap(view.title, TITLE_CHARACTERS)
    fig.text(
        0.012,
        TITLE_TOP,
        "\n".join(title),
        fontsize=20,
        weight="bold",
        va="top",
        color=palette.TEXT,
        linespacing=1.15,
    )
    subtitle_top = TITLE_TOP - len(title) * TITLE_LINE - SUBTITLE_GAP
    fig.text(
        0.012,
        subtitle_top,
        _("{subtitle} Dots mark states too small to see.").format(subtitle=view.subtitle),
        fontsize=12,
        color=palette.MUTED_TEXT,
        va="top",
    )
    footer = _footer(view)
    fig.text(0.012, 0.008, "\n".join(footer), fontsize=9, color=palette.MUTED_TEXT, linespacing=1.5)
    handles = _legend_handles(view, focus)
    columns = _legend_columns(handles)
    legend_bottom = 0.016 + len(footer) * FOOTER_LINE
    fig.legend(
        handles=handles,
        loc="lower left",
        bbox_to_anchor=(0.008, legend_bottom),
        ncol=columns,
        frameon=False,
        fontsize=12,
        handlelength=1.4,
    )
    bottom = legend_bottom + -(-len(handles) // columns) * LEGEND_ROW + 0.01
    top = subtitle_top - 0.045
    _draw_map(fig, (0.01, bottom, 0.98, top - bottom), view, geometry, dots, focus)
    return _saved(fig, view, focus, fmt)


def render_bare_map(
    view: MapView, geometry: Geometry, dots: pd.DataFrame, focus: FocusFrame, fmt: str
) -> bytes:
    """The map alone, for a slide that sets its title, legend and source in its own type: no
    text at all, as wide as a 16:9 slide (as high, for a frame taller than the slide) and cut
    to the focus's frame, so that no margin is left around it."""
    x0, x1, y0, y1 = projected_frame(focus)
    ratio = (y1 - y0) / (x1 - x0)
    width, height = SLIDE_INCHES
    size = (width, width * ratio) if ratio <= height / width else (height / ratio, height)
    fig = Figure(figsize=size, facecolor="white")
    _draw_map(fig, (0.0, 0.0, 1.0, 1.0), view, geometry, dots, focus)
    return _saved(fig, view, focus, fmt)


def _draw_map(
    fig: Figure,
    rect: tuple[float, float, float, float],
    view: MapView,
    geometry: Geometry,
    dots: pd.DataFrame,
    focus: FocusFrame,
) -> None:
    """The shapes and dots in axes at ``rect`` (figure fractions), framed on the focus."""
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    _draw_shapes(ax, view, geometry, focus)
    _draw_dots(ax, view, dots, focus)
    x0, x1, y0, y1 = projected_frame(focus)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal")


def _saved(fig: Figure, view: MapView, focus: FocusFrame, fmt: str) -> bytes:
    """The figure in ``fmt``, with the map's title and text alternative in its metadata."""
    out = io.BytesIO()
    description = map_description(view, focus)
    fig.savefig(
        out,
        format=fmt,
        dpi=PNG_DPI if fmt == "png" else None,
        metadata=_metadata(fmt, view.title, description),
    )
    if fmt == "svg":
        return _labelled_svg(out.getvalue(), view.title, description)
    return out.getvalue()


def _metadata(fmt: str, title: str, description: str) -> dict[str, str | None]:
    """The title and the text alternative of the map in the file's own metadata fields."""
    if fmt == "svg":  # the title goes in as an element of its own (``_labelled_svg``)
        return {"Description": description, "Date": None}
    if fmt == "pdf":  # no creation date, so the same map gives the same bytes
        return {"Title": title, "Subject": description, "CreationDate": None}
    return {"Title": title, "Description": description}  # PNG text chunks


def _labelled_svg(svg: bytes, title: str, description: str) -> bytes:
    """``<title>`` and ``<desc>`` as the first children of the root ``<svg>``, which names them
    its accessible name and description (matplotlib writes the description only as RDF)."""
    text = svg.decode("utf-8")
    start = text.index("<svg")
    end = text.index(">", start)
    root = text[start:end]
    labelled = (
        f'{root} role="img" aria-labelledby="map-title" aria-describedby="map-desc">'
        f'\n <title id="map-title">{escape(title)}</title>'
        f'\n <desc id="map-desc">{escape(description)}</desc>'
    )
    return (text[:start] + labelled + text[end + 1 :]).encode("utf-8")
