"""When each position was taken, and where every state stood on any day.

A position carries ``date`` (the day by which it is evidenced), ``date_precision`` (``exact``,
``month``: some day of that month, or ``on_or_before``: by then, day unknown) and
``date_earliest``, the first day it can have been taken: the day itself, the first of the month,
or the day after the last source that names every endorser without naming it (else the day the
instrument opened). On a day between the two, the state's position is unknown: never "not
endorsed", never the day it joined.
"""

import calendar
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

import pandas as pd

from i18n import formats
from i18n.translate import N_, _
from instruments.forms import JOINED_LATER, NOT_YET
from instruments.model import Instrument

EXACT, MONTH, ON_OR_BEFORE = "exact", "month", "on_or_before"
PRECISIONS = (EXACT, MONTH, ON_OR_BEFORE)
# How exact a date is, as readers see it.
PRECISION_WORDS = {
    EXACT: N_("exact"),
    MONTH: N_("some day that month"),
    ON_OR_BEFORE: N_("by then; day unknown"),
}


def precision_word(precision: str) -> str:
    """How exact a position's date is, in the active language: "by then; day unknown"."""
    return _(PRECISION_WORDS[precision]) if precision in PRECISION_WORDS else precision


def dated(day: str, precision: str) -> str:
    """A position's date as readers see it: "27 November 2024", or "January 2024" for a date
    known only to its month (dated by the month's last day)."""
    return formats.month(day) if precision == MONTH else formats.long_date(day)


def earliest(day: date, precision: str, full_lists: Iterable[date], opened: date) -> date:
    """The first day a position evidenced by ``day`` with ``precision`` can have been taken.

    ``full_lists`` are the days of the sources that name every endorser of the instrument: a
    state evidenced only later was not on them.
    """
    if precision == EXACT:
        return day
    if precision == MONTH:
        return day.replace(day=1)
    if precision == ON_OR_BEFORE:
        before = [d for d in full_lists if d < day]
        return max(before) + timedelta(days=1) if before else opened
    raise ValueError(f"unknown date precision {precision!r}: expected one of {PRECISIONS}")


def month_end(day: date) -> date:
    """The last day of the month of ``day``."""
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def opened_by(catalogue: Iterable[Instrument], day: date) -> list[str]:
    """The ids of the instruments that existed on ``day`` (opened for endorsement, or voted)."""
    return [i.id for i in catalogue if date.fromisoformat(i.opened) <= day]


def positions_on(positions: pd.DataFrame, day: date, existing: Iterable[str]) -> pd.DataFrame:
    """The positions as known on ``day``, on the ``existing`` instruments only.

    A position evidenced by ``day`` keeps its status; one whose first possible day is past is
    left out (the state had not taken it); one in between has the status ``JOINED_LATER``.
    """
    known = positions[positions["instrument"].isin(list(existing))]
    on = day.isoformat()  # ISO dates compare as text
    taken = known["date"] <= on
    pending = ~taken & (known["date_earliest"] <= on)
    status = known["status"].where(taken, JOINED_LATER)
    return known.assign(status=status)[taken | pending].reset_index(drop=True)


def matrix_on(matrix: pd.DataFrame, catalogue: Mapping[str, Instrument], day: date) -> pd.DataFrame:
    """``matrix`` with every instrument that did not exist on ``day`` marked ``NOT_YET``."""
    existing = set(opened_by(catalogue.values(), day))
    missing = [i for i in catalogue if i not in existing]
    return matrix.assign(**dict.fromkeys(missing, NOT_YET)) if missing else matrix


def listed_by_log(changelog: pd.DataFrame, day: date) -> set[str]:
    """The codes a list's change log (``etl/changelog.py``) shows on it on ``day``: every
    addition and removal of the lists dated by then, replayed in order."""
    listed: set[str] = set()
    on = day.isoformat()
    for row in changelog.itertuples():
        if (row.source_as_of or row.detected_on) > on:
            continue
        (listed.add if row.change == "added" else listed.discard)(row.iso3)
    return listed


def removed_since(
    changelog: pd.DataFrame, positions: pd.DataFrame, instrument: str, day: date
) -> pd.DataFrame:
    """Rows for the states the change log shows on ``instrument``'s list on ``day`` that a later
    list removed (``positions`` holds only today's endorsers): on that day, they had endorsed."""
    today = set(positions.loc[positions["instrument"] == instrument, "iso3"])
    gone = sorted(listed_by_log(changelog, day) - today)
    rows = []
    for iso3 in gone:
        mine = changelog[(changelog["iso3"] == iso3) & (changelog["change"] == "added")]
        dated = mine["source_as_of"].where(mine["source_as_of"] != "", mine["detected_on"])
        added = mine[dated <= day.isoformat()].iloc[-1]
        seen = added["source_as_of"] or added["detected_on"]
        rows.append(
            {
                "instrument": instrument,
                "iso3": iso3,
                "name": added["name"],
                "in_universe": True,
                "status": "endorsed",
                "name_as_listed": added["name_as_listed"],
                "note": "removed from the list later (change log)",
                "date_earliest": seen,
                "date": seen,
                "date_precision": ON_OR_BEFORE,
                "date_basis": f"on the list as of {seen}; a later list removed it",
            }
        )
    return pd.DataFrame(rows, columns=list(positions.columns)).fillna("")
