"""Positions on related instruments: counts, reconciliation with official tallies, flags."""

import shutil

import pandas as pd
import pytest

from etl.errors import EtlError
from etl.positions import build_positions
from store.files import read_text_table
from store.published import table_from_csv
from store.reference import load_registry

from conftest import REPO

INSTRUMENTS = REPO / "data" / "instruments"


@pytest.fixture(scope="module")
def positions() -> pd.DataFrame:
    return pd.read_csv(REPO / "data" / "positions.csv", dtype=str, keep_default_na=False)


def count(positions, instrument, status=None):
    rows = positions[positions["instrument"] == instrument]
    return len(rows if status is None else rows[rows["status"] == status])


def test_instrument_ids_and_columns(positions):
    assert {"instrument", "iso3", "status", "as_of", "source_url"} <= set(positions.columns)
    assert (
        set(positions["instrument"])
        == set(load_registry()["id"])
        >= {
            "reaim-2023-call-to-action",
            "us-political-declaration",
            "reaim-2026-pathways-to-action",
            "unga-78-241",
            "unga-79-62",
            "unga-80-57",
        }
    )


def test_endorsement_counts_match_their_sources(positions):
    assert count(positions, "us-political-declaration", "endorsed") == 58
    assert count(positions, "reaim-2026-pathways-to-action", "endorsed") == 45
    assert count(positions, "reaim-2023-call-to-action", "endorsed") == 58
    costa_rica = positions[
        (positions["instrument"] == "reaim-2026-pathways-to-action") & (positions["iso3"] == "CRI")
    ]
    assert costa_rica["status"].tolist() == ["unconfirmed"]
    signed_on_day = positions["note"].str.startswith("signed on 5 Feb 2026")
    assert int(signed_on_day.sum()) == 34  # with Costa Rica, EFE's 35


def test_kosovo_is_kept_and_flagged_outside_the_universe(positions):
    kosovo = positions[positions["iso3"] == "XKX"]
    assert kosovo[["instrument", "in_universe"]].values.tolist() == [
        ["us-political-declaration", "false"]
    ]


@pytest.mark.parametrize(
    ("resolution", "tally"),
    [
        ("unga-78-241", {"yes": 152, "no": 4, "abstain": 11, "non-voting": 26}),
        ("unga-79-62", {"yes": 166, "no": 3, "abstain": 15, "non-voting": 9}),
        ("unga-80-57", {"yes": 164, "no": 6, "abstain": 7, "non-voting": 16}),
    ],
)
def test_votes_reconcile_with_official_results(positions, resolution, tally):
    rows = positions[positions["instrument"] == resolution]
    assert rows["status"].value_counts().to_dict() == tally
    assert len(rows) == 193 and rows["in_universe"].eq("true").all()


def test_blueprint_is_partial_and_names_only_sourced_endorsers(positions):
    registry = load_registry().set_index("id")
    assert registry.loc["reaim-2024-blueprint-for-action", "form"] == "partial-list"
    assert registry.loc["reaim-2024-blueprint-for-action", "reported_total"] == "61"
    rows = positions[positions["instrument"] == "reaim-2024-blueprint-for-action"]
    named = ["CAN", "DEU", "FRA", "GBR", "JPN", "KEN", "KOR", "NLD", "SGP", "UKR", "USA"]
    assert sorted(rows.loc[rows["status"] == "endorsed", "iso3"]) == named
    others = rows[rows["status"] != "endorsed"].set_index("iso3")["status"].to_dict()
    assert others == {"CHN": "not endorsed", "ISR": "not endorsed", "CHE": "unconfirmed"}
    assert rows["note"].str.contains("named by ").all()  # each with the report that names it
    co_hosts = rows.loc[rows["note"].str.startswith("co-host"), "iso3"]
    assert sorted(co_hosts) == ["GBR", "KEN", "KOR", "NLD", "SGP"]


@pytest.fixture
def instruments_copy(tmp_path, monkeypatch):
    target = tmp_path / "instruments"
    shutil.copytree(INSTRUMENTS, target)
    monkeypatch.setattr("store.paths.instruments_dir", lambda: target)
    yield target  # the registry is read afresh: nothing to clear after the test


def build_from():
    table = table_from_csv(REPO / "data" / "endorsements.csv")
    log = read_text_table(REPO / "data" / "changelog.csv")
    return build_positions(table, {"source_as_of": "2023-02-16"}, log)


def test_a_vote_file_that_does_not_reconcile_is_refused(instruments_copy):
    path = instruments_copy / "unga-79-62.csv"
    path.write_text(path.read_text().replace("AGO,yes,", "AGO,abstain,", 1))
    with pytest.raises(EtlError, match="do not reconcile with the official result"):
        build_from()


def test_unknown_codes_and_statuses_are_refused(instruments_copy):
    path = instruments_copy / "us-political-declaration.csv"
    path.write_text(
        path.read_text()
        + "ZZZ,endorsed,Zanzibar-on-Sea,,2024-11-27,exact,x\nFRA,maybe,France,,2024-11-27,exact,x\n"
    )
    with pytest.raises(EtlError, match=r"unknown ISO3 codes \['ZZZ'\].*listed twice \['FRA'\]"):
        build_from()


def test_a_new_instrument_is_a_data_change(instruments_copy):
    (instruments_copy / "new.csv").write_text(
        "iso3,status,name_as_listed,note,date,date_precision,date_basis\n"
        "CHL,endorsed,Chile,,2026-11-01,exact,signed at the launch\n"
    )
    with (instruments_copy / "instruments.csv").open("a") as registry:
        registry.write(
            "new-thing,New Thing,New,complete-list,2026-11-01,2026-11-01,https://x.test,,,,"
            "new.csv,1,,\n"
        )
    positions = build_from()
    assert positions[positions["instrument"] == "new-thing"]["iso3"].tolist() == ["CHL"]
