"""A plan's change history as a reader reads it: fields by name, dates and words in the language."""

from collections.abc import Mapping, Sequence

import pandas as pd

from i18n import formats
from i18n.translate import _
from plan.model import DATE_FIELDS, PlanEvent
from ui.tables.plan_words import field_name, plan_word

WORDED = ("status", "channel")  # fields whose values are the plan's stored words


def shown_value(field: str, text: str) -> str:
    """An event's old or new value as read: a date written out, a status in the language, and
    nothing at all (never "None") for no value."""
    if not text:
        return ""
    if field in DATE_FIELDS:
        return formats.long_date(text)
    return plan_word(text) if field in WORDED else text


def history_rows(
    events: Sequence[PlanEvent], instruments: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """One row per change, in the order given (the service's: newest first), headed in the
    active language; with an instrument column (its short title) when ``instruments`` is given."""
    rows = [
        {
            _("When (UTC)"): formats.long_datetime(event.at),
            _("Who"): event.who,
            **(
                {_("Instrument"): instruments.get(event.instrument, event.instrument)}
                if instruments is not None
                else {}
            ),
            _("Field"): field_name(event.field),
            _("Old"): shown_value(event.field, event.old),
            _("New"): shown_value(event.field, event.new),
        }
        for event in events
    ]
    return pd.DataFrame(rows)
