"""Build the dashboard's map geometry (data/geo/) once from world-atlas 2.0.2 (Natural Earth 4.1.0).

Owns: data/geo/world.geojson, data/geo/state_points.csv and static/world_110m.json. The boundary
policy these encode is written up in data/geo/README.md; change both together.

Get the input (ISC licence; the data is Natural Earth 1:50m, public domain) outside the repo, and
never commit the tarball or a node_modules folder:

    tmp=$(mktemp -d) && (cd "$tmp" && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz)
    .venv/bin/pip install pycountry==26.2.16   # build-time only (ISO 3166 numeric -> alpha-3)
    .venv/bin/python scripts/build_geometry.py "$tmp/package/countries-50m.json"

The build is deterministic: the same input gives byte-identical outputs. It works on the TopoJSON
arcs directly (not through geopandas' reader) so that a border shared by two countries is simplified
once and stays shared: no slivers or overlaps between neighbours. Steps:

1. decode the quantised arcs, unwrap longitudes along each arc (rings that cross 180 deg become
   continuous, e.g. Chukotka runs to 190 deg instead of jumping to -180);
2. give every input feature an output code by a reviewed policy (ISO numeric -> alpha-3 via
   pycountry; id-less features by the ID_LESS table; Crimea by CRIMEA; Western Sahara by
   WESTERN_SAHARA; Antarctica dropped) and fail on anything the policy does not name;
3. leave out sub-pixel islands of large features, then simplify the arcs (Douglas-Peucker,
   topology-preserving within each tolerance class; arcs of small rings get a smaller tolerance so
   islands and microstates keep their shape);
4. assemble polygons in unwrapped longitudes (where a repair cannot wrap round the globe), split
   them at the antimeridian, only then repair the pieces in [-180, 180] and dissolve per code;
5. densify long edges (plotly draws edges as great circles), snap to a 0.01 deg grid and orient the
   rings last, clockwise exteriors as d3-geo/plotly.js expect (the opposite of RFC 7946);
6. check every shape (valid, inside the lon/lat box, not larger than Russia) and the universe of 195
   states (each has a shape or a reviewed manual point), then write the files.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import sys
from pathlib import Path

import numpy as np
import shapely
from shapely.geometry import MultiLineString, MultiPolygon, Point, Polygon, box

REPO = Path(__file__).resolve().parent.parent

# The input this policy was reviewed against (world-atlas@2.0.2, countries-50m.json).
EXPECTED_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"

# Features that carry no ISO 3166 id in the input, keyed by their Natural Earth name:
# (output code, what is done, why). A name missing here, or an entry unused, fails the build.
ID_LESS = {
    "Kosovo": ("XKX", "drawn separately, not in scope", "not a UN member; user-assigned XKX"),
    "N. Cyprus": ("CYP", "merged into Cyprus", "UN maps show the whole island as Cyprus"),
    "Somaliland": ("SOM", "merged into Somalia", "UN maps show it as part of Somalia"),
    "Siachen Glacier": ("_SIA", "drawn separately, not in scope", "India/Pakistan, not agreed"),
    "Indian Ocean Ter.": ("_AIT", "drawn separately, not in scope", "Christmas I. + Cocos Is."),
}
# Pseudo codes (leading underscore: never an ISO code) and the reference names written for them.
PSEUDO_NAMES = {
    "_SIA": "Siachen Glacier",
    "_AIT": "Australian Indian Ocean Territories (Christmas I., Cocos (Keeling) Is.)",
}
DROP_IDS = {"010": "not a state; its rings circle the pole and need no colour"}

# Natural Earth 4.1.0 draws Crimea inside Russia (de facto). UN General Assembly resolution 68/262
# affirms Ukraine's territorial integrity and UN maps show Crimea as Ukraine, so its polygon (a
# separate part of Russia's shape in the input) is moved to Ukraine. The probe point must fall in
# exactly one part of the input's Russia shape, and that part must border Ukraine.
CRIMEA = {
    "from": "RUS",
    "to": "UKR",
    "probe": (34.1, 45.0),
    "area_km2": (20_000, 35_000),
}

# Natural Earth 4.1.0 draws the part of Western Sahara west of the Moroccan berm inside Morocco
# (de facto) and only the part east of it as "W. Sahara" (732). The UN lists Western Sahara as a
# Non-Self-Governing Territory and its maps draw it apart from Morocco along 27 deg 40' N. So the
# part of Morocco's input shape south of that parallel goes to ESH. The cut follows the input's own
# rendering of the parallel (the northern edge of feature 732), which must be within 0.02 deg.
WESTERN_SAHARA = {
    "from": "MAR",
    "to": "ESH",
    "parallel": 27 + 40 / 60,
    "area_km2": (150_000, 200_000),
}

# Universe states with no shape in the input: a hand-entered point, with its source.
MANUAL_POINTS = {
    "TUV": {
        "lat": -8.521,
        "lon": 179.198,
        "area_km2": 26,
        "point_source": "manual: Funafuti (capital)",
    },
}

# Features whose longitude extent may exceed 180 deg: they have parts on both sides of 180 deg.
WIDE_OK = {"FJI", "KIR", "NZL", "RUS", "USA"}

TOLERANCE = 0.15  # deg, Douglas-Peucker tolerance for arcs of large rings
RING_FRACTION = 0.1  # an arc's tolerance is halved until <= this fraction of its smallest ring
MIN_TOLERANCE = 0.005  # deg, the smallest tolerance used
MIN_PART_KM2 = 300  # islands smaller than this are left out of features with a large main part ...
KEEP_ALL_BELOW_KM2 = 3000  # ... i.e. one of at least this size; smaller features keep every part
MAX_SEGMENT = 4.0  # deg, longer edges are split so great-circle drawing follows the source line
GRID = 0.01  # deg, output coordinates are snapped to this grid (2 decimals)
DECIMALS = 2
POINT_DECIMALS = 3
EQUAL_AREA = "EPSG:6933"  # WGS 84 / NSIDC EASE-Grid 2.0 Global, cylindrical equal-area


class BuildError(RuntimeError):
    """The input does not match the reviewed policy; the message says what to review."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load_universe(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    if not rows or "iso3" not in rows[0]:
        raise BuildError(f"{path}: no column 'iso3'")
    codes = sorted({r["iso3"].strip() for r in rows})
    if len(codes) != 195 or len(rows) != 195 or not {"VAT", "PSE"} <= set(codes):
        raise BuildError(f"{path}: expected 195 unique iso3 incl. VAT and PSE, got {len(codes)}")
    return codes


def numeric_to_alpha3() -> dict[str, str]:
    import pycountry  # build-time only

    return {c.numeric: c.alpha_3 for c in pycountry.countries}


def decode_arcs(topo: dict) -> list[np.ndarray]:
    """Quantised, delta-encoded arcs -> lon/lat arrays, longitudes unwrapped along each arc."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        q = np.cumsum(np.asarray(arc, dtype=np.int64), axis=0)
        lon = np.unwrap(q[:, 0] * sx + tx, period=360.0)
        arcs.append(np.column_stack([lon, q[:, 1] * sy + ty]))
    return arcs


def ring_coords(arc_ids: list[int], arcs: list[np.ndarray]) -> np.ndarray:
    """Join a ring's arcs, shifting each arc by a multiple of 360 deg to continue the previous."""
    parts: list[np.ndarray] = []
    for i in arc_ids:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        if parts:
            shift = 360.0 * round((parts[-1][-1, 0] - a[0, 0]) / 360.0)
            a = a[1:] + np.array([shift, 0.0])
        parts.append(a)
    ring = np.concatenate(parts)
    if not np.allclose(ring[0], ring[-1], atol=1e-9):
        raise BuildError(f"ring does not close after unwrapping (a ring around a pole?): {ring[0]}")
    return ring


def polygon(rings: list[list[int]], arcs: list[np.ndarray]) -> Polygon:
    shell = ring_coords(rings[0], arcs)
    centre = (shell[:, 0].min() + shell[:, 0].max()) / 2
    holes = []
    for r in rings[1:]:
        h = ring_coords(r, arcs)
        holes.append(h + np.array([360.0 * round((centre - h[:, 0].mean()) / 360.0), 0.0]))
    return Polygon(shell, holes)


def split_antimeridian(geom):
    """Cut a geometry in unwrapped longitudes into [-180, 180] pieces; no repair before this."""
    pieces = []
    lo, hi = shapely.bounds(geom)[[0, 2]]
    for k in range(math.floor((lo + 180) / 360), math.floor((hi + 180) / 360) + 1):
        window = box(-180 + 360 * k, -90, 180 + 360 * k, 90)
        piece = shapely.intersection(geom, window)
        if not piece.is_empty:
            pieces.append(shapely.affinity.translate(piece, xoff=-360 * k))
    return shapely.union_all(pieces)


def polygons_only(geom) -> MultiPolygon:
    parts = [g for g in shapely.get_parts(geom) if isinstance(g, Polygon) and not g.is_empty]
    out = []
    for g in parts:
        out.extend(shapely.get_parts(g))
    return MultiPolygon(out)


def assemble(entries: list[list[list[int]]], arcs: list[np.ndarray]) -> MultiPolygon:
    """Polygons (as arc-index rings) -> one valid MultiPolygon within [-180, 180]."""
    pieces = [split_antimeridian(shapely.make_valid(polygon(rings, arcs))) for rings in entries]
    return polygons_only(
        shapely.make_valid(shapely.union_all([shapely.make_valid(p) for p in pieces]))
    )


def ring_size(rings_of_arcs: list[int], arcs: list[np.ndarray]) -> float:
    r = ring_coords(rings_of_arcs, arcs)
    return float(np.hypot(np.ptp(r[:, 0]), np.ptp(r[:, 1])))


def arc_tolerances(arcs: list[np.ndarray], entries: dict[str, list]) -> list[float]:
    """TOLERANCE, halved until it is at most RING_FRACTION of the smallest ring using the arc."""
    smallest = [math.inf] * len(arcs)
    for polys in entries.values():
        for rings in polys:
            for r in rings:
                size = ring_size(r, arcs)
                for i in r:
                    j = i if i >= 0 else ~i
                    smallest[j] = min(smallest[j], size)
    tol = []
    for size in smallest:
        t = TOLERANCE
        while t > MIN_TOLERANCE and t > RING_FRACTION * size:
            t /= 2
        tol.append(t)
    return tol


def simplify_arcs(arcs: list[np.ndarray], entries: dict[str, list]) -> list[np.ndarray]:
    """Douglas-Peucker per tolerance class, topology-preserving within the class, endpoints kept."""
    tol = arc_tolerances(arcs, entries)
    out: list[np.ndarray | None] = [None] * len(arcs)
    for t in sorted(set(tol)):
        idx = [i for i, v in enumerate(tol) if v == t]
        simple = shapely.simplify(
            MultiLineString([arcs[i] for i in idx]), t, preserve_topology=True
        )
        lines = list(shapely.get_parts(simple))
        if len(lines) != len(idx):
            raise BuildError("simplification changed the number of arcs")
        for i, line in zip(idx, lines, strict=True):
            c = np.asarray(line.coords)
            if not (np.array_equal(c[0], arcs[i][0]) and np.array_equal(c[-1], arcs[i][-1])):
                raise BuildError(f"simplification moved the end of arc {i}")
            out[i] = c
    return out  # type: ignore[return-value]


def finish(geom: MultiPolygon) -> MultiPolygon:
    """Densify, snap to the output grid, orient rings (clockwise exteriors) as the last step."""
    geom = shapely.segmentize(geom, MAX_SEGMENT)
    geom = polygons_only(shapely.set_precision(geom, GRID))
    geom = MultiPolygon(
        [
            Polygon(
                np.round(p.exterior.coords, DECIMALS),
                [np.round(h.coords, DECIMALS) for h in p.interiors],
            )
            for p in geom.geoms
        ]
    )
    return shapely.orient_polygons(geom, exterior_cw=True)


def equal_area_km2(geoms: list) -> list[float]:
    import geopandas as gpd

    s = gpd.GeoSeries(geoms, crs="EPSG:4326").to_crs(EQUAL_AREA)
    return [a / 1e6 for a in s.area]


def feature_codes(
    topo: dict, alpha3: dict[str, str]
) -> tuple[dict[str, list], dict[str, list], list[str]]:
    """Input features -> {output code: [polygon as arc rings]}, names per code, and a report."""
    entries: dict[str, list] = {}
    names: dict[str, list] = {}
    report: list[str] = []
    used = set()
    for g in topo["objects"]["countries"]["geometries"]:
        fid, name = g.get("id"), g["properties"]["name"]
        if fid in DROP_IDS:
            report.append(f"dropped {fid} {name}: {DROP_IDS[fid]}")
            continue
        if fid is None:
            if name not in ID_LESS:
                raise BuildError(
                    f"feature without ISO id not in the reviewed ID_LESS policy: {name!r}"
                )
            code, action, why = ID_LESS[name]
            used.add(name)
            report.append(f"id-less {name!r} -> {code}: {action} ({why})")
        else:
            if fid not in alpha3:
                raise BuildError(f"ISO numeric id {fid!r} ({name}) unknown to pycountry")
            code = alpha3[fid]
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        if code in entries:
            earlier = [n for n, _ in names[code]]
            report.append(f"{code}: {name!r} drawn as one shape with {earlier}")
        entries.setdefault(code, []).extend(polys)
        names.setdefault(code, []).append((name, polys))
    unused = set(ID_LESS) - used
    if unused:
        raise BuildError(
            f"ID_LESS entries not found in the input (stale policy?): {sorted(unused)}"
        )
    return entries, names, report


def move_crimea(entries: dict[str, list], arcs: list[np.ndarray]) -> str:
    probe = Point(CRIMEA["probe"])
    hits = [
        k for k, rings in enumerate(entries[CRIMEA["from"]]) if polygon(rings, arcs).contains(probe)
    ]
    if len(hits) != 1:
        raise BuildError(
            f"Crimea probe {CRIMEA['probe']} is in {len(hits)} parts of {CRIMEA['from']}"
        )
    rings = entries[CRIMEA["from"]][hits[0]]
    part = polygon(rings, arcs)
    (area,) = equal_area_km2([part])
    lo, hi = CRIMEA["area_km2"]
    if not lo <= area <= hi:
        raise BuildError(
            f"the part holding the Crimea probe has {area:.0f} km2, expected {lo}-{hi}"
        )
    target = assemble(entries[CRIMEA["to"]], arcs)
    if not part.buffer(1e-6).intersects(target):
        raise BuildError("the part holding the Crimea probe does not border Ukraine")
    entries[CRIMEA["from"]].pop(hits[0])
    entries[CRIMEA["to"]].append(rings)
    return (
        f"moved Crimea ({area:.0f} km2) from {CRIMEA['from']} to {CRIMEA['to']} (UNGA res. 68/262)"
    )


def drop_specks(
    entries: dict[str, list], arcs: list[np.ndarray]
) -> tuple[dict[str, list], dict[str, int]]:
    """Leave out sub-pixel islands: parts under MIN_PART_KM2 of a feature whose largest part is at
    least KEEP_ALL_BELOW_KM2, and only parts that share no border with anything (no half-islands).
    Features made of small parts only (microstates, atoll states) keep every part."""
    uses: dict[int, int] = {}
    for polys in entries.values():
        for rings in polys:
            for r in rings:
                for i in r:
                    uses[i if i >= 0 else ~i] = uses.get(i if i >= 0 else ~i, 0) + 1
    drawn: dict[str, list] = {}
    dropped: dict[str, int] = {}
    for code, polys in entries.items():
        parts = [split_antimeridian(shapely.make_valid(polygon(rings, arcs))) for rings in polys]
        areas = equal_area_km2(parts)
        keep_all = max(areas) < KEEP_ALL_BELOW_KM2
        drawn[code] = []
        for rings, area in zip(polys, areas, strict=True):
            alone = all(uses[i if i >= 0 else ~i] == 1 for r in rings for i in r)
            if keep_all or area >= MIN_PART_KM2 or not alone:
                drawn[code].append(rings)
            else:
                dropped[code] = dropped.get(code, 0) + 1
    return drawn, dropped


def carve_western_sahara(shapes: dict[str, MultiPolygon], parallel: float) -> float:
    """Move the part of Morocco's shape south of `parallel` to Western Sahara; returns its km2."""
    src, dst = WESTERN_SAHARA["from"], WESTERN_SAHARA["to"]
    south = box(-180, -90, 180, parallel)
    part = polygons_only(shapely.intersection(shapes[src], south))
    shapes[src] = polygons_only(shapely.difference(shapes[src], south))
    shapes[dst] = polygons_only(shapely.union(shapes[dst], part))
    (area,) = equal_area_km2([part])
    return area


def western_sahara_parallel(raw: dict[str, MultiPolygon]) -> float:
    edge = shapely.bounds(raw[WESTERN_SAHARA["to"]])[3]
    if abs(edge - WESTERN_SAHARA["parallel"]) > 0.02:
        raise BuildError(f"northern edge of {WESTERN_SAHARA['to']} at {edge}, not 27 deg 40' N")
    return float(edge)


def check_shape(code: str, geom: MultiPolygon, limit_km2: float) -> None:
    if geom.is_empty or not geom.is_valid:
        raise BuildError(f"{code}: empty or invalid shape: {shapely.is_valid_reason(geom)}")
    x0, y0, x1, y1 = geom.bounds
    if x0 < -180 or x1 > 180 or y0 < -90 or y1 > 90:
        raise BuildError(f"{code}: bounds {geom.bounds} leave the lon/lat box")
    if x1 - x0 > 180 and code not in WIDE_OK:
        raise BuildError(
            f"{code}: spans {x1 - x0:.1f} deg of longitude; add to WIDE_OK only if real"
        )
    (area,) = equal_area_km2([geom])
    if area > limit_km2:
        raise BuildError(f"{code}: {area:.0f} km2, larger than Russia: a shape swallowed the globe")


def reference_names(names: dict[str, list], arcs: list[np.ndarray]) -> dict[str, str]:
    """The Natural Earth name of each code; where features were merged, that of the largest."""
    out = {}
    for code, named in names.items():
        if code in PSEUDO_NAMES:
            out[code] = PSEUDO_NAMES[code]
        elif len(named) == 1:
            out[code] = named[0][0]
        else:
            areas = equal_area_km2([assemble(polys, arcs) for _, polys in named])
            out[code] = named[int(np.argmax(areas))][0]
    return out


def state_points(
    universe: list[str], shapes: dict[str, MultiPolygon], areas: dict[str, float]
) -> list[dict]:
    rows = []
    for code in universe:
        if code in MANUAL_POINTS:
            if code in shapes:
                raise BuildError(f"{code} now has a shape: remove its MANUAL_POINTS entry")
            rows.append({"iso3": code, **MANUAL_POINTS[code]})
            continue
        if code not in shapes:
            raise BuildError(f"universe state {code} has no shape in the input and no manual point")
        parts = list(shapes[code].geoms)
        largest = parts[int(np.argmax(equal_area_km2(parts)))]
        p = largest.representative_point()
        rows.append(
            {
                "iso3": code,
                "lat": round(p.y, POINT_DECIMALS),
                "lon": round(p.x, POINT_DECIMALS),
                "area_km2": round(areas[code]),
                "point_source": "natural-earth-50m",
            }
        )
    return rows


def geojson_text(shapes: dict[str, MultiPolygon], names: dict[str, str]) -> str:
    lines = []
    for code in sorted(shapes):
        geom = shapes[code]
        geometry = json.loads(shapely.to_geojson(geom.geoms[0] if len(geom.geoms) == 1 else geom))
        feature = {
            "type": "Feature",
            "properties": {"iso3": code, "name": names[code]},
            "geometry": geometry,
        }
        lines.append(json.dumps(feature, separators=(",", ":"), ensure_ascii=False))
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def figure_bytes(geojson: dict) -> int:
    import plotly.graph_objects as go

    codes = [f["properties"]["iso3"] for f in geojson["features"]]
    fig = go.Figure(
        go.Choropleth(
            geojson=geojson,
            locations=codes,
            z=[i % 3 for i in range(len(codes))],
            featureidkey="properties.iso3",
        )
    )
    return len(fig.to_json())


def default_universe() -> Path:
    local = REPO / "data" / "reference" / "states.csv"
    return (
        local
        if local.exists()
        else REPO.parent / "shared" / "reference" / "groups" / "un-m49-regions.csv"
    )


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "countries_50m",
        type=Path,
        help="package/countries-50m.json from npm pack world-atlas@2.0.2",
    )
    ap.add_argument("--universe", type=Path, default=None, help="CSV with column iso3 (195 rows)")
    ap.add_argument("--out", type=Path, default=REPO, help="repository root to write into")
    return ap.parse_args(argv)


def reviewed_input_digest(path: Path) -> str:
    """The input's SHA-256; fail unless it is the world-atlas@2.0.2 file the policy reviewed."""
    digest = sha256(path)
    if digest != EXPECTED_SHA256:
        raise BuildError(
            f"{path} has SHA-256 {digest}, not world-atlas@2.0.2's "
            f"{EXPECTED_SHA256}. If you are upgrading on purpose, review every policy table in "
            "this script and data/geo/README.md, then update EXPECTED_SHA256."
        )
    return digest


def check_numeric_codes(universe: list[str]) -> None:
    """Fail if pycountry has no ISO numeric code for a universe state (the input is keyed by it)."""
    import pycountry

    no_numeric = [
        c for c in universe if getattr(pycountry.countries.get(alpha_3=c), "numeric", None) is None
    ]
    if no_numeric:
        raise BuildError(f"universe states without an ISO numeric code in pycountry: {no_numeric}")


def unsimplified_areas(
    entries: dict[str, list], arcs: list[np.ndarray], report: list[str]
) -> tuple[dict[str, float], float]:
    """Each code's area (km2) before simplification, Western Sahara carved out, and the parallel
    of that cut (checked against the reviewed area)."""
    raw = {code: assemble(polys, arcs) for code, polys in sorted(entries.items())}
    parallel = western_sahara_parallel(raw)
    carved = carve_western_sahara(raw, parallel)
    lo, hi = WESTERN_SAHARA["area_km2"]
    if not lo <= carved <= hi:
        raise BuildError(f"{carved:.0f} km2 of MAR lie south of {parallel}, expected {lo}-{hi}")
    report.append(
        f"moved {carved:.0f} km2 of MAR south of lat {parallel:.4f} (27 deg 40' N) to ESH"
    )
    areas = dict(zip(raw, equal_area_km2(list(raw.values())), strict=True))
    return areas, parallel


def drawn_shapes(
    entries: dict[str, list], arcs: list[np.ndarray], parallel: float, limit_km2: float
) -> tuple[dict[str, MultiPolygon], dict[str, int]]:
    """The output shapes (specks left out, arcs simplified, Western Sahara carved, finished and
    checked) and how many specks each code lost."""
    drawn, dropped = drop_specks(entries, arcs)
    simple_arcs = simplify_arcs(arcs, drawn)
    assembled = {code: assemble(polys, simple_arcs) for code, polys in sorted(drawn.items())}
    carve_western_sahara(assembled, parallel)
    shapes = {code: finish(geom) for code, geom in assembled.items()}
    for code, geom in shapes.items():
        check_shape(code, geom, limit_km2)
    return shapes, dropped


def state_points_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(
        buf, fieldnames=["iso3", "lat", "lon", "area_km2", "point_source"], lineterminator="\n"
    )
    w.writeheader()
    w.writerows(rows)
    return buf.getvalue()


def write_outputs(out: Path, geojson: str, points: str) -> None:
    """data/geo/world.geojson, data/geo/state_points.csv and the empty static/world_110m.json."""
    geo_dir = out / "data" / "geo"
    geo_dir.mkdir(parents=True, exist_ok=True)
    (geo_dir / "world.geojson").write_text(geojson, encoding="utf-8")
    (geo_dir / "state_points.csv").write_text(points, encoding="utf-8")
    static = out / "static"
    static.mkdir(parents=True, exist_ok=True)
    (static / "world_110m.json").write_text(
        '{"type":"Topology","objects":{},"arcs":[]}', encoding="utf-8"
    )


def print_summary(
    source: Path,
    digest: str,
    report: list[str],
    shapes: dict[str, MultiPolygon],
    universe: list[str],
    dropped: dict[str, int],
    text: str,
) -> None:
    outside = sorted(set(shapes) - set(universe))
    print(f"input {source} sha256 {digest}")
    print("\n".join(report))
    print(
        f"{len(shapes)} features; {len(universe)} universe states; manual points: {MANUAL_POINTS}"
    )
    print(f"not in scope ({len(outside)}): {' '.join(outside)}")
    n_coords = sum(shapely.get_num_coordinates(g) for g in shapes.values())
    specks = " ".join(f"{c}:{n}" for c, n in sorted(dropped.items()))
    print(f"islands under {MIN_PART_KM2} km2 left out ({sum(dropped.values())}): {specks}")
    print(f"coordinates: {n_coords}; world.geojson {len(text.encode())} bytes")
    print(f"go.Choropleth figure JSON: {figure_bytes(json.loads(text))} bytes")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    digest = reviewed_input_digest(args.countries_50m)
    universe = load_universe(args.universe or default_universe())
    alpha3 = numeric_to_alpha3()
    check_numeric_codes(universe)

    topo = json.loads(args.countries_50m.read_text(encoding="utf-8"))
    arcs = decode_arcs(topo)
    entries, names, report = feature_codes(topo, alpha3)
    report.append(move_crimea(entries, arcs))
    areas, parallel = unsimplified_areas(entries, arcs, report)
    shapes, dropped = drawn_shapes(entries, arcs, parallel, limit_km2=areas["RUS"] * 1.05)

    rows = state_points(universe, shapes, areas)
    text = geojson_text(shapes, reference_names(names, arcs))
    write_outputs(args.out, text, state_points_csv(rows))
    print_summary(args.countries_50m, digest, report, shapes, universe, dropped, text)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BuildError as e:
        print(f"build_geometry: {e}", file=sys.stderr)
        sys.exit(1)
