"""The frame of each focus (world, regions, UN regional groups, organisations) on the map."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

import numpy as np
import pyproj

from i18n.translate import _
from store.focus import WORLD_FOCUS, Focus
from store.groups import Group, GroupKind, in_place
from ui.views.geometry import Geometry, Part

WORLD_LON = (-180.0, 180.0)
WORLD_LAT = (-58.0, 84.0)  # Tierra del Fuego and South Georgia to northern Greenland
LAT_LIMITS = (-60.0, 85.0)
ASPECT = 2.4  # projected width / height of every frame: the map's shape on a 16:9 screen
PROJECTION = "natural earth"  # plotly's name; PROJ's is "natearth"

CLUSTER_GAP = 10.0  # deg: parts this close to a state's main part (transitively) frame the state
MIN_PART_SHARE = 0.01  # parts under this share of a state's area never widen a frame
WIDE = 70.0  # deg: a state whose main cluster is wider (Russia, USA, Canada) frames by its point
POINT_MARGIN = (10.0, 6.0)  # deg lon, lat around the point of a wide state or a shapeless one
PAD_SHARE, MIN_PAD = 0.05, 1.5  # padding around the members: share of the span, at least degrees
WORLD_SPAN = 300.0  # deg: a frame wider than this becomes the world's longitude range
MAX_SPAN = 200.0  # deg: a tall frame is widened to the map's shape up to this; beyond, white sides

# Reviewed frames where the rule above would let Russia's Siberia dominate a European view. Russia
# stays visible (European Russia and the Urals); every other member and every dot is in frame.
FRAME_OVERRIDES = {
    "region-europe": ((-25.0, 62.0), (34.0, 71.5)),
    "subregion-eastern-europe": ((8.0, 62.0), (40.0, 66.0)),
    "ungroup-eastern-european-group": ((8.0, 62.0), (34.5, 66.0)),
}


@dataclass(frozen=True)
class FocusFrame:
    """What a focus shows on the map: its label, the codes to highlight and the lon/lat box."""

    focus: Focus
    label: str
    members: frozenset[str]
    lon_range: tuple[float, float]  # west, east; east exceeds 180 when the box crosses 180 deg
    lat_range: tuple[float, float]

    @property
    def is_world(self) -> bool:
        """Whether it frames the whole world."""
        return self.focus.is_world

    @property
    def kind(self) -> str:
        """The focus's kind: ``world`` or a group kind."""
        return self.focus.kind

    @property
    def group_id(self) -> str:
        """The group's id within its kind; "" for the world."""
        return self.focus.group_id

    @property
    def key(self) -> str:
        """The focus as URLs and file names write it, e.g. ``org-nato``."""
        return str(self.focus)

    @property
    def centre_lon(self) -> float:
        """Longitude of the frame's centre, in [-180, 180)."""
        return _wrap((self.lon_range[0] + self.lon_range[1]) / 2)

    @property
    def where(self) -> str:
        """Where the view looks, for a title: "worldwide", "in Africa", "among NATO members"."""
        if self.is_world:
            return _("worldwide")
        if self.kind in (GroupKind.REGION, GroupKind.SUBREGION):
            return in_place(self.label)
        if self.kind == GroupKind.UNGROUP:
            return _("in the {group}").format(group=self.label)
        if self.focus.is_group:
            if not self.focus.name:
                return _("in your group")
            return _("in the group “{group}”").format(group=self.label)
        return _("among {organisation} members").format(organisation=self.label)

    def highlights(self, code: str) -> bool:
        """Whether a feature is drawn at full strength: all on the world view, else the members."""
        return self.is_world or code in self.members

    @property
    def option_label(self) -> str:
        """The label shown in the focus picker, e.g. "Organisation · NATO"."""
        if self.is_world:
            return self.label
        if self.focus.is_group:
            return _("Your group · {name}").format(name=self.label)
        return f"{GroupKind(self.kind).label} · {self.label}"


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def covering_arc(intervals: Iterable[tuple[float, float]]) -> tuple[float, float]:
    """Shortest west→east longitude range covering every interval, across 180 deg if shorter."""
    merged: list[list[float]] = []
    for lo, hi in sorted(intervals):
        if merged and lo <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    start, widest_gap = merged[0][0], merged[0][0] + 360.0 - merged[-1][1]
    for before, after in pairwise(merged):
        if after[0] - before[1] > widest_gap:
            start, widest_gap = after[0], after[0] - before[1]
    return start, start + 360.0 - widest_gap


def _gap(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Largest of the longitude (circular) and latitude gaps between two bounds boxes."""
    lon = max(0.0, max(a[0], b[0]) - min(a[2], b[2]))
    lon = min(lon, max(0.0, 360.0 - (max(a[2], b[2]) - min(a[0], b[0]))))
    lat = max(0.0, max(a[1], b[1]) - min(a[3], b[3]))
    return max(lon, lat)


def main_cluster(parts: tuple[Part, ...]) -> list[Part]:
    """The state's largest polygon and, transitively, every sizeable part near it."""
    total = sum(p.area_km2 for p in parts)
    candidates = sorted(parts, key=lambda p: -p.area_km2)
    cluster = [candidates[0]]
    rest = [p for p in candidates[1:] if p.area_km2 >= MIN_PART_SHARE * total]
    grew = True
    while grew:
        near = [p for p in rest if any(_gap(p.bounds, c.bounds) <= CLUSTER_GAP for c in cluster)]
        cluster += near
        rest = [p for p in rest if p not in near]
        grew = bool(near)
    return cluster


Extent = tuple[list[tuple[float, float]], tuple[float, float]]


def _extent(
    code: str, geometry: Geometry, points: Mapping[str, tuple[float, float]]
) -> Extent | None:
    """(longitude intervals, latitude interval) that a member adds to its group's frame, if any."""
    parts = geometry.parts.get(code, ())
    cluster = main_cluster(parts) if parts else []
    lons = [(p.bounds[0], p.bounds[2]) for p in cluster]
    if cluster:
        west, east = covering_arc(lons)
        if east - west <= WIDE:
            lats = (min(p.bounds[1] for p in cluster), max(p.bounds[3] for p in cluster))
            return lons, lats
    if code in points:
        lon, lat = points[code]
    elif cluster:
        west, south, east, north = cluster[0].bounds
        lon, lat = (west + east) / 2, (south + north) / 2
    else:
        return None
    d_lon, d_lat = POINT_MARGIN
    return [(_wrap(lon - d_lon), _wrap(lon - d_lon) + 2 * d_lon)], (lat - d_lat, lat + d_lat)


@cache
def _natural_earth() -> pyproj.Transformer:
    return pyproj.Transformer.from_crs("EPSG:4326", "+proj=natearth +lon_0=0", always_xy=True)


def projected_aspect(lon_range: tuple[float, float], lat_range: tuple[float, float]) -> float:
    """Width / height of a lon/lat box drawn in the Natural Earth projection centred on it."""
    centre = (lon_range[0] + lon_range[1]) / 2
    lons = np.linspace(lon_range[0], lon_range[1], 25)
    lats = np.linspace(lat_range[0], lat_range[1], 25)
    ring_lon = np.concatenate([lons, np.full(25, lon_range[1]), lons, np.full(25, lon_range[0])])
    ring_lat = np.concatenate([np.full(25, lat_range[0]), lats, np.full(25, lat_range[1]), lats])
    # The projection is the same at every central meridian: centring it on the box is shifting the
    # box to 0 (one transformer for every focus instead of one per centre: 0.15 s at start-up).
    x, y = _natural_earth().transform(_wrap_array(ring_lon - centre), ring_lat)
    return float((np.ptp(x) + 1e-9) / (np.ptp(y) + 1e-9))


def _wrap_array(lons: np.ndarray) -> np.ndarray:
    return (lons + 180.0) % 360.0 - 180.0


def _fit_aspect(lon_range, lat_range) -> tuple[tuple[float, float], tuple[float, float]]:
    """Widen the box in longitude, or heighten it in latitude, until it has the map's ASPECT."""
    (west, east), (south, north) = lon_range, lat_range
    for _step in range(6):
        aspect = projected_aspect((west, east), (south, north))
        if abs(aspect / ASPECT - 1) < 0.01:
            break
        if aspect < ASPECT:
            grow = (east - west) * (ASPECT / aspect - 1) / 2
            grow = min(grow, max(0.0, (MAX_SPAN - (east - west)) / 2))
            if grow == 0.0:
                break
            west, east = west - grow, east + grow
        else:
            grow = (north - south) * (aspect / ASPECT - 1) / 2
            south, north = max(LAT_LIMITS[0], south - grow), min(LAT_LIMITS[1], north + grow)
    return (west, east), (south, north)


def frame(
    members: Iterable[str], geometry: Geometry, points: Mapping[str, tuple[float, float]]
) -> tuple[tuple[float, float], tuple[float, float]]:
    """The lon/lat box showing every member: whole shapes, or a point for very wide states."""
    lon_intervals: list[tuple[float, float]] = []
    south, north = 90.0, -90.0
    for code in members:
        extent = _extent(code, geometry, points)
        if extent is None:
            continue
        lons, (lo, hi) = extent
        lon_intervals += [(_wrap(a), _wrap(a) + (b - a)) for a, b in lons]
        south, north = min(south, lo), max(north, hi)
    flat = [(a, min(b, 180.0)) for a, b in lon_intervals] + [
        (-180.0, b - 360.0) for a, b in lon_intervals if b > 180.0
    ]
    west, east = covering_arc(flat)
    pad_lon = max(MIN_PAD, PAD_SHARE * (east - west))
    pad_lat = max(MIN_PAD, PAD_SHARE * (north - south))
    west, east = west - pad_lon, east + pad_lon
    south, north = max(LAT_LIMITS[0], south - pad_lat), min(LAT_LIMITS[1], north + pad_lat)
    if east - west >= WORLD_SPAN:
        return WORLD_LON, (south, north)
    return _fit_aspect(*_normalised((west, east), (south, north)))


def _normalised(lon_range, lat_range):
    west, east = lon_range
    if west < -180.0:
        west, east = west + 360.0, east + 360.0
    return (west, east), lat_range


def world_frame() -> FocusFrame:
    """The whole world, centred on 0 deg."""
    return FocusFrame(WORLD_FOCUS, _("World"), frozenset(), WORLD_LON, WORLD_LAT)


def group_frame(
    focus: Focus, geometry: Geometry, points: Mapping[str, tuple[float, float]]
) -> FocusFrame:
    """The frame of a group the user made: its members, named as its maker named it."""
    codes = frozenset(focus.codes)
    lon_range, lat_range = frame(sorted(codes), geometry, points)
    return FocusFrame(focus, focus.name or _("Your group"), codes, lon_range, lat_range)


def focus_frames(
    groups: Iterable[Group], geometry: Geometry, points: Mapping[str, tuple[float, float]]
) -> dict[Focus, FocusFrame]:
    """The world, then one frame per group's focus (e.g. ``org-nato``), in the groups' order."""
    frames = {WORLD_FOCUS: world_frame()}
    for group in groups:
        codes = frozenset(m.iso3 for m in (*group.members, *group.outside))
        focus = Focus(group.kind, group.group_id)
        if str(focus) in FRAME_OVERRIDES:
            lon_range, lat_range = _fit_aspect(*FRAME_OVERRIDES[str(focus)])
        else:
            lon_range, lat_range = frame(sorted(codes), geometry, points)
        frames[focus] = FocusFrame(focus, group.label, codes, lon_range, lat_range)
    return frames
