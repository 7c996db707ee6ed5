"""Two to four states side by side (ui.tables.comparison): the request read, every fact of the
catalogue and the groupings per state, the differences marked, the closest peers."""

from datetime import date

import pytest

from i18n.collation import sort_key
from instruments.forms import JOINED_LATER, NOT_ENDORSED, UNKNOWN, status_word
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.timeline import dated, precision_word
from store.groups import GroupKind
from ui.tables.comparison import (
    MOST,
    brief,
    closest_peers,
    compare,
    differing,
    kind,
    pick_states,
    problems,
    shown,
    sources,
    split_codes,
    summary,
    too_few,
)
from ui.tables.dataset import on
from ui.tables.outreach import ranks
from ui.tables.priority import default_weights, priorities

from ui_fixtures import shipped

DATA = shipped()
UNIVERSE = set(DATA.table.loc[DATA.table["in_universe"], "iso3"])
NAMES = DATA.table.set_index("iso3")["name"]
STATES = ["KEN", "NLD", "VAT"]  # a non-endorser, an endorser, an observer State


def cells(table, key: str) -> list[str]:
    """A row's cells of the states, in column order."""
    return list(table.loc[key].drop(["Section", "Fact", "Differs"]))


def test_a_request_keeps_its_order_and_names_what_it_leaves_out():
    requested = split_codes(" ken, NGA,,gha,KEN,zzz, ZAF ,sen,EGY ")
    assert requested == ["KEN", "NGA", "GHA", "KEN", "ZZZ", "ZAF", "SEN", "EGY"]
    picked = pick_states(requested, UNIVERSE)
    assert picked.codes == ("KEN", "NGA", "GHA", "ZAF")[:MOST]
    assert (picked.unknown, picked.repeated, picked.beyond) == (("ZZZ",), ("KEN",), ("SEN", "EGY"))
    said = problems(picked)
    assert len(said) == 3
    assert "ZZZ" in said[0] and "left out" in said[0]
    assert "KEN" in said[1] and "once" in said[1]
    assert "SEN, EGY" in said[2] and "At most 4" in said[2]
    assert not problems(pick_states(["KEN", "NGA"], UNIVERSE))


@pytest.mark.parametrize(
    ("count", "said"), [(0, "none is chosen"), (1, "one more"), (2, ""), (4, "")]
)
def test_fewer_than_two_states_is_no_comparison(count, said):
    assert (too_few(count) == "") == (said == "")
    assert said in too_few(count)


def test_every_instrument_has_its_status_date_and_source_per_state():
    table = compare(STATES, DATA)
    assert list(table.columns) == ["Section", "Fact", *NAMES[STATES], "Differs"]
    positions = DATA.positions.set_index(["instrument", "iso3"])
    for instrument in DATA.catalogue.values():
        status = cells(table, f"{instrument.id}:status")
        assert status == [instrument.word(DATA.matrix.loc[s, instrument.id]) for s in STATES]
        days = cells(table, f"{instrument.id}:date")
        sources = cells(table, f"{instrument.id}:source")
        for iso3, day, source in zip(STATES, days, sources, strict=True):
            listed = (instrument.id, iso3) in positions.index
            if listed and instrument.form.is_act(positions.loc[(instrument.id, iso3), "status"]):
                row = positions.loc[(instrument.id, iso3)]
                assert day == f"{dated(row['date'], row['date_precision'])} " + (
                    f"({precision_word(row['date_precision'])})"
                )
                assert source.split()[0].startswith("http")
            else:
                assert day == "not named by the source"
                assert source == instrument.source_url


def test_a_state_a_partial_list_does_not_name_is_unknown_never_not_endorsed():
    partial = [i for i in DATA.catalogue.values() if i.missing == UNKNOWN]
    assert partial, "the catalogue has a partial list"
    for instrument in partial:
        named = set(DATA.positions.loc[DATA.positions["instrument"] == instrument.id, "iso3"])
        absent = sorted(UNIVERSE - named)[:MOST]
        status = cells(compare(absent, DATA), f"{instrument.id}:status")
        assert status == [status_word(UNKNOWN)] * len(absent)
        assert status_word(NOT_ENDORSED) not in status


def test_a_row_is_marked_exactly_when_the_states_differ_and_sources_never():
    table = compare(STATES, DATA, plan={"KEN": "Planned"}, asks={"KEN": "Ask it", "NLD": "—"})
    for key in table.index:
        values = cells(table, key)
        expected = kind(key) not in {"source", "why", "ask"} and len(set(values)) > 1
        assert (table.loc[key, "Differs"] == "differs") == expected, key
    assert differing(table) == int((table["Differs"] == "differs").sum()) > 0
    names = list(NAMES[STATES])
    said = summary(table, names)
    assert said.startswith(f"{names[0]}, {names[1]} and {names[2]} differ on {differing(table)}")
    alike = table[table["Differs"] == ""]
    assert differing(alike) == 0
    assert summary(alike, names[:2]) == f"{names[0]} and {names[1]} agree on every fact compared."


def test_memberships_follow_the_groupings():
    table = compare(STATES, DATA)
    for kind_ in (GroupKind.REGION, GroupKind.SUBREGION, GroupKind.UNGROUP):
        labels = cells(table, f"{kind_.value}:group")
        for iso3, label in zip(STATES, labels, strict=True):
            (group,) = [g for g in DATA.groupings[kind_] if iso3 in g.codes]
            assert label == group.label
    for group in DATA.groupings[GroupKind.ORG]:
        key = f"org-{group.group_id}:group"
        if not group.codes & set(STATES):
            assert key not in table.index
            continue
        for iso3, said in zip(STATES, cells(table, key), strict=True):
            assert said.startswith("member") == (iso3 in group.codes), (key, iso3)
            assert (said == "not a member") == (iso3 not in group.codes)


def test_the_score_with_its_reasons_and_none_for_an_endorser():
    ranked = priorities(DATA.signals, default_weights(DATA.terms), NAMES, DATA.terms)
    table = compare(STATES, DATA)
    call = DATA.catalogue[CALL_TO_ACTION]
    endorsed = supporters(DATA.matrix, call)
    for iso3, score, why in zip(STATES, cells(table, "score"), cells(table, "why"), strict=True):
        if iso3 in endorsed:
            assert score == f"no score: {call.form.did(call.object)}" and why == ""
        else:
            row = ranked.loc[iso3]
            rank = ranks(ranked)[iso3]
            assert score == f"{row['score']:.1f} (rank {rank} of {len(ranked)})"
            assert why == row["why"]
    assert "NLD" in endorsed and "KEN" not in endorsed  # both cases were checked


def test_the_plan_and_the_ask_only_when_given():
    bare = compare(STATES, DATA)
    assert "plan" not in bare.index and "ask" not in bare.index
    given = compare(STATES, DATA, plan={"KEN": "Planned"}, asks={"NLD": "Ask it to …"})
    assert cells(given, "plan") == ["Planned", "", ""]
    assert cells(given, "ask") == ["", "Ask it to …", ""]
    assert given.loc["plan", "Differs"] == "differs" and given.loc["ask", "Differs"] == ""


def test_on_a_past_day_a_later_position_is_unknown_and_undated():
    day = date(2024, 3, 20)
    then = on(DATA, day)
    later = then.matrix.stack()
    later = later[later == JOINED_LATER]
    (iso3, instrument), *_rest = later.index
    table = compare([iso3, "NLD"], then)
    assert cells(table, f"{instrument}:status")[0] == status_word(JOINED_LATER)
    assert cells(table, f"{instrument}:date")[0] == "not named by the source"


def test_headers_shown_in_the_language():
    table = shown(compare(STATES, DATA))
    assert {"Section", "Fact", "Differs"} <= set(table.columns)  # English stays English


def shared(iso3: str) -> dict[str, int]:
    """How many UN regional groups (observers' "none" aside) and organisations each other state
    shares with ``iso3``: the definition, counted here from the groupings."""
    groups = [
        g
        for g in [*DATA.groupings[GroupKind.UNGROUP], *DATA.groupings[GroupKind.ORG]]
        if iso3 in g.codes and not (g.kind == GroupKind.UNGROUP and g.group_id == "none")
    ]
    return {c: sum(c in g.codes for g in groups) for c in UNIVERSE - {iso3}}


def subregion(iso3: str) -> frozenset[str]:
    (group,) = [g for g in DATA.groupings[GroupKind.SUBREGION] if iso3 in g.codes]
    return group.codes


@pytest.mark.parametrize("iso3", sorted(UNIVERSE))
def test_the_closest_peers_share_the_most_groups(iso3):
    peers = closest_peers(iso3, DATA)
    counts, region = shared(iso3), subregion(iso3)
    assert len(peers) == 3 and iso3 not in peers and len(set(peers)) == 3
    near = DATA.table.set_index("iso3")["m49_intermediate_region"].fillna("")

    def closeness(code: str) -> tuple:
        apart = not near[iso3] or near[code] != near[iso3]
        return (-counts[code], code not in region, apart, sort_key(NAMES[code]))

    order = [closeness(p) for p in peers]
    assert order == sorted(order)  # closest first
    for other in UNIVERSE - {iso3} - set(peers):  # no one left out is closer than the last
        assert closeness(other) > order[-1]


def test_kenyas_peers_are_east_african():
    peers = closest_peers("KEN", DATA)
    near = DATA.table.set_index("iso3")["m49_intermediate_region"]
    assert {near[p] for p in peers} == {"Eastern Africa"}


def test_peers_tie_by_name_accent_blind_and_n_is_respected():
    peers = closest_peers("KEN", DATA, n=10)
    counts = shared("KEN")
    near = DATA.table.set_index("iso3")["m49_intermediate_region"]
    tied = [p for p in peers if counts[p] == counts[peers[0]] and near[p] == near[peers[0]]]
    assert [sort_key(NAMES[p]) for p in tied] == sorted(sort_key(NAMES[p]) for p in tied)
    assert len(closest_peers("KEN", DATA, n=1)) == 1


def test_in_brief_a_status_carries_its_date_and_sources_go_to_the_notes():
    table = compare(STATES, DATA)
    short = brief(table)
    assert list(short.columns) == ["Fact", *NAMES[STATES], "Differs"]
    facts = list(short["Fact"])
    assert not [f for f in facts if f.endswith((": date", ": source"))]
    for instrument in DATA.catalogue.values():
        row = short.set_index("Fact").loc[instrument.short_title]
        for iso3, day, status in zip(
            STATES,
            cells(table, f"{instrument.id}:date"),
            cells(table, f"{instrument.id}:status"),
            strict=True,
        ):
            said = status if day == "not named by the source" else f"{status}, {day}"
            assert row[NAMES[iso3]] == said
        either = {table.loc[f"{instrument.id}:{k}", "Differs"] for k in ("status", "date")}
        assert (row["Differs"] == "differs") == ("differs" in either)
    lines = sources(table)
    assert len(lines) == len(DATA.catalogue) * len(STATES)
    first = DATA.catalogue[CALL_TO_ACTION]
    assert lines[0] == f"Kenya, {first.short_title}: " + ", ".join(
        cells(table, f"{CALL_TO_ACTION}:source")[0].split()
    )


def test_an_observer_states_no_vote_in_committee_has_no_date():
    table = compare(["VAT", "KEN"], DATA)
    committee = "unga-79-239-first-committee"
    holy_see = NAMES["VAT"]
    assert table.loc[f"{committee}:status", holy_see] == "No vote (not a UN member)"
    assert "2024" not in table.loc[f"{committee}:date", holy_see]
