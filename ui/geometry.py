"""The committed map geometry (data/geo/world.geojson): features, their parts and their extents."""

import json
import math
from dataclasses import dataclass
from pathlib import Path

import shapely
from shapely.geometry import shape

KM2_PER_SQUARE_DEGREE = 111.32**2  # at the equator; scaled by cos(latitude) below


@dataclass(frozen=True)
class Part:
    """One polygon of a feature: its lon/lat bounds and approximate area."""

    bounds: tuple[float, float, float, float]
    area_km2: float


@dataclass(frozen=True)
class Geometry:
    """The map's features as GeoJSON (properties cut to iso3), each feature's polygons measured."""

    geojson: dict
    parts: dict[str, tuple[Part, ...]]
    names: dict[str, str]

    @property
    def codes(self) -> list[str]:
        """Feature codes (properties.iso3) in file order."""
        return [f["properties"]["iso3"] for f in self.geojson["features"]]


def _area_km2(polygon: shapely.Polygon) -> float:
    latitude = polygon.centroid.y
    return polygon.area * KM2_PER_SQUARE_DEGREE * math.cos(math.radians(latitude))


def load_geometry(path: Path) -> Geometry:
    """Read the GeoJSON written by scripts/build_geometry.py and measure every polygon."""
    source = json.loads(path.read_text(encoding="utf-8"))
    parts: dict[str, tuple[Part, ...]] = {}
    names: dict[str, str] = {}
    features = []
    for feature in source["features"]:
        code = feature["properties"]["iso3"]
        polygons = shapely.get_parts(shape(feature["geometry"]))
        parts[code] = tuple(Part(tuple(p.bounds), _area_km2(p)) for p in polygons)
        names[code] = feature["properties"]["name"]
        slim = {"type": "Feature", "properties": {"iso3": code}, "geometry": feature["geometry"]}
        features.append(slim)
    geojson = {"type": "FeatureCollection", "features": features}
    return Geometry(geojson=geojson, parts=parts, names=names)
