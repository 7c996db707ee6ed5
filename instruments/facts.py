"""Each instrument's headline figures and the caveats a reader must know, as its sources say."""

import pandas as pd

from i18n import formats
from i18n.translate import _, ngettext
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
        return [
            (status_word(s), formats.number(int(counts.get(s, 0)))) for s in instrument.form.listed
        ]
    endorsed = formats.number(int(counts.get(ENDORSED, 0)))
    if instrument.form == PARTIAL_LIST:
        return [
            (_("Endorsed, as reported"), instrument.reported_total),
            (_("Named in sources"), endorsed),
        ]
    unconfirmed = int(counts.get(UNCONFIRMED, 0))
    return [(_("Endorsers"), endorsed)] + (
        [(_("Unconfirmed"), formats.number(unconfirmed))] if unconfirmed else []
    )


def headline(instrument: Instrument, positions: pd.DataFrame) -> str:
    """The figures in one line: "58 endorsers: 57 of the 195 states in scope and Kosovo, …"."""
    rows = listed(positions, instrument)
    if instrument.form == RECORDED_VOTE:
        tally = " · ".join(
            _("{count} {status}").format(count=value, status=label.lower())
            for label, value in figures(instrument, rows)
        )
        return _("{tally} (recorded vote of the {members} UN member States)").format(
            tally=tally, members=formats.number(len(rows))
        )
    endorsed = rows[rows["status"] == ENDORSED]
    if instrument.form == PARTIAL_LIST:
        return ngettext(
            "{reported} endorsed, as reported by the source; only {named} is named",
            "{reported} endorsed, as reported by the source; only {named} are named",
            len(endorsed),
        ).format(reported=instrument.reported_total, named=formats.number(len(endorsed)))
    inside = int(_in_universe(endorsed).sum())
    outside = list(endorsed.loc[~_in_universe(endorsed), "name"])
    text = ngettext(
        "{endorsers} endorser: {inside} of the 195 states in scope",
        "{endorsers} endorsers: {inside} of the 195 states in scope",
        len(endorsed),
    ).format(endorsers=formats.number(len(endorsed)), inside=formats.number(inside))
    if outside:
        text = _("{headline} and {names}, outside the scope").format(
            headline=text, names=join_names(outside)
        )
    unconfirmed = list(rows.loc[rows["status"] == UNCONFIRMED, "name"])
    if unconfirmed:
        text = _("{headline}; {names} unconfirmed").format(
            headline=text, names=join_names(unconfirmed)
        )
    return text


def partial_caveat(instrument: Instrument, named: int) -> str:
    """What every map and summary of a partial list must add; empty for a complete record."""
    if instrument.form != PARTIAL_LIST:
        return ""
    return ngettext(
        "The source reports {reported} endorsers but only {named} is named: every other state is "
        "unknown, not “not endorsed”.",
        "The source reports {reported} endorsers but only {named} are named: every other state "
        "is unknown, not “not endorsed”.",
        named,
    ).format(reported=instrument.reported_total, named=formats.number(named))


def caveats(instrument: Instrument, positions: pd.DataFrame) -> list[str]:
    """What a reader must know before using the instrument's figures, one sentence each."""
    rows = listed(positions, instrument)
    found = []
    if instrument.form == PARTIAL_LIST:
        named = rows.loc[rows["status"] == ENDORSED, "name"]
        found.append(
            ngettext(
                "The source reports {reported} endorsers but only {count} is named ({names}): "
                "every other state's position is unknown, never “not endorsed”.",
                "The source reports {reported} endorsers but only {count} are named ({names}): "
                "every other state's position is unknown, never “not endorsed”.",
                len(named),
            ).format(
                reported=instrument.reported_total,
                count=formats.number(len(named)),
                names=join_names(sorted(named)),
            )
        )
    for row in rows[rows["status"] == UNCONFIRMED].itertuples():
        found.append(
            _("{state} is shown as unconfirmed, not as an endorser: {note}.").format(
                state=row.name, note=row.note
            )
        )
    for row in rows[~_in_universe(rows)].itertuples():
        found.append(
            _(
                "{state} is listed as {status} but is outside the 195 states in scope (not a UN "
                "member or observer State): shown, flagged as not in scope."
            ).format(state=row.name, status=status_word(row.status).lower())
        )
    if instrument.form == RECORDED_VOTE:
        found.append(
            _(
                "The two observer States (Holy See, State of Palestine) cannot vote in the "
                "General Assembly: shown as “no vote”."
            )
        )
    return found


def latest_vote(catalogue: list[Instrument]) -> Instrument | None:
    """The most recent recorded vote of the registry, if any."""
    votes = [i for i in catalogue if i.form == RECORDED_VOTE]
    return max(votes, key=lambda i: i.as_of, default=None)


def standing(instrument: Instrument, supporters: int, members: int) -> str:
    """Where a group stands on an instrument: "20 of 27 endorsed"; a partial list never "not"."""
    if instrument.form == PARTIAL_LIST:
        return _(
            "named: {supporters} of the {reported} reported endorsers (the others are unknown)"
        ).format(supporters=formats.number(supporters), reported=instrument.reported_total)
    share = f" ({formats.percent(supporters / members)})" if members else ""
    if instrument.form == RECORDED_VOTE:
        said = _("{supporters} of {members}{share} voted yes")
    else:
        said = _("{supporters} of {members}{share} endorsed")
    return said.format(
        supporters=formats.number(supporters), members=formats.number(members), share=share
    )
