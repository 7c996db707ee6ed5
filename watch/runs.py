"""A watch run in the plan database: read the last successful run's snapshot, store the new
events and this run's snapshot in one write transaction, one run at a time."""

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, select, text

from plan.database import WRITE
from plan.schema import WatchEventRow, WatchRunRow
from watch.events import Event
from watch.snapshot import Snapshot

OK, FAILED = "ok", "failed"
LOCK_KEY = 2026_026  # PostgreSQL advisory lock of the watch (SQLite: BEGIN IMMEDIATE)


@dataclass(frozen=True)
class RunResult:
    """What one run stored: its id, and the events that were new."""

    run_id: int
    events: list[Event]


def exclusive(connection: Connection) -> None:
    """Hold the watch's lock until the transaction ends (PostgreSQL; SQLite's write lock is)."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})


def last_snapshot(connection: Connection) -> Snapshot | None:
    """The snapshot of the last successful run, if any."""
    stored = connection.execute(
        select(WatchRunRow.snapshot)
        .where(WatchRunRow.outcome == OK)
        .order_by(WatchRunRow.id.desc())
        .limit(1)
    ).scalar()
    return Snapshot.from_json(stored) if stored else None


def record_run(
    engine: Engine,
    now: Snapshot,
    find: Callable[[Snapshot | None], list[Event]],
    started: datetime,
) -> RunResult:
    """Store a successful run with the events ``find(last snapshot)`` gives that no run stored
    before; the transaction holds the watch's lock, so runs at once see each other's results."""
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        exclusive(connection)
        found = find(last_snapshot(connection))
        known = set(
            connection.execute(
                select(WatchEventRow.id).where(WatchEventRow.id.in_([e.id for e in found]))
            ).scalars()
        )
        new = [event for event in found if event.id not in known]
        finished = datetime.now(UTC)
        message = f"{len(new)} new event{'s' * (len(new) != 1)}"
        run_id = _insert_run(connection, started, finished, OK, message, now.to_json())
        for event in new:
            connection.execute(
                WatchEventRow.__table__.insert().values(
                    id=event.id,
                    run_id=run_id,
                    detected_at=finished,
                    kind=event.kind,
                    instrument=event.instrument,
                    iso3=event.iso3,
                    as_of=event.as_of,
                    detail=json.dumps(event.detail, sort_keys=True, ensure_ascii=False),
                )
            )
    return RunResult(run_id, new)


def _insert_run(
    connection: Connection,
    started: datetime,
    finished: datetime,
    outcome: str,
    message: str,
    snapshot: str,
) -> int:
    values = {"started_at": started, "finished_at": finished, "outcome": outcome}
    insert = WatchRunRow.__table__.insert().values(**values, message=message, snapshot=snapshot)
    return connection.execute(insert.returning(WatchRunRow.id)).scalar_one()


def record_failure(engine: Engine, started: datetime, message: str) -> int:
    """Store a failed run with its message (its snapshot is empty: the next run compares with
    the last successful one)."""
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        return _insert_run(connection, started, datetime.now(UTC), FAILED, message, "")


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored, with when it was found."""

    event: Event
    detected_at: datetime
    run_id: int


@dataclass(frozen=True)
class RunRecord:
    """One run as stored."""

    id: int
    started_at: datetime
    finished_at: datetime
    outcome: str
    message: str


def stored_events(
    source: Engine | Connection, limit: int | None = None, ids: list[str] | None = None
) -> list[StoredEvent]:
    """The events stored (those of ``ids`` only, if given), newest first (at most ``limit``)."""
    query = select(WatchEventRow).order_by(WatchEventRow.detected_at.desc(), WatchEventRow.id)
    if ids is not None:
        query = query.where(WatchEventRow.id.in_(ids))
    if limit:
        query = query.limit(limit)
    if isinstance(source, Engine):
        with source.connect() as connection:
            rows = connection.execute(query).all()
    else:
        rows = source.execute(query).all()
    return [
        StoredEvent(
            Event(r.id, r.kind, r.instrument, r.iso3, r.as_of, json.loads(r.detail)),
            r.detected_at,
            r.run_id,
        )
        for r in rows
    ]


def runs(engine: Engine, limit: int = 10) -> list[RunRecord]:
    """The last runs, newest first."""
    query = select(WatchRunRow).order_by(WatchRunRow.id.desc()).limit(limit)
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [RunRecord(r.id, r.started_at, r.finished_at, r.outcome, r.message) for r in rows]
