"""A map view as a small inline SVG, drawn at build time: shapes, dots, title and description."""

from xml.sax.saxutils import escape, quoteattr

import geopandas as gpd
import pandas as pd
import shapely

from ui.figures.print_map import projected_frame, projection, seam_window
from ui.views import palette
from ui.views.focus import FocusFrame
from ui.views.geometry import Geometry
from ui.views.map_view import MapView

WIDTH = 960  # the viewBox's width; its height follows the focus's frame
TOLERANCE = 0.6  # px: shapes simplified to this, then rounded to whole pixels
DOT_RADIUS, FADED_DOT_RADIUS = 3.5, 2.5


def _scale(focus: FocusFrame) -> tuple[float, float, float, float]:
    """The projected frame's west and north edges, the metres per pixel, and the height."""
    x0, x1, y0, y1 = projected_frame(focus)
    per_px = (x1 - x0) / WIDTH
    return x0, y1, per_px, round((y1 - y0) / per_px)


def _ring(coords, x0: float, top: float, per_px: float) -> str:
    """One ring as an SVG path: whole pixels, repeated points dropped."""
    points = [(round((x - x0) / per_px), round((top - y) / per_px)) for x, y in coords]
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    if len(kept) < 3:
        return ""
    return "M" + "L".join(f"{x} {y}" for x, y in kept) + "Z"


def _path(shape, x0: float, top: float, per_px: float) -> str:
    """Every polygon of a shape as one path's data."""
    rings = []
    for polygon in shapely.get_parts(shape):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append(_ring(ring.coords, x0, top, per_px))
    return "".join(rings)


def _shapes(view: MapView, geometry: Geometry, focus: FocusFrame, tooltips: dict) -> list[str]:
    """A path per feature in its fill, with its name and category as a tooltip."""
    x0, top, per_px, _height = _scale(focus)
    shapes = gpd.GeoDataFrame.from_features(geometry.geojson["features"], crs="EPSG:4326")
    if focus.centre_lon != 0:
        shapes = shapes.clip(seam_window(focus))
    shapes = shapes[~shapes.is_empty].to_crs(projection(focus))
    shapes["geometry"] = shapes.simplify(TOLERANCE * per_px)
    out = []
    for code, shape in zip(shapes["iso3"], shapes.geometry, strict=True):
        data = _path(shape, x0, top, per_px)
        if not data:
            continue
        edge = ""
        if not focus.is_world and focus.highlights(code):
            edge = f' stroke="{palette.FOCUS_BORDER}"'
        elif view.is_faded(code, focus):
            edge = f' stroke="{palette.FADED_BORDER}"'
        title = f"<title>{escape(tooltips.get(code, code))}</title>"
        out.append(f'<path fill="{view.fill(code, focus)}"{edge} d="{data}">{title}</path>')
    return out


def _dots(view: MapView, dots: pd.DataFrame, focus: FocusFrame, tooltips: dict) -> list[str]:
    """A circle per small state in its fill; faded dots are smaller."""
    x0, top, per_px, _height = _scale(focus)
    points = gpd.GeoDataFrame(
        dots, geometry=gpd.points_from_xy(dots["lon"], dots["lat"]), crs="EPSG:4326"
    )
    if focus.centre_lon != 0:
        points = points[points.within(seam_window(focus))]
    points = points.to_crs(projection(focus))
    out = []
    for code, point in zip(points["iso3"], points.geometry, strict=True):
        faded = view.is_faded(code, focus)
        x, y = (point.x - x0) / per_px, (top - point.y) / per_px
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{FADED_DOT_RADIUS if faded else DOT_RADIUS}" '
            f'fill="{view.fill(code, focus)}" '
            f'stroke="{"#9a9a9a" if faded else palette.DOT_OUTLINE}">'
            f"<title>{escape(tooltips.get(code, code))}</title></circle>"
        )
    return out


def map_svg(
    view: MapView,
    geometry: Geometry,
    dots: pd.DataFrame,
    focus: FocusFrame,
    tooltips: dict[str, str],
    description: str,
    ids: str = "map",
) -> str:
    """The map as an ``<svg>`` element, named by its ``<title>`` and described by its
    ``<desc>``; ``tooltips``: each feature's text (name and category); ``ids``: the prefix of
    the title's and description's ids, unique in the page."""
    _x0, _top, _per_px, height = _scale(focus)
    body = "\n".join(
        [*_shapes(view, geometry, focus, tooltips), *_dots(view, dots, focus, tooltips)]
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{ids}-title" aria-describedby="{ids}-desc" class="map">'
        f'<title id="{ids}-title">{escape(view.title)}</title>'
        f'<desc id="{ids}-desc">{escape(description)}</desc>'
        f'<g stroke={quoteattr(palette.BORDER)} stroke-width="0.5" stroke-linejoin="round">'
        f"\n{body}\n</g></svg>"
    )
