"""The schema: migrations build the models, upgrade keeps data, a newer database is refused."""

from datetime import UTC, date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import insert, inspect, select, text
from sqlalchemy.exc import IntegrityError

from plan import database
from plan.database import database_url, engine_for, schema_state, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.model import PlanError, PlanRecord
from plan.replay import replay
from plan.schema import Base, EventRow, RecordRow, UserRow
from plan.service import PlanService

AT = datetime(2026, 3, 4, 5, 6, 7, 890123, tzinfo=UTC)
ROW = {
    "iso3": "KEN",
    "instrument": CTA,
    "status": "approached",
    "owner": "Nairobi embassy",
    "last_contact": date(2026, 3, 1),
    "channel": "bilateral meeting",
    "next_step": "follow up",
    "due": date(2026, 4, 1),
    "notes": "sensitive",
    "version": 1,
    "updated_by": "ana@x.org",
    "updated_at": AT,
}
EVENTS = [
    {"iso3": "KEN", "instrument": CTA, "at": AT, "who": "ana@x.org", "field": field, "old": old}
    | {"new": new}
    for field, old, new in [
        ("status", "not started", "approached"),
        ("owner", "", "Nairobi embassy"),
        ("last_contact", "", "2026-03-01"),
        ("channel", "", "bilateral meeting"),
        ("next_step", "", "follow up"),
        ("due", "", "2026-04-01"),
        ("notes", "", "sensitive"),
    ]
]


def test_an_empty_database_upgrades_to_current(engine):
    assert schema_state(engine) == "empty"
    upgrade(engine)
    assert schema_state(engine) == "current"
    assert {"plan_records", "plan_events", "plan_users"} <= set(inspect(engine).get_table_names())
    upgrade(engine)  # again: nothing to do
    assert schema_state(engine) == "current"


def test_the_migrations_build_exactly_the_models(engine):
    upgrade(engine)
    with engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []


def test_a_0001_database_with_data_upgrades_without_loss(engine):
    upgrade(engine, "0001")
    assert schema_state(engine) == "behind"
    with engine.begin() as connection:
        connection.execute(insert(RecordRow), [ROW])
        connection.execute(insert(EventRow), EVENTS)
        connection.execute(insert(UserRow), [{"email": "ana@x.org", "role": "admin"}])
    with pytest.raises(PlanError, match="db upgrade"):
        PlanService(engine, known_iso3(), known_instruments())
    indexes = {index["name"] for index in inspect(engine).get_indexes("plan_events")}
    assert "ix_plan_events_record_at" not in indexes
    upgrade(engine)
    assert schema_state(engine) == "current"
    indexes = {index["name"] for index in inspect(engine).get_indexes("plan_events")}
    assert "ix_plan_events_record_at" in indexes
    service = PlanService(engine, known_iso3(), known_instruments())
    kept = service.record("KEN", CTA)
    assert kept == PlanRecord(**ROW)
    assert replay(service.events()) == {("KEN", CTA): kept}
    assert service.users() == [("ana@x.org", "admin")]


def stamp_newer(engine) -> None:
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": "9999"})


def test_a_database_at_an_unknown_revision_is_newer_and_refused(engine):
    stamp_newer(engine)
    assert schema_state(engine) == "newer"
    with pytest.raises(PlanError, match="newer than this version") as caught:
        upgrade(engine)
    assert "9999" in str(caught.value) and "\n" not in str(caught.value)
    with pytest.raises(PlanError, match="newer"):
        PlanService(engine, known_iso3(), known_instruments())
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).all() == [
            ("9999",)
        ]
        assert connection.execute(select(RecordRow.iso3)).all() == []


def test_the_default_database_is_in_the_ignored_state_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("REAIM_DATABASE_URL", raising=False)
    monkeypatch.setattr(database, "REPO_ROOT", tmp_path)
    assert database_url() == f"sqlite:///{tmp_path / 'state' / 'plan.sqlite'}"
    assert (tmp_path / "state").is_dir()
    monkeypatch.setenv("REAIM_DATABASE_URL", "postgresql+psycopg://team@db/plan")
    assert database_url() == "postgresql+psycopg://team@db/plan"


def test_state_is_git_ignored():
    repo = database.MIGRATIONS.parent.parent
    assert "state/" in (repo / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_sqlite_engines_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    engine = engine_for(f"sqlite:///{tmp_path / 'p.sqlite'}")
    with engine.connect() as connection:
        pragma = {
            name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "foreign_keys", "busy_timeout")
        }
    engine.dispose()
    assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 10_000}


def test_events_must_belong_to_a_record(service):
    with pytest.raises(IntegrityError), service.engine.begin() as connection:
        connection.execute(insert(EventRow), EVENTS[:1])
