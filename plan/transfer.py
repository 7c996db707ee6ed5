"""The whole plan (records, events, users) as JSON-ready data, and that data checked coming in."""

from dataclasses import asdict, fields
from datetime import datetime

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
FORMAT_VERSION = 1
RECORD_KEYS = tuple(field.name for field in fields(PlanRecord))
EVENT_KEYS = tuple(field.name for field in fields(PlanEvent))


def _record_data(record: PlanRecord) -> dict:
    data = asdict(record)
    for field in ("last_contact", "due"):
        data[field] = to_text(field, data[field]) or None
    data["updated_at"] = record.updated_at.isoformat() if record.updated_at else None
    return data


def _event_data(event: PlanEvent) -> dict:
    return asdict(event) | {"at": event.at.isoformat()}


def to_data(
    records: list[PlanRecord], events: list[PlanEvent], users: list[tuple[str, str]]
) -> dict:
    """The plan as plain data, in a stable order (records by key, events by id, users by email)."""
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "records": [_record_data(r) for r in sorted(records, key=lambda r: (r.iso3, r.instrument))],
        "events": [_event_data(event) for event in sorted(events, key=lambda event: event.id)],
        "users": [{"email": email, "role": role} for email, role in sorted(users)],
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


def from_data(
    data: object, known_iso3: set[str], known_instruments: set[str]
) -> tuple[list[PlanRecord], list[PlanEvent], list[tuple[str, str]]]:
    """Records, events and users from exported data; PlanValidationError lists what is wrong.

    Beyond each item's own checks, the records must be exactly the replay of the events.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise PlanValidationError([f"this is not a {FORMAT} export"])
    if data.get("format_version") != FORMAT_VERSION:
        raise PlanValidationError([f"format_version {data.get('format_version')!r} is not 1"])
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
