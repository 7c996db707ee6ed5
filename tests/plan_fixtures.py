"""Fixtures of the plan tests (a pytest plugin): an empty database on each backend, a service,
and an empty SQLite plan under the app's cached service (for AppTest pages)."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from plan.access import Visit
from plan.database import engine_for, upgrade
from plan.known import known_instruments, known_iso3
from plan.service import PlanService
from ui import cache

# Every plan test runs on SQLite and on a throwaway PostgreSQL cluster (tests/postgres.py).
BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The database a plan test runs on (its tier is postgres for PostgreSQL: tests/conftest.py)."""
    return request.param


def empty_database(backend: str, sqlite_file: Path) -> str:
    """The URL of a new empty database: ``sqlite_file``, or a new database in the cluster."""
    if backend == "postgresql":
        from postgres import postgres_url

        return postgres_url()
    return f"sqlite:///{sqlite_file}"


@pytest.fixture
def database_url(backend: str, tmp_path: Path) -> str:
    """The URL of an empty database, without the plan schema."""
    return empty_database(backend, tmp_path / "plan.sqlite")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """An engine on the empty database, disposed of after the test."""
    engine = engine_for(database_url)
    yield engine
    engine.dispose()


@pytest.fixture
def service(engine: Engine) -> PlanService:
    """A plan service on the database upgraded to the current schema."""
    upgrade(engine)
    return PlanService(engine, known_iso3(), known_instruments())


@pytest.fixture
def new_service(backend: str, tmp_path: Path) -> Iterator[Callable[[], PlanService]]:
    """``new_service()``: a plan service on a new empty database at the current schema, each call.

    For a Hypothesis test, whose examples share the test's fixtures: each example calls it and
    starts from an empty plan, so that an example (and a failure Hypothesis replays or shrinks)
    does not depend on the rows the examples before it left. The engine of the example before is
    disposed of, so a run holds one connection pool at a time.
    """
    engines: list[Engine] = []

    def make() -> PlanService:
        if engines:
            engines[-1].dispose()
        engine = engine_for(empty_database(backend, tmp_path / f"plan-{len(engines)}.sqlite"))
        engines.append(engine)
        upgrade(engine)
        return PlanService(engine, known_iso3(), known_instruments())

    yield make
    if engines:
        engines[-1].dispose()


@pytest.fixture
def plan_db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """An empty plan database for this test; the app's cached service is rebuilt on it.

    AppTest has no browser, so no Host header: the session is made one opened at
    http://localhost:8501, as a browser on the laptop would.
    """
    monkeypatch.setenv("REAIM_DATABASE_URL", f"sqlite:///{tmp_path / 'plan.sqlite'}")
    monkeypatch.setattr(
        "ui.widgets.plan_session.browser_visit",
        lambda: Visit("localhost:8501", "http://localhost:8501", 8501),
    )
    cache.plan_service.clear()
    yield
    cache.plan_service.clear()
