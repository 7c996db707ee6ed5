"""Saving, versions, audit events, conflicts, users and hostile text through the service."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy import text as sql
from sqlalchemy.exc import SQLAlchemyError

from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.model import (
    PlanConflictError,
    PlanError,
    PlanRecord,
    PlanValidationError,
    normal_text,
)
from plan.replay import replay
from plan.schema import EventRow, RecordRow
from plan.service import PlanService

from hostile_text import HOSTILE

LIMITS = {"owner": 120, "next_step": 500, "notes": 5000}


def count(service: PlanService, table) -> int:
    with service.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def test_an_unsaved_state_is_not_started(service):
    assert service.record("FRA", CTA) == PlanRecord.blank("FRA", CTA)
    records = service.records(CTA)
    assert len(records) == 195 and records["KEN"] == PlanRecord.blank("KEN", CTA)


def test_a_save_bumps_the_version_and_writes_one_event_per_field(service):
    first = service.save(
        "FRA",
        CTA,
        {"status": "planned", "owner": "Paris desk", "due": "2027-01-31"},
        0,
        "ana@x.org",
    )
    assert (first.status, first.owner, first.due, first.version) == (
        "planned",
        "Paris desk",
        date(2027, 1, 31),
        1,
    )
    assert first.updated_by == "ana@x.org" and first.updated_at.tzinfo == UTC
    assert service.record("FRA", CTA) == first
    assert [(e.field, e.old, e.new) for e in service.events("FRA", CTA)] == [
        ("due", "", "2027-01-31"),
        ("owner", "", "Paris desk"),
        ("status", "not started", "planned"),
    ]
    second = service.save(
        "FRA", CTA, {"status": "approached", "channel": "démarche"}, 1, "bo@x.org"
    )
    assert second.version == 2 and second.updated_at > first.updated_at
    newest = service.events()[:2]
    assert {(e.field, e.old, e.new, e.who) for e in newest} == {
        ("status", "planned", "approached", "bo@x.org"),
        ("channel", "", "démarche", "bo@x.org"),
    }
    assert service.records(CTA)["FRA"] == second


def test_unchanged_fields_make_no_events(service):
    service.save("KEN", CTA, {"status": "planned", "owner": "Nairobi"}, 0, "ana@x.org")
    again = service.save("KEN", CTA, {"status": "planned", "owner": "Nairobi"}, 1, "bo@x.org")
    assert again.version == 1 and again.updated_by == "ana@x.org"
    changed = service.save("KEN", CTA, {"status": "planned", "owner": "AU desk"}, 1, "bo@x.org")
    assert changed.version == 2
    assert [(e.field, e.new) for e in service.events("KEN")] == [
        ("owner", "AU desk"),
        ("owner", "Nairobi"),
        ("status", "planned"),
    ]
    assert service.save("USA", CTA, {"status": "not started"}, 0, "ana@x.org").version == 0
    assert count(service, RecordRow) == 1


def test_a_stale_save_is_a_conflict_and_changes_nothing(service):
    saved = service.save("FRA", CTA, {"status": "planned"}, 0, "ana@x.org")
    with pytest.raises(PlanConflictError) as caught:
        service.save("FRA", CTA, {"status": "declined"}, 0, "bo@x.org")
    assert caught.value.current == saved
    assert "changed by ana@x.org at" in str(caught.value)
    with pytest.raises(PlanConflictError):
        service.save("FRA", CTA, {"status": "declined"}, 7, "bo@x.org")
    assert service.record("FRA", CTA) == saved and count(service, EventRow) == 1


def test_invalid_changes_write_nothing(service):
    with pytest.raises(PlanValidationError) as caught:
        service.save("FRA", CTA, {"status": "won", "notes": "x" * 5001}, 0, "ana@x.org")
    assert len(caught.value.problems) == 2
    for iso3, instrument, changes, who in [
        ("XXX", CTA, {"status": "planned"}, "ana@x.org"),
        ("FRA", "nope", {"status": "planned"}, "ana@x.org"),
        ("FRA", CTA, {"iso3": "KEN"}, "ana@x.org"),
        ("FRA", CTA, {"status": "planned"}, " "),
    ]:
        with pytest.raises(PlanValidationError):
            service.save(iso3, instrument, changes, 0, who)
    assert count(service, RecordRow) == count(service, EventRow) == 0


def test_events_filter_by_state_and_instrument(service):
    service.save("FRA", CTA, {"status": "planned"}, 0, "ana@x.org")
    service.save("FRA", "us-political-declaration", {"status": "approached"}, 0, "ana@x.org")
    service.save("KEN", CTA, {"status": "declined"}, 0, "ana@x.org")
    assert [e.iso3 for e in service.events(instrument=CTA)] == ["KEN", "FRA"]
    assert [e.instrument for e in service.events("FRA")] == ["us-political-declaration", CTA]
    assert [e.new for e in service.events("FRA", CTA)] == ["planned"]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_stored_and_read_back_as_normalised(service, text):
    """Verbatim, but for line breaks and control characters (plan.model.normal_text)."""
    changes = {field: text[:limit] for field, limit in LIMITS.items()}
    stored = {field: normal_text(value) for field, value in changes.items()}
    saved = service.save("NLD", CTA, changes, 0, text[:320])
    for fresh in (service.record("NLD", CTA), service.records(CTA)["NLD"]):
        assert {field: getattr(fresh, field) for field in LIMITS} == stored
        assert fresh == saved and fresh.updated_by == text[:320]
    assert {(e.field, e.new) for e in service.events("NLD")} >= set(stored.items())
    assert count(service, RecordRow) == 1


def test_the_stored_records_are_the_replay_of_their_events(service):
    service.save("FRA", CTA, {"status": "planned", "due": date(2027, 1, 1)}, 0, "ana@x.org")
    service.save("FRA", CTA, {"due": None, "last_contact": "2026-11-30"}, 1, "bo@x.org")
    replayed = replay(service.events())
    assert replayed == {("FRA", CTA): service.record("FRA", CTA)}
    assert replayed[("FRA", CTA)].version == 2


def test_replay_refuses_events_that_do_not_follow(service):
    service.save("FRA", CTA, {"status": "planned"}, 0, "ana@x.org")
    event = service.events()[0]
    with pytest.raises(PlanError, match="does not follow"):
        replay([event, replace(event, id=2, at=datetime(2030, 1, 1, tzinfo=UTC))])


def test_users_are_matched_in_any_letter_case(service):
    service.add_user("Ana@X.org", "editor")
    service.add_user("bo@x.org", "viewer")
    assert service.users() == [("ana@x.org", "editor"), ("bo@x.org", "viewer")]
    assert service.role_of("ANA@x.ORG") == "editor" and service.role_of("nobody@x.org") is None
    assert service.role_of("not an address") is None
    service.add_user("ana@x.org", "admin")
    assert service.role_of("ana@x.org") == "admin" and len(service.users()) == 2
    service.remove_user("BO@x.org")
    assert service.users() == [("ana@x.org", "admin")]
    with pytest.raises(PlanError, match=r"No user bo@x\.org"):
        service.remove_user("bo@x.org")
    with pytest.raises(PlanValidationError):
        service.add_user("cy@x.org", "owner")
    with pytest.raises(PlanValidationError):
        service.add_user("cy", "viewer")


def test_a_database_without_the_schema_is_refused(engine):
    with pytest.raises(PlanError, match="db upgrade"):
        PlanService(engine, {"FRA"}, {CTA})


def test_hostile_keys_are_only_ever_parameters(service):
    service.save("FRA", CTA, {"status": "planned"}, 0, "ana@x.org")
    service.add_user("ana@x.org", "admin")
    for text in HOSTILE[:4]:
        assert service.record(text, CTA) == PlanRecord.blank(text, CTA)
        assert service.events(text, text) == [] and service.role_of(text) is None
        assert text not in service.records(text)
        with pytest.raises(PlanValidationError):
            service.save(text, CTA, {"status": "planned"}, 0, "ana@x.org")
    assert count(service, RecordRow) == 1 and count(service, EventRow) == 1
    assert service.users() == [("ana@x.org", "admin")]


def test_the_last_admin_can_be_neither_removed_nor_demoted(service):
    service.add_user("chief@example.org", "admin")
    service.add_user("desk@example.org", "editor")
    with pytest.raises(PlanError, match="last admin"):
        service.remove_user("chief@example.org")
    with pytest.raises(PlanError, match="last admin"):
        service.add_user("CHIEF@example.org", "viewer")
    assert service.role_of("chief@example.org") == "admin"
    service.add_user("deputy@example.org", "admin")
    service.remove_user("chief@example.org")  # another admin remains
    assert dict(service.users()) == {"deputy@example.org": "admin", "desk@example.org": "editor"}


def test_a_database_error_never_quotes_the_values_it_was_given(engine):
    """A failed statement's message (shown in the error box, written to logs) names no note."""
    with pytest.raises(SQLAlchemyError) as failed, engine.connect() as connection:
        connection.execute(sql("SELECT no_such_column WHERE :note = :note"), {"note": "secret"})
    assert "secret" not in str(failed.value)
