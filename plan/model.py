"""The outreach plan's vocabulary, records, events, errors, validation and reconciliation."""

import re
from dataclasses import dataclass
from datetime import date, datetime

from instruments.model import CALL_TO_ACTION

DEFAULT_INSTRUMENT = CALL_TO_ACTION  # the plan opens on the Call to Action
STATUSES = (
    "not started",
    "planned",
    "approached",
    "positive signal",
    "declined",
    "on hold",
    "endorsed",
)
CHANNELS = ("démarche", "bilateral meeting", "regional meeting", "letter", "other")
ROLES = ("viewer", "editor", "admin")
FIELDS = ("status", "owner", "last_contact", "channel", "next_step", "due", "notes")
DATE_FIELDS = ("last_contact", "due")
MAX_LENGTH = {"owner": 120, "next_step": 500, "notes": 5000}
CONTRADICTED_BY_ENDORSEMENT = ("not started", "declined", "on hold")
ENDORSER_FLAG = "the published list names this state as an endorser"
NOT_LISTED_FLAG = "not on the published list"
OPEN_STEP_FLAG = "endorsed on the published list: is its next step still open?"
_SURROGATE = re.compile("[\ud800-\udfff]")  # not text: no database can store it as UTF-8
# Line breaks as Windows, old Macs and Word write them (vertical tab, form feed, next line).
_LINE_BREAK = re.compile("\r\n?|[\x0b\x0c\x85]")
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")  # what remains of C0, DEL and C1


@dataclass(frozen=True)
class PlanRecord:
    """The current plan for one state and one instrument."""

    iso3: str
    instrument: str
    status: str
    owner: str
    last_contact: date | None
    channel: str
    next_step: str
    due: date | None
    notes: str
    version: int
    updated_by: str
    updated_at: datetime | None

    @classmethod
    def blank(cls, iso3: str, instrument: str) -> "PlanRecord":
        """The plan of a state nobody has written about yet."""
        return cls(iso3, instrument, "not started", "", None, "", "", None, "", 0, "", None)


@dataclass(frozen=True)
class PlanEvent:
    """One change to one field of a plan record; values are text (dates in ISO, none as "")."""

    id: int
    iso3: str
    instrument: str
    at: datetime
    who: str
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ImportReport:
    """What an import changes (or would change), what is wrong with it, and whether it wrote."""

    changes: list[str]
    errors: list[str]
    written: bool

    @property
    def ok(self) -> bool:
        """True when the data had no errors."""
        return not self.errors


class PlanError(Exception):
    """A plan failure a user can act on; the message says what went wrong, then what to do."""


class PlanValidationError(PlanError):
    """Changes that cannot be saved; ``problems`` lists every reason."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listed = "; ".join(problems)
        super().__init__(f"{listed[:1].upper()}{listed[1:]}. Correct this and try again.")


class PlanConflictError(PlanError):
    """Someone saved the record after it was loaded; ``current`` is the record as it now is."""

    def __init__(self, current: PlanRecord) -> None:
        self.current = current
        when = f"{current.updated_at:%Y-%m-%d %H:%M:%S} UTC" if current.updated_at else "unknown"
        super().__init__(
            f"{current.iso3} was changed by {current.updated_by or 'nobody'} at {when}. "
            "Reload it and apply your changes again."
        )


def to_text(field: str, value: str | date | None) -> str:
    """A field value as an event stores it: dates in ISO form, no date as ""."""
    if field in DATE_FIELDS:
        return value.isoformat() if isinstance(value, date) else ""
    return str(value)


def from_text(field: str, text: str) -> str | date | None:
    """The field value an event's text stands for (the inverse of ``to_text``)."""
    if field in DATE_FIELDS:
        return date.fromisoformat(text) if text else None
    return text


def normal_email(email: object) -> str:
    """An email address as stored and compared: trimmed and in lower case."""
    text = email.strip() if isinstance(email, str) else ""
    if len(text) > 320 or not re.fullmatch(r"[^@\s]+@[^@\s]+", text):
        raise PlanValidationError([f"{email!r} is not an email address"])
    return text.lower()


def normal_text(text: str) -> str:
    """Text as stored: every line break a "\\n", no control character but "\\n" and "\\t".

    "\\r\\n", a lone "\\r", and the vertical tab and form feed of a paste from Word become "\\n";
    the other control characters (C0, DEL, C1) are dropped.
    """
    return _CONTROL.sub("", _LINE_BREAK.sub("\n", text))


def _date(field: str, value: object, problems: list[str]) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{field} {value!r} is not a date like 2026-03-31")
    return None


def _text(field: str, value: object, problems: list[str]) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.append(f"{field} must be text, not {type(value).__name__}")
        return ""
    value = normal_text(value)
    if not value.isascii() and _SURROGATE.search(value):
        problems.append(f"{field} contains a broken character (a lone UTF-16 surrogate)")
    if field in MAX_LENGTH and len(value) > MAX_LENGTH[field]:
        problems.append(f"{field} is {len(value)} characters long, over {MAX_LENGTH[field]}")
    return value


def _one_of(field: str, value: str, allowed: tuple[str, ...], problems: list[str]) -> None:
    if value not in allowed:
        problems.append(f"{field} {value!r} is not one of {list(allowed)}")


def validate(changes: dict, known_iso3: set[str], known_instruments: set[str]) -> dict:
    """Checked and normalised changes (dates as ``date``, text never None); else the problems.

    ``changes`` holds plan fields and may name the ``iso3`` and ``instrument`` they are for.
    Raises PlanValidationError listing every problem.
    """
    problems: list[str] = []
    if unknown := sorted(set(changes) - {"iso3", "instrument", *FIELDS}):
        problems.append(f"unknown fields {unknown}")
    clean: dict = {}
    for field, value in changes.items():
        if field in DATE_FIELDS:
            clean[field] = _date(field, value, problems)
        elif field in FIELDS or field in ("iso3", "instrument"):
            clean[field] = _text(field, value, problems)
    if "iso3" in clean and clean["iso3"] not in known_iso3:
        problems.append(f"unknown ISO3 code {clean['iso3']!r}")
    if "instrument" in clean and clean["instrument"] not in known_instruments:
        problems.append(f"unknown instrument {clean['instrument']!r}")
    if "status" in clean:
        _one_of("status", clean["status"], STATUSES, problems)
    if clean.get("channel"):
        _one_of("channel", clean["channel"], CHANNELS, problems)
    if problems:
        raise PlanValidationError(problems)
    return clean


def reconcile(
    record: PlanRecord, published_endorsed: bool, published_as_of: str
) -> tuple[str, str]:
    """The status as shown, with the published data's last word on endorsement, and a flag.

    A published endorsement shows as "endorsed (published <date>)" and flags a plan saying
    "not started", "declined" or "on hold", or one with a next step still open that had not
    recorded the endorsement (for its owner to close or keep); a plan saying "endorsed" of a
    state the published data does not list is flagged. The flag is "" when plan and data agree.
    """
    if published_endorsed:
        flag = ENDORSER_FLAG if record.status in CONTRADICTED_BY_ENDORSEMENT else ""
        if not flag and record.next_step.strip() and record.status != "endorsed":
            flag = OPEN_STEP_FLAG
        return f"endorsed (published {published_as_of})", flag
    return record.status, NOT_LISTED_FLAG if record.status == "endorsed" else ""
