"""Saved groups: a team's named groups of states (a meeting's participants), with their events.

A saved group is a name and the ISO3 codes of its members, stored in the plan database with who
saved it and when. Every change is an event, one per field changed ("name", "codes"), as for the
plan's records: saving writes both from "", a rename the name, deleting both back to "". The row
of a deleted group stays as a tombstone (no name, no codes), so that its id is never given to
another group and its events keep pointing at it; the groups are exactly what their events add up
to (``replay_groups``), which an import checks.
"""

from dataclasses import dataclass, replace
from datetime import datetime

from plan.model import PlanError, PlanValidationError, normal_text

GROUP_FIELDS = ("name", "codes")
MAX_NAME = 120  # as a group's name in the URL (store.focus.Focus.of_group)
MAX_MEMBERS = 200  # as a group in the URL (store.focus.MAX_GROUP)


@dataclass(frozen=True)
class SavedGroup:
    """One saved group; ``name`` and ``codes`` are empty once it is deleted."""

    id: int
    name: str
    codes: tuple[str, ...]
    version: int
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime

    @property
    def deleted(self) -> bool:
        """Whether it was deleted (its row stays, without name or members)."""
        return not self.name


@dataclass(frozen=True)
class GroupEvent:
    """One change to one field of a saved group; the codes as text, comma-separated."""

    id: int
    group_id: int
    at: datetime
    who: str
    field: str
    old: str
    new: str


class GroupNameTakenError(PlanError):
    """Another saved group already has this name (names are unique, ignoring letter case)."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"A saved group is already named {name!r}. Choose another name.")


class GroupConflictError(PlanError):
    """Someone changed or deleted the group after it was read; ``current`` is the group now."""

    def __init__(self, current: SavedGroup) -> None:
        self.current = current
        what = "deleted" if current.deleted else "changed"
        super().__init__(
            f"Saved group {current.id} was {what} by {current.updated_by} at "
            f"{current.updated_at:%Y-%m-%d %H:%M:%S} UTC. Reload it and try again."
        )


def normal_name(name: object) -> str:
    """A group's name as stored: its words separated by single spaces, at most MAX_NAME long.

    Raises PlanValidationError for no name, a name too long or one that is not text.
    """
    if not isinstance(name, str):
        raise PlanValidationError([f"a group's name must be text, not {type(name).__name__}"])
    text = " ".join(normal_text(name).split())
    if not text:
        raise PlanValidationError(["a group needs a name"])
    if len(text) > MAX_NAME:
        raise PlanValidationError([f"the name is {len(text)} characters long, over {MAX_NAME}"])
    if not text.isascii() and any("\ud800" <= c <= "\udfff" for c in text):
        raise PlanValidationError(["the name contains a broken character (a lone surrogate)"])
    return text


def name_key(name: str) -> str:
    """What two names must not share: the name in any letter case."""
    return name.casefold()


def normal_codes(codes: object, known_iso3: set[str]) -> tuple[str, ...]:
    """A group's members as stored: known ISO3 codes, sorted, each once.

    Raises PlanValidationError for no member, too many, or a code outside ``known_iso3``.
    """
    if not isinstance(codes, list | tuple | set | frozenset) or not all(
        isinstance(c, str) for c in codes
    ):
        raise PlanValidationError(["a group's members must be a list of ISO3 codes"])
    members = sorted({c.strip().upper() for c in codes if c.strip()})
    problems = []
    if unknown := [c for c in members if c not in known_iso3]:
        problems.append(f"unknown ISO3 codes {unknown[:10]}")
    if not members:
        problems.append("a group needs at least one state")
    if len(members) > MAX_MEMBERS:
        problems.append(f"a group has at most {MAX_MEMBERS} states, not {len(members)}")
    if problems:
        raise PlanValidationError(problems)
    return tuple(members)


def codes_text(codes: tuple[str, ...]) -> str:
    """The members as an event stores them: "GHA,KEN,NGA" ("" for none)."""
    return ",".join(codes)


def codes_of(text: str) -> tuple[str, ...]:
    """The members an event's text stands for (the inverse of ``codes_text``)."""
    return tuple(text.split(",")) if text else ()


def value_text(field: str, value: str | tuple[str, ...]) -> str:
    """A field's value as an event stores it."""
    return codes_text(value) if field == "codes" else value  # type: ignore[arg-type]


def replay_groups(events: list[GroupEvent]) -> dict[int, SavedGroup]:
    """Every group the events describe, deleted ones included; one change is one time ``at``.

    Raises PlanError if an event does not follow from those before it.
    """
    groups: dict[int, SavedGroup] = {}
    for change in sorted(events, key=lambda change: (change.at, change.id)):
        group = groups.get(change.group_id)
        if group is None:
            group = SavedGroup(change.group_id, "", (), 0, change.who, change.at, "", change.at)
        current = value_text(change.field, getattr(group, change.field, ""))
        if change.field not in GROUP_FIELDS or change.old != current:
            raise PlanError(
                f"Group event {change.id} (group {change.group_id} {change.field}) does not "
                "follow from the events before it. Restore the plan from an export that is intact."
            )
        new = codes_of(change.new) if change.field == "codes" else change.new
        groups[change.group_id] = replace(
            group,
            **{change.field: new},
            version=group.version + (group.version == 0 or group.updated_at != change.at),
            updated_by=change.who,
            updated_at=change.at,
        )
    return groups
