"""What moved between two days: who joined which instrument, and how votes changed.

Two status matrices (instruments/timeline.py: the positions as known on each day) give the
joins; consecutive recorded votes give the vote changes. Each move keeps how exact its date is:
a state unknown on the first day and evidenced later may have joined before it (``certain`` is
False), and is never counted as a sure mover.
"""

from datetime import date
from itertools import pairwise

import pandas as pd

from instruments.forms import JOINED_LATER, NOT_YET
from instruments.model import Instrument

COLUMNS = ["iso3", "instrument", "before", "after", "date", "date_precision", "certain", "kind"]
JOINED, VOTE = "joined", "vote"


def joins(
    before: pd.DataFrame,
    after: pd.DataFrame,
    positions: pd.DataFrame,
    catalogue: dict[str, Instrument],
    since: date,
) -> pd.DataFrame:
    """The states that support an instrument (endorse it) on the second day but not the first,
    for every instrument a state can join, with the position's date and precision."""
    rows = []
    dated = positions.set_index(["instrument", "iso3"])
    for instrument in catalogue.values():
        if not instrument.form.joinable:
            continue
        was, now = before[instrument.id], after[instrument.id]
        for iso3 in now.index[now.isin(instrument.supporting) & ~was.isin(instrument.supporting)]:
            row = dated.loc[(instrument.id, iso3)]
            rows.append(
                {
                    "iso3": iso3,
                    "instrument": instrument.id,
                    "before": NOT_YET if was[iso3] == NOT_YET else was[iso3],
                    "after": now[iso3],
                    "date": row["date"],
                    "date_precision": row["date_precision"],
                    # an earlier unknown (or a day range starting before) may predate ``since``
                    "certain": was[iso3] != JOINED_LATER
                    and row["date_earliest"] > since.isoformat(),
                    "kind": JOINED,
                }
            )
    return pd.DataFrame(rows, columns=COLUMNS)


def vote_moves(
    matrix: pd.DataFrame, catalogue: dict[str, Instrument], since: date, until: date
) -> pd.DataFrame:
    """Each state whose vote differs from one recorded vote to the next, for every vote held
    after ``since`` and by ``until`` (the previous vote may be older)."""
    votes = sorted((i for i in catalogue.values() if i.form.recurring), key=lambda i: i.opened)
    rows = []
    for previous, vote in pairwise(votes):
        held = date.fromisoformat(vote.opened)
        if not since < held <= until:
            continue
        was, now = matrix[previous.id], matrix[vote.id]
        for iso3 in now.index[(was != now) & (now != vote.missing) & (was != previous.missing)]:
            rows.append(
                {
                    "iso3": iso3,
                    "instrument": vote.id,
                    "before": was[iso3],
                    "after": now[iso3],
                    "date": vote.opened,
                    "date_precision": "exact",
                    "certain": True,
                    "kind": VOTE,
                    "previous": previous.id,
                }
            )
    return pd.DataFrame(rows, columns=[*COLUMNS, "previous"])
