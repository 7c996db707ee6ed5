"""The map page under AppTest: the map in words under it, a table of what it draws, a keyboard route
to a state's profile, and the description in presentation mode."""

import pytest

from store.focus import Focus
from ui.tables.map_table import map_description, map_table
from ui.text import md
from ui.views.map_view import comparison_view, instrument_view

from apptest import open_page
from ui_fixtures import shipped


@pytest.fixture(autouse=True)
def shipped_dataset(monkeypatch):
    monkeypatch.delenv("REAIM_DATA_DIR", raising=False)


def expected(key: str, compare: str = ""):
    data = shipped()
    focus = data.focus_frames[Focus.parse(key)]
    codes = data.geometry.codes
    if compare:
        x, y = (data.catalogue[i] for i in compare.split(","))
        view = comparison_view(x, y, data.matrix, data.table, codes, focus, data.names)
    else:
        cta = data.catalogue["reaim-2023-call-to-action"]
        view = instrument_view(
            cta, data.matrix, data.positions, data.table, codes, focus, data.names
        )
    return map_description(view, focus), map_table(view, data.table, codes, focus, data.names)


def captions(at) -> str:
    return "\n".join(str(c.value) for c in at.caption)


@pytest.mark.parametrize(
    ("params", "key", "compare"),
    [
        ({}, "world", ""),
        ({"focus": "org-african-union"}, "org-african-union", ""),
        (
            {"compare": "us-political-declaration,reaim-2023-call-to-action"},
            "world",
            "us-political-declaration,reaim-2023-call-to-action",
        ),
    ],
)
def test_the_map_page_shows_the_map_in_words_and_as_a_table(params, key, compare):
    at = open_page("map", **params)
    assert not at.exception, at.exception
    described, table = expected(key, compare)
    said = captions(at)
    assert "The map in words:" in said
    assert f"**The map in words:** {md(described)}" in said
    assert "open" in said and "without a mouse" in said
    (expander,) = [e for e in at.expander if e.label == "Show as table"]
    assert not expander.dataframe  # closed: the table is sent only once it is opened
    at.session_state["map-table"] = True  # what opening it does
    at.run()
    (expander,) = [e for e in at.expander if e.label == "Show as table"]
    (frame,) = [d.value for d in expander.dataframe]
    assert list(frame.columns) == [
        "State or area",
        "Status",
        "Region (UN M49)",
        "UN regional group",
    ]
    assert len(frame) == len(table)
    assert list(frame["State or area"]) == list(table["State or area"])
    assert list(frame["Status"]) == list(table["Status"])


def test_the_keyboard_route_links_to_the_country_picker_in_the_language():
    at = open_page("map", lang="fr")
    assert not at.exception, at.exception
    links = [p for p in at.get("page_link") if "country" in str(p.proto.page)]
    assert links, "no link to the country page"
    assert "lang=fr" in str(links[0].proto.query_string)


def test_presentation_mode_shows_the_map_in_words():
    at = open_page("map", present="1", focus="org-african-union")
    assert not at.exception, at.exception
    described, _table = expected("org-african-union")
    assert md(described) in [c.value for c in at.caption]
