"""The before/after harness: the states it covers, what it normalises, and how it reports."""

import csv
from datetime import date
from pathlib import Path

from babel.dates import format_date

from scripts.compare_snapshots import main as compare
from scripts.snapshot_outputs import (
    hashed_geojson,
    main,
    normalised,
    page_states,
    pruned,
    state_name,
    today_dates,
)

from conftest import REPO

PAGES = {p.stem for p in (REPO / "app_pages").glob("*.py")}
with (REPO / "data" / "instruments" / "instruments.csv").open(encoding="utf-8") as registry:
    INSTRUMENTS = [row["id"] for row in csv.DictReader(registry)]


def test_every_page_and_instrument_has_a_state():
    states = page_states(INSTRUMENTS)
    assert {page for page, _params in states} == PAGES
    for page in ("map", "instruments"):
        shown = {params.get("instrument") for p, params in states if p == page}
        assert set(INSTRUMENTS) <= shown
    assert {params.get("by") for p, params in states if p == "regions"} >= {"region", "org"}


def test_quick_runs_one_state_a_page():
    quick = page_states(INSTRUMENTS, quick=True)
    assert sorted(page for page, _params in quick) == sorted(PAGES)


def test_every_state_has_its_own_folder():
    names = [state_name(page, params) for page, params in page_states(INSTRUMENTS)]
    assert len(set(names)) == len(names)
    assert state_name("map", {}) == "map"
    named = state_name("map", {"focus": "org-g7", "compare": "a,b"})
    assert named == "map__compare=a_b&focus=org-g7"


def test_todays_date_becomes_a_placeholder_in_every_language():
    day = date(2026, 12, 7)
    dates = today_dates([day])
    for locale in ("en_GB", "fr", "es"):
        text = f"Prepared on {format_date(day, format='long', locale=locale)} from sources"
        assert normalised(text, dates) == "Prepared on <today> from sources"
    assert normalised("Data as of 16 February 2023", dates) == "Data as of 16 February 2023"


def test_ids_are_dropped_and_a_components_code_hashed():
    proto = {
        "id": "$$ID-220155c04268a7b212485374f1305cf1-url-focus",
        "label": "Focus",
        "options": [{"deferredFileId": "2575d19c", "label": "PDF"}],
        "jsContent": "function draw() {}",
    }
    kept = pruned(proto)
    assert kept["label"] == "Focus" and kept["options"] == [{"label": "PDF"}]
    assert "id" not in kept and kept["jsContent"].startswith("sha256:")


def test_a_maps_geojson_becomes_its_hash_and_the_rest_stays():
    trace = {"type": "choropleth", "geojson": {"features": [1]}, "locations": ["NLD"]}
    figure = hashed_geojson({"data": [trace], "layout": {"title": "t"}})
    assert figure["data"][0]["geojson"].startswith("sha256:")
    assert figure["data"][0]["locations"] == ["NLD"] and figure["layout"] == {"title": "t"}
    other = hashed_geojson({"data": [{**trace, "geojson": {"features": [2]}}]})
    assert other["data"][0]["geojson"] != figure["data"][0]["geojson"]


def test_a_folder_holding_other_files_is_refused(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert main([str(tmp_path), "--repo", str(REPO)]) == 2
    assert "holds more than a snapshot" in capsys.readouterr().err
    assert (tmp_path / "notes.txt").exists()


def snapshot(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_equal_snapshots_compare_equal(tmp_path, capsys):
    files = {"packs/en/a.pdf.txt": "one\ntwo\n", "pages/en/map/elements.txt": "x\n"}
    before = snapshot(tmp_path / "before", files)
    after = snapshot(tmp_path / "after", files)
    assert compare([str(before), str(after)]) == 0
    assert "No differences: 2 files compared." in capsys.readouterr().out


def test_each_difference_is_listed_with_its_first_lines(tmp_path, capsys):
    before = snapshot(tmp_path / "before", {"a.txt": "same\nold\n", "gone.txt": ""})
    after = snapshot(tmp_path / "after", {"a.txt": "same\nnew\n", "added.txt": ""})
    assert compare([str(before), str(after)]) == 1
    out = capsys.readouterr().out
    assert f"only in {before}: gone.txt" in out and f"only in {after}: added.txt" in out
    assert "differs: a.txt" in out and "-old" in out and "+new" in out
    assert "3 files differ." in out


def test_a_long_diff_is_cut(tmp_path, capsys):
    before = snapshot(tmp_path / "before", {"a.txt": "".join(f"{i}\n" for i in range(50))})
    after = snapshot(tmp_path / "after", {"a.txt": "".join(f"{i}!\n" for i in range(50))})
    assert compare([str(before), str(after), "--lines", "5"]) == 1
    assert "more diff lines" in capsys.readouterr().out


def test_a_missing_snapshot_is_one_line(tmp_path, capsys):
    assert compare([str(tmp_path / "none"), str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a folder" in err
