"""Two editors change saved groups at the same moment, in two processes: no write is lost,
one of two conflicting changes wins and the other is told, and the events add up."""

from plan.groups import replay_groups
from plan.service import PlanService

from racers import change_group, race


def at_once(url: str, actions: dict[str, list[str]]) -> dict[str, str]:
    """Every editor reads, then all act at once; who got what."""
    loaded, outcomes = race({who: (change_group, (url, who, *a)) for who, a in actions.items()})
    assert set(loaded.values()) == {"ready"}
    return outcomes


def consistent(service: PlanService) -> None:
    """Every group, deleted ones included, is what its events add up to."""
    replayed = replay_groups(service.group_events())
    assert {i: service.group(i) for i in replayed} == replayed
    live = sorted((g for g in replayed.values() if not g.deleted), key=lambda g: g.id)
    assert live == sorted(service.groups(), key=lambda g: g.id)  # events of two may interleave


def test_two_groups_saved_at_once_are_both_kept(service, database_url):
    outcomes = at_once(
        database_url,
        {
            "ana@x.org": ["save", "Nairobi consultation", "KEN,NGA,GHA"],
            "bo@x.org": ["save", "Geneva side event", "FRA,CHE"],
        },
    )
    assert sorted(o.split()[0] for o in outcomes.values()) == ["saved", "saved"]
    assert {(g.name, g.created_by) for g in service.groups()} == {
        ("Nairobi consultation", "ana@x.org"),
        ("Geneva side event", "bo@x.org"),
    }
    assert len(service.group_events()) == 4
    consistent(service)


def test_of_two_groups_saved_at_once_under_one_name_one_is_refused(service, database_url):
    outcomes = at_once(
        database_url,
        {
            "ana@x.org": ["save", "Nairobi consultation", "KEN,NGA,GHA"],
            "bo@x.org": ["save", "NAIROBI consultation", "KEN"],
        },
    )
    assert sorted(o.split()[0] for o in outcomes.values()) == ["saved", "taken"]
    (winner,) = [who for who, outcome in outcomes.items() if outcome != "taken"]
    (group,) = service.groups()
    assert group.created_by == winner and len(service.group_events()) == 2
    consistent(service)


def test_of_two_renames_from_one_version_one_wins_and_one_conflicts(service, database_url):
    group = service.save_group("Nairobi consultation", ["KEN", "NGA"], "cy@x.org")
    outcomes = at_once(
        database_url,
        {
            "ana@x.org": ["rename", str(group.id), "Nairobi, March"],
            "bo@x.org": ["rename", str(group.id), "Nairobi, 12 March"],
        },
    )
    assert sorted(outcomes.values()) == ["conflict", "renamed 2"]
    (winner,) = [who for who, outcome in outcomes.items() if outcome != "conflict"]
    now = service.group(group.id)
    assert now.version == 2 and now.updated_by == winner
    assert now.name == {"ana@x.org": "Nairobi, March", "bo@x.org": "Nairobi, 12 March"}[winner]
    renames = [e for e in service.group_events(group.id) if e.who != "cy@x.org"]
    assert [(e.who, e.field, e.old, e.new) for e in renames] == [
        (winner, "name", "Nairobi consultation", now.name)
    ]
    consistent(service)


def test_a_rename_and_a_delete_at_once_never_lose_either_silently(service, database_url):
    group = service.save_group("Nairobi consultation", ["KEN", "NGA"], "cy@x.org")
    outcomes = at_once(
        database_url,
        {
            "ana@x.org": ["rename", str(group.id), "Nairobi, March"],
            "bo@x.org": ["delete", str(group.id)],
        },
    )
    assert sorted(o.split()[0] for o in outcomes.values()) in (
        ["conflict", "renamed"],
        ["conflict", "deleted"],
    )
    now = service.group(group.id)
    assert now.version == 2
    assert now.deleted == (outcomes["bo@x.org"] == "deleted 2")
    consistent(service)
