"""Pure tests of the table logic: groupings, coverage sentences, the outreach list, escaping."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.prose import join_names
from store.files import read_text_table
from store.groups import Group, Member, un_group_label
from store.reference import load_un_names
from ui.tables.coverage import breakdown, sentence
from ui.tables.outreach import Filters, non_endorsers, search_keys
from ui.text import code, md

from conftest import REPO
from ui_fixtures import shipped

TABLE = shipped().table
UNIVERSE = TABLE[TABLE["in_universe"]]
ENDORSED = supporters(shipped().matrix, shipped().catalogue[CALL_TO_ACTION]) & set(UNIVERSE["iso3"])
ORGS = shipped().groupings["org"]
KEYS = search_keys(
    TABLE, read_text_table(REPO / "data" / "reference" / "aliases.csv"), load_un_names()
)
CAVEATS = dict(zip(shipped().states["iso3"], shipped().states["regional_group_note"], strict=True))


def gaps(**filters):
    return non_endorsers(TABLE, ENDORSED, ORGS, KEYS, CAVEATS, Filters(**filters))


@pytest.mark.parametrize("kind", ["region", "subregion", "ungroup"])
def test_every_grouping_covers_the_195_states_once(kind):
    codes = [m.iso3 for g in shipped().groupings[kind] for m in g.members]
    assert sorted(codes) == sorted(UNIVERSE["iso3"])


def test_organisations_keep_members_outside_the_universe_apart():
    by_id = {g.group_id: g for g in ORGS}
    assert len(by_id["eu"].members) == 27
    assert {m.iso3 for m in by_id["african-union"].outside} == {"ESH"}
    assert {m.iso3 for m in by_id["pacific-islands-forum"].outside} == {"COK", "NIU"}
    suspended = {m.iso3 for m in by_id["african-union"].members if m.marker == "suspended"}
    assert "MLI" in suspended and "GAB" not in suspended  # Gabon's suspension was lifted


def test_breakdown_counts_match_the_table():
    rows = breakdown(shipped().groupings["region"], ENDORSED)
    assert rows["Members"].sum() == len(UNIVERSE)
    assert rows["Endorsed"].sum() == len(ENDORSED)
    for members, endorsed, not_yet in zip(
        rows["Members"], rows["Endorsed"], rows["Not yet"], strict=True
    ):
        assert len([n for n in not_yet.split(", ") if n]) == members - endorsed


def _group(n_members: int, outside: int = 0) -> Group:
    members = tuple(Member(f"S{i:02d}", f"State {i}") for i in range(n_members))
    others = tuple(Member(f"T{i:02d}", f"Territory {i}") for i in range(outside))
    return Group("g", "Test Org", "org", members, others)


@pytest.mark.parametrize(
    ("endorsed", "expected"),
    [
        (set(), "None of the 3 Test Org members has endorsed yet."),
        (
            {"S00"},
            "1 of 3 Test Org members has endorsed (33%): State 0; not yet: State 1 and State 2.",
        ),
        (
            {"S00", "S01"},
            "2 of 3 Test Org members have endorsed (67%): State 0 and State 1; not yet: State 2.",
        ),
        ({"S00", "S01", "S02"}, "All 3 Test Org members have endorsed."),
    ],
)
def test_sentences_read_well(endorsed, expected):
    assert sentence(_group(3), endorsed) == expected


def test_long_lists_are_cut_and_outsiders_named():
    text = sentence(_group(20, outside=2), {"S00"})
    assert text.endswith(
        "and 7 others. Territory 0 and Territory 1 are also members, "
        "outside the 195 states in scope."
    )
    assert "and 1 others" not in sentence(_group(14), {"S00"})


def test_the_endorsers_are_named_while_few_and_the_rest_is_counted():
    few = sentence(_group(40), {f"S{i:02d}" for i in range(4)})
    assert few.startswith("4 of 40 Test Org members have endorsed (10%): State 0, State 1, State 2")
    assert few.endswith("and 24 others.")
    many = sentence(_group(40), {f"S{i:02d}" for i in range(30)})
    assert many.startswith("30 of 40 Test Org members have endorsed (75%); not yet: State 30,")


def test_suspended_members_are_marked_in_sentences():
    group = Group(
        "g",
        "Union",
        "org",
        (Member("A", "Alpha", "SUSPENDED since 2021", "SUSPENDED since 2021"), Member("B", "Beta")),
    )
    assert "Alpha (suspended)" in sentence(group, {"B"})


def test_outreach_is_the_complement_of_the_endorsers():
    listed = set(gaps()["ISO3"])
    assert listed.isdisjoint(ENDORSED)
    assert listed | ENDORSED == set(UNIVERSE["iso3"])


@pytest.mark.parametrize(
    "filters",
    [
        {"region": "Africa"},
        {"subregion": "Western Asia"},
        {"ungroup": "Asia-Pacific"},
        {"organisation": next(g for g in ORGS if g.group_id == "african-union")},
        {"query": "guinea"},
    ],
)
def test_each_filter_narrows_the_list(filters):
    narrowed = gaps(**filters)
    assert 0 < len(narrowed) < len(gaps())


def test_search_finds_informal_names():
    for query, iso3 in (
        ("Turkey", "TUR"),
        ("Ivory Coast", "CIV"),
        ("côte d’ivoire", "CIV"),
        ("bra", "BRA"),
    ):
        if iso3 not in ENDORSED:
            assert iso3 in set(gaps(query=query)["ISO3"]), query


@given(st.text(max_size=40))
def test_markdown_escaping_shows_text_literally(text):
    escaped = md(text)
    assert re.sub(r"\\(.)", r"\1", escaped) == " ".join(text.split())
    assert not re.search(r"(?<!\\)[*_`\[\]<>#|~$:]", escaped)


@given(st.text(max_size=100))
def test_code_spans_never_break_out(text):
    span = code(text)
    assert span.startswith("`` ") and span.endswith(" ``") and "`" not in span[3:-3]


def test_join_names():
    assert join_names([]) == "" and join_names(["A"]) == "A"
    assert join_names(["A", "B", "C"]) == "A, B and C"


@given(
    region=st.sampled_from([None, *sorted(UNIVERSE["m49_region"].unique())]),
    ungroup=st.sampled_from([None, *sorted(set(UNIVERSE["un_regional_group"]) - {""})]),
    organisation=st.sampled_from([None, *ORGS]),
    query=st.sampled_from(["", "a", "island", "republic", "xx"]),
)
def test_filtered_rows_satisfy_every_filter(region, ungroup, organisation, query):
    rows = gaps(region=region, ungroup=ungroup, organisation=organisation, query=query)
    assert set(rows["ISO3"]).isdisjoint(ENDORSED)
    if region:
        assert (rows["M49 region"] == region).all()
    if ungroup:
        assert (rows["UN regional group"] == un_group_label(ungroup)).all()
    if organisation:
        assert set(rows["ISO3"]) <= organisation.codes
    assert len(rows) <= len(gaps(region=region))
