"""The events between two snapshots: states added or removed per instrument, a new as-of date,
a correction, the source changing while the list did not, and a refresh failing for days.

Each event's id is stable: the same published data seen by any run gives the same ids, so a
second run (or two runs at once) finds nothing new.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from instruments.model import CALL_TO_ACTION
from watch.snapshot import Snapshot, digest

ADDED, REMOVED, AS_OF, CORRECTION, SOURCE_CHANGED, REFRESH_FAILING = (
    "added",
    "removed",
    "as-of",
    "correction",
    "source-changed",
    "refresh-failing",
)
KINDS = (ADDED, REMOVED, AS_OF, CORRECTION, SOURCE_CHANGED, REFRESH_FAILING)
STALE_DAYS = 7
REJECTED_STAMP = "%Y%m%dT%H%M%S"  # etl/raw.py keep_rejected: <stamp>_<sha8>


@dataclass(frozen=True)
class Event:
    """One change, under a stable id; ``detail`` holds what a feed or message says of it."""

    id: str
    kind: str
    instrument: str = ""
    iso3: str = ""
    as_of: str = ""
    detail: dict[str, str] = field(default_factory=dict)


def _source(now: Snapshot, instrument: str) -> dict[str, str]:
    sha = now.document_sha256 if instrument == CALL_TO_ACTION else ""
    return {"source_url": now.source_url.get(instrument, ""), "document_sha256": sha}


def list_changes(before: Snapshot, now: Snapshot) -> list[Event]:
    """States added or removed per instrument, and each new as-of date."""
    events = []
    for instrument, states in now.supporters.items():
        was, is_ = set(before.supporters.get(instrument, [])), set(states)
        as_of = now.as_of.get(instrument, "")
        version = digest(",".join(sorted(is_)))  # the list after the change
        for kind, codes in ((ADDED, is_ - was), (REMOVED, was - is_)):
            for iso3 in sorted(codes):
                events.append(
                    Event(
                        f"{kind}:{instrument}:{iso3}:{version}",
                        kind,
                        instrument,
                        iso3,
                        as_of,
                        _source(now, instrument),
                    )
                )
        if as_of and as_of != before.as_of.get(instrument, as_of):
            detail = _source(now, instrument) | {"previous": before.as_of[instrument]}
            events.append(
                Event(f"{AS_OF}:{instrument}:{as_of}", AS_OF, instrument, "", as_of, detail)
            )
    return events


def new_corrections(before: Snapshot, now: Snapshot) -> list[Event]:
    """Each row of the corrections log the last run did not see."""
    return [
        Event(
            f"{CORRECTION}:{key}",
            CORRECTION,
            row.get("instrument", ""),
            row.get("iso3", ""),
            row.get("recorded_on", ""),
            {k: row.get(k, "") for k in ("change", "status", "reason", "source")},
        )
        for key, row in sorted(now.corrections.items())
        if key not in before.corrections
    ]


def source_changed(before: Snapshot, now: Snapshot) -> list[Event]:
    """The document or its landing page changed while the Call to Action's list did not."""
    moved = (before.document_sha256, before.page_sha256) != (now.document_sha256, now.page_sha256)
    same = before.supporters.get(CALL_TO_ACTION) == now.supporters.get(CALL_TO_ACTION)
    if not (moved and same):
        return []
    key = digest(f"{now.document_sha256}:{now.page_sha256}")
    detail = _source(now, CALL_TO_ACTION) | {"page_sha256": now.page_sha256}
    as_of = now.as_of.get(CALL_TO_ACTION, "")
    return [Event(f"{SOURCE_CHANGED}:{key}", SOURCE_CHANGED, CALL_TO_ACTION, "", as_of, detail)]


def _day(text: str) -> date | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def rejected_since(rejected_dir: Path, day: date) -> list[Path]:
    """The refreshes the ETL refused (its ``rejected/`` folders) since ``day``, oldest first."""
    if not rejected_dir.is_dir():
        return []
    found = []
    for folder in rejected_dir.iterdir():
        try:
            stamp = datetime.strptime(folder.name.split("_")[0], REJECTED_STAMP).date()
        except ValueError:
            continue
        if stamp >= day:
            found.append((stamp, folder))
    return [folder for _stamp, folder in sorted(found)]


def refresh_failing(now: Snapshot, today: date, days: int, rejected_dir: Path) -> list[Event]:
    """No successful retrieval for more than ``days`` days: one event per such spell (its id is
    the last success), with the refreshes the ETL refused since and the last one's reason."""
    last = _day(now.retrieved_at)
    if last is None or (today - last).days <= days:
        return []
    refused = rejected_since(rejected_dir, last)
    reason = refused[-1] / "reason.txt" if refused else None
    detail = {
        "last_success": last.isoformat(),
        "days": str((today - last).days),
        "refused": str(len(refused)),
        "last_reason": reason.read_text(encoding="utf-8").strip()
        if reason and reason.is_file()
        else "",
    }
    return [Event(f"{REFRESH_FAILING}:{now.retrieved_at}", REFRESH_FAILING, "", "", "", detail)]


def events_between(
    before: Snapshot | None,
    now: Snapshot,
    rejected_dir: Path,
    days: int = STALE_DAYS,
    today: date | None = None,
) -> list[Event]:
    """Every event from ``before`` (None: the first run, which only sets a baseline) to ``now``."""
    day = today or datetime.now(UTC).date()
    found = refresh_failing(now, day, days, rejected_dir)
    if before is not None:
        found = [
            *list_changes(before, now),
            *new_corrections(before, now),
            *source_changed(before, now),
            *found,
        ]
    return found
