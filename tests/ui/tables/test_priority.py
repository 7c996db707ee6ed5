"""Instrument statuses, comparisons and the outreach priority score."""

import json
import re

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from i18n.collation import sort_key
from i18n.translate import use
from instruments.forms import NO_VOTE, NOT_ENDORSED, UNKNOWN
from instruments.matrix import compare, status_matrix
from instruments.model import catalogue as build_catalogue
from instruments.prose import join_names
from store.reference import load_registry
from ui.tables import priority
from ui.tables.dataset import load_dataset
from ui.tables.priority import default_weights, explain, score, signals

from conftest import REPO
from ui_fixtures import shipped


@pytest.fixture(scope="module")
def catalogue():
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text())
    return {i.id: i for i in build_catalogue(load_registry(), meta, "Source: test.")}


@pytest.fixture(scope="module")
def matrix(catalogue):
    positions = pd.read_csv(REPO / "data" / "positions.csv", dtype=str, keep_default_na=False)
    return status_matrix(positions, list(catalogue.values()), shipped().states)


def test_matrix_has_every_state_and_explicit_complements(matrix):
    assert list(matrix.index[:195]) == list(shipped().states["iso3"])
    assert "XKX" in matrix.index  # listed by the Political Declaration, outside the universe
    assert matrix.loc["IND", "reaim-2023-call-to-action"] == NOT_ENDORSED
    assert matrix.loc["IND", "reaim-2024-blueprint-for-action"] == UNKNOWN  # partial list
    assert matrix.loc["USA", "reaim-2024-blueprint-for-action"] == "endorsed"
    assert (
        matrix.loc["VAT", "unga-80-57"] == NO_VOTE and matrix.loc["PSE", "unga-78-241"] == NO_VOTE
    )
    assert matrix.loc["CRI", "reaim-2026-pathways-to-action"] == "unconfirmed"
    assert (matrix["unga-78-241"] == "yes").sum() == 152


def test_compare_declaration_but_not_call_to_action(matrix, catalogue):
    states, unsure = compare(
        matrix, catalogue["us-political-declaration"], catalogue["reaim-2023-call-to-action"]
    )
    declaration = set(matrix.index[matrix["us-political-declaration"] == "endorsed"])
    call = set(matrix.index[matrix["reaim-2023-call-to-action"] == "endorsed"])
    assert set(states) == declaration - call and unsure == 0
    assert "XKX" in states  # Kosovo endorsed the Declaration; it is not on the Call to Action list


def test_compare_against_a_partial_list_counts_unknowns_apart_and_named_refusals_in(
    matrix, catalogue
):
    states, unsure = compare(
        matrix, catalogue["reaim-2023-call-to-action"], catalogue["reaim-2024-blueprint-for-action"]
    )
    named = set(matrix.index[matrix["reaim-2024-blueprint-for-action"] == "endorsed"])
    call = set(matrix.index[matrix["reaim-2023-call-to-action"] == "endorsed"])
    assert len(named) == 11 and named - call == {"KEN", "UKR"}  # named, not on the list
    assert states == ["CHN"]  # named as attending without endorsing
    assert unsure == 58 - 9 - 1  # all but the nine named endorsers and China


PD, PATHWAYS, BLUEPRINT = (
    "us-political-declaration",
    "reaim-2026-pathways-to-action",
    "reaim-2024-blueprint-for-action",
)
STATEMENT = "ccw-gge-2025-joint-statement"
TERMS = shipped().terms
DEFAULTS = default_weights(TERMS)


@pytest.fixture(scope="module")
def table(matrix):
    data = shipped()
    endorsed = set(data.table.loc[data.table["endorsed"], "iso3"])
    candidates = [c for c in data.states["iso3"] if c not in endorsed]
    return signals(
        candidates, matrix, endorsed, data.groupings["ungroup"], data.groupings["org"], TERMS
    )


def test_terms_come_from_the_registry():
    keys = [t.key for t in TERMS]
    assert keys == [
        PD,
        BLUEPRINT,
        PATHWAYS,
        "yes_vote",
        "no_vote",
        "co_sponsor",
        STATEMENT,
        "committee_no",
        "committee_abstain",
        *priority.PEER_SHARE,
    ]
    assert DEFAULTS == {
        PD: 3.0,
        BLUEPRINT: 1.0,
        PATHWAYS: 3.0,
        "yes_vote": 1.0,
        "no_vote": 2.0,
        "co_sponsor": 1.0,
        STATEMENT: 1.0,
        "committee_no": 2.0,
        "committee_abstain": 1.0,
        "regional_peers": 2.0,
        "organisation_peers": 2.0,
    }
    (yes,) = [t for t in TERMS if t.key == "yes_vote"]
    assert [i.id for i in yes.instruments] == ["unga-78-241", "unga-79-62", "unga-80-57"]
    (sponsored,) = [t for t in TERMS if t.key == "co_sponsor"]
    assert [i.id for i in sponsored.instruments] == [f"{v.id}-cosponsors" for v in yes.instruments]
    assert {t.key: t.sign for t in TERMS if t.key.startswith("committee")} == {
        "committee_no": -1,
        "committee_abstain": -1,
    }


def test_signals_of_known_states(table):
    ukraine = table.loc["UKR"]
    assert ukraine[PD] == 1 and ukraine[PATHWAYS] == 1
    assert ukraine[BLUEPRINT] == 1 and ukraine["yes_vote"] == 1  # yes, abstain, non-voting
    assert ukraine["regional_group"] == "Eastern European Group"
    russia = table.loc["RUS"]
    assert russia["no_vote"] == 3 and russia[PD] == 0
    assert table.loc["CRI", PATHWAYS] == 0.5
    austria = table.loc["AUT"]
    assert austria["organisation"] == "NATO" or austria["organisation_share"] >= 25 / 26
    assert "SGP" not in table.index  # endorsers are not outreach candidates


def test_explanation_names_each_signal(table):
    text = explain(table.loc["UKR"], TERMS)
    assert text.startswith(
        "endorsed the US Political Declaration; named as endorsing the Blueprint for Action "
        "(REAIM 2024); endorsed the Pathways to Action (REAIM 2026)"
    )
    assert "voted yes once on UNGA 78/241;" in text  # the one it voted yes on, not all three
    assert "Eastern European Group peers endorsed" in text
    assert "voted no 3 times" in explain(table.loc["RUS"], TERMS)
    assert "reported (unconfirmed) as endorsing the Pathways" in explain(table.loc["CRI"], TERMS)


def test_default_ranking_puts_declaration_endorsers_first(table):
    names = shipped().table.set_index("iso3")["name"]
    ranked = priority.priorities(table, DEFAULTS, names, TERMS)
    assert ranked["score"].is_monotonic_decreasing
    top = ranked.head(5)
    assert (top[PD] == 1).all()
    assert ranked.index[-1] in {"RUS", "PRK", "BLR", "IRN", "SYR", "NIC", "ISR"}


def test_every_weight_is_documented():
    assert all(t.label and t.help and "{" not in t.help for t in TERMS)
    assert len({t.key for t in TERMS}) == len(TERMS)


signal_rows = st.fixed_dictionaries(
    {
        PD: st.sampled_from([0.0, 1.0]),
        PATHWAYS: st.sampled_from([0.0, 0.5, 1.0]),
        BLUEPRINT: st.sampled_from([0.0, 1.0]),
        "yes_vote": st.integers(0, 3),
        "no_vote": st.integers(0, 3),
        "co_sponsor": st.integers(0, 3),
        STATEMENT: st.sampled_from([0.0, 1.0]),
        "committee_no": st.integers(0, 1),
        "committee_abstain": st.integers(0, 1),
        "regional_group": st.just("African Group"),
        "regional_share": st.floats(0, 1),
        "organisation": st.just("African Union"),
        "organisation_share": st.floats(0, 1),
    }
)
INCREASING = [PD, PATHWAYS, BLUEPRINT, "yes_vote", "co_sponsor", STATEMENT]
INCREASING += ["regional_share", "organisation_share"]
DECREASING = ["no_vote", "committee_no", "committee_abstain"]


@given(signal_rows, st.sampled_from([*INCREASING, *DECREASING]), st.floats(0.01, 1))
def test_score_is_monotonic_in_each_signal(row, signal, step):
    before = pd.DataFrame([row])
    after = before.copy()
    after[signal] = after[signal] + step
    delta = score(after, DEFAULTS, TERMS).iloc[0] - score(before, DEFAULTS, TERMS).iloc[0]
    assert delta <= 0 if signal in DECREASING else delta >= 0


@given(signal_rows)
def test_explanation_matches_the_signals(row):
    text = explain(pd.Series(row), TERMS)
    assert ("Political Declaration" in text) == bool(row[PD])
    assert ("Pathways" in text) == bool(row[PATHWAYS])
    assert ("voted yes" in text) == bool(row["yes_vote"])
    assert bool(re.search(r"voted no (once|twice|\d+ times)", text)) == bool(row["no_vote"])
    assert ("Blueprint" in text) == bool(row[BLUEPRINT])
    assert ("co-sponsored" in text) == bool(row["co_sponsor"])
    assert ("joined the CCW joint statement (2025)" in text) == bool(row[STATEMENT])
    assert ("voted no in the First Committee on" in text) == bool(row["committee_no"])
    assert ("abstained in the First Committee on" in text) == bool(row["committee_abstain"])
    assert f"{row['regional_share']:.0%} of its African Group peers" in text


def test_zero_weights_give_zero_scores(table):
    zero = dict.fromkeys(DEFAULTS, 0.0)
    assert (score(table, zero, TERMS) == 0).all()


def test_ties_are_in_the_language_s_alphabetical_order_accents_aside():
    every = shipped().terms
    with use("fr"):
        names = load_dataset(REPO / "data").table.set_index("iso3")["name"]
    ranked = priority.priorities(shipped().signals, default_weights(every), names, every)
    for _score, tied in ranked.groupby("score", sort=False):
        assert list(tied["name"]) == sorted(tied["name"], key=sort_key)
    assert any(name.startswith("É") for name in ranked["name"])


def test_a_pooled_vote_names_only_the_resolutions_it_counted():
    data = shipped()
    (yes,) = [t for t in data.terms if t.key == "yes_vote"]
    twice = data.signals[data.signals["yes_vote"] == 2]
    assert len(twice) > 0
    for iso3, row in twice.iterrows():
        said = explain(row, data.terms)
        voted = [i for i in yes.instruments if data.matrix.loc[iso3, i.id] == "yes"]
        assert len(voted) == 2
        named = join_names([i.brief for i in voted])
        assert f"voted yes twice on {named}" in said, said
        missed = next(i for i in yes.instruments if i not in voted)
        assert missed.brief not in said.split("voted yes twice on ")[1].split(";")[0]


def test_an_observer_state_has_no_regional_group_peers(table):
    """The Holy See belongs to no UN regional group: no share of "peers" is counted for it."""
    holy_see = table.loc["VAT"]
    assert holy_see["regional_group"] == "" and holy_see["regional_share"] == 0.0
    ranked = priority.priorities(table, DEFAULTS, shipped().table.set_index("iso3")["name"], TERMS)
    assert "regional group (observer States) peers" not in ranked.loc["VAT", "why"]
