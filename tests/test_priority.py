"""Instrument statuses, comparisons and the outreach priority score."""

import json
from dataclasses import fields, replace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from ui_fixtures import shipped

from etl.positions import load_registry
from ui import priority
from ui.positions import NO_VOTE, NOT_ENDORSED, UNKNOWN, compare, instruments, status_matrix
from ui.priority import WEIGHT_HELP, Weights, explain, score, signals

from conftest import REPO


@pytest.fixture(scope="module")
def catalogue():
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text())
    return {i.id: i for i in instruments(load_registry(), meta)}


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


def test_compare_against_a_partial_list_counts_unknowns_apart(matrix, catalogue):
    states, unsure = compare(
        matrix, catalogue["reaim-2023-call-to-action"], catalogue["reaim-2024-blueprint-for-action"]
    )
    assert states == [] and unsure == 58 - 5  # 5 of the 6 named Blueprint endorsers are on the list


@pytest.fixture(scope="module")
def table(matrix):
    data = shipped()
    endorsed = set(data.table.loc[data.table["endorsed"], "iso3"])
    candidates = [c for c in data.states["iso3"] if c not in endorsed]
    return signals(candidates, matrix, endorsed, data.groupings["ungroup"], data.groupings["org"])


def test_signals_of_known_states(table):
    ukraine = table.loc["UKR"]
    assert ukraine["political_declaration"] == 1 and ukraine["pathways"] == 1
    assert ukraine["blueprint"] == 1 and ukraine["yes_votes"] == 1  # yes, abstain, non-voting
    assert ukraine["regional_group"] == "Eastern European Group"
    russia = table.loc["RUS"]
    assert russia["no_votes"] == 3 and russia["political_declaration"] == 0
    assert table.loc["CRI", "pathways"] == 0.5
    austria = table.loc["AUT"]
    assert austria["organisation"] == "NATO" or austria["organisation_share"] >= 25 / 26
    assert "SGP" not in table.index  # endorsers are not outreach candidates


def test_explanation_names_each_signal(table):
    text = explain(table.loc["UKR"])
    assert text.startswith("endorsed the US Political Declaration; endorsed REAIM 2026")
    assert "voted yes once" in text and "Eastern European Group peers endorsed" in text
    assert "voted no 3 times" in explain(table.loc["RUS"])
    assert "unconfirmed" in explain(table.loc["CRI"])


def test_default_ranking_puts_declaration_endorsers_first(table):
    ranked = priority.priorities(table, Weights(), shipped().table.set_index("iso3")["name"])
    assert ranked["score"].is_monotonic_decreasing
    top = ranked.head(5)
    assert (top["political_declaration"] == 1).all()
    assert ranked.index[-1] in {"RUS", "PRK", "BLR", "IRN", "SYR", "NIC", "ISR"}


def test_every_weight_is_documented():
    assert set(WEIGHT_HELP) == {f.name for f in fields(Weights)} == set(priority.WEIGHT_LABELS)


signal_rows = st.fixed_dictionaries(
    {
        "political_declaration": st.sampled_from([0.0, 1.0]),
        "pathways": st.sampled_from([0.0, 0.5, 1.0]),
        "blueprint": st.sampled_from([0.0, 1.0]),
        "yes_votes": st.integers(0, 3),
        "no_votes": st.integers(0, 3),
        "regional_group": st.just("African Group"),
        "regional_share": st.floats(0, 1),
        "organisation": st.just("African Union"),
        "organisation_share": st.floats(0, 1),
    }
)
INCREASING = ["political_declaration", "pathways", "blueprint", "yes_votes"]
INCREASING += ["regional_share", "organisation_share"]


@given(signal_rows, st.sampled_from([*INCREASING, "no_votes"]), st.floats(0.01, 1))
def test_score_is_monotonic_in_each_signal(row, signal, step):
    before = pd.DataFrame([row])
    after = before.copy()
    after[signal] = after[signal] + step
    delta = score(after, Weights()).iloc[0] - score(before, Weights()).iloc[0]
    assert delta <= 0 if signal == "no_votes" else delta >= 0


@given(signal_rows)
def test_explanation_matches_the_signals(row):
    text = explain(pd.Series(row))
    assert ("Political Declaration" in text) == bool(row["political_declaration"])
    assert ("voted yes" in text) == bool(row["yes_votes"])
    assert ("voted no" in text) == bool(row["no_votes"])
    assert ("Blueprint" in text) == bool(row["blueprint"])
    assert f"{row['regional_share']:.0%} of its African Group peers" in text


def test_zero_weights_give_zero_scores(table):
    zero = replace(Weights(), **{f.name: 0.0 for f in fields(Weights)})
    assert (score(table, zero) == 0).all()
