"""Validation before publishing: shrink guard, change log, summary, and the bundled dataset."""

import json

from store.published import table_from_csv

from conftest import DOCUMENTS, REPO, project_version, snapshot
from loopback_server import Route, serving


def test_shrinking_list_is_refused_unless_allowed(shipped_data, etl):
    before = snapshot(shipped_data)
    variant = str(DOCUMENTS / "list-variant-spellings.pdf")
    refused = etl("refresh", "--from-file", variant, "--data-dir", str(shipped_data))
    assert refused.code == 1 and "--allow-shrink" in refused.err and "would remove" in refused.err
    assert snapshot(shipped_data) == before
    allowed = etl(
        "refresh", "--from-file", variant, "--data-dir", str(shipped_data), "--allow-shrink"
    )
    assert allowed.code == 0, allowed.err


def test_changes_are_appended_to_the_change_log_and_summarised(shipped_data, etl):
    variant = str(DOCUMENTS / "list-variant-spellings.pdf")
    old_log = (shipped_data / "changelog.csv").read_bytes()
    run = etl("refresh", "--from-file", variant, "--data-dir", str(shipped_data), "--allow-shrink")
    log = (shipped_data / "changelog.csv").read_bytes()
    assert log.startswith(old_log)
    new_rows = log[len(old_log) :].decode().splitlines()
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text())
    table = table_from_csv(shipped_data / "endorsements.csv")
    assert all(meta["document_sha256"] in row for row in new_rows)
    added = [row.split(",")[3] for row in new_rows if ",added," in row]
    removed = [row.split(",")[3] for row in new_rows if ",removed," in row]
    assert "CIV" in added and "ARM" in removed
    assert set(added) <= set(table.loc[table["endorsed"], "iso3"])
    assert not set(removed) & set(table.loc[table["endorsed"], "iso3"])
    assert "Côte d’Ivoire (CIV)" in run.out and "ARM" in run.out


def test_same_list_again_changes_no_log_rows(shipped_data, etl):
    one_column = str(DOCUMENTS / "list-one-column.pdf")
    log = (shipped_data / "changelog.csv").read_bytes()
    run = etl("refresh", "--from-file", one_column, "--data-dir", str(shipped_data))
    assert run.code == 0 and "added since the previous dataset: none" in run.out
    assert (shipped_data / "changelog.csv").read_bytes() == log
    meta = json.loads((shipped_data / "endorsements.meta.json").read_text())
    assert meta["method"] == "file" and meta["extraction"]["layout"] == "list"
    ignored = {item["reason"] for item in meta["extraction"]["ignored_text"]}
    assert {"title (larger type)", "date", "small print (footnote or marker)"} <= ignored


def test_first_refresh_into_an_empty_directory(tmp_path, etl):
    with serving() as server:
        server.routes["/list.pdf"] = Route(
            body=(DOCUMENTS / "list-running-text.pdf").read_bytes(), content_type="application/pdf"
        )
        run = etl("refresh", "--url", server.url("/list.pdf"), "--data-dir", str(tmp_path))
    assert run.code == 0, run.err
    assert etl("check", "--data-dir", str(tmp_path)).code == 0


def test_bundled_dataset_is_reproducible_from_the_transcription(tmp_path, etl):
    run = etl("bundle", "--data-dir", str(tmp_path))
    assert run.code == 0, run.err
    for name in ("endorsements.csv", "changelog.csv", "positions.csv"):
        assert (tmp_path / name).read_bytes() == (REPO / "data" / name).read_bytes()
    rebuilt = json.loads((tmp_path / "endorsements.meta.json").read_text())
    shipped = json.loads((REPO / "data" / "endorsements.meta.json").read_text())
    assert rebuilt.pop("versions")["etl"] == shipped.pop("versions")["etl"] == project_version()
    assert rebuilt == shipped
    assert shipped["method"] == "transcribed" and shipped["counts"]["entries_listed"] == 58
    assert shipped["counts"]["endorsers_un_members"] == 57


def test_shipped_table_has_one_row_per_state():
    table = table_from_csv(REPO / "data" / "endorsements.csv")
    assert len(table) == 195 and table["iso3"].is_unique and table["in_universe"].all()
    assert table.loc[table["iso3"] == "PSE", "name_as_listed"].item() == "Palestine"
    assert table.loc[table["iso3"] == "GBR", "name_as_listed"].item() == "UK"
    assert not table.loc[table["iso3"].isin(["IND", "BRA", "ZAF", "ISR", "RUS"]), "endorsed"].any()
