"""What moved since a day, in a focus: the movers table and the ready-to-say sentence."""

from collections.abc import Collection, Mapping
from datetime import date

import pandas as pd

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _, ngettext
from instruments.changes import JOINED, joins, vote_moves
from instruments.forms import status_word
from instruments.model import Instrument
from instruments.prose import join_names, long_date
from instruments.timeline import EXACT, precision_word
from ui.tables.dataset import Dataset
from ui.views.focus import FocusFrame


def movers(then: Dataset, now: Dataset, since: date) -> pd.DataFrame:
    """Every join and vote change between ``then`` (the dataset on ``since``) and ``now``."""
    until = now.day or date.today()
    found = [
        joins(then.matrix, now.matrix, now.positions, now.catalogue, since),
        vote_moves(now.matrix, now.catalogue, since, until),
    ]
    return pd.concat([f for f in found if not f.empty] or found[:1], ignore_index=True)


def movers_table(
    found: pd.DataFrame,
    members: Collection[str],
    names: Mapping[str, str],
    catalogue: Mapping[str, Instrument],
) -> pd.DataFrame:
    """The movers among ``members``, newest first: state, instrument, change, date and how
    exact it is."""
    mine = found[found["iso3"].isin(list(members))]
    rows = []
    for move in mine.itertuples():
        instrument = catalogue[move.instrument]
        if move.kind == JOINED:
            change = status_word(move.after)
            if not move.certain:
                change = _("{change} (may have been before)").format(change=change)
        else:
            change = _("{before} → {after}").format(
                before=status_word(move.before), after=status_word(move.after)
            )
        rows.append(
            {
                "ISO3": move.iso3,
                _("State"): names.get(move.iso3, move.iso3),
                _("Instrument"): instrument.short_title,
                _("Change"): change,
                _("Date"): date.fromisoformat(move.date),
                _("How exact"): ""
                if move.date_precision == EXACT
                else precision_word(move.date_precision),
            }
        )
    columns = ["ISO3", _("State"), _("Instrument"), _("Change"), _("Date"), _("How exact")]
    table = pd.DataFrame(rows, columns=columns)
    by_name = table.sort_values(_("State"), key=lambda names: names.map(sort_key))
    return by_name.sort_values(_("Date"), ascending=False, kind="stable", ignore_index=True)


def _joined(parts: list[str]) -> str:
    """The parts of a sentence, one after the other: "a; b; c" ("a ; b ; c" in French)."""
    text = parts[0]
    for part in parts[1:]:
        text = _("{first}; {second}").format(first=text, second=part)
    return text


def since_sentence(
    found: pd.DataFrame,
    members: Collection[str],
    names: Mapping[str, str],
    catalogue: Mapping[str, Instrument],
    since: date,
    where: str,
) -> str:
    """ "Since 1 March 2024, in the African Union: 3 states endorsed the US Political
    Declaration (…); 2 changed their vote on UNGA 79/62 from abstain to yes (…)"."""
    mine = found[found["iso3"].isin(list(members))]
    parts = []
    # joins by instrument; vote changes by instrument and the two votes
    change = mine["before"].where(mine["kind"] != JOINED, "") + "→" + mine["after"]
    for instrument_id, moves in mine.assign(change=change).groupby("instrument", sort=False):
        instrument = catalogue[instrument_id]
        for _change, group in moves.groupby("change", sort=False):
            before, after = group["before"].iloc[0], group["after"].iloc[0]
            who = join_names(sorted((names.get(c, c) for c in group["iso3"]), key=sort_key))
            count = len(group)
            if group["kind"].iloc[0] == JOINED:
                part = ngettext(
                    "{count} state {did} ({names})", "{count} states {did} ({names})", count
                ).format(
                    count=formats.number(count),
                    did=instrument.form.did_by(instrument.object, count),
                    names=who,
                )
                unsure = int((~group["certain"].astype(bool)).sum())
                if unsure:
                    part += ngettext(
                        ", {count} of them possibly before that day",
                        ", {count} of them possibly before that day",
                        unsure,
                    ).format(count=formats.number(unsure))
            else:
                part = ngettext(
                    "{count} state changed its vote on {instrument} from “{before}” to "
                    "“{after}” ({names})",
                    "{count} states changed their vote on {instrument} from “{before}” to "
                    "“{after}” ({names})",
                    count,
                ).format(
                    count=formats.number(count),
                    instrument=instrument.short_title,
                    before=status_word(before).lower(),
                    after=status_word(after).lower(),
                    names=who,
                )
            parts.append(part)
    day = long_date(since.isoformat())
    if not parts:
        return _("Since {day}, no state {where} joined an instrument or changed its vote.").format(
            day=day, where=where
        )
    return _("Since {day}, {where}: {changes}.").format(
        day=day, where=where, changes=_joined(parts)
    )


def in_focus(
    found: pd.DataFrame, data: Dataset, frame: FocusFrame, since: date
) -> tuple[str, pd.DataFrame]:
    """What moved in a focus since a day, as the pages and the packs say it: the ready-to-say
    sentence and the movers table, among the states in scope (the world) or the focus's members."""
    names = dict(zip(data.table["iso3"], data.table["name"], strict=True))
    members = frozenset(data.table.loc[data.table["in_universe"], "iso3"])
    members = members if frame.is_world else frame.members
    said = since_sentence(found, members, names, data.catalogue, since, frame.where)
    return said, movers_table(found, members, names, data.catalogue)
