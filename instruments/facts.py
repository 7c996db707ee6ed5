"""Each instrument's headline figures and the caveats a reader must know, as its sources say.

The rows come from positions.csv; the instrument's form says what they mean, in words.
"""

import pandas as pd

from i18n import formats
from i18n.translate import _, active
from instruments.forms import JOINED_LATER, Listed, Listing
from instruments.model import Instrument
from store.reference import local_names


def listed(positions: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """The rows of positions.csv that the instrument's source lists."""
    return positions[positions["instrument"] == instrument.id]


def listing(instrument: Instrument, positions: pd.DataFrame) -> Listing:
    """What the instrument's source lists, as its form reads it."""
    rows = listed(positions, instrument)
    in_scope = rows["in_universe"].astype(str).str.lower() == "true"
    shown = local_names(active())  # read once per listing, not once per row
    return Listing(
        rows=tuple(
            Listed(shown.get(iso3) or name, status, note, inside)
            for iso3, name, status, note, inside in zip(
                rows["iso3"], rows["name"], rows["status"], rows["note"], in_scope, strict=True
            )
        ),
        reported=instrument.reported_total,
    )


def figures(instrument: Instrument, positions: pd.DataFrame) -> list[tuple[str, str]]:
    """The headline figures (label, value) of an instrument, as its sources state them; on a
    past day, also how many had joined by a later date, unknown then."""
    found = listing(instrument, positions)
    later = found.count(JOINED_LATER)
    dated = [(_("Unknown on this date"), formats.number(later))] if later else []
    return instrument.form.figures(found) + dated


def headline(instrument: Instrument, positions: pd.DataFrame) -> str:
    """The figures in one line: "58 endorsers: 57 of the 195 states in scope and Kosovo, …"."""
    return instrument.form.headline(listing(instrument, positions))


def partial_caveat(instrument: Instrument, named: int) -> str:
    """What every map and summary of a partial list must add; empty for a complete record."""
    return instrument.form.unnamed_caveat(instrument.reported_total, named)


def caveats(instrument: Instrument, positions: pd.DataFrame) -> list[str]:
    """What a reader must know before using the instrument's figures, one sentence each."""
    return instrument.form.caveats(listing(instrument, positions))


def latest_vote(catalogue: list[Instrument]) -> Instrument | None:
    """The most recent instrument of a form put to states again each session (a recorded vote)."""
    votes = [i for i in catalogue if i.form.recurring]
    return max(votes, key=lambda i: i.as_of, default=None)


def standing(instrument: Instrument, supporters: int, members: int) -> str:
    """Where a group stands on an instrument: "20 of 27 endorsed"; a partial list never "not".
    ``supporters``: the members its form counts (``Form.counted``)."""
    return instrument.form.standing(supporters, members, instrument.reported_total)
