"""The timeline chart of the instruments page (ui/figures/timeline_chart.py): panels, band,
published counts, hovers, and colours that stay apart in greyscale and colour-vision deficiency."""

import json
from datetime import date

from i18n.translate import use
from store.files import read_text_table
from ui.figures.timeline_chart import timeline_figure
from ui.tables.endorser_series import timeline
from ui.views import palette

from colour_vision import min_difference, min_lightness_gap
from conftest import REPO
from ui_fixtures import shipped

COUNTS = read_text_table(REPO / "data" / "instruments" / "counts.csv")


def drawn(until: date = date(2026, 12, 7), title: str = "Endorsers over time") -> dict:
    data = shipped()
    found = timeline(data.positions, data.catalogue, COUNTS, until)
    return json.loads(timeline_figure(found, title).to_json())


def test_one_panel_per_list_then_one_for_the_votes_under_the_title():
    figure = drawn()
    titles = [a["text"] for a in figure["layout"]["annotations"]]
    assert titles == [
        "Call to Action (REAIM 2023)",
        "US Political Declaration",
        "Blueprint for Action (REAIM 2024)",
        "Pathways to Action (REAIM 2026)",
        "UN General Assembly vote: count of “Yes”",
    ]
    assert figure["layout"]["title"]["text"] == "Endorsers over time"
    axes = {t.get("yaxis", "y") for t in figure["data"]}
    assert axes == {"y", "y2", "y3", "y4", "y5"}


def test_the_band_fills_between_the_evidenced_line_and_the_upper_bound():
    declaration = [t for t in drawn()["data"] if t.get("yaxis") == "y2"]
    floor, ceiling, line, published = declaration
    assert floor["y"] == line["y"] and floor["line"]["width"] == 0
    assert ceiling["fill"] == "tonexty" and ceiling["fillcolor"] == palette.BAND
    assert ceiling["y"][1] == 45 and line["y"][1] == 1  # 44 possibly joined after the launch
    assert all(t["line"]["shape"] == "hv" for t in (floor, ceiling, line))  # steps, not slopes
    assert published["marker"]["symbol"] == "diamond"
    assert published["y"] == [1, 46, 51, 54, 55, 56, 58]


def test_the_hover_gives_each_published_count_with_its_source():
    (published,) = [
        t for t in drawn()["data"] if t.get("yaxis") == "y2" and t.get("mode") == "markers"
    ]
    march = published["customdata"][3]
    assert march.startswith("54 published, 20 March 2024 (exact)")
    assert "jisipnews.com" in march
    january = published["customdata"][2]
    assert january.startswith("51 published, January 2024 (some day that month)")
    line = [t for t in drawn()["data"] if t.get("yaxis") == "y2"][2]
    assert "at most 57: 9 unknown on this date, 0 unconfirmed" in line["customdata"][6]


def test_each_kind_is_named_once_in_the_legend():
    named = [t["name"] for t in drawn()["data"] if t.get("showlegend") is not False]
    assert named == [
        "Endorsers, by the day each is evidenced",
        "At most: with those whose day is only bounded, or unconfirmed",
        "Count published by a source",
    ]


def test_its_colours_stay_apart_in_greyscale_and_for_colour_blind_readers():
    """The line, the band and the published counts on white paper; the counts are diamonds
    outlined in dark as well, and the votes in their own panel."""
    data = drawn()["data"]
    fills = {
        t["line"]["color"] for t in data if t.get("mode") == "lines" and t["line"].get("width")
    }
    fills |= {t["fillcolor"] for t in data if t.get("fill")}
    fills |= {t["marker"]["color"] for t in data if "markers" in t.get("mode", "")}
    assert fills == {palette.BLUE, palette.MID_GREY, palette.BAND, palette.OCHRE}
    shown = [palette.BLUE, palette.BAND, palette.OCHRE]  # the dotted edge is on the band
    assert min_difference(shown) >= 20  # CIEDE2000, normal + protan/deutan/tritanopia
    assert min_lightness_gap([*shown, "#ffffff"]) >= 12  # greyscale print
    assert min_lightness_gap([palette.OCHRE, palette.TEXT]) >= 40  # the diamonds' outline


def test_a_past_day_ends_the_axis_there():
    figure = drawn(date(2024, 3, 20))
    end = date.fromisoformat(figure["layout"]["xaxis"]["range"][1][:10])
    assert date(2024, 3, 20) < end < date(2024, 4, 20)  # a small margin after the day
    assert len(figure["layout"]["annotations"]) == 3  # two lists and the one vote held


def test_ticks_and_hovers_are_in_the_language():
    with use("fr"):
        figure = drawn()
    assert "janv. 2024" in figure["layout"]["xaxis"]["ticktext"]
    line = [t for t in figure["data"] if t.get("yaxis") == "y2"][2]
    assert line["customdata"][0].startswith("16 février 2023")
