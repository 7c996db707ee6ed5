"""A focus's shapes and small-state dots projected to the map's whole pixels, drawn once for the
SVG map and the share card alike."""

from dataclasses import dataclass

import geopandas as gpd
import pandas as pd
import shapely

from ui.figures.print_map import projected_frame, projected_shapes, projection, seam_window
from ui.views.focus import FocusFrame
from ui.views.geometry import Geometry

WIDTH = 960  # the map's width in pixels; its height follows the focus's frame
TOLERANCE = 0.6  # px: shapes simplified to this, then rounded to whole pixels

Ring = list[tuple[int, int]]


@dataclass(frozen=True)
class Projected:
    """The map's size, each feature's rings (ISO3, rings) and each small state's centre."""

    width: int
    height: int
    shapes: list[tuple[str, list[Ring]]]
    dots: list[tuple[str, float, float]]


def _scale(focus: FocusFrame) -> tuple[float, float, float, float]:
    """The projected frame's west and north edges, the metres per pixel, and the height."""
    x0, x1, y0, y1 = projected_frame(focus)
    per_px = (x1 - x0) / WIDTH
    return x0, y1, per_px, round((y1 - y0) / per_px)


def _ring(coords, x0: float, top: float, per_px: float) -> Ring:
    """One ring in whole pixels, repeated points dropped; none when fewer than three remain."""
    points = [(round((x - x0) / per_px), round((top - y) / per_px)) for x, y in coords]
    kept = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    return kept if len(kept) >= 3 else []


def _rings(shape, x0: float, top: float, per_px: float) -> list[Ring]:
    """Every ring of every polygon of a shape that keeps three points."""
    rings = []
    for polygon in shapely.get_parts(shape):
        if polygon.geom_type != "Polygon":
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            rings.append(_ring(ring.coords, x0, top, per_px))
    return [r for r in rings if r]


def projected(geometry: Geometry, dots: pd.DataFrame, focus: FocusFrame) -> Projected:
    """The shapes clipped off the projection's seam, projected and simplified, and the dots."""
    x0, top, per_px, height = _scale(focus)
    shapes = projected_shapes(geometry, focus)
    simplified = shapes.simplify(TOLERANCE * per_px)
    drawn = [
        (code, rings)
        for code, shape in zip(shapes["iso3"], simplified, strict=True)
        if (rings := _rings(shape, x0, top, per_px))
    ]
    points = gpd.GeoDataFrame(
        dots, geometry=gpd.points_from_xy(dots["lon"], dots["lat"]), crs="EPSG:4326"
    )
    if focus.centre_lon != 0:
        points = points[points.within(seam_window(focus))]
    points = points.to_crs(projection(focus))
    centres = [
        (code, (p.x - x0) / per_px, (top - p.y) / per_px)
        for code, p in zip(points["iso3"], points.geometry, strict=True)
    ]
    return Projected(WIDTH, height, drawn, centres)
