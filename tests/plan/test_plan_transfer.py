"""Export and import of the whole plan (JSON) and of one instrument's records (CSV)."""

import copy
import csv
import io
import json
from dataclasses import replace

import pytest
from sqlalchemy import update

from plan.database import engine_for, upgrade
from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.model import PlanConflictError, normal_text
from plan.records_csv import parse
from plan.replay import replay
from plan.schema import RecordRow
from plan.service import PlanService
from plan.transfer import from_data

from hostile_text import HOSTILE

COMMENT = "#,INTERNAL,outreach plan — contains sensitive notes"
HEADER = "iso3,status,owner,last_contact,channel,next_step,due,notes,version"


def fill(service: PlanService) -> None:
    """A small plan: two states, two instruments, three users, hostile notes."""
    service.save(
        "FRA", CTA, {"status": "planned", "owner": "Paris", "due": "2027-01-31"}, 0, "a@x.o"
    )
    service.save("FRA", CTA, {"status": "approached", "notes": HOSTILE[0]}, 1, "b@x.o")
    service.save("KEN", "us-political-declaration", {"notes": HOSTILE[6]}, 0, "a@x.o")
    for email, role in [("a@x.o", "admin"), ("b@x.o", "editor"), ("c@x.o", "viewer")]:
        service.add_user(email, role)


@pytest.fixture
def second(tmp_path) -> PlanService:
    """A service on a second, empty SQLite database."""
    engine = engine_for(f"sqlite:///{tmp_path / 'second.sqlite'}")
    upgrade(engine)
    yield PlanService(engine, {"FRA", "KEN", "NLD"}, {CTA, "us-political-declaration"})
    engine.dispose()


def test_export_then_import_into_an_empty_database_round_trips_exactly(service, second):
    fill(service)
    data = json.loads(json.dumps(service.export()))
    assert [len(data[key]) for key in ("records", "events", "users")] == [2, 6, 3]
    dry = second.import_(data, dry_run=True)
    assert dry.ok and not dry.written and dry.changes == ["add 2 records, 6 events and 3 users"]
    assert second.export()["records"] == []
    report = second.import_(data, dry_run=False)
    assert report.ok and report.written
    assert second.export() == data
    assert second.record("FRA", CTA) == service.record("FRA", CTA)
    after = second.save("FRA", CTA, {"status": "declined"}, 2, "c@x.o")  # ids carry on
    assert second.events()[0].id == max(e["id"] for e in data["events"]) + 1
    assert after.version == 3


def test_import_into_the_test_backend_round_trips(service, second):
    fill(second)
    data = second.export()
    assert service.import_(data, dry_run=False).written
    assert service.export() == data
    service.save("NLD", CTA, {"status": "planned"}, 0, "a@x.o")
    assert service.events()[0].id == len(data["events"]) + 1


def test_a_database_holding_another_plan_is_refused(service, second):
    fill(service)
    data = service.export()
    second.add_user("z@x.o", "viewer")
    report = second.import_(data, dry_run=False)
    assert not report.ok and not report.written
    assert "already holds a different plan" in report.errors[0]
    assert second.users() == [("z@x.o", "viewer")] and second.export()["records"] == []


def test_importing_the_same_plan_again_changes_nothing(service):
    fill(service)
    data = service.export()
    report = service.import_(data, dry_run=False)
    assert report.ok and report.changes == [] and not report.written
    assert service.export() == data


def test_an_older_export_with_control_characters_imports_normalised(service, second):
    """Records and their events normalised alike, so the records still are their events' replay."""
    service.save("FRA", CTA, {"notes": "first"}, 0, "a@x.o")
    service.save("FRA", CTA, {"notes": "second", "owner": "desk"}, 1, "a@x.o")
    older = json.dumps(service.export()).replace("first", "one\\u000btwo\\u0001")
    data = json.loads(older.replace("second", "three\\rfour").replace("desk", "the\\r\\ndesk"))
    assert data["records"][0]["notes"] == "three\rfour"
    report = second.import_(data, dry_run=False)
    assert report.ok and report.written, report.errors
    record = second.record("FRA", CTA)
    assert (record.notes, record.owner) == ("three\nfour", "the\ndesk")
    assert {(e.field, e.old, e.new) for e in second.events()} == {
        ("notes", "", "one\ntwo"),
        ("notes", "one\ntwo", "three\nfour"),
        ("owner", "", "the\ndesk"),
    }
    assert replay(second.events()) == {("FRA", CTA): record}


def broken(data: dict, how: str) -> dict:
    data = copy.deepcopy(data)
    if how == "record differs from events":
        data["records"][0]["status"] = "declined"
    elif how == "event missing":
        del data["events"][0]
    elif how == "unknown state":
        data["records"][0]["iso3"] = "XXX"
    elif how == "bad role":
        data["users"][0]["role"] = "owner"
    elif how == "naive time":
        data["events"][0]["at"] = "2026-01-01T00:00:00"
    elif how == "extra key":
        data["records"][0]["colour"] = "red"
    elif how == "duplicate user":
        data["users"].append(dict(data["users"][0]))
    elif how == "not an export":
        data = {"records": []}
    return data


@pytest.mark.parametrize(
    "how",
    [
        "record differs from events",
        "event missing",
        "unknown state",
        "bad role",
        "naive time",
        "extra key",
        "duplicate user",
        "not an export",
    ],
)
def test_bad_exports_are_refused_and_write_nothing(service, second, how):
    fill(service)
    report = second.import_(broken(service.export(), how), dry_run=False)
    assert not report.ok and not report.written and report.errors
    assert second.export() == {**second.export(), "records": [], "events": [], "users": []}


def test_an_export_checks_itself(service):
    fill(service)
    records, events, users = from_data(
        service.export(), service.known_iso3, {CTA, "us-political-declaration"}
    )
    assert len(records) == 2 and len(events) == 6 and len(users) == 3


# CSV


def rows(data: bytes) -> list[str]:
    return data.decode("utf-8").split("\r\n")


def test_the_csv_starts_with_the_sensitivity_comment_and_lists_every_state(service):
    fill(service)
    lines = rows(service.records_csv(CTA))
    assert lines[:2] == [COMMENT, HEADER]
    assert len(lines) == 2 + 195 + 1 and lines[-1] == ""
    fra = next(line for line in lines if line.startswith("FRA,"))
    assert fra.startswith("FRA,approached,Paris,,,,2027-01-31,") and fra.endswith(",2")


def edited(service: PlanService, edits: dict[str, str]) -> bytes:
    """The exported CSV with some rows replaced (by ISO3)."""
    lines = rows(service.records_csv(CTA))
    return "\r\n".join(edits.get(line[:3], line) for line in lines).encode("utf-8")


def test_a_csv_import_applies_rows_as_saves(service):
    fill(service)
    before = len(service.events())
    data = edited(
        service,
        {
            "FRA": "FRA,positive signal,Paris,2026-11-30,letter,,2027-01-31,new note,2",
            "NLD": "NLD,planned,The Hague,,,,,,0",
        },
    )
    dry = service.import_records_csv(data, CTA, "d@x.o", dry_run=True)
    assert dry.ok and not dry.written
    assert len(dry.changes) == 6 and dry.changes[0].startswith("row ")
    assert "(FRA): status 'approached' → 'positive signal'" in dry.changes[0]
    assert len(service.events()) == before
    report = service.import_records_csv(data, CTA, "d@x.o", dry_run=False)
    assert report.ok and report.written and report.changes == dry.changes
    assert service.record("FRA", CTA).status == "positive signal"
    assert (
        service.record("FRA", CTA).version == 3 and service.record("NLD", CTA).owner == "The Hague"
    )
    assert len(service.events()) == before + 6
    assert {e.who for e in service.events()[:6]} == {"d@x.o"}


def test_a_csv_with_any_wrong_row_writes_nothing_and_names_each_row(service):
    fill(service)
    exported = service.export()
    data = edited(
        service,
        {
            "AFG": "AFG,won,,,,,,,0",
            "FRA": "FRA,declined,Paris,,,,2027-01-31,,1",
            "KEN": "KEN,planned,Nairobi,,,,,,0",
            "NLD": "NLD,planned,,31/12/2026,fax,,,,0",
        },
    )
    row = {line[:3]: number for number, line in enumerate(rows(data), start=1)}
    for dry_run in (True, False):
        report = service.import_records_csv(data, CTA, "d@x.o", dry_run=dry_run)
        assert not report.ok and not report.written
        assert [error.split(":")[0] for error in report.errors] == [
            f"row {row['AFG']}",
            f"row {row['FRA']}",
            f"row {row['NLD']}",
            f"row {row['NLD']}",
        ]
        assert "status 'won' is not one of" in report.errors[0]
        assert "FRA is at version 2, not 1 as in the file" in report.errors[1]
        assert "'31/12/2026' is not a date" in report.errors[2] and "'fax'" in report.errors[3]
        ken = f"row {row['KEN']} (KEN)"
        assert report.changes == [
            f"{ken}: status 'not started' → 'planned'",
            f"{ken}: owner '' → 'Nairobi'",
        ]
        assert service.export() == exported


def test_csv_import_refuses_a_wrong_header_duplicates_and_ragged_rows(service):
    header = COMMENT + "\niso3,status\nFRA,planned\n"
    assert service.import_records_csv(header.encode(), CTA, "d@x.o", False).errors == [
        f"row 2: the header is ['iso3', 'status'], not {HEADER.split(',')}"
    ]
    twice = f"{HEADER}\nFRA,planned,,,,,,,0\nFRA,declined,,,,,,,0\nKEN,planned\n"
    report = service.import_records_csv(twice.encode(), CTA, "d@x.o", False)
    assert report.errors == ["row 4: 2 cells, not 9", "row 3: FRA is listed twice"]
    assert (
        service.import_records_csv(b"\xff\xfe", CTA, "d@x.o", False)
        .errors[0]
        .startswith("the file is not UTF-8")
    )
    assert service.export()["records"] == []


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_round_trips_through_csv(service, second, text):
    second.save(
        "NLD", CTA, {"owner": text[:120], "next_step": text[:500], "notes": text}, 0, "a@x.o"
    )
    service.save("NLD", CTA, {"owner": "placeholder"}, 0, "a@x.o")  # at the same version, 1
    data = second.records_csv(CTA)
    assert rows(data)[0] == COMMENT
    nld = next(cells for cells in csv.reader(io.StringIO(data.decode())) if cells[0] == "NLD")
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in nld)
    report = service.import_records_csv(data, CTA, "b@x.o", dry_run=False)
    assert report.ok and report.written
    assert {f: getattr(service.record("NLD", CTA), f) for f in ("owner", "next_step", "notes")} == {
        "owner": normal_text(text[:120]),
        "next_step": normal_text(text[:500]),
        "notes": normal_text(text),
    }


def test_a_conflict_while_csv_rows_are_applied_undoes_them_all(service, monkeypatch):
    data = edited(service, {"FRA": "FRA,planned,,,,,,,0", "KEN": "KEN,planned,,,,,,,0"})
    real_save = service._save

    def second_conflicts(connection, current, *rest):
        if current.iso3 == "KEN":
            raise PlanConflictError(replace(current, version=1, updated_by="z@x.o"))
        return real_save(connection, current, *rest)

    monkeypatch.setattr(service, "_save", second_conflicts)
    report = service.import_records_csv(data, CTA, "d@x.o", dry_run=False)
    assert not report.written and "changed by z@x.o" in report.errors[0]
    assert service.export()["records"] == [] and service.events() == []


RAW = {  # as an older version stored them, or a write that bypassed validation
    "owner": "Paris\rdesk",
    "next_step": "call\x0bback",
    "notes": "Word\x0bline\x01, a lone\rreturn and\r\nWindows",
}


def test_raw_stored_text_exports_verbatim_and_its_own_export_imports(service):
    service.save("FRA", CTA, {"status": "planned"}, 0, "a@x.o")
    with service.engine.begin() as connection:
        connection.execute(update(RecordRow).where(RecordRow.iso3 == "FRA").values(**RAW))
    data = service.records_csv(CTA)
    rows, errors = parse(data)
    assert errors == [] and len(rows) == 195
    fra = next(row for _, row in rows if row["iso3"] == "FRA")
    assert {field: fra[field] for field in RAW} == RAW
    report = service.import_records_csv(data, CTA, "b@x.o", dry_run=False)
    assert report.ok and report.written, report.errors
    fresh = service.record("FRA", CTA)
    assert {f: getattr(fresh, f) for f in RAW} == {f: normal_text(v) for f, v in RAW.items()}
    again = service.import_records_csv(service.records_csv(CTA), CTA, "b@x.o", dry_run=True)
    assert again.ok and again.changes == []
