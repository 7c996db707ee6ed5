"""Adding an instrument is a data change end to end: a registry row and its file, then a bundle."""

import json
import shutil

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from instruments.model import catalogue as build_catalogue
from store.files import read_text_table
from store.reference import load_registry
from ui.tables.export import csv_bytes

from apptest import maps, open_page
from conftest import REPO

NEW = "reaim-2099-test-accord"
TITLE = "Test Accord (2099)"
ENDORSERS = ["BRA", "IND", "KEN"]  # none of them endorsed the Call to Action
ROW = (
    f"{NEW},Test Accord on Military AI (made up for a test),{TITLE},complete-list,2026-01-01,"
    "2025-06-01,https://example.org/accord,Made up for a test,CC0 1.0,high,test-accord.csv,3,,4\n"
)
APP = str(REPO / "dashboard.py")


@pytest.fixture
def with_new_instrument(shipped_data, etl, tmp_path, monkeypatch):
    """A copy of data/ and data/instruments/ with one more instrument, bundled by the ETL."""
    instruments = tmp_path / "instruments"
    shutil.copytree(REPO / "data" / "instruments", instruments)
    (instruments / "test-accord.csv").write_text(
        "iso3,status,name_as_listed,note,date,date_precision,date_basis\n"
        + "".join(f"{c},endorsed,,,2025-06-01,exact,signed at its launch\n" for c in ENDORSERS)
    )
    with (instruments / "instruments.csv").open("a", encoding="utf-8") as registry:
        registry.write(ROW)
    monkeypatch.setattr("store.paths.instruments_dir", lambda: instruments)
    monkeypatch.setenv("REAIM_DATA_DIR", str(shipped_data))
    assert etl("bundle", "--data-dir", str(shipped_data)).code == 0
    yield shipped_data  # the registry is read afresh: nothing to clear after the test


def page(name: str, **params: str) -> AppTest:
    at = open_page(name, **params)
    assert not at.exception and not at.error, at.exception
    return at


def test_a_made_up_instrument_reaches_every_view_and_the_score(with_new_instrument):
    positions = read_text_table(with_new_instrument / "positions.csv")
    assert sorted(positions.loc[positions["instrument"] == NEW, "iso3"]) == ENDORSERS

    at = page("map", instrument=NEW)
    spec = json.dumps(maps(at)[0]["figure"], ensure_ascii=False)
    assert f'"{TITLE}: endorsements worldwide"' in spec and '"Endorsed (3)"' in spec

    at = page("map", compare=f"{NEW},reaim-2023-call-to-action")
    said = "\n".join(m.value for m in at.markdown)
    assert "**3 states** endorsed the Test Accord \\(2099\\) but did not endorse the Call" in said

    at = page("instruments")
    assert ("Endorsers", "3") in [(m.label, m.value) for m in at.metric]
    matrix = at.dataframe[0].value.set_index("ISO3")
    assert matrix.loc["KEN", TITLE] == "Endorsed" and matrix.loc["FRA", TITLE] == "Not endorsed"

    at = page("country", iso3="KEN")
    rows = at.table[0].value
    (status,) = rows.loc[rows["Instrument"].str.contains("Test Accord"), "Status"]
    assert "Endorsed" in status

    at = page("outreach")
    table = at.dataframe[0].value.set_index("ISO3")
    assert table.loc["KEN", TITLE] == "Endorsed" and table.loc["RUS", TITLE] == "Not endorsed"
    assert "endorsed the Test Accord (2099)" in table.loc["KEN", "Why"]
    assert at.slider(key=f"weight-{NEW}").value == 4.0  # the registry's default weight
    without = page("outreach", weights=f"{NEW}:0")
    score = without.dataframe[0].value.set_index("ISO3")["Score"]
    assert table.loc["KEN", "Score"] == pytest.approx(score["KEN"] + 4, abs=0.05)
    assert table.loc["RUS", "Score"] == pytest.approx(score["RUS"], abs=0.05)


def test_a_made_up_instrument_is_cited_in_exports(with_new_instrument):
    meta = {"source_as_of": "2023-02-16", "method": "transcribed", "licence": "x"}
    found = {i.id: i for i in build_catalogue(load_registry(), meta, "Source: x.")}
    text = csv_bytes(pd.DataFrame({"a": [1]}), "t", None, "all", [found[NEW]]).decode()
    assert f"Source: {TITLE}" in text and "https://example.org/accord" in text
