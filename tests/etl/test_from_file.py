"""Refreshing from saved documents: every layout publishes the right states; broken ones nothing."""

import json

import pytest

from etl.release import SOURCE_PAGE_URL
from store.published import table_from_csv

from apptest import open_page
from conftest import DOCUMENTS, manifest, snapshot

OK = sorted(
    name
    for name, spec in manifest().items()
    if spec["expect"] == "ok" and not name.startswith("landing-")
)
BROKEN = sorted(
    name
    for name, spec in manifest().items()
    if spec["expect"] == "error" and not name.startswith("landing-")
)
# The words each broken document's one-line error must contain.
ERROR_WORDS = {
    "corrupt": "corrupt",
    "truncated": "truncated",
    "encrypted": "encrypted",
    "no-text-layer": "no text layer",
    "not-pdf": "not a PDF",
    "too-few": "only 12 names",
    "unknown-name": "unknown name",
    "duplicate": "more than once",
    "empty": "no names found",
}


@pytest.mark.parametrize("name", OK)
def test_layout_publishes_exactly_the_listed_states(name, shipped_data, etl):
    spec = manifest()[name]
    # The variant-spellings list is shorter than the shipped one: accept that it shrinks.
    shrink = ["--allow-shrink"] if len(spec["iso3"]) < 58 else []
    run = etl(
        "refresh", "--from-file", str(DOCUMENTS / name), "--data-dir", str(shipped_data), *shrink
    )
    assert run.code == 0, run.err
    table = table_from_csv((shipped_data / "endorsements.csv").read_bytes())
    endorsed = table[table["endorsed"]]
    assert sorted(endorsed["iso3"]) == spec["iso3"]
    assert (
        dict(zip(endorsed["iso3"], endorsed["name_as_listed"], strict=True))
        == spec["names_as_listed"]
    )
    assert len(table[table["in_universe"]]) == 195


@pytest.mark.parametrize("name", BROKEN)
def test_broken_document_fails_in_one_line_and_changes_nothing(name, shipped_data, etl, work_dir):
    spec = manifest()[name]
    before = snapshot(shipped_data)
    run = etl("refresh", "--from-file", str(DOCUMENTS / name), "--data-dir", str(shipped_data))
    assert run.code == 1
    assert run.err.count("\n") == 1 and run.err.startswith("error: ")
    assert ERROR_WORDS[spec["error"]].lower() in run.err.lower()
    assert snapshot(shipped_data) == before
    rejected = list((work_dir / "rejected").glob("*/reason.txt"))
    assert len(rejected) == 1 and str(rejected[0].parent) in run.err


def test_unknown_names_are_listed_with_suggestions(shipped_data, etl):
    run = etl(
        "refresh",
        "--from-file",
        str(DOCUMENTS / "unknown-name.pdf"),
        "--data-dir",
        str(shipped_data),
    )
    assert "'Atlantis'" in run.err and "'Republic of Korea North'" in run.err
    assert "did you mean: republic of korea (KOR)" in run.err


def test_saved_landing_page_points_to_its_pdf(shipped_data, etl):
    before = snapshot(shipped_data)
    run = etl(
        "refresh",
        "--from-file",
        str(DOCUMENTS / "landing-page.html"),
        "--data-dir",
        str(shipped_data),
    )
    assert run.code == 1
    assert "links the list as a PDF" in run.err and "Endorsing+Countries" in run.err
    assert snapshot(shipped_data) == before


def test_missing_file_is_a_clear_error(shipped_data, etl, tmp_path):
    run = etl("refresh", "--from-file", str(tmp_path / "nope.pdf"), "--data-dir", str(shipped_data))
    assert run.code == 1 and "cannot read" in run.err.lower()


@pytest.mark.parametrize("name", ["list-one-column.pdf", "list-inline.html"])
def test_a_refresh_from_a_file_keeps_the_page_the_list_is_published_on(
    name, shipped_data, etl, monkeypatch
):
    run = etl("refresh", "--from-file", str(DOCUMENTS / name), "--data-dir", str(shipped_data))
    assert run.code == 0, run.err
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text(encoding="utf-8"))
    assert (meta["method"], meta["document_title"]) == ("file", name)
    assert meta["source_page_url"] == SOURCE_PAGE_URL and meta["document_url"] is None
    monkeypatch.setenv("REAIM_DATA_DIR", str(shipped_data))
    at = open_page("sources")
    assert not at.exception
    [line] = [
        row
        for block in at.markdown
        for row in block.value.splitlines()
        if row.startswith("- **Source page**")
    ]
    assert line.endswith(f"]({SOURCE_PAGE_URL})")
    assert any("read from a saved copy of the official list" in row.value for row in at.markdown)
