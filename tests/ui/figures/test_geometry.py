"""Checks on the committed map geometry: data/geo/world.geojson, state_points.csv, static/.

Offline and fast: reads only files in the repository (scripts/build_geometry.py writes them).
"""

from __future__ import annotations

import csv
import itertools
import json
import math
import re
from functools import cache
from pathlib import Path

import plotly.graph_objects as go
import pytest
import shapely

REPO = Path(__file__).resolve().parents[3]
GEO = REPO / "data" / "geo"
STATES = REPO / "data" / "reference" / "states.csv"
EARTH_RADIUS_KM = 6371.0088
# Features that really have parts on both sides of 180 deg (see WIDE_OK in the build script).
WIDE_OK = {"FJI", "KIR", "NZL", "RUS", "USA"}
PSEUDO_CODES = {"_SIA", "_AIT"}


@cache
def features() -> dict[str, dict]:
    collection = json.loads((GEO / "world.geojson").read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    out: dict[str, dict] = {}
    for f in collection["features"]:
        code = f["properties"]["iso3"]
        assert code not in out, f"duplicate iso3 {code}"
        out[code] = f
    return out


@cache
def shapes() -> dict[str, shapely.Geometry]:
    return {c: shapely.from_geojson(json.dumps(f["geometry"])) for c, f in features().items()}


@cache
def points() -> list[dict]:
    with (GEO / "state_points.csv").open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def universe() -> set[str]:
    """The 195 states: data/reference/states.csv when present, else the state_points list."""
    if STATES.exists():
        with STATES.open(newline="", encoding="utf-8") as f:
            return {row["iso3"] for row in csv.DictReader(f)}
    return {row["iso3"] for row in points()}


def polygons(geom) -> list[shapely.Polygon]:
    return list(shapely.get_parts(geom))


def ring_signed_area(coords) -> float:
    """Shoelace in plain lon/lat: negative = clockwise with north up (d3-geo's exterior)."""
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in itertools.pairwise(coords)) / 2


def ring_sphere_area_km2(coords) -> float:
    """Signed area on the sphere (Chamberlain & Duquette), positive for clockwise rings."""
    total = 0.0
    for (lon0, lat0), (lon1, lat1) in itertools.pairwise(coords):
        total += math.radians(lon1 - lon0) * (
            2 + math.sin(math.radians(lat0)) + math.sin(math.radians(lat1))
        )
    return total * EARTH_RADIUS_KM**2 / 2


def d3_area_km2(geom) -> float:
    """The area d3-geo (plotly.js) fills: a counter-clockwise ring means 'all the globe but it'."""
    sphere = 4 * math.pi * EARTH_RADIUS_KM**2
    total = 0.0
    for poly in polygons(geom):
        rings = [poly.exterior, *poly.interiors]
        area = sum(ring_sphere_area_km2(list(r.coords)) for r in rings)
        total += area if area > 0 else sphere + area
    return total


def test_state_points_list_exactly_the_195_states():
    codes = [row["iso3"] for row in points()]
    assert len(codes) == 195
    assert len(set(codes)) == 195
    assert codes == sorted(codes)
    assert {"VAT", "PSE"} <= set(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert set(codes) == universe()


def test_every_state_is_drawn_or_has_a_reviewed_manual_point():
    drawn = set(features())
    manual = {}
    for row in points():
        if row["point_source"] == "natural-earth-50m":
            assert row["iso3"] in drawn, f"{row['iso3']} has no feature in world.geojson"
        else:
            assert row["point_source"].startswith("manual: "), row
            assert row["iso3"] not in drawn, f"{row['iso3']} has a shape and a manual point"
            manual[row["iso3"]] = row
    assert set(manual) == {"TUV"}
    tuv = manual["TUV"]
    assert (float(tuv["lat"]), float(tuv["lon"]), int(tuv["area_km2"])) == (-8.521, 179.198, 26)
    assert tuv["point_source"] == "manual: Funafuti (capital)"


def test_points_lie_in_their_shapes_and_areas_are_plausible():
    for row in points():
        area = int(row["area_km2"])
        assert area > 0, row
        if row["point_source"] != "natural-earth-50m":
            continue
        geom = shapes()[row["iso3"]]
        p = shapely.Point(float(row["lon"]), float(row["lat"]))
        assert geom.distance(p) < 0.001, f"{row['iso3']}: point {p} outside its shape"
        if area > 50_000:  # the drawn shape's sphere area matches the source area
            drawn = d3_area_km2(geom)
            assert 0.85 < drawn / area < 1.15, (row["iso3"], drawn, area)


def test_every_geometry_is_a_valid_polygon_or_multipolygon():
    for code, f in features().items():
        assert f["geometry"]["type"] in {"Polygon", "MultiPolygon"}, code
        geom = shapes()[code]
        assert not geom.is_empty, code
        assert geom.is_valid, (code, shapely.is_valid_reason(geom))


def test_no_feature_leaves_the_globe_or_swallows_it():
    russia = d3_area_km2(shapes()["RUS"])
    assert 16_000_000 < russia < 17_500_000
    for code, geom in shapes().items():
        x0, y0, x1, y1 = geom.bounds
        assert -180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90, (code, geom.bounds)
        assert x1 - x0 <= 180 or code in WIDE_OK, (code, geom.bounds)
        assert d3_area_km2(geom) < russia * 1.05, f"{code} covers more than Russia"


def test_rings_wind_as_d3_geo_and_plotly_expect():
    # d3-geo (plotly.js) wants exteriors clockwise and holes counter-clockwise (north up); the
    # RFC 7946 order (the opposite) paints the whole globe except the country.
    for code, geom in shapes().items():
        for poly in polygons(geom):
            assert ring_signed_area(list(poly.exterior.coords)) < 0, f"{code}: exterior CCW"
            for hole in poly.interiors:
                assert ring_signed_area(list(hole.coords)) > 0, f"{code}: hole CW"


def test_codes_are_unique_iso_or_documented_pseudo_codes():
    readme = (GEO / "README.md").read_text(encoding="utf-8")
    for code, f in features().items():
        assert set(f["properties"]) == {"iso3", "name"}, code
        assert f["properties"]["name"], code
        assert re.fullmatch(r"[A-Z]{3}", code) or code in PSEUDO_CODES, code
    for code in PSEUDO_CODES | {"XKX"}:
        assert code in features()
        assert f"`{code}`" in readme, f"{code} is not documented in data/geo/README.md"


@pytest.mark.parametrize(
    ("lat", "lon", "expected", "why"),
    [
        (45.0, 34.1, "UKR", "Crimea: UNGA res. 68/262"),
        (44.6, 33.5, "UKR", "Sevastopol"),
        (55.75, 37.62, "RUS", "Moscow"),
        (66.0, -175.0, "RUS", "Chukotka, east of 180 deg"),
        (71.2, -179.5, "RUS", "Wrangel Island, cut at 180 deg"),
        (-17.8, 178.0, "FJI", "Viti Levu"),
        (35.3, 33.4, "CYP", "north of the island: N. Cyprus merged"),
        (9.56, 44.06, "SOM", "Hargeisa: Somaliland merged"),
        (42.66, 21.17, "XKX", "Pristina: Kosovo drawn apart"),
        (44.8, 20.46, "SRB", "Belgrade"),
        (24.5, -13.0, "ESH", "Western Sahara west of the berm"),
        (27.15, -13.2, "ESH", "Laayoune"),
        (31.63, -8.0, "MAR", "Marrakesh"),
        (23.7, 121.0, "TWN", "Taiwan drawn apart"),
        (35.3, 77.18, "_SIA", "Siachen Glacier, neutral"),
        (31.9, 35.2, "PSE", "Ramallah"),
        (31.42, 34.37, "PSE", "Gaza"),
        (31.25, 34.79, "ISR", "Beersheba"),
        (16.97, 7.99, "NER", "Agadez (not Nigeria)"),
        (9.06, 7.49, "NGA", "Abuja (not Niger)"),
        (-0.48, 15.9, "COG", "Owando (not DR Congo)"),
        (0.52, 25.19, "COD", "Kisangani (not Congo)"),
        (15.5, 32.56, "SDN", "Khartoum"),
        (4.85, 31.58, "SSD", "Juba"),
        (15.42, -61.34, "DMA", "Dominica (not Dominican Rep.)"),
        (18.9, -70.5, "DOM", "Dominican Rep."),
        (10.38, -9.31, "GIN", "Kankan, Guinea"),
        (12.17, -14.66, "GNB", "Bafata, Guinea-Bissau"),
        (1.6, 10.5, "GNQ", "Equatorial Guinea"),
        (-5.86, 144.23, "PNG", "Mount Hagen"),
        (39.03, 125.75, "PRK", "Pyongyang"),
        (37.57, 126.98, "KOR", "Seoul"),
        (72.0, -40.0, "GRL", "Greenland drawn apart"),
        (64.0, -150.0, "USA", "Alaska"),
        (35.95, 14.4, "MLT", "Malta"),
        (1.35, 103.82, "SGP", "Singapore"),
        (-80.0, 0.0, None, "Antarctica is left out"),
    ],
)
def test_boundary_policy_and_look_alikes(lat, lon, expected, why):
    p = shapely.Point(lon, lat)
    hits = sorted(code for code, geom in shapes().items() if geom.covers(p))
    assert hits == ([expected] if expected else []), why


def test_choropleth_figure_stays_under_350_kb():
    codes = list(features())
    collection = json.loads((GEO / "world.geojson").read_text(encoding="utf-8"))
    fig = go.Figure(
        go.Choropleth(
            geojson=collection,
            locations=codes,
            z=[i % 3 for i in range(len(codes))],
            featureidkey="properties.iso3",
        )
    )
    size = len(fig.to_json())
    assert size < 350_000, size
    assert size > len((GEO / "world.geojson").read_bytes()) * 0.9  # the geometry really is in it


def test_static_base_map_is_the_empty_topology():
    text = (REPO / "static" / "world_110m.json").read_text(encoding="utf-8")
    assert json.loads(text) == {"type": "Topology", "objects": {}, "arcs": []}
