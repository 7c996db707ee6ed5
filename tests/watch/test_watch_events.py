"""Events between two snapshots: corrections, the source changing alone, a refresh failing."""

from dataclasses import replace
from datetime import date

from instruments.model import CALL_TO_ACTION
from store import paths
from watch.events import events_between
from watch.snapshot import read_snapshot

from watch_data import published, set_meta


def snapshot(tmp_path, **meta):
    data = published(tmp_path / "data")
    if meta:
        set_meta(data, **meta)
    return read_snapshot(data, paths.instruments_dir())


def test_the_same_data_gives_no_event(tmp_path):
    now = snapshot(tmp_path)
    assert events_between(now, now, tmp_path / "rejected") == []


def test_a_new_correction_is_one_event_with_its_reason(tmp_path):
    now = snapshot(tmp_path)
    key, row = sorted(now.corrections.items())[0]
    before = replace(now, corrections={k: v for k, v in now.corrections.items() if k != key})
    [event] = events_between(before, now, tmp_path / "rejected")
    assert (event.kind, event.iso3, event.detail["reason"]) == (
        "correction",
        row["iso3"],
        row["reason"],
    )


def test_a_new_document_with_the_same_list_is_a_source_change(tmp_path):
    before = snapshot(tmp_path)
    now = replace(before, document_sha256="cd" * 32)
    [event] = events_between(before, now, tmp_path / "rejected")
    assert (event.kind, event.instrument, event.detail["document_sha256"]) == (
        "source-changed",
        CALL_TO_ACTION,
        "cd" * 32,
    )


def test_a_new_document_with_a_new_list_is_no_source_change(tmp_path):
    before = snapshot(tmp_path)
    moved = {**before.supporters, CALL_TO_ACTION: [*before.supporters[CALL_TO_ACTION], "KEN"]}
    now = replace(before, document_sha256="cd" * 32, supporters=moved)
    assert [e.kind for e in events_between(before, now, tmp_path / "rejected")] == ["added"]


def test_a_refresh_failing_for_more_than_n_days_is_one_event_with_the_etl_reason(tmp_path):
    now = snapshot(tmp_path, retrieved_at="2026-11-20T06:00:00Z")
    rejected = tmp_path / "rejected"
    for stamp, reason in (
        ("20261119T060000", "old"),
        ("20261125T060000", "a"),
        ("20261201T060000", "b"),
    ):
        (rejected / f"{stamp}_deadbeef").mkdir(parents=True)
        (rejected / f"{stamp}_deadbeef" / "reason.txt").write_text(f"Layout changed: {reason}\n")
    assert events_between(now, now, rejected, days=7, today=date(2026, 11, 27)) == []
    [event] = events_between(now, now, rejected, days=7, today=date(2026, 12, 7))
    assert event.id == "refresh-failing:2026-11-20T06:00:00Z"
    assert event.detail == {
        "last_success": "2026-11-20",
        "days": "17",
        "refused": "2",
        "last_reason": "Layout changed: b",
    }
