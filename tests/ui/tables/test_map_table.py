"""A map's text alternative and its table say what the legend says: same counts, same states.

The legend's counts are read back from the labels the figure draws, so the description and the
table are checked against what a sighted reader sees, not against the code that builds them.
"""

import re

import pytest

from briefing.pack import map_of
from i18n.collation import sort_key
from i18n.translate import use
from instruments.view import View
from store.focus import Focus
from store.groups import region_label, un_group_label
from ui.tables.dataset import Dataset
from ui.tables.headers import header
from ui.tables.map_table import (
    SHOWN,
    legend_entries,
    map_description,
    map_table,
    shown_table,
)
from ui.views.map_view import MapView, in_view

from ui_fixtures import shipped

CTA = "reaim-2023-call-to-action"
US = "us-political-declaration"
COMPARED = f"{US},{CTA}"
CASES = [
    (CTA, "world"),
    (CTA, "region-europe"),
    (CTA, "org-african-union"),
    (CTA, "org-pacific-islands-forum"),
    ("unga-80-57", "world"),
    ("unga-80-57", "org-african-union"),
    ("reaim-2024-blueprint-for-action", "world"),
    ("reaim-2026-pathways-to-action", "region-europe"),
    (COMPARED, "world"),
    (COMPARED, "region-europe"),
    (COMPARED, "org-african-union"),
]


def view_of(data: Dataset, shown: str, key: str) -> MapView:
    return map_of(data, View.parse(shown), data.focus_frames[Focus.parse(key)])


def table_of(data: Dataset, view: MapView, key: str):
    return map_table(
        view, data.table, data.geometry.codes, data.focus_frames[Focus.parse(key)], data.names
    )


def legend_count(label: str) -> int:
    """The count an English legend label gives: "Endorsed (4 of 54)" → 4, "No vote: not a UN
    member (2 observer States, 43 territories and areas)" → 45, "Not in scope" → 0."""
    inside = re.search(r"\(([^)]*)\)", label)
    if not inside:
        return 0
    return sum(int(re.match(r"\s*(\d+)", part).group(1)) for part in inside.group(1).split(","))


def counted_rows(view: MapView, frame, category: str) -> int:
    """Rows of a category as the legend counts them: a comparison's background counts the states
    in scope and adds "and areas not in scope" without a number."""
    rows = frame[frame["category"] == category]
    label = view.labels[view.categories.index(category)]
    if label.endswith(" and areas not in scope"):
        rows = rows[rows["in_scope"]]
    return len(rows)


@pytest.mark.parametrize(("shown", "key"), CASES)
def test_the_table_counts_what_the_legend_counts(shown, key):
    data = shipped()
    view = view_of(data, shown, key)
    frame = table_of(data, view, key)
    legend = {c: legend_count(label) for c, label in zip(view.categories, view.labels, strict=True)}
    assert {c: counted_rows(view, frame, c) for c in view.categories} == legend
    assert set(frame["category"]) <= set(view.categories)  # every row in a legend category


@pytest.mark.parametrize(("shown", "key"), CASES)
def test_the_description_gives_the_legend_with_its_counts(shown, key):
    data = shipped()
    focus = data.focus_frames[Focus.parse(key)]
    view = view_of(data, shown, key)
    described = map_description(view, focus)
    assert described.startswith(f"{view.title}. ")
    assert described.endswith(view.subtitle)
    said = described.split("Map legend, with counts: ", 1)[1].removesuffix(view.subtitle)
    entries = said.removesuffix(". ").split("; ")
    assert entries == legend_entries(view, focus)
    assert [legend_count(e) for e in entries[: len(view.labels)]] == [
        legend_count(label) for label in view.labels
    ]
    outside = ", outside this focus" if shown == CTA else "Outside this focus (faded)"
    assert (outside in described) == (key != "world")


@pytest.mark.parametrize(("shown", "key"), CASES)
def test_one_row_per_state_or_area_drawn_in_its_category(shown, key):
    data = shipped()
    focus = data.focus_frames[Focus.parse(key)]
    view = view_of(data, shown, key)
    frame = table_of(data, view, key)
    assert frame["iso3"].is_unique
    universe = data.table.loc[data.table["in_universe"], "iso3"]
    states, others = in_view(universe, data.geometry.codes, focus)
    assert set(frame.loc[frame["in_scope"], "iso3"]) == set(states)
    assert set(frame.loc[~frame["in_scope"], "iso3"]) == set(others)
    if key != "world":
        assert set(frame["iso3"]) <= focus.members
    for row in frame.itertuples():
        assert row.category == view.category_of(row.iso3)
        assert row.Status == view.names[view.categories.index(row.category)]
    assert not frame.loc[frame["in_scope"], "M49 region"].eq("").any()
    assert list(frame["category"].map(view.categories.index)) == sorted(
        frame["category"].map(view.categories.index)
    )


def test_the_world_table_has_every_state_and_every_other_area():
    data = shipped()
    view = view_of(data, CTA, "world")
    frame = table_of(data, view, "world")
    assert frame["in_scope"].sum() == 195
    assert len(frame) == 195 + len(set(data.geometry.codes) - set(data.table["iso3"]))
    tuvalu = frame.set_index("iso3").loc["TUV"]  # drawn as a dot only
    assert tuvalu["in_scope"]
    observers = frame[frame["iso3"].isin(["VAT", "PSE"])]
    assert set(observers["UN regional group"]) == {un_group_label("")}


@pytest.fixture(scope="module")
def french() -> Dataset:
    return shipped("fr")


@pytest.mark.parametrize(
    ("shown", "key"), [(CTA, "world"), (CTA, "org-african-union"), (COMPARED, "region-europe")]
)
def test_the_french_table_has_the_same_rows_and_values(french, shown, key):
    data = shipped()
    english = table_of(data, view_of(data, shown, key), key).set_index("iso3")
    with use("fr"):
        view = view_of(french, shown, key)
        frame = table_of(french, view, key).set_index("iso3")
        regions = {r: region_label(r) for r in data.table["m49_region"].unique() if r}
        groups = {g: un_group_label(g) for g in data.table["un_regional_group"].unique()}
        headers = [header(c) for c in SHOWN]
        shown_headers = list(shown_table(frame.reset_index()).columns)
    assert sorted(frame.index) == sorted(english.index)
    frame = frame.loc[english.index]
    assert list(frame["category"]) == list(english["category"])
    assert list(frame["in_scope"]) == list(english["in_scope"])
    assert list(frame["Status"]) == [
        view.names[view.categories.index(c)] for c in frame["category"]
    ]
    truth = data.table.set_index("iso3")
    inside = english[english["in_scope"]].index
    assert list(frame.loc[inside, "M49 region"]) == [
        regions[truth.loc[c, "m49_region"]] for c in inside
    ]
    assert list(frame.loc[inside, "UN regional group"]) == [
        groups[truth.loc[c, "un_regional_group"]] for c in inside
    ]
    assert list(frame.loc[inside, "State or area"]) == list(
        french.table.set_index("iso3").loc[inside, "name"]
    )
    assert shown_headers == headers
    if "DEU" in frame.index:
        assert frame.loc["DEU", "State or area"] == "Allemagne"
    if key == "org-african-union":
        assert frame.loc["DZA", "M49 region"] == "Afrique"


def test_the_french_table_files_accented_names_with_their_letter(french):
    """Accented names file with their letter: Égypte among the E's, not after Zimbabwe."""
    with use("fr"):
        frame = table_of(french, view_of(french, CTA, "world"), "world")
    for _group, rows in frame.groupby(["category", "in_scope"], sort=False):
        names = list(rows["State or area"])
        assert names == sorted(names, key=sort_key)
    (egypt,) = frame.index[frame["iso3"] == "EGY"]
    same = frame[(frame["category"] == frame.loc[egypt, "category"]) & frame["in_scope"]]
    later = same[same["State or area"].map(sort_key) > "f"].index
    assert len(later) and egypt < later.min()  # before the F to Z names of its group
