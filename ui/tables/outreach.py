"""The outreach list: states in scope that have not endorsed, filtered, ranked and explained."""

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
from babel.numbers import format_decimal

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _
from instruments.model import Instrument
from instruments.prose import capitalised, join_names
from store.focus import WORLD_FOCUS, Focus
from store.groups import UN_GROUP_LABELS, Group, GroupKind, region_label, slug, un_group_label
from store.normalise import normalise_name
from ui.tables.priority import PEER_GROUP, Term, Weights, amount

SUBTRACTED = re.compile(r"\s*\([^()]*\)$")  # "(subtracted)" after a slider label, any language
COLUMNS = [
    "State",
    "ISO3",
    "M49 region",
    "M49 sub-region",
    "UN regional group",
    "Organisations",
    "Caveats",
]
SEPARATOR = " | "  # between the names of a search key; normalised names never contain it


@dataclass(frozen=True)
class Filters:
    """Outreach filters; None or "" means no restriction."""

    region: str | None = None
    subregion: str | None = None
    ungroup: str | None = None
    organisation: Group | None = None
    query: str = ""
    group: Focus | None = None  # a group the user made (store.focus): its members only

    @property
    def active(self) -> bool:
        """Whether any filter restricts the list."""
        return any(
            (self.region, self.subregion, self.ungroup, self.organisation, self.query, self.group)
        )

    def describe(self) -> str:
        """The filters in words, for export headers ("all states" when none applies)."""
        parts = [
            _your_group(self.group) if self.group else "",
            _("region {region} (UN M49)").format(region=region_label(self.region))
            if self.region
            else "",
            _("sub-region {subregion} (UN M49)").format(subregion=region_label(self.subregion))
            if self.subregion
            else "",
            _("UN regional group {group}").format(group=un_group_label(self.ungroup))
            if self.ungroup
            else "",
            _("members of {organisation}").format(organisation=self.organisation.label)
            if self.organisation
            else "",
            _("search “{query}”").format(query=self.query) if self.query else "",
        ]
        return formats.clauses(p for p in parts if p) or _("no filter")


def _your_group(group: Focus) -> str:
    """The user's group as a filter: "members of your group “Nairobi consultation”"."""
    if group.name:
        return _("members of your group “{group}”").format(group=group.name)
    return _("members of your group")


def search_keys(
    table: pd.DataFrame, aliases: pd.DataFrame, un_names: pd.DataFrame
) -> dict[str, str]:
    """ISO3 → one normalised string of its code, UN names in six languages and every alias."""
    names: dict[str, list[str]] = {}
    for iso3, alias in zip(aliases["iso3"], aliases["alias"], strict=True):
        names.setdefault(iso3, []).append(alias)
    for iso3, row in un_names.iterrows():
        names.setdefault(str(iso3), []).extend(row.tolist())
    return {
        iso3: SEPARATOR.join(normalise_name(n) for n in [iso3, name, *names.get(iso3, [])])
        for iso3, name in zip(table["iso3"], table["name"], strict=True)
    }


def found(query: str, keys: dict[str, str]) -> set[str]:
    """The ISO3 codes whose search key contains ``query`` once normalised (all when it is empty).

    A query that is a whole name of a state ("Niger", "Guinea", "Soudan", "Congo") finds the
    states of that name only, not the longer names that contain it ("Nigeria", "Guinea-Bissau",
    "Soudan du Sud", "République démocratique du Congo"); a part of a name finds every state whose
    names contain it. ISO3 codes are not whole names here, so "aus" still finds Austria.
    """
    wanted = normalise_name(query)
    named = {code for code, key in keys.items() if wanted and wanted in key.split(SEPARATOR)[1:]}
    return named or {code for code, key in keys.items() if wanted in key}


def memberships(organisations: list[Group]) -> dict[str, list[str]]:
    """ISO3 → the labels of its organisations, with a suspension or doubt marked."""
    out: dict[str, list[str]] = {}
    for group in organisations:
        for m in group.members:
            out.setdefault(m.iso3, []).append(
                f"{group.label} ({m.marker})" if m.marker else group.label
            )
    return out


def matching(rows: pd.DataFrame, keys: dict[str, str], filters: Filters) -> pd.DataFrame:
    """The rows (of the endorsements table's shape) that match every filter."""
    if filters.group:
        rows = rows[rows["iso3"].isin(filters.group.codes)]
    if filters.region:
        rows = rows[rows["m49_region"] == filters.region]
    if filters.subregion:
        rows = rows[rows["m49_subregion"] == filters.subregion]
    if filters.ungroup is not None and filters.ungroup != "":
        rows = rows[rows["un_regional_group"] == filters.ungroup]
    if filters.organisation:
        rows = rows[rows["iso3"].isin(filters.organisation.codes)]
    if normalise_name(filters.query):
        rows = rows[rows["iso3"].isin(found(filters.query, keys))]
    return rows


def non_endorsers(
    table: pd.DataFrame,
    endorsed: set[str],
    organisations: list[Group],
    keys: dict[str, str],
    caveats: dict[str, str],
    filters: Filters,
) -> pd.DataFrame:
    """Universe states not in ``endorsed`` that match every filter, sorted by name."""
    rows = matching(table[table["in_universe"] & ~table["iso3"].isin(endorsed)], keys, filters)
    member_of = memberships(organisations)
    org_caveats: dict[str, list[str]] = {}
    for group in organisations:
        for m in group.members:
            if m.caveat:
                org_caveats.setdefault(m.iso3, []).append(
                    _("{label}: {text}").format(label=group.label, text=m.caveat)
                )
    out = pd.DataFrame(
        {
            "State": rows["name"],
            "ISO3": rows["iso3"],
            "M49 region": rows["m49_region"].map(region_label),
            "M49 sub-region": rows["m49_subregion"].map(region_label),
            "UN regional group": [
                un_group_label(g) if g else _("none (observer State)")
                for g in rows["un_regional_group"]
            ],
            "Organisations": [", ".join(member_of.get(c, [])) for c in rows["iso3"]],
            "Caveats": [
                formats.clauses(x for x in [caveats.get(c, ""), *org_caveats.get(c, [])] if x)
                for c in rows["iso3"]
            ],
        },
        columns=COLUMNS,
    )
    return out.sort_values("State", key=lambda s: s.map(sort_key), ignore_index=True)


def formula(weights: Weights, every: list[Term]) -> str:
    """The score as a sum of weighted signals, in words."""
    terms = []
    for term in every:
        sign = "−" if term.sign < 0 else "+"
        label = SUBTRACTED.sub("", term.label) if term.sign < 0 else term.label
        terms.append(f"{sign} {formats.number(weights[term.key])} × {label}")
    return " ".join(terms).removeprefix("+ ")


def ranks(ranked: pd.DataFrame) -> pd.Series:
    """Rank by score among all the states of ``ranked`` (1 = highest); ties share the best rank."""
    return ranked["score"].rank(method="min", ascending=False).astype(int)


def view_ranks(rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` (a filtered ``priority_table``) ranked among themselves: ``Rank`` (1 = highest
    score, ties share the best rank), with the rank among every non-endorser as ``World rank``."""
    out = rows.rename(columns={"Rank": "World rank"})
    out.insert(0, "Rank", out["Score"].rank(method="min", ascending=False).astype(int))
    return out


def priority_table(
    gaps: pd.DataFrame,
    ranked: pd.DataFrame,
    weights: Weights,
    matrix: pd.DataFrame,
    related: list[Instrument],
    every: list[Term],
) -> pd.DataFrame:
    """The outreach list with rank, score, why, its points, each related position, peer shares.

    ``gaps`` is the filtered outreach list, ``ranked`` the output of ``priority.priorities`` over
    every state that has not endorsed: a rank is among all of them, ties sharing the best rank.
    """
    rank = ranks(ranked)
    codes = list(gaps["ISO3"])
    signals = ranked.reindex(codes)
    out = pd.DataFrame(
        {
            "Rank": rank.reindex(codes).to_numpy(),
            "State": gaps["State"].to_numpy(),
            "Score": signals["score"].to_numpy(),
            "Why": signals["why"].to_numpy(),
            "Points": [points(row, weights, every) for _, row in signals.iterrows()],
        }
    )
    for instrument in related:
        out[instrument.short_title] = (
            matrix.reindex(codes)[instrument.id].map(instrument.word).to_numpy()
        )
    for term in every:
        if term.pooled:
            out[term.signal.title] = signals[term.key].to_numpy()
    out["Regional group share"] = signals["regional_share"].to_numpy()
    out["Best organisation"] = signals["organisation"].to_numpy()
    out["Organisation share"] = signals["organisation_share"].to_numpy()
    return pd.concat([out, gaps.drop(columns=["State"]).reset_index(drop=True)], axis=1)


def _value_words(row: pd.Series, term: Term) -> str:
    """A term's value for one state, in words."""
    value = amount(row, term)
    if term.key in PEER_GROUP or term.pooled:
        return formats.percent(value) if term.key in PEER_GROUP else formats.number(value)
    counted, not_counted = term.signal.words
    if 0 < value < 1:
        return _("unconfirmed (counts half)")
    return _(counted) if value else _(not_counted)


def _long_label(row: pd.Series, term: Term) -> str:
    """What a term measures, in a sentence's words."""
    if term.key == "regional_peers":
        return _("Share of its {group} peers that endorsed").format(
            group=row["regional_group"] or _("regional group")
        )
    if term.key == "organisation_peers":
        return _("Share of its {organisation} peers that endorsed (its best organisation)").format(
            organisation=row["organisation"] or _("organisations")
        )
    if term.pooled:
        names = join_names([i.brief for i in term.instruments])
        said = _("{signal} on {names} (subtracted)") if term.sign < 0 else _("{signal} on {names}")
        return said.format(signal=_(term.signal.title), names=names)
    instrument = term.instruments[0]
    return capitalised(instrument.form.did(instrument.object))


def _short_label(term: Term) -> str:
    if term.key == "regional_peers":
        return _("regional group")
    if term.key == "organisation_peers":
        return _("organisation")
    return _(term.signal.title).lower() if term.pooled else term.instruments[0].brief


def score_terms(row: pd.Series, weights: Weights, every: list[Term]) -> pd.DataFrame:
    """A state's score term by term: each signal, its value, its weight and the points it adds."""
    return pd.DataFrame(
        [
            {
                "Signal": _long_label(row, term),
                "Short": _short_label(term),
                "Value": _value_words(row, term),
                "Weight": term.sign * weights[term.key],
                "Points": round(term.sign * weights[term.key] * amount(row, term), 2),
            }
            for term in every
        ]
    )


def points(row: pd.Series, weights: Weights, every: list[Term]) -> str:
    """How a state's score adds up, in one line (only the terms that are not zero)."""
    shown = []
    for term in every:
        value = term.sign * weights[term.key] * amount(row, term)
        if round(value, 1):
            tenths = Decimal(f"{abs(value):.1f}")  # rounded as before, then written in the language
            points = format_decimal(tenths, format="0.0", locale=formats.locale())
            shown.append(f"{'−' if value < 0 else '+'}{points} {_short_label(term)}")
    return " ".join(shown).removeprefix("+") or "0"


def filter_params(focus: Focus, universe: pd.DataFrame) -> dict[str, str]:
    """The filters' URL parameters that select ``focus`` (``focus_of`` reads them back); none for
    the world; a group the user made is its own (``?group=``, ``?group_name=``). ``universe``
    has the states' English ``m49_region`` and ``m49_subregion``."""
    if focus.is_group:
        return focus.url_params()
    if focus.kind == GroupKind.ORG:
        return {"org": focus.group_id}
    if focus.kind == GroupKind.UNGROUP:
        named = [k for k, label in UN_GROUP_LABELS.items() if slug(label) == focus.group_id]
        return {"ungroup": named[0]} if named else {}
    column = {GroupKind.REGION: "m49_region", GroupKind.SUBREGION: "m49_subregion"}.get(focus.kind)
    if column is None:
        return {}
    rows = universe[universe[column].map(slug) == focus.group_id]
    if rows.empty:
        return {}
    found = {"region": rows["m49_region"].iloc[0]}
    if focus.kind == GroupKind.SUBREGION:
        found["subregion"] = rows["m49_subregion"].iloc[0]
    return found


def focus_of(filters: Filters, groupings: dict[str, list[Group]]) -> Focus:
    """The map focus closest to the filters: the user's group, organisation, sub-region, UN
    group, region, world."""
    if filters.group:
        return filters.group
    if filters.organisation:
        return Focus(GroupKind.ORG, filters.organisation.group_id)
    wanted = [  # group ids are slugs of the English names, whatever the interface language
        (GroupKind.SUBREGION, filters.subregion),
        (GroupKind.UNGROUP, UN_GROUP_LABELS.get(filters.ungroup or "", filters.ungroup)),
        (GroupKind.REGION, filters.region),
    ]
    for kind, english in wanted:
        found = [g for g in groupings[kind] if english and g.group_id == slug(english)]
        if found:
            return Focus(kind, found[0].group_id)
    return WORLD_FOCUS
