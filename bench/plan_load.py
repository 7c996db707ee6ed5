"""The outreach plan seeded with 195 records and 10,000 events, and saved by 10 editors at once."""

import importlib.util
import os
import random
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

from plan.database import engine_for, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import CHANNELS, DEFAULT_INSTRUMENT, FIELDS, STATUSES, PlanConflictError
from plan.replay import replay
from plan.service import PlanService
from ui import cache

REPO = Path(__file__).resolve().parent.parent
EVENTS = 10_000
EDITORS = 10
SAVES_EACH = 50
SHARED_STATES = 20  # every editor saves among the same 20 states, so saves collide
RETRIES = 50  # reload and save again after a conflict, at most this many times per save
WHO = [f"editor{n}@example.org" for n in range(EDITORS)]


def _service(url: str) -> PlanService:
    engine = engine_for(url)
    upgrade(engine)
    return PlanService(engine, known_iso3(), known_instruments())


def _changed(field: str, current: object, number: int, rng: random.Random) -> object:
    """A value of ``field`` other than ``current``: one event per field saved."""
    if field == "status":
        return rng.choice([s for s in STATUSES if s != current])
    if field == "channel":
        return rng.choice([c for c in CHANNELS if c != current])
    if field in ("last_contact", "due"):
        return date(2024, 1, 1) + timedelta(days=number)  # one day per save: never the same
    return f"{field} {number}"


def seed(service: PlanService) -> None:
    """Every state's record, then edits by turns, through ``save`` until EVENTS events exist."""
    rng, states = random.Random(0), sorted(service.known_iso3)
    events = number = 0
    while events < EVENTS:
        iso3 = states[number % len(states)]
        current = service.record(iso3, DEFAULT_INSTRUMENT)
        fields = rng.sample(FIELDS, min(rng.randint(1, 3), EVENTS - events))
        changes = {f: _changed(f, getattr(current, f), number, rng) for f in fields}
        service.save(iso3, DEFAULT_INSTRUMENT, changes, current.version, WHO[number % EDITORS])
        events, number = events + len(changes), number + 1


def counts(service: PlanService) -> dict:
    """Records and events held; raises SystemExit unless the records are their events' replay."""
    held = service.records(DEFAULT_INSTRUMENT).values()
    records = {(r.iso3, r.instrument): r for r in held if r.version}
    events = service.events()
    if replay(events) != records:
        raise SystemExit("the plan's records are not the replay of its events")
    return {"records": len(records), "events": len(events)}


@contextmanager
def seeded_plan() -> Iterator[PlanService]:
    """A temporary SQLite plan, seeded and checked, that the pages open (REAIM_DATABASE_URL)."""
    before = os.environ.get("REAIM_DATABASE_URL")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'plan.sqlite'}"
        service = _service(url)
        seed(service)
        os.environ["REAIM_DATABASE_URL"] = url
        cache.plan_service.clear()
        try:
            yield service
        finally:
            if before is None:
                os.environ.pop("REAIM_DATABASE_URL", None)
            else:
                os.environ["REAIM_DATABASE_URL"] = before
            cache.plan_service.clear()
            service.engine.dispose()


def _editor(service: PlanService, number: int, start: threading.Barrier) -> tuple[list, int]:
    """SAVES_EACH saves, each loading a shared state and saving after every conflict."""
    rng, states = random.Random(number), sorted(service.known_iso3)[:SHARED_STATES]
    times, conflicts = [], 0
    start.wait()
    for save in range(SAVES_EACH):
        iso3 = rng.choice(states)
        loaded = service.record(iso3, DEFAULT_INSTRUMENT)
        changes = {"notes": f"{WHO[number]}, save {save}", "owner": f"desk {number}"}
        for _ in range(RETRIES):
            began = time.perf_counter()
            try:
                service.save(iso3, DEFAULT_INSTRUMENT, changes, loaded.version, WHO[number])
            except PlanConflictError as conflict:
                times.append(time.perf_counter() - began)
                conflicts, loaded = conflicts + 1, conflict.current
                continue
            times.append(time.perf_counter() - began)
            break
        else:
            raise SystemExit(f"{WHO[number]} gave up on {iso3} after {RETRIES} conflicts")
    return times, conflicts


def saves(service: PlanService, backend: str) -> dict:
    """Latency of every save call by EDITORS threads sharing one service, as a server's sessions."""
    start = threading.Barrier(EDITORS)
    with ThreadPoolExecutor(EDITORS) as pool:
        done = [pool.submit(_editor, service, n, start) for n in range(EDITORS)]
        outcomes = [future.result() for future in done]
    times = [t for editor_times, _ in outcomes for t in editor_times]
    held = counts(service)
    return {
        f"plan_save_{backend}_median_s": statistics.median(times),
        f"plan_save_{backend}_p95_s": statistics.quantiles(times, n=20)[18],
        f"plan_save_conflicts_{backend}": sum(conflicts for _, conflicts in outcomes),
        f"plan_save_calls_{backend}": len(times),
        f"plan_events_after_saves_{backend}": held["events"],
    }


def postgres_url() -> str:
    """An empty database in the tests' throwaway PostgreSQL cluster (tests/postgres.py)."""
    spec = importlib.util.spec_from_file_location("postgres", REPO / "tests" / "postgres.py")
    postgres = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(postgres)
    cluster = postgres.session_cluster()  # stopped and removed when the process exits
    if isinstance(cluster, str):
        raise SystemExit(cluster)
    return cluster.create_database()


def save_latencies(seeded: PlanService) -> dict:
    """The seeded plan's figures and 10 editors' saves on it, on SQLite and on a PostgreSQL copy."""
    held = counts(seeded)
    results = {"plan_records": held["records"], "plan_events": held["events"]}
    plan = seeded.export()
    results.update(saves(seeded, "sqlite"))
    copy = _service(postgres_url())
    try:
        if not copy.import_(plan, dry_run=False).written:
            raise SystemExit("the seeded plan did not import into PostgreSQL")
        if counts(copy) != held:
            raise SystemExit("the PostgreSQL copy of the seeded plan differs")
        results.update(saves(copy, "postgresql"))
    finally:
        copy.engine.dispose()
    return results
