"""Saved groups through the service: save, rename, delete, each change an event; names, members,
stale versions and hostile text; on SQLite and PostgreSQL (the backend fixture)."""

from datetime import UTC

import pytest
from sqlalchemy import func, select

from plan.groups import (
    GroupConflictError,
    GroupNameTakenError,
    replay_groups,
)
from plan.model import PlanError, PlanValidationError, normal_text
from plan.schema import GroupEventRow, GroupRow
from plan.service import PlanService

from hostile_text import HOSTILE

NAIROBI = "Nairobi consultation, March 2027"
ROOM = ["KEN", "nga", " GHA ", "KEN"]


def count(service: PlanService, table) -> int:
    with service.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(table)).scalar_one()


def changes(service: PlanService, group_id: int) -> list[tuple[str, str, str, str]]:
    """The group's events, oldest first, as (who, field, old, new)."""
    return [(e.who, e.field, e.old, e.new) for e in reversed(service.group_events(group_id))]


def test_a_saved_group_keeps_its_name_members_who_and_when(service):
    assert service.groups() == []
    saved = service.save_group(f"  {NAIROBI} ", ROOM, "ana@x.org")
    assert (saved.name, saved.codes, saved.version) == (NAIROBI, ("GHA", "KEN", "NGA"), 1)
    assert saved.created_by == saved.updated_by == "ana@x.org"
    assert saved.created_at.tzinfo == UTC and saved.updated_at == saved.created_at
    assert service.groups() == [saved] and service.group(saved.id) == saved
    assert changes(service, saved.id) == [
        ("ana@x.org", "name", "", NAIROBI),
        ("ana@x.org", "codes", "", "GHA,KEN,NGA"),
    ]
    assert {e.at for e in service.group_events()} == {saved.created_at}


def test_rename_and_delete_are_audited_and_the_tombstone_stays(service):
    saved = service.save_group(NAIROBI, ROOM, "ana@x.org")
    renamed = service.rename_group(saved.id, "Nairobi, 12 March", 1, "bo@x.org")
    assert (renamed.name, renamed.codes, renamed.version) == ("Nairobi, 12 March", saved.codes, 2)
    assert renamed.created_by == "ana@x.org" and renamed.updated_by == "bo@x.org"
    assert renamed.updated_at > saved.updated_at and service.groups() == [renamed]
    deleted = service.delete_group(saved.id, 2, "cy@x.org")
    assert deleted.deleted and deleted.version == 3 and service.groups() == []
    assert service.group(saved.id) == deleted  # its row stays: the id is never given again
    assert changes(service, saved.id) == [
        ("ana@x.org", "name", "", NAIROBI),
        ("ana@x.org", "codes", "", "GHA,KEN,NGA"),
        ("bo@x.org", "name", NAIROBI, "Nairobi, 12 March"),
        ("cy@x.org", "name", "Nairobi, 12 March", ""),
        ("cy@x.org", "codes", "GHA,KEN,NGA", ""),
    ]
    again = service.save_group(NAIROBI, ["KEN"], "ana@x.org")  # the name is free again
    assert again.id > saved.id
    assert replay_groups(service.group_events()) == {saved.id: deleted, again.id: again}


def test_renaming_to_the_same_name_changes_nothing(service):
    saved = service.save_group(NAIROBI, ROOM, "ana@x.org")
    assert service.rename_group(saved.id, f" {NAIROBI}  ", 1, "bo@x.org") == saved
    assert count(service, GroupEventRow) == 2


def test_names_are_unique_in_any_letter_case(service):
    first = service.save_group(NAIROBI, ROOM, "ana@x.org")
    with pytest.raises(GroupNameTakenError) as caught:
        service.save_group(NAIROBI.upper(), ["FRA"], "bo@x.org")
    assert caught.value.name == NAIROBI.upper()
    other = service.save_group("Geneva side event", ["FRA"], "bo@x.org")
    with pytest.raises(GroupNameTakenError):
        service.rename_group(other.id, NAIROBI.lower(), 1, "bo@x.org")
    assert service.groups() == [other, first]  # by name
    assert count(service, GroupRow) == 2 and count(service, GroupEventRow) == 4
    case_only = service.rename_group(first.id, NAIROBI.lower(), 1, "ana@x.org")
    assert case_only.name == NAIROBI.lower()  # its own name in other letters is its own


def test_the_same_members_may_be_saved_under_two_names(service):
    a = service.save_group("March", ROOM, "ana@x.org")
    b = service.save_group("September", ROOM, "ana@x.org")
    assert a.codes == b.codes and a.id != b.id


def test_a_stale_version_is_refused_with_the_group_as_it_is(service):
    saved = service.save_group(NAIROBI, ROOM, "ana@x.org")
    renamed = service.rename_group(saved.id, "Renamed", 1, "bo@x.org")
    for stale in (
        lambda: service.rename_group(saved.id, "Mine", 1, "cy@x.org"),
        lambda: service.delete_group(saved.id, 1, "cy@x.org"),
    ):
        with pytest.raises(GroupConflictError) as caught:
            stale()
        assert caught.value.current == renamed
        assert "changed by bo@x.org" in str(caught.value)
    deleted = service.delete_group(saved.id, 2, "bo@x.org")
    with pytest.raises(GroupConflictError, match=r"deleted by bo@x\.org") as caught:
        service.rename_group(saved.id, "Back", 3, "cy@x.org")  # a deleted group stays deleted
    assert caught.value.current == deleted
    assert count(service, GroupEventRow) == 5


@pytest.mark.parametrize(
    ("name", "codes", "problem"),
    [
        ("", ROOM, "a group needs a name"),
        (" \t\n ", ROOM, "a group needs a name"),
        ("x" * 121, ROOM, "121 characters long, over 120"),
        (NAIROBI, [], "at least one state"),
        (NAIROBI, ["KEN", "XKX", "TWN"], "unknown ISO3 codes ['TWN', 'XKX']"),
        (NAIROBI, "KEN,NGA", "a list of ISO3 codes"),
        (NAIROBI, [3], "a list of ISO3 codes"),
        (42, ROOM, "must be text"),
    ],
)
def test_bad_groups_are_refused_and_write_nothing(service, name, codes, problem):
    with pytest.raises(PlanValidationError) as caught:
        service.save_group(name, codes, "ana@x.org")
    assert any(problem in p for p in caught.value.problems)
    assert count(service, GroupRow) == 0 and count(service, GroupEventRow) == 0


def test_who_must_be_named_and_an_unknown_id_is_one_message(service):
    with pytest.raises(PlanValidationError, match="Who saves"):
        service.save_group(NAIROBI, ROOM, " ")
    with pytest.raises(PlanError, match="no saved group 7\\."):
        service.rename_group(7, "x", 1, "ana@x.org")
    assert count(service, GroupRow) == 0


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_a_hostile_name_is_kept_as_typed_on_one_line(service, text):
    saved = service.save_group(text[:120], ["KEN"], "ana@x.org")
    assert saved.name == " ".join(normal_text(text[:120]).split())  # one line, single spaces
    assert service.group(saved.id) == saved and service.groups() == [saved]
