"""Rebuild the current records from their events alone: the audit trail is the truth."""

from dataclasses import replace

from plan.model import FIELDS, PlanError, PlanEvent, PlanRecord, from_text


def replay(events: list[PlanEvent]) -> dict[tuple[str, str], PlanRecord]:
    """The record of each (iso3, instrument) the events describe; one save is one time ``at``.

    Raises PlanError if an event's old value is not the value its record had at that point.
    """
    records: dict[tuple[str, str], PlanRecord] = {}
    for change in sorted(events, key=lambda change: (change.at, change.id)):
        key = (change.iso3, change.instrument)
        record = records.get(key) or PlanRecord.blank(*key)
        if not _follows(record, change):
            raise PlanError(
                f"Event {change.id} ({change.iso3} {change.field}) does not follow from the "
                "events before it. Restore the plan from an export that is intact."
            )
        records[key] = replace(
            record,
            **{change.field: from_text(change.field, change.new)},
            version=record.version + (record.updated_at != change.at),
            updated_by=change.who,
            updated_at=change.at,
        )
    return records


def _follows(record: PlanRecord, change: PlanEvent) -> bool:
    """Whether ``change`` names a field, holds valid values and starts from the record's value."""
    if change.field not in FIELDS:
        return False
    try:
        from_text(change.field, change.new)
        return from_text(change.field, change.old) == getattr(record, change.field)
    except ValueError:
        return False
