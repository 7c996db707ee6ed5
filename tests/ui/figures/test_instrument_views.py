"""Maps, breakdowns and tables of the related instruments, built from data/positions.csv."""

import re
from dataclasses import replace

import pandas as pd
import pytest

from instruments.categories import Category, Comparison
from instruments.facts import caveats, figures, headline
from instruments.forms import STATUS_CATEGORY, status_word
from instruments.matrix import compare, supporters
from instruments.model import CALL_TO_ACTION
from store.focus import WORLD_FOCUS, Focus
from ui.figures.breakdown_chart import view_breakdown_figure
from ui.figures.map_figure import map_figure as view_figure
from ui.figures.print_map import render_map as render_view
from ui.tables.coverage import view_breakdown
from ui.tables.instrument_tables import matrix_table, position_rows, states_table
from ui.tables.outreach import Filters, formula, matching, points, priority_table
from ui.tables.priority import default_weights, priorities, signals
from ui.views import palette
from ui.views.map_view import comparison, comparison_view, instrument_view

from ui_fixtures import dots_of, shapes_of, shipped

FIGURE_BUDGET = 350_000  # bytes of figure JSON per map view, as for the Call to Action
DECLARATION = "us-political-declaration"
BLUEPRINT = "reaim-2024-blueprint-for-action"
PATHWAYS = "reaim-2026-pathways-to-action"
VOTES = ["unga-78-241", "unga-79-62", "unga-80-57"]
# Sourced facts (data/instruments/README.md): the tallies of the three recorded votes.
TALLIES = {
    "unga-78-241": (152, 4, 11, 26),
    "unga-79-62": (166, 3, 15, 9),
    "unga-80-57": (164, 6, 7, 16),
}
DATA = shipped()
UNIVERSE = DATA.table[DATA.table["in_universe"]]
CATALOGUE = DATA.catalogue
RELATED = [i for i in CATALOGUE if i != CALL_TO_ACTION and CATALOGUE[i].form.names_supporters]


def view(instrument_id: str, key: str = "world"):
    return instrument_view(
        CATALOGUE[instrument_id],
        DATA.matrix,
        DATA.positions,
        DATA.table,
        DATA.geometry.codes,
        DATA.focus_frames[Focus.parse(key)],
        DATA.names,
    )


def pair(x: str, y: str, key: str = "world"):
    return comparison_view(
        CATALOGUE[x],
        CATALOGUE[y],
        DATA.matrix,
        DATA.table,
        DATA.geometry.codes,
        DATA.focus_frames[Focus.parse(key)],
        DATA.names,
    )


def drawn(v, key: str = "world") -> dict[str, str]:
    """Code → colour of every shape and dot of the figure of a view."""
    fig = view_figure(v, DATA.geometry, DATA.dots, DATA.focus_frames[Focus.parse(key)])
    shapes, dots = shapes_of(fig), dots_of(fig)
    fills = {
        c: shapes.colorscale[2 * z][1] for c, z in zip(shapes.locations, shapes.z, strict=True)
    }
    return fills | dict(zip(dots.customdata, dots.marker.color, strict=True))


def listed(instrument_id: str) -> pd.DataFrame:
    return DATA.positions[DATA.positions["instrument"] == instrument_id]


@pytest.mark.parametrize("instrument_id", RELATED)
@pytest.mark.parametrize("key", ["world", "org-eu", "region-africa"])
def test_every_state_is_drawn_in_the_colour_of_its_status(instrument_id, key):
    v = view(instrument_id, key)
    focus = DATA.focus_frames[Focus.parse(key)]
    colours = drawn(v, key)
    for code in UNIVERSE["iso3"]:
        status = DATA.matrix.loc[code, instrument_id]
        category = CATALOGUE[instrument_id].form.category(status)
        expected = palette.COLOURS[category]
        if not focus.is_world and code not in focus.members and category in v.fade:
            expected = v.fade[category]  # its own hue dimmed, or one pale colour for all
            assert expected in {palette.OUTSIDE_FOCUS, palette.dimmed(palette.COLOURS[category])}
        assert colours[code] == expected, (code, status)
    outside = set(DATA.geometry.codes) - set(UNIVERSE["iso3"])
    background = palette.COLOURS[v.background]
    faded = v.fade.get(v.background, background)  # one pale fill outside a focus, if any
    assert {colours[c] for c in outside} <= {background, faded}
    assert set(v.fade) == set(v.categories) or v.background not in v.fade


@pytest.mark.parametrize("instrument_id", RELATED)
def test_world_legend_counts_come_from_positions(instrument_id):
    v = view(instrument_id)
    rows = listed(instrument_id)
    inside = rows[rows["in_universe"] == "true"]
    for category, label in zip(v.categories[:-1], v.labels, strict=False):
        status = next(s for s, c in STATUS_CATEGORY.items() if c == category)
        if status in set(rows["status"]):
            assert f"({int((inside['status'] == status).sum())}" in label, label
    assert len(
        view_figure(v, DATA.geometry, DATA.dots, DATA.focus_frames[WORLD_FOCUS]).to_json()
    ) < (FIGURE_BUDGET)


@pytest.mark.parametrize("vote", VOTES)
def test_vote_maps_show_the_official_tallies(vote):
    yes, no, abstain, non_voting = TALLIES[vote]
    assert view(vote).labels[:4] == (
        f"Yes ({yes})",
        f"No ({no})",
        f"Abstain ({abstain})",
        f"Non-voting ({non_voting})",
    )
    assert "2 observer States" in view(vote).labels[4]
    assert [v for _, v in figures(CATALOGUE[vote], DATA.positions)] == [
        str(n) for n in TALLIES[vote]
    ]


def test_blueprint_map_says_not_endorsed_only_of_the_states_a_source_names():
    v = view(BLUEPRINT)
    rows = listed(BLUEPRINT).set_index("iso3")["status"]
    named = set(rows.index[rows == "endorsed"])
    assert len(named) == 11  # sourced: only eleven of the 61 endorsers are named
    for code in UNIVERSE["iso3"]:
        expected = (
            Category.ENDORSED
            if code in named
            else Category.NOT_ENDORSED
            if code in {"CHN", "ISR"}  # attended without endorsing, as reports say
            else Category.UNKNOWN  # Switzerland's announced intent is unconfirmed: unknown
        )
        assert v.category_of(code) == expected, code
    assert v.labels[0] == "Named as endorsing (11 of the 61 reported)"
    assert v.names[2] == "Unknown: not named, or unconfirmed"
    assert "<b>Unconfirmed</b>" in v.hover["CHE"]
    assert v.labels[1] == "Not endorsed (2)"
    assert v.labels[2] == f"Unknown: not named, or unconfirmed ({len(UNIVERSE) - 13})"
    assert "61" in v.subtitle and "not “not endorsed”" in v.caveat


def test_pathways_shows_costa_rica_unconfirmed_and_45_endorsers():
    v = view(PATHWAYS)
    assert v.category_of("CRI") == Category.UNCONFIRMED
    assert v.labels[:2] == ("Endorsed (45)", "Unconfirmed (1)")
    assert "named by EFE" in v.hover["CRI"]
    assert Category.UNCONFIRMED not in view(DECLARATION).categories  # only where present


def test_declaration_keeps_kosovo_flagged_outside_the_scope():
    v = view(DECLARATION)
    assert v.category_of("XKX") == Category.NOT_IN_SCOPE
    assert "Not in scope" in v.hover["XKX"] and "Endorsed" in v.hover["XKX"]
    figure, what = headline(CATALOGUE[DECLARATION], DATA.positions).split(": ", 1)
    assert figure == "58 endorsers" and "Kosovo, outside the scope" in what
    assert any("Kosovo" in c for c in caveats(CATALOGUE[DECLARATION], DATA.positions))


def test_comparison_highlights_what_compare_finds():
    x, y = CATALOGUE[DECLARATION], CATALOGUE[CALL_TO_ACTION]
    only, unsure = compare(DATA.matrix, x, y)
    v = pair(DECLARATION, CALL_TO_ACTION)
    universe = set(UNIVERSE["iso3"])
    highlighted = {c for c in universe if v.category_of(c) == Comparison.ONLY_FIRST}
    assert highlighted == set(only) & universe and "XKX" in only
    assert v.category_of("XKX") == Comparison.OTHERS  # outside the scope: drawn, never counted
    both = supporters(DATA.matrix, x) & supporters(DATA.matrix, y)
    assert v.labels[0] == f"US Political Declaration, not Call to Action ({len(highlighted)})"
    assert v.labels[1] == f"Both ({len(both)})"
    assert (
        sum(c == Comparison.UNDECIDABLE for c in comparison(DATA.matrix, x, y).values()) == unsure
    )
    colours = drawn(v)
    assert all(colours[c] == palette.COLOURS[Comparison.ONLY_FIRST] for c in highlighted)
    assert "Call to Action (REAIM 2023): Not endorsed" in v.hover[sorted(highlighted)[0]]


def test_comparison_against_a_partial_list_is_undecidable_but_for_the_states_it_names():
    v = pair(CALL_TO_ACTION, BLUEPRINT)
    only, unsure = compare(DATA.matrix, CATALOGUE[CALL_TO_ACTION], CATALOGUE[BLUEPRINT])
    assert only == ["CHN"]  # endorsed the Call to Action, attended Seoul without endorsing
    assert v.labels[0].endswith("(1)")
    assert v.labels[2] == f"Call to Action; Blueprint for Action unknown ({unsure})"


@pytest.mark.parametrize(("x", "y"), [(DECLARATION, CALL_TO_ACTION), (CALL_TO_ACTION, VOTES[0])])
def test_comparison_figures_stay_under_budget(x, y):
    fig = view_figure(pair(x, y), DATA.geometry, DATA.dots, DATA.focus_frames[WORLD_FOCUS])
    assert len(fig.to_json()) < FIGURE_BUDGET


@pytest.mark.parametrize("instrument_id", [BLUEPRINT, VOTES[2]])
def test_view_breakdown_adds_up(instrument_id):
    v = view(instrument_id)
    table = view_breakdown(DATA.groupings["ungroup"], v)
    counted = [n for c, n in zip(v.categories, v.names, strict=True) if c != Category.NOT_IN_SCOPE]
    assert (table[counted].sum(axis=1) == table["Members"]).all()
    assert table["Members"].sum() == len(UNIVERSE)  # the groups and the observers cover all
    first = v.names[0]
    world = sum(v.category_of(c) == v.categories[0] for c in UNIVERSE["iso3"])
    assert table[first].sum() == world
    fig = view_breakdown_figure(table, v, "title")
    assert [len(t.y) for t in fig.data] == [len(table)] * len(counted)


@pytest.mark.parametrize("instrument_id", VOTES)
def test_observer_states_are_said_not_to_vote(instrument_id):
    table = view_breakdown(DATA.groupings["ungroup"], view(instrument_id)).set_index("group_id")
    observers = UNIVERSE[UNIVERSE["un_status"] == "observer"]["name"]
    said = table.loc["none", "Sentence"]
    assert said.startswith("Observer States outside the regional groups (")
    assert said.endswith(") have no vote in the General Assembly: they are not UN members.")
    assert all(name in said for name in observers)
    assert "voted yes" not in said
    assert "voted yes" in table.drop(index="none")["Sentence"].iloc[0]
    fig = view_breakdown_figure(table.reset_index(), view(instrument_id), "title")
    shares = dict(zip(fig.data[-1].y, fig.data[-1].text, strict=True))
    observers_row = table.loc["none", "Group"]
    assert shares.pop(observers_row) == "no vote"
    assert all(re.fullmatch(r"\d+%", label) for label in shares.values()), shares


def test_a_group_that_cannot_take_part_is_worded_by_the_form():
    """The sentence and the chart's share come from the view (its form), not from a category."""
    v = replace(view(VOTES[0]), background_group="{who}: {names} sat out.", background_share="—")
    table = view_breakdown(DATA.groupings["ungroup"], v).set_index("group_id")
    assert table.loc["none", "Sentence"] == (
        "Observer States outside the regional groups: Holy See and State of Palestine sat out."
    )
    fig = view_breakdown_figure(table.reset_index(), v, "title")
    assert (
        dict(zip(fig.data[-1].y, fig.data[-1].text, strict=True))[table.loc["none", "Group"]] == "—"
    )
    lists = [view(i) for i in (CALL_TO_ACTION, BLUEPRINT)]
    assert [(w.background_group, w.background_share) for w in lists] == [("", "")] * 2


def test_comparison_breakdown_names_the_states():
    v = pair(DECLARATION, CALL_TO_ACTION)
    table = view_breakdown(DATA.groupings["region"], v).set_index("Group")
    only = [c for c in UNIVERSE["iso3"] if v.category_of(c) == Comparison.ONLY_FIRST]
    assert table[v.names[0]].sum() == len(only)
    europe = UNIVERSE[UNIVERSE["iso3"].isin(only) & (UNIVERSE["m49_region"] == "Europe")]
    for name in europe["name"]:
        assert name in table.loc["Europe", "States"] and name in table.loc["Europe", "Sentence"]


def test_printable_map_of_an_instrument():
    png = render_view(
        view(BLUEPRINT), DATA.geometry, DATA.dots, DATA.focus_frames[WORLD_FOCUS], "png"
    )
    assert png.startswith(b"\x89PNG") and len(png) > 50_000


def test_matrix_table_has_every_state_and_listed_outsider():
    rows = states_table(DATA.table, DATA.positions)
    table = matrix_table(rows, DATA.matrix, list(CATALOGUE.values())).set_index("ISO3")
    assert len(table) == len(UNIVERSE) + 1 and table.loc["XKX", "State"] == "Kosovo"
    for instrument in CATALOGUE.values():
        for code in ("NLD", "CRI", "VAT", "USA"):
            status = DATA.matrix.loc[code, instrument.id]
            assert table.loc[code, instrument.short_title] == status_word(status)
    europe = matching(rows, {}, Filters(region="Europe"))
    assert set(europe["iso3"]) == set(UNIVERSE.loc[UNIVERSE["m49_region"] == "Europe", "iso3"])


@pytest.mark.parametrize("code", ["CRI", "VAT", "USA", "IND"])
def test_country_rows_give_every_instrument_with_date_and_source(code):
    rows = position_rows(code, DATA.matrix, DATA.positions, list(CATALOGUE.values()))
    assert len(rows) == len(CATALOGUE)
    for row, instrument in zip(rows.to_dict("records"), CATALOGUE.values(), strict=True):
        assert row["Status"] == status_word(DATA.matrix.loc[code, instrument.id])
        assert row["Source"].startswith("https://") and row["As of"]
    if code == "VAT":
        statuses = dict(zip(rows["Instrument"], rows["Status"], strict=True))
        for vote in VOTES:
            assert statuses[CATALOGUE[vote].title] == "No vote (not a UN member)"
    if code == "IND":
        assert (
            "only 11 are named"
            in rows.set_index("Instrument").loc[CATALOGUE[BLUEPRINT].title, "Note"]
        )


def test_priority_table_ranks_explains_and_adds_up():
    every = DATA.terms
    weights = default_weights(every)
    names = DATA.table.set_index("iso3")["name"]
    candidates = list(UNIVERSE.loc[~UNIVERSE["endorsed"], "iso3"])
    table = signals(
        candidates,
        DATA.matrix,
        set(UNIVERSE.loc[UNIVERSE["endorsed"], "iso3"]),
        DATA.groupings["ungroup"],
        DATA.groupings["org"],
        every,
    )
    ranked = priorities(table, weights, names, every)
    gaps = pd.DataFrame({"State": names.reindex(candidates).to_numpy(), "ISO3": candidates})
    related = [CATALOGUE[i] for i in RELATED]
    rows = priority_table(gaps, ranked, weights, DATA.matrix, related, every)
    rows = rows.sort_values("Rank", kind="stable")
    assert rows["Score"].is_monotonic_decreasing and rows["Rank"].iloc[0] == 1
    for score, text in zip(rows["Score"], rows["Points"], strict=True):
        terms = [float(t) for t in re.findall(r"[-+]?\d+\.\d", text.replace("−", "-"))]
        assert abs(sum(terms) - score) <= 0.05 * len(terms) + 1e-9, text
    assert "3 × US Political Declaration" in formula(weights, every)
    assert "− 2 × Each no vote" in formula(weights, every)
    assert points(ranked.loc["RUS"], weights, every).startswith("−6.0 no votes")
