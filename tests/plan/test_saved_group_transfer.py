"""Saved groups travel with the plan: export, import (format version 2), older exports, the
schema migration that adds them, and the command line."""

import copy
import json
from datetime import UTC, datetime

import pytest
from sqlalchemy import insert, inspect

from plan.__main__ import main
from plan.database import engine_for, schema_state, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.schema import EventRow, RecordRow, UserRow
from plan.service import PlanService
from plan.transfer import groups_from_data

AT = datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC)
ROW = {"iso3": "KEN", "instrument": CTA, "status": "planned", "owner": "", "last_contact": None}
ROW |= {"channel": "", "next_step": "", "due": None, "notes": "sensitive", "version": 1}
ROW |= {"updated_by": "ana@x.org", "updated_at": AT}
EVENTS = [
    {"iso3": "KEN", "instrument": CTA, "at": AT, "who": "ana@x.org", "field": field, "old": old}
    | {"new": new}
    for field, old, new in [("status", "not started", "planned"), ("notes", "", "sensitive")]
]


def fill(service: PlanService) -> None:
    """A plan with saved groups: one renamed, one deleted, one as saved."""
    service.save("FRA", CTA, {"status": "planned"}, 0, "a@x.o")
    service.add_user("a@x.o", "admin")
    nairobi = service.save_group("Nairobi consultation", ["KEN", "NGA", "GHA"], "a@x.o")
    service.rename_group(nairobi.id, "Nairobi consultation, March 2027", 1, "b@x.o")
    gone = service.save_group("Side event", ["FRA", "NLD"], "b@x.o")
    service.delete_group(gone.id, 1, "a@x.o")
    service.save_group("Capitals", ["NLD", "KEN"], "a@x.o")


@pytest.fixture
def second(tmp_path):
    """A service on a second, empty SQLite database."""
    engine = engine_for(f"sqlite:///{tmp_path / 'second.sqlite'}")
    upgrade(engine)
    yield PlanService(engine, known_iso3(), known_instruments())
    engine.dispose()


def test_saved_groups_and_their_events_round_trip(service, second):
    fill(service)
    data = json.loads(json.dumps(service.export()))
    assert data["format_version"] == 2
    assert [len(data[key]) for key in ("groups", "group_events")] == [3, 9]
    assert [g["name"] for g in data["groups"]] == [
        "Nairobi consultation, March 2027",
        "",  # deleted: its row stays, with its events
        "Capitals",
    ]
    dry = second.import_(data, dry_run=True)
    assert dry.ok and not dry.written
    assert dry.changes == [
        "add 1 record, 1 event and 1 user",
        "add 3 saved groups and 9 group events",
    ]
    assert second.groups() == []
    assert second.import_(data, dry_run=False).written
    assert second.export() == data
    assert second.groups() == service.groups()
    assert second.group_events() == service.group_events()
    newer = second.save_group("After the restore", ["SEN"], "c@x.o")  # ids carry on
    assert newer.id == 4 and [e.id for e in second.group_events(4)] == [11, 10]


def test_an_import_into_the_test_backend_carries_on_from_the_largest_ids(service, second):
    fill(second)
    data = second.export()
    assert service.import_(data, dry_run=False).written
    assert service.export() == data
    newer = service.save_group("After the restore", ["SEN"], "c@x.o")
    assert newer.id == 4 and [e.id for e in service.group_events(4)] == [11, 10]
    service.rename_group(1, "Renamed after", 2, "c@x.o")
    assert [g.name for g in service.groups()] == ["After the restore", "Capitals", "Renamed after"]


def test_an_export_of_version_1_still_imports(service, second):
    service.save("FRA", CTA, {"status": "planned"}, 0, "a@x.o")
    data = service.export()
    older = {key: value for key, value in data.items() if not key.startswith("group")}
    older["format_version"] = 1
    report = second.import_(older, dry_run=False)
    assert report.ok and report.written and report.changes == ["add 1 record, 1 event and 0 users"]
    assert second.export() == data and second.groups() == []


def test_a_database_holding_only_saved_groups_is_not_empty(service, second):
    fill(service)
    second.save_group("Ours", ["KEN"], "z@x.o")
    report = second.import_(service.export(), dry_run=False)
    assert not report.ok and "already holds a different plan" in report.errors[0]
    assert "1 group" in report.errors[0] and [g.name for g in second.groups()] == ["Ours"]


def broken(data: dict, how: str) -> dict:
    data = copy.deepcopy(data)
    named = data["groups"][0]
    if how == "group differs from its events":
        named["codes"] = ["KEN"]
    elif how == "event missing":
        del data["group_events"][2]
    elif how == "unknown code":
        named["codes"] = [*named["codes"], "XKX"]
    elif how == "two groups of one name":
        data["groups"][2]["name"] = named["name"].upper()
    elif how == "deleted group with members":
        data["groups"][1]["codes"] = ["FRA"]
    elif how == "unknown field":
        data["group_events"][0]["field"] = "colour"
    elif how == "groups missing":
        del data["groups"]
    elif how == "naive time":
        named["created_at"] = "2026-12-07T10:00:00"
    elif how == "newer format":
        data["format_version"] = 3
    return data


HOW = [
    "group differs from its events",
    "event missing",
    "unknown code",
    "two groups of one name",
    "deleted group with members",
    "unknown field",
    "groups missing",
    "naive time",
    "newer format",
]


@pytest.mark.parametrize("how", HOW)
def test_bad_saved_groups_are_refused_and_nothing_is_written(service, second, how):
    fill(service)
    report = second.import_(broken(service.export(), how), dry_run=False)
    assert not report.ok and not report.written and report.errors
    assert len(report.errors) == len(set(report.errors))  # a bad header is said once
    held = second.export()
    assert [held[key] for key in ("records", "events", "groups", "group_events")] == [[]] * 4


def test_an_export_checks_its_groups(service):
    fill(service)
    groups, events = groups_from_data(service.export(), service.known_iso3)
    assert len(groups) == 3 and len(events) == 9 and groups[1].deleted


def test_a_0002_database_with_a_plan_upgrades_to_saved_groups_without_loss(engine):
    upgrade(engine, "0002")
    with engine.begin() as connection:
        connection.execute(insert(RecordRow), [ROW])
        connection.execute(insert(EventRow), EVENTS)
        connection.execute(insert(UserRow), [{"email": "ana@x.org", "role": "admin"}])
    assert schema_state(engine) == "behind"
    assert "plan_groups" not in inspect(engine).get_table_names()
    upgrade(engine)
    assert schema_state(engine) == "current"
    assert {"plan_groups", "plan_group_events"} <= set(inspect(engine).get_table_names())
    service = PlanService(engine, known_iso3(), known_instruments())
    assert service.record("KEN", CTA).notes == "sensitive" and len(service.events()) == 2
    assert service.groups() == [] and service.users() == [("ana@x.org", "admin")]
    assert service.save_group("First", ["KEN"], "ana@x.org").id == 1


def test_the_command_line_exports_and_imports_saved_groups(service, database_url, tmp_path):
    fill(service)
    out = tmp_path / "plan.json"
    assert main(["--database-url", database_url, "export", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == service.export()
    empty = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert main(["--database-url", empty, "db", "upgrade"]) == 0
    assert main(["--database-url", empty, "import", str(out)]) == 0
    restored = engine_for(empty)
    try:
        groups = PlanService(restored, known_iso3(), known_instruments()).groups()
    finally:
        restored.dispose()
    assert [(g.name, g.codes) for g in groups] == [
        ("Capitals", ("KEN", "NLD")),
        ("Nairobi consultation, March 2027", ("GHA", "KEN", "NGA")),
    ]
