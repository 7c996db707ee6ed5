"""The country profile's first card: a status's badge, the outreach rank, the supporting peers."""

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd
from babel.numbers import format_decimal

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _, ngettext, pgettext
from instruments.model import Instrument
from instruments.prose import join_names
from store.groups import Group
from ui.tables.outreach import ranks
from ui.text import md

NAMED = 20  # peers named in a group at most; the rest are counted


@dataclass(frozen=True)
class Peers:
    """The other members of one of a state's groups, and the names of those that support it."""

    group: Group
    others: int
    names: tuple[str, ...]
    members: frozenset[str]  # the other members' codes

    def line(self, also: tuple[Group, ...] = ()) -> str:
        """The group (and ``also``, groups with the very same other members) in bold, how many
        of its other members support, and their names (Markdown): the first ``NAMED`` of them,
        then how many more."""
        names = list(self.names[:NAMED])
        if (rest := len(self.names) - NAMED) > 0:
            names.append(
                ngettext("{count} other", "{count} others", rest).format(count=formats.number(rest))
            )
        return _("**{group}** ({count} of {others}): {names}").format(
            group=md(join_names([g.label for g in (self.group, *also)])),
            count=formats.number(len(self.names)),
            others=formats.number(self.others),
            names=md(join_names(names)) if names else pgettext("no peer supports", "none"),
        )


def supporting_peers(iso3: str, groups: list[Group], supporting: set[str]) -> list[Peers]:
    """For each group with other members: how many there are, and the supporters among them."""
    found = []
    for group in groups:
        others = [m for m in group.members if m.iso3 != iso3]
        if others:
            names = sorted((m.name for m in others if m.iso3 in supporting), key=sort_key)
            found.append(Peers(group, len(others), tuple(names), frozenset(m.iso3 for m in others)))
    return found


def alike(peers: Iterable[Peers]) -> list[list[Peers]]:
    """The groups whose other members are the very same states (Africa, the African Group and
    the African Union, among the 195) together, each set where its first group stood."""
    found: dict[frozenset[str], list[Peers]] = {}
    for peers_of_group in peers:
        found.setdefault(peers_of_group.members, []).append(peers_of_group)
    return list(found.values())


def peer_lines(peers: list[Peers]) -> list[str]:
    """Each group's line (``Peers.line``); groups with the same other members share one, so the
    same names are not read three times."""
    return [first.line(tuple(p.group for p in rest)) for first, *rest in alike(peers)]


def badge(instrument: Instrument, status: str, supported: bool) -> str:
    """A status as a Markdown badge: blue for support, grey when undecided, orange otherwise."""
    if supported:
        colour, icon = "blue", "check_circle"
    elif instrument.form.undecided(status):
        colour, icon = "gray", "help"
    else:
        colour, icon = "orange", "radio_button_unchecked"
    return f":{colour}-badge[:material/{icon}: {md(instrument.word(status))}]"


def rank_sentence(iso3: str, ranked: pd.DataFrame) -> str:
    """The outreach page's sentence on a state that has not endorsed: its rank among all of
    them, its score and why (Markdown); "" for a state not in ``ranked``."""
    if iso3 not in ranked.index:
        return ""
    row = ranked.loc[iso3]
    return _(
        "**{name}** is ranked **{rank}** of the {total} states that have not endorsed, with a "
        "score of **{score}**: {why}."
    ).format(
        name=md(row["name"]),
        rank=formats.number(ranks(ranked)[iso3]),
        total=formats.number(len(ranked)),
        score=format_decimal(row["score"], format="#,##0.0", locale=formats.locale()),
        why=md(row["why"]),
    )
