"""The map's figure for presentation mode: framed to the screen's shape, no title or source line
of its own (the page shows them), the legend larger; the states and their colours untouched."""

import json

import pytest

from briefing.pack import map_of
from instruments.view import View
from store.focus import WORLD_FOCUS, Focus
from ui.figures.map_figure import map_figure
from ui.figures.projector import LEGEND_FONT, SCREEN_ASPECT, projected, taller
from ui.views.focus import LAT_LIMITS, projected_aspect

from ui_fixtures import shipped


def figure_json(key: str) -> tuple[str, object]:
    data = shipped()
    frame = data.focus_frames[Focus.parse(key)]
    view = map_of(data, View("reaim-2023-call-to-action"), frame)
    return map_figure(view, data.geometry, data.dots, frame).to_json(), frame


@pytest.mark.parametrize("key", ["org-african-union", "org-asean", "region-europe"])
def test_a_wide_frame_grows_north_and_south_to_the_screens_shape(key: str):
    _figure, frame = figure_json(key)
    south, north = taller(frame)
    assert south <= frame.lat_range[0] and north >= frame.lat_range[1]
    assert LAT_LIMITS[0] <= south and north <= LAT_LIMITS[1]
    assert projected_aspect(frame.lon_range, (south, north)) == pytest.approx(
        SCREEN_ASPECT, rel=0.02
    )


def test_the_world_stops_at_the_latitude_limits():
    frame = shipped().focus_frames[WORLD_FOCUS]
    south, north = taller(frame)
    assert (south, north) == LAT_LIMITS
    assert projected_aspect(frame.lon_range, (south, north)) > SCREEN_ASPECT  # still wide


def test_the_projected_figure_leaves_title_and_source_to_the_page():
    original, frame = figure_json("org-african-union")
    before, after = json.loads(original), json.loads(projected(original, frame))
    assert before["layout"]["title"]["text"] and before["layout"]["annotations"]
    assert "title" not in after["layout"] and "annotations" not in after["layout"]
    assert after["layout"]["legend"]["font"]["size"] == LEGEND_FONT
    assert after["layout"]["geo"]["lataxis"]["range"] == list(taller(frame))
    assert after["layout"]["geo"]["center"]["lat"] == pytest.approx(sum(taller(frame)) / 2)
    assert after["layout"]["geo"]["lonaxis"] == before["layout"]["geo"]["lonaxis"]
    assert after["data"] == before["data"]
