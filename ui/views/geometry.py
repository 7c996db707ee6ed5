"""The committed map geometry (data/geo/world.geojson): features, their parts and their extents."""

import json
import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pandas as pd
import shapely
from shapely.geometry import shape

# A state smaller than this is a speck of 1-3 px on a world map 1,200-1,900 px wide (about 3.5-5 px
# per degree): hard to see and impossible to hover, so it also gets a dot. 20,000 km² is a square of
# 140 km, about 4 px; it catches Qatar, Lebanon, Cyprus, Palestine, Jamaica, the Bahamas, Fiji,
# Eswatini and Kuwait but not Israel, Slovenia or El Salvador, which stay visible as shapes.
DOT_AREA_KM2 = 20_000
KM2_PER_SQUARE_DEGREE = 111.32**2  # at the equator; scaled by cos(latitude) below
DERIVED_KEPT = 16  # shapes derived for drawing kept with the geometry: the presets' few projections
T = TypeVar("T")


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
    # Values derived from the features for drawing (shapes projected for a focus), the newest
    # DERIVED_KEPT by key (``derived``); a user's group may have a centre of its own.
    _derived: OrderedDict = field(default_factory=OrderedDict, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def derived(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` gives, computed on the first call with ``key`` and kept with this
        geometry while it is among the DERIVED_KEPT newest: for values its callers only read."""
        with self._lock:
            if key in self._derived:
                self._derived.move_to_end(key)
                return self._derived[key]
        value = make()
        with self._lock:
            self._derived[key] = value
            while len(self._derived) > DERIVED_KEPT:
                self._derived.popitem(last=False)
        return value

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


def dot_states(states: pd.DataFrame, shaped: Iterable[str]) -> pd.DataFrame:
    """Universe states drawn as a dot: smaller than DOT_AREA_KM2, or without a shape (Tuvalu)."""
    small = (states["area_km2"] < DOT_AREA_KM2) | ~states["iso3"].isin(set(shaped))
    return states.loc[small, ["iso3", "name", "lat", "lon", "area_km2"]].reset_index(drop=True)
