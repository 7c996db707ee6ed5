"""Each instrument's headline figures and the caveats a reader must know, as its sources say."""

import pandas as pd

from instruments.forms import ENDORSED, PARTIAL_LIST, RECORDED_VOTE, UNCONFIRMED, status_word
from instruments.model import Instrument
from instruments.prose import join_names


def listed(positions: pd.DataFrame, instrument: Instrument) -> pd.DataFrame:
    """The rows of positions.csv that the instrument's source lists."""
    return positions[positions["instrument"] == instrument.id]


def _in_universe(rows: pd.DataFrame) -> pd.Series:
    return rows["in_universe"].astype(str).str.lower() == "true"


def figures(instrument: Instrument, positions: pd.DataFrame) -> list[tuple[str, str]]:
    """The headline figures (label, value) of an instrument, as its sources state them."""
    counts = listed(positions, instrument)["status"].value_counts()
    if instrument.form == RECORDED_VOTE:
        return [(status_word(s), str(int(counts.get(s, 0)))) for s in instrument.form.listed]
    endorsed = str(int(counts.get(ENDORSED, 0)))
    if instrument.form == PARTIAL_LIST:
        return [
            ("Endorsed, as reported", instrument.reported_total),
            ("Named in sources", endorsed),
        ]
    unconfirmed = int(counts.get(UNCONFIRMED, 0))
    return [("Endorsers", endorsed)] + ([("Unconfirmed", str(unconfirmed))] if unconfirmed else [])


def headline(instrument: Instrument, positions: pd.DataFrame) -> str:
    """The figures in one line: "58 endorsers: 57 of the 195 states in scope and Kosovo, …"."""
    rows = listed(positions, instrument)
    if instrument.form == RECORDED_VOTE:
        tally = " · ".join(f"{value} {label.lower()}" for label, value in figures(instrument, rows))
        return f"{tally} (recorded vote of the {len(rows)} UN member States)"
    endorsed = rows[rows["status"] == ENDORSED]
    if instrument.form == PARTIAL_LIST:
        return (
            f"{instrument.reported_total} endorsed, as reported by the source; only "
            f"{len(endorsed)} are named"
        )
    inside = int(_in_universe(endorsed).sum())
    outside = list(endorsed.loc[~_in_universe(endorsed), "name"])
    text = f"{len(endorsed)} endorsers: {inside} of the 195 states in scope"
    if outside:
        text += f" and {join_names(outside)}, outside the scope"
    unconfirmed = list(rows.loc[rows["status"] == UNCONFIRMED, "name"])
    if unconfirmed:
        text += f"; {join_names(unconfirmed)} unconfirmed"
    return text


def partial_caveat(instrument: Instrument, named: int) -> str:
    """What every map and summary of a partial list must add; empty for a complete record."""
    if instrument.form != PARTIAL_LIST:
        return ""
    return (
        f"The source reports {instrument.reported_total} endorsers but only {named} are named: "
        "every other state is unknown, not “not endorsed”."
    )


def caveats(instrument: Instrument, positions: pd.DataFrame) -> list[str]:
    """What a reader must know before using the instrument's figures, one sentence each."""
    rows = listed(positions, instrument)
    found = []
    if instrument.form == PARTIAL_LIST:
        named = rows.loc[rows["status"] == ENDORSED, "name"]
        found.append(
            f"The source reports {instrument.reported_total} endorsers but only {len(named)} are "
            f"named ({join_names(sorted(named))}): every other state's position is unknown, "
            "never “not endorsed”."
        )
    for row in rows[rows["status"] == UNCONFIRMED].itertuples():
        found.append(f"{row.name} is shown as unconfirmed, not as an endorser: {row.note}.")
    for row in rows[~_in_universe(rows)].itertuples():
        found.append(
            f"{row.name} is listed as {status_word(row.status).lower()} but is outside the 195 "
            "states in scope (not a UN member or observer State): shown, flagged as not in scope."
        )
    if instrument.form == RECORDED_VOTE:
        found.append(
            "The two observer States (Holy See, State of Palestine) cannot vote in the General "
            "Assembly: shown as “no vote”."
        )
    return found


def latest_vote(catalogue: list[Instrument]) -> Instrument | None:
    """The most recent recorded vote of the registry, if any."""
    votes = [i for i in catalogue if i.form == RECORDED_VOTE]
    return max(votes, key=lambda i: i.as_of, default=None)


def standing(instrument: Instrument, supporters: int, members: int) -> str:
    """Where a group stands on an instrument: "20 of 27 endorsed"; a partial list never "not"."""
    if instrument.form == PARTIAL_LIST:
        return (
            f"named: {supporters} of the {instrument.reported_total} reported endorsers "
            "(the others are unknown)"
        )
    verb = "voted yes" if instrument.form == RECORDED_VOTE else "endorsed"
    share = f" ({supporters / members:.0%})" if members else ""
    return f"{supporters} of {members}{share} {verb}"
