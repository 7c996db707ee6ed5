"""Outreach priority of each non-endorser: its signals, a weighted score, and why, in words.

The terms of the score come from the instrument registry: every instrument with a
``priority_weight`` adds one (a vote's yes and no are pooled over all votes), then the two
peer terms. Adding an instrument to the registry adds its term; nothing here names one.
"""

from dataclasses import dataclass, replace

import pandas as pd

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import N_, _
from instruments.forms import Signal
from instruments.model import Instrument
from instruments.prose import capitalised, join_names
from store.groups import Group

Weights = dict[str, float]  # term key → points
PEER_COLUMNS = ["regional_group", "regional_share", "organisation", "organisation_share"]


@dataclass(frozen=True)
class Term:
    """One weighted signal of the score: from instruments, or the share of endorsing peers."""

    key: str  # weight key (URL, slider, export) and column of the signals table
    label: str  # slider label
    help: str  # what the weight rewards, next to its slider
    default: float
    sign: int  # +1 adds points, -1 subtracts them
    instruments: tuple[Instrument, ...] = ()
    signal: Signal | None = None  # None for the peer terms

    @property
    def pooled(self) -> bool:
        """Whether the term adds up several instruments (votes)."""
        return self.signal is not None and self.signal.pooled

    def amount(self, statuses: pd.Series) -> float:
        """The term's value for one state, from its statuses (matrix row) before weighting."""
        assert self.signal is not None
        return sum(self.signal.amount(statuses[i.id]) for i in self.instruments)


PEER_TERMS = (  # label and help marked here, translated by ``terms``
    Term(
        "regional_peers",
        N_("Regional group peers"),
        N_("Times the share of the other members of its UN regional group that endorsed."),
        2.0,
        1,
    ),
    Term(
        "organisation_peers",
        N_("Organisation peers"),
        N_("Times the highest share of endorsers among the other members of its organisations."),
        2.0,
        1,
    ),
)
PEER_SHARE = {"regional_peers": "regional_share", "organisation_peers": "organisation_share"}
PEER_GROUP = {"regional_peers": "regional_group", "organisation_peers": "organisation"}


def _instrument_term(instrument: Instrument, signal: Signal, weight: float) -> Term:
    return Term(
        key=instrument.id,
        label=instrument.short_title,
        help=_("{did} (points if yes; unconfirmed counts half).").format(
            did=capitalised(instrument.form.did(instrument.object))
        ),
        default=weight,
        sign=signal.sign,
        instruments=(instrument,),
        signal=signal,
    )


def terms(catalogue: list[Instrument]) -> list[Term]:
    """The score's terms, in registry order, then the peer terms, in the active language.

    Pooled terms take their weight from every instrument feeding them, which must agree.
    """
    found: dict[str, Term] = {}
    for instrument in catalogue:
        for signal, weight in instrument.default_weights().items():
            if not signal.pooled:
                found[instrument.id] = _instrument_term(instrument, signal, weight)
                continue
            before = found.get(signal.key)
            if before and before.default != weight:
                raise ValueError(
                    f"instrument {instrument.id}: {signal.registry_part}={weight:g} differs from "
                    f"{before.default:g} of the other instruments pooled in {signal.key}"
                )
            pooled = (*before.instruments, instrument) if before else (instrument,)
            said = _(signal.help).format(names=join_names([i.brief for i in pooled]))
            found[signal.key] = Term(
                signal.key, _(signal.label), said, weight, signal.sign, pooled, signal
            )
    peers = [replace(t, label=_(t.label), help=_(t.help)) for t in PEER_TERMS]
    return [*found.values(), *peers]


def default_weights(every: list[Term]) -> Weights:
    """The documented default of every term."""
    return {t.key: t.default for t in every}


def weights_from(values: dict[str, float], every: list[Term]) -> Weights:
    """Weights from a mapping (slider values); unknown keys are ignored, missing ones default."""
    return {t.key: float(values.get(t.key, t.default)) for t in every}


def _peer_share(group: Group, iso3: str, endorsed: set[str]) -> float | None:
    peers = [m.iso3 for m in group.members if m.iso3 != iso3]
    return sum(p in endorsed for p in peers) / len(peers) if peers else None


def best_organisation(
    iso3: str, organisations: list[Group], supporting: set[str]
) -> tuple[float, Group | None]:
    """The organisation of a state whose other members support the most, with that share; on a
    tie, the one whose label sorts last. (0.0, None) when it belongs to none with peers."""
    shares = [
        (share, org)
        for org in organisations
        if iso3 in org.codes and (share := _peer_share(org, iso3, supporting)) is not None
    ]
    return max(shares, key=lambda pair: (pair[0], pair[1].label), default=(0.0, None))


def signals(
    candidates: list[str],
    matrix: pd.DataFrame,
    endorsed: set[str],
    un_groups: list[Group],
    organisations: list[Group],
    every: list[Term],
) -> pd.DataFrame:
    """One row per candidate state (index iso3) with the signals the score is made of."""
    instrument_terms = [t for t in every if t.signal is not None]
    rows = []
    for iso3 in candidates:
        statuses = matrix.loc[iso3]
        # The observer States' "no regional group" is not a group whose peers count.
        group = next((g for g in un_groups if iso3 in g.codes and g.group_id != "none"), None)
        best_share, best_org = best_organisation(iso3, organisations, endorsed)
        rows.append(
            {
                "iso3": iso3,
                **{t.key: t.amount(statuses) for t in instrument_terms},
                **{_on(t): _counted(t, statuses) for t in instrument_terms if t.pooled},
                "regional_group": group.label if group else "",
                "regional_share": (_peer_share(group, iso3, endorsed) or 0.0) if group else 0.0,
                "organisation": best_org.label if best_org else "",
                "organisation_share": best_share,
            }
        )
    pooled = [_on(t) for t in instrument_terms if t.pooled]
    columns = ["iso3", *(t.key for t in instrument_terms), *pooled, *PEER_COLUMNS]
    return pd.DataFrame(rows, columns=columns).set_index("iso3")


def _on(term: Term) -> str:
    """The column of a pooled term that names the instruments it counted for a state."""
    return f"{term.key}:on"


def _counted(term: Term, statuses: pd.Series) -> str:
    """The ids of the instruments a pooled term counts for one state, comma-separated."""
    return ",".join(i.id for i in term.instruments if term.signal.amount(statuses[i.id]))


def amount(row: pd.Series, term: Term) -> float:
    """A term's value in one row of the signals table."""
    return float(row[PEER_SHARE.get(term.key, term.key)])


def score(table: pd.DataFrame, weights: Weights, every: list[Term]) -> pd.Series:
    """The weighted sum of the signals, rounded to one decimal."""
    total = pd.Series(0.0, index=table.index)
    for term in every:
        total += term.sign * weights[term.key] * table[PEER_SHARE.get(term.key, term.key)]
    return total.round(1)


def _times(n: int) -> str:
    if n == 1:
        return _("once")
    if n == 2:
        return _("twice")
    return _("{count} times").format(count=formats.number(n))


def _says(row: pd.Series, term: Term) -> str:
    """What a term says of a state, or "" when it does not count."""
    value = amount(row, term)
    if term.key in PEER_GROUP:
        group = row[PEER_GROUP[term.key]]
        if not group:
            return ""
        return _("{share} of its {group} peers endorsed").format(
            share=formats.percent(value), group=group
        )
    if not value:
        return ""
    if term.pooled:  # the instruments it counted: "voted yes twice on UNGA 79/62 and 80/57"
        counted = set(str(row.get(_on(term), "")).split(","))
        names = join_names([i.brief for i in term.instruments if i.id in counted])
        return _(term.signal.says).format(times=_times(int(value)), names=names)
    instrument = term.instruments[0]
    if value < 1:
        return _("reported (unconfirmed) as endorsing {instrument}").format(
            instrument=instrument.object
        )
    return instrument.form.did(instrument.object)


def explain(row: pd.Series, every: list[Term]) -> str:
    """Why a state ranks where it does: each signal that counts, in plain words."""
    parts = [said for term in every if (said := _says(row, term))]
    if not parts:
        return _("no related commitments or supportive votes on record")
    return formats.clauses(parts)


def priorities(
    table: pd.DataFrame, weights: Weights, names: pd.Series, every: list[Term]
) -> pd.DataFrame:
    """Signals with score and explanation, highest score first (ties by name, accent-blind:
    Éthiopie among the E's)."""
    ranked = table.assign(
        name=names.reindex(table.index),
        score=score(table, weights, every),
        why=[explain(row, every) for _, row in table.iterrows()],
    )
    return ranked.sort_values(
        ["score", "name"],
        ascending=[False, True],
        key=lambda column: column.map(sort_key) if column.name == "name" else column,
    )
