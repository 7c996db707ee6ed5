"""The whole plan (records, events, users, saved groups and their events) as JSON-ready data,
and that data checked coming in.

Format version 2 added the saved groups (``groups``, ``group_events``); a version 1 export, which
has none, still imports.
"""

from dataclasses import asdict, fields
from datetime import datetime

from plan.groups import (
    GroupEvent,
    SavedGroup,
    codes_of,
    codes_text,
    name_key,
    normal_codes,
    normal_name,
    replay_groups,
)
from plan.model import (
    FIELDS,
    ROLES,
    PlanError,
    PlanEvent,
    PlanRecord,
    PlanValidationError,
    normal_email,
    to_text,
    validate,
)
from plan.replay import replay

FORMAT = "reaim-outreach-plan"
FORMAT_VERSION = 2
READABLE_VERSIONS = (1, 2)  # 1: before saved groups
RECORD_KEYS = tuple(field.name for field in fields(PlanRecord))
EVENT_KEYS = tuple(field.name for field in fields(PlanEvent))
GROUP_KEYS = tuple(field.name for field in fields(SavedGroup))
GROUP_EVENT_KEYS = tuple(field.name for field in fields(GroupEvent))


def _record_data(record: PlanRecord) -> dict:
    data = asdict(record)
    for field in ("last_contact", "due"):
        data[field] = to_text(field, data[field]) or None
    data["updated_at"] = record.updated_at.isoformat() if record.updated_at else None
    return data


def _event_data(event: PlanEvent | GroupEvent) -> dict:
    return asdict(event) | {"at": event.at.isoformat()}


def _group_data(group: SavedGroup) -> dict:
    return asdict(group) | {
        "codes": list(group.codes),
        "created_at": group.created_at.isoformat(),
        "updated_at": group.updated_at.isoformat(),
    }


def to_data(
    records: list[PlanRecord],
    events: list[PlanEvent],
    users: list[tuple[str, str]],
    groups: list[SavedGroup] = (),
    group_events: list[GroupEvent] = (),
) -> dict:
    """The plan as plain data, in a stable order (records by key, users by email, the rest by
    id); deleted groups are kept, without name or members, with their events."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "records": [_record_data(r) for r in sorted(records, key=lambda r: (r.iso3, r.instrument))],
        "events": [_event_data(event) for event in sorted(events, key=lambda event: event.id)],
        "users": [{"email": email, "role": role} for email, role in sorted(users)],
        "groups": [_group_data(group) for group in sorted(groups, key=lambda group: group.id)],
        "group_events": [
            _event_data(event) for event in sorted(group_events, key=lambda event: event.id)
        ],
    }


def _time(text: object) -> datetime:
    if not isinstance(text, str):
        raise ValueError(f"time {text!r} is not text")
    time = datetime.fromisoformat(text)
    if time.tzinfo is None:
        raise ValueError(f"time {text!r} has no UTC offset")
    return time


def _items(data: dict, key: str, keys: tuple[str, ...], problems: list[str]) -> list[dict]:
    items = data.get(key)
    if not isinstance(items, list):
        problems.append(f"{key} is not a list")
        return []
    good = []
    for number, item in enumerate(items):
        if not isinstance(item, dict) or set(item) != set(keys):
            problems.append(f"{key}[{number}] does not have exactly the keys {list(keys)}")
        else:
            good.append(item)
    return good


def _require_text(item: dict, keys: tuple[str, ...]) -> None:
    if wrong := [key for key in keys if not isinstance(item[key], str)]:
        raise ValueError(f"{wrong} must be text")


def _record(item: dict, known_iso3: set[str], known_instruments: set[str]) -> PlanRecord:
    _require_text(item, ("iso3", "instrument", "status", "owner", "channel", "next_step"))
    _require_text(item, ("notes", "updated_by"))
    plan = {key: item[key] for key in ("iso3", "instrument", *FIELDS)}
    clean = validate(plan, known_iso3, known_instruments)
    if type(item["version"]) is not int or item["version"] < 1:
        raise ValueError("version must be a whole number from 1")
    return PlanRecord(
        **clean,
        version=item["version"],
        updated_by=item["updated_by"],
        updated_at=_time(item["updated_at"]),
    )


def _event(item: dict, known_iso3: set[str], known_instruments: set[str]) -> PlanEvent:
    _require_text(item, ("iso3", "instrument", "who", "field", "old", "new"))
    if type(item["id"]) is not int or item["field"] not in FIELDS:
        raise ValueError(f"id must be a whole number and field one of {list(FIELDS)}")
    validate(
        {"iso3": item["iso3"], "instrument": item["instrument"]}, known_iso3, known_instruments
    )
    field = item["field"]
    texts = {  # normalised by validation, like the records they add up to
        key: to_text(field, validate({field: item[key]}, known_iso3, known_instruments)[field])
        for key in ("old", "new")
    }
    return PlanEvent(**item | texts | {"at": _time(item["at"])})


def _user(item: dict) -> tuple[str, str]:
    if item["role"] not in ROLES:
        raise ValueError(f"role {item['role']!r} is not one of {list(ROLES)}")
    return normal_email(item["email"]), item["role"]


def _parsed(items: list[dict], key: str, parse, problems: list[str]) -> list:
    parsed = []
    for number, item in enumerate(items):
        try:
            parsed.append(parse(item))
        except PlanValidationError as error:
            problems.extend(f"{key}[{number}]: {problem}" for problem in error.problems)
        except (ValueError, TypeError) as error:
            problems.append(f"{key}[{number}]: {error}")
    return parsed


def _check_header(data: object) -> None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanValidationError([f"this is not a {FORMAT} export"])
    if data.get("format_version") not in READABLE_VERSIONS:
        readable = list(READABLE_VERSIONS)
        version = data.get("format_version")
        raise PlanValidationError([f"format_version {version!r} is not one of {readable}"])


def from_data(
    data: object, known_iso3: set[str], known_instruments: set[str]
) -> tuple[list[PlanRecord], list[PlanEvent], list[tuple[str, str]]]:
    """Records, events and users from exported data; PlanValidationError lists what is wrong.

    Beyond each item's own checks, the records must be exactly the replay of the events.
    """
    _check_header(data)
    problems: list[str] = []
    records = _parsed(
        _items(data, "records", RECORD_KEYS, problems),
        "records",
        lambda item: _record(item, known_iso3, known_instruments),
        problems,
    )
    events = _parsed(
        _items(data, "events", EVENT_KEYS, problems),
        "events",
        lambda item: _event(item, known_iso3, known_instruments),
        problems,
    )
    users = _parsed(_items(data, "users", ("email", "role"), problems), "users", _user, problems)
    for key, keys in (
        ("records", [(r.iso3, r.instrument) for r in records]),
        ("events", [event.id for event in events]),
        ("users", [email for email, _ in users]),
    ):
        if len(set(keys)) != len(keys):
            problems.append(f"{key} holds duplicates")
    if not problems:
        try:
            if replay(events) != {(r.iso3, r.instrument): r for r in records}:
                problems.append("the records are not what their events add up to")
        except PlanError as error:
            problems.append(str(error))
    if problems:
        raise PlanValidationError(problems)
    return records, events, users


def _whole(item: dict, keys: tuple[str, ...]) -> None:
    if wrong := [key for key in keys if type(item[key]) is not int or item[key] < 1]:
        raise ValueError(f"{wrong} must be whole numbers from 1")


def _name(text: str) -> str:
    return normal_name(text) if text else ""


def _codes(codes: list[str], known_iso3: set[str]) -> tuple[str, ...]:
    return normal_codes(codes, known_iso3) if codes else ()


def _group(item: dict, known_iso3: set[str]) -> SavedGroup:
    _require_text(item, ("name", "created_by", "updated_by"))
    _whole(item, ("id", "version"))
    if not isinstance(item["codes"], list) or bool(item["name"]) != bool(item["codes"]):
        raise ValueError("codes must be a list, empty exactly when the name is (a deleted group)")
    return SavedGroup(
        **item
        | {
            "name": _name(item["name"]),
            "codes": _codes(item["codes"], known_iso3),
            "created_at": _time(item["created_at"]),
            "updated_at": _time(item["updated_at"]),
        }
    )


def _group_event(item: dict, known_iso3: set[str]) -> GroupEvent:
    _require_text(item, ("who", "field", "old", "new"))
    _whole(item, ("id", "group_id"))
    if item["field"] == "name":
        texts = {key: _name(item[key]) for key in ("old", "new")}
    elif item["field"] == "codes":
        texts = {key: codes_text(_codes(codes_of(item[key]), known_iso3)) for key in ("old", "new")}
    else:
        raise ValueError("field must be 'name' or 'codes'")
    return GroupEvent(**item | texts | {"at": _time(item["at"])})


def groups_from_data(
    data: object, known_iso3: set[str]
) -> tuple[list[SavedGroup], list[GroupEvent]]:
    """The saved groups and their events from exported data (none in a version 1 export);
    PlanValidationError lists what is wrong. The groups must be exactly the replay of their
    events, and no two groups may share a name."""
    _check_header(data)
    if data["format_version"] == 1:
        return [], []
    problems: list[str] = []
    groups = _parsed(
        _items(data, "groups", GROUP_KEYS, problems),
        "groups",
        lambda item: _group(item, known_iso3),
        problems,
    )
    events = _parsed(
        _items(data, "group_events", GROUP_EVENT_KEYS, problems),
        "group_events",
        lambda item: _group_event(item, known_iso3),
        problems,
    )
    for key, keys in (
        ("groups", [group.id for group in groups]),
        ("group_events", [event.id for event in events]),
    ):
        if len(set(keys)) != len(keys):
            problems.append(f"{key} holds duplicates")
    names = [name_key(group.name) for group in groups if group.name]
    if len(set(names)) != len(names):
        problems.append("two saved groups have the same name (in any letter case)")
    if not problems:
        try:
            if replay_groups(events) != {group.id: group for group in groups}:
                problems.append("the saved groups are not what their events add up to")
        except PlanError as error:
            problems.append(str(error))
    if problems:
        raise PlanValidationError(problems)
    return groups, events
