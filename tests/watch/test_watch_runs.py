"""The watch's runs on SQLite and PostgreSQL: exactly the changes of a refresh, once."""

import threading
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from instruments.model import CALL_TO_ACTION
from plan.database import upgrade
from plan.schema import WatchEventRow
from store import paths
from watch.__main__ import main
from watch.events import events_between
from watch.runs import record_run, stored_events
from watch.snapshot import read_snapshot

from watch_data import published, refresh


@pytest.fixture
def data(tmp_path):
    return published(tmp_path / "data")


def watch(database_url, data, tmp_path, *args):
    return main(
        [
            "--database-url",
            database_url,
            *args,
            "--data-dir",
            str(data),
            "--work-dir",
            str(tmp_path / "work"),
            "--feeds-dir",
            str(tmp_path / "feeds"),
        ]
    )


def test_a_refresh_gives_exactly_its_events_then_nothing(database_url, data, tmp_path, capsys):
    assert watch(database_url, data, tmp_path, "run") == 0
    assert "0 new event(s)" in capsys.readouterr().out  # the first run sets the baseline
    refresh(data, removed=["FRA"], added=["KEN", "NGA", "GHA"], as_of="2026-12-01")
    assert watch(database_url, data, tmp_path, "run") == 0
    out = capsys.readouterr().out
    assert "4 new event(s)" not in out and "5 new event(s)" in out
    assert watch(database_url, data, tmp_path, "run") == 0
    assert "0 new event(s)" in capsys.readouterr().out
    from plan.database import engine_for

    engine = engine_for(database_url)
    events = {(e.event.kind, e.event.iso3) for e in stored_events(engine)}
    engine.dispose()
    assert events == {
        ("removed", "FRA"),
        ("added", "KEN"),
        ("added", "NGA"),
        ("added", "GHA"),
        ("as-of", ""),
    }


def test_runs_at_once_store_each_event_once(engine, data, tmp_path):
    upgrade(engine)
    before = read_snapshot(data, paths.instruments_dir())
    record_run(engine, before, lambda last: [], datetime.now(UTC))
    refresh(data, removed=["FRA"], added=["KEN", "NGA", "GHA"], as_of="2026-12-01")
    now = read_snapshot(data, paths.instruments_dir())
    results, errors = [], []

    def one() -> None:
        try:
            find = lambda last: events_between(last, now, tmp_path / "rejected")  # noqa: E731
            results.append(record_run(engine, now, find, datetime.now(UTC)))
        except Exception as error:
            errors.append(error)

    threads = [threading.Thread(target=one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(len(r.events) for r in results) == [0, 0, 0, 5]
    with engine.connect() as connection:
        assert connection.execute(select(func.count()).select_from(WatchEventRow)).scalar() == 5


def test_unreadable_data_fails_the_run_and_status_says_so(database_url, data, tmp_path, capsys):
    (data / "positions.csv").unlink()
    assert watch(database_url, data, tmp_path, "run") == 1
    assert "Cannot read the published data" in capsys.readouterr().err
    assert main(["--database-url", database_url, "status"]) == 0
    assert "The last run failed: Cannot read the published data" in capsys.readouterr().out


def test_the_failed_run_does_not_move_the_baseline(database_url, data, tmp_path, capsys):
    assert watch(database_url, data, tmp_path, "run") == 0
    refresh(data, removed=[], added=["KEN"], as_of="2026-12-01")
    (data / "positions.csv").rename(tmp_path / "aside.csv")
    assert watch(database_url, data, tmp_path, "run") == 1
    (tmp_path / "aside.csv").rename(data / "positions.csv")
    capsys.readouterr()
    assert watch(database_url, data, tmp_path, "run") == 0
    out = capsys.readouterr().out
    assert f"added: {CALL_TO_ACTION} KEN" in out


def test_status_before_any_run_names_the_command(database_url, capsys):
    assert main(["--database-url", database_url, "status"]) == 1
    assert "python -m watch run" in capsys.readouterr().err
