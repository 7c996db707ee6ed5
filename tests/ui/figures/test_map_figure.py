"""Pure tests of the figure builders, the focus frames, the palette and the printable map."""

import json

import numpy as np
import pytest

from instruments.categories import Category
from instruments.forms import FORMS
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from store.focus import Focus
from ui.figures.breakdown_chart import breakdown_figure
from ui.figures.map_figure import MAP_HEIGHT, colourscale, map_figure, plotly_config
from ui.figures.print_map import render_map
from ui.tables.coverage import breakdown
from ui.views import palette
from ui.views.focus import ASPECT, covering_arc, projected_aspect
from ui.views.map_view import instrument_view

from colour_vision import delta_e, lab, min_difference, min_lightness_gap
from ui_fixtures import dots_of, shapes_of, shipped

FIGURE_BUDGET = 350_000  # bytes of figure JSON per map view (issue: well under 0.5 MB)
KEYS = list(map(str, shipped().focus_frames))


CALL_COLOURS = [palette.COLOURS[c] for c in (Category.ENDORSED, Category.NOT_ENDORSED)]
CALL_COLOURS += [palette.COLOURS[Category.NOT_IN_SCOPE]]
FADED_COLOURS = [palette.dimmed(c) for c in CALL_COLOURS[:2]]


def view(key: str):
    data = shipped()
    focus = data.focus_frames[Focus.parse(key)]
    call = data.catalogue[CALL_TO_ACTION]
    codes = data.geometry.codes
    return instrument_view(call, data.matrix, data.positions, data.table, codes, focus, data.names)


def figure(key: str):
    data = shipped()
    return map_figure(view(key), data.geometry, data.dots, data.focus_frames[Focus.parse(key)])


def scale_colour(z: int) -> str:
    """The colour a z value gets on the Call to Action's stepped scale (one band per z)."""
    return colourscale(CALL_COLOURS + FADED_COLOURS)[2 * z][1]


@pytest.fixture(scope="module")
def world():
    return figure("world")


def test_one_choropleth_and_one_dot_layer(world):
    types = [trace.type for trace in world.data]
    assert types.count("choropleth") == 1
    shapes = shapes_of(world)
    assert shapes.featureidkey == "properties.iso3"
    assert list(shapes.locations) == shipped().geometry.codes
    dot_layers = [
        t for t in world.data if t.type == "scattergeo" and t.lon and t.lon[0] is not None
    ]
    assert len(dot_layers) == 1


def test_first_trace_needs_no_topojson(world):
    """plotly.js fetches its world topojson when the first trace has locations; ours needs none."""
    first = world.data[0]
    assert first.type == "scattergeo"
    assert first.locations is None and first.lon and first.lon[0] is not None
    assert not (world.layout.geo.showland or world.layout.geo.showcountries)


@pytest.mark.parametrize("key", KEYS)
def test_every_universe_state_is_on_the_map(key):
    fig = figure(key)
    drawn = set(shapes_of(fig).locations) | set(dots_of(fig).customdata)
    universe = set(shipped().table.loc[shipped().table["in_universe"], "iso3"])
    assert universe <= drawn, sorted(universe - drawn)
    assert "TUV" in set(dots_of(fig).customdata)


def test_colours_follow_status(world):
    table = shipped().table.set_index("iso3")
    shapes, dots = shapes_of(world), dots_of(world)
    for code, z in zip(shapes.locations, shapes.z, strict=True):
        row = table.loc[code] if code in table.index else None
        if row is None or not row["in_universe"]:
            expected = Category.NOT_IN_SCOPE
        else:
            expected = Category.ENDORSED if row["endorsed"] else Category.NOT_ENDORSED
        assert scale_colour(z) == palette.COLOURS[expected], code
    for code, colour in zip(dots.customdata, dots.marker.color, strict=True):
        expected = Category.ENDORSED if table.loc[code, "endorsed"] else Category.NOT_ENDORSED
        assert colour == palette.COLOURS[expected], code


def test_focus_fades_only_states_outside_it():
    fig = figure("org-eu")
    members = shipped().focus_frames[Focus.parse("org-eu")].members
    table = shipped().table.set_index("iso3")
    shapes = shapes_of(fig)
    for code, z in zip(shapes.locations, shapes.z, strict=True):
        in_scope = code in table.index and table.loc[code, "in_universe"]
        faded = scale_colour(z) in FADED_COLOURS
        assert faded == (in_scope and code not in members), code


def test_legend_counts_come_from_the_table(world):
    table = shipped().table
    endorsed = int((table["in_universe"] & table["endorsed"]).sum())
    names = [t.name for t in world.data if t.showlegend]
    assert names[0] == f"Endorsed ({endorsed})"
    assert names[1] == f"Not endorsed ({int(table['in_universe'].sum()) - endorsed})"
    assert names[2].startswith("Not in scope (")


def test_call_to_action_view_is_the_three_categories_and_keeps_hues_when_faded():
    focused = view("org-eu")
    assert focused.categories == (Category.ENDORSED, Category.NOT_ENDORSED, Category.NOT_IN_SCOPE)
    assert [focused.fade[c] for c in focused.categories[:2]] == FADED_COLOURS
    assert focused.faded == (  # a swatch for each faded hue: endorsers outside are not sea
        ("Endorsed, outside this focus", FADED_COLOURS[0]),
        ("Not endorsed, outside this focus", FADED_COLOURS[1]),
    )
    legend = [t.name for t in figure("org-eu").data if t.showlegend]
    assert legend[-2:] == ["Endorsed, outside this focus", "Not endorsed, outside this focus"]


def test_outside_a_focus_differs_clearly_from_the_light_grey_inside_it():
    assert min_difference([palette.OUTSIDE_FOCUS, palette.LIGHT_GREY]) >= 7  # was 6.4
    assert palette.OUTSIDE_FOCUS != palette.OCEAN and palette.FADED_BORDER != palette.BORDER


def test_hover_names_status_listing_region_and_group(world):
    shapes = shapes_of(world)
    text = dict(zip(shapes.locations, shapes.text, strict=True))
    row = shipped().table.set_index("iso3").loc["NLD"]
    for part in (row["name"], row["name_as_listed"], row["m49_region"], row["un_regional_group"]):
        assert part in text["NLD"]
    assert "Not in scope" in text["GRL"]


def test_geo_draws_offline_and_centres_the_world(world):
    geo = world.layout.geo
    assert geo.fitbounds is False
    assert not any(
        getattr(geo, f"show{layer}")
        for layer in ("coastlines", "countries", "land", "ocean", "lakes", "rivers", "frame")
    )
    assert tuple(geo.lonaxis.range) == (-180, 180)
    assert geo.projection.rotation.lon == 0 and geo.center.lon == 0


def test_plotly_config_uses_the_local_topojson():
    config = plotly_config(view("world").file_stem)
    assert config["topojsonURL"] == "app/static/"
    assert (
        config["toImageButtonOptions"]["filename"] == "reaim-2023-call-to-action-world-2023-02-16"
    )
    assert config["showSendToCloud"] is False  # no "Share chart…" button uploading to Plotly Cloud


@pytest.mark.parametrize("key", ["world", "region-europe", "org-nato", "org-non-aligned-movement"])
def test_figure_json_stays_under_budget(key):
    assert len(figure(key).to_json()) < FIGURE_BUDGET


def _in_lon_range(lon: float, lon_range: tuple[float, float]) -> bool:
    west, east = lon_range
    return any(west <= lon + shift <= east for shift in (-360, 0, 360))


def _visible(bounds: tuple[float, ...], focus) -> bool:
    """Whether a part's bounds box overlaps the focus box (longitudes taken circularly)."""
    (west, east), (south, north) = focus.lon_range, focus.lat_range
    if bounds[1] > north or bounds[3] < south:
        return False
    spans = bounds[0] <= west and bounds[2] >= min(east, 180)
    return spans or any(_in_lon_range(x, focus.lon_range) for x in (bounds[0], bounds[2]))


@pytest.mark.parametrize("key", [k for k in KEYS if k != "world"])
def test_frames_keep_every_member_in_view(key):
    focus = shipped().focus_frames[Focus.parse(key)]
    states = shipped().states.set_index("iso3")
    dots = set(shipped().dots["iso3"])
    south, north = focus.lat_range
    for code in focus.members:
        if code in dots:
            lon, lat = states.loc[code, ["lon", "lat"]]
            assert south <= lat <= north and _in_lon_range(lon, focus.lon_range), code
        parts = shipped().geometry.parts.get(code, ())
        assert not parts or any(_visible(p.bounds, focus) for p in parts), code


@pytest.mark.parametrize("key", KEYS)
def test_frames_have_the_map_shape_or_fit_inside_it(key):
    focus = shipped().focus_frames[Focus.parse(key)]
    assert -60 <= focus.lat_range[0] < focus.lat_range[1] <= 85
    assert 0 < focus.lon_range[1] - focus.lon_range[0] <= 360
    assert projected_aspect(focus.lon_range, focus.lat_range) <= ASPECT * 1.05 or key == "world"


def test_covering_arc_takes_the_short_way_across_180():
    assert covering_arc([(170, 180), (-180, -170)]) == (170, 190)
    assert covering_arc([(-10, 10), (20, 30)]) == (-10, 30)


def test_map_height_fits_a_projector():
    assert 560 <= MAP_HEIGHT <= 760


# The palette: distinguishable for colour-blind readers and in greyscale print.
MAIN = CALL_COLOURS


def test_categories_stay_apart_under_every_colour_vision():
    assert min_difference(MAIN) >= 20  # CIEDE2000, normal + protan/deutan/tritanopia


def test_categories_stay_apart_in_greyscale():
    assert min_lightness_gap(MAIN) >= 15
    assert min_lightness_gap([*MAIN, palette.OCEAN]) >= 12


@pytest.mark.parametrize("name", palette.CATEGORY_SETS)
def test_every_map_category_set_stays_apart(name):
    colours = [palette.COLOURS[c] for c in palette.CATEGORY_SETS[name]]
    assert min_difference(colours) >= 20  # CIEDE2000, normal + protan/deutan/tritanopia
    assert min_lightness_gap(colours) >= 15  # greyscale print
    assert min_lightness_gap([*colours, palette.OCEAN]) >= 12
    for colour in colours:  # the one fill of every state outside a focus on these maps
        assert min_difference([palette.OUTSIDE_FOCUS, colour]) >= 6


@pytest.mark.parametrize("form", FORMS.values(), ids=list(FORMS))
def test_every_status_of_a_form_has_a_category_in_its_set(form):
    statuses = {form.category(s) for s in (*form.listed, form.missing)}
    assert statuses <= set(palette.CATEGORY_SETS[form.key]) <= set(palette.COLOURS)


def test_faded_states_stay_apart_from_each_other_and_from_not_in_scope():
    assert min_difference(FADED_COLOURS) >= 10
    assert min_difference([palette.COLOURS[Category.NOT_IN_SCOPE], *FADED_COLOURS]) >= 6


@pytest.mark.parametrize(
    ("lab1", "lab2", "expected"),
    [  # Sharma, Wu & Dalal (2005), table 1
        ((50, 2.6772, -79.7751), (50, 0, -82.7485), 2.0425),
        ((50, -1.3802, -84.2814), (50, 0, -82.7485), 1.0),
        ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
        ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
    ],
)
def test_delta_e_matches_the_published_values(lab1, lab2, expected):
    assert delta_e(np.array(lab1), np.array(lab2)) == pytest.approx(expected, abs=1e-4)


def test_simulations_change_colours_but_not_white():
    assert lab("#ffffff", "deuteranopia")[0] == pytest.approx(100, abs=0.5)
    assert np.abs(lab("#d4923a", "protanopia") - lab("#d4923a")).max() > 1


def test_breakdown_figure_has_one_bar_per_group():
    endorsed = supporters(shipped().matrix, shipped().catalogue[CALL_TO_ACTION])
    rows = breakdown(shipped().groupings["region"], endorsed)
    fig = breakdown_figure(rows, "title")
    assert [len(t.y) for t in fig.data] == [5, 5]
    assert json.loads(fig.to_json())["layout"]["barmode"] == "stack"


@pytest.mark.parametrize("key", ["world", "org-pacific-islands-forum"])
def test_printable_map_renders_offline(key):
    data = shipped()
    focus = data.focus_frames[Focus.parse(key)]
    png = render_map(view(key), data.geometry, data.dots, focus, "png")
    assert png.startswith(b"\x89PNG") and len(png) > 50_000
    svg = render_map(view(key), data.geometry, data.dots, focus, "svg")
    assert b"<svg" in svg[:500]
