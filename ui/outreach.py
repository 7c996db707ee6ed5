"""The outreach list: states in scope that have not endorsed, filtered, ranked and explained."""

from dataclasses import dataclass, fields

import pandas as pd

from etl.normalise import normalise_name as normalize_name
from ui.groups import Group
from ui.positions import Instrument
from ui.priority import WEIGHT_LABELS, Weights
from ui.statuses import word

COLUMNS = [
    "State",
    "ISO3",
    "M49 region",
    "M49 sub-region",
    "UN regional group",
    "Organisations",
    "Caveats",
]


@dataclass(frozen=True)
class Filters:
    """Outreach filters; None or "" means no restriction."""

    region: str | None = None
    subregion: str | None = None
    ungroup: str | None = None
    organisation: Group | None = None
    query: str = ""

    @property
    def active(self) -> bool:
        """Whether any filter restricts the list."""
        return any((self.region, self.subregion, self.ungroup, self.organisation, self.query))

    def describe(self) -> str:
        """The filters in words, for export headers ("all states" when none applies)."""
        parts = [
            f"M49 region {self.region}" if self.region else "",
            f"M49 sub-region {self.subregion}" if self.subregion else "",
            f"UN regional group {self.ungroup}" if self.ungroup else "",
            f"members of {self.organisation.label}" if self.organisation else "",
            f"search “{self.query}”" if self.query else "",
        ]
        return "; ".join(p for p in parts if p) or "no filter"


def search_keys(table: pd.DataFrame, aliases: pd.DataFrame) -> dict[str, str]:
    """ISO3 → one normalised string of its code, UN name and every alias, for free-text search."""
    names: dict[str, list[str]] = {}
    for iso3, alias in zip(aliases["iso3"], aliases["alias"], strict=True):
        names.setdefault(iso3, []).append(alias)
    return {
        iso3: " | ".join(normalize_name(n) for n in [iso3, name, *names.get(iso3, [])])
        for iso3, name in zip(table["iso3"], table["name"], strict=True)
    }


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
    if filters.region:
        rows = rows[rows["m49_region"] == filters.region]
    if filters.subregion:
        rows = rows[rows["m49_subregion"] == filters.subregion]
    if filters.ungroup is not None and filters.ungroup != "":
        rows = rows[rows["un_regional_group"] == filters.ungroup]
    if filters.organisation:
        rows = rows[rows["iso3"].isin(filters.organisation.codes)]
    query = normalize_name(filters.query)
    if query:
        rows = rows.loc[rows["iso3"].map(lambda code: query in keys.get(code, "")).astype(bool)]
    return rows


def non_endorsers(
    table: pd.DataFrame,
    organisations: list[Group],
    keys: dict[str, str],
    caveats: dict[str, str],
    filters: Filters,
) -> pd.DataFrame:
    """Universe states that have not endorsed and match every filter, sorted by name."""
    rows = matching(table[table["in_universe"] & ~table["endorsed"]], keys, filters)
    member_of = memberships(organisations)
    org_caveats: dict[str, list[str]] = {}
    for group in organisations:
        for m in group.members:
            if m.caveat:
                org_caveats.setdefault(m.iso3, []).append(f"{group.label}: {m.caveat}")
    out = pd.DataFrame(
        {
            "State": rows["name"],
            "ISO3": rows["iso3"],
            "M49 region": rows["m49_region"],
            "M49 sub-region": rows["m49_subregion"],
            "UN regional group": rows["un_regional_group"].replace("", "none (observer State)"),
            "Organisations": [", ".join(member_of.get(c, [])) for c in rows["iso3"]],
            "Caveats": [
                "; ".join(x for x in [caveats.get(c, ""), *org_caveats.get(c, [])] if x)
                for c in rows["iso3"]
            ],
        },
        columns=COLUMNS,
    )
    return out.sort_values("State", key=lambda s: s.str.casefold(), ignore_index=True)


def formula(weights: Weights) -> str:
    """The score as a sum of weighted signals, in words."""
    terms = []
    for field in fields(Weights):
        value = getattr(weights, field.name)
        sign = "−" if field.name == "no_vote" else "+"
        label = WEIGHT_LABELS[field.name].removesuffix(" (subtracted)")
        terms.append(f"{sign} {value:g} × {label}")
    return " ".join(terms).removeprefix("+ ")


def ranks(ranked: pd.DataFrame) -> pd.Series:
    """Rank by score among all the states of ``ranked`` (1 = highest); ties share the best rank."""
    return ranked["score"].rank(method="min", ascending=False).astype(int)


def priority_table(
    gaps: pd.DataFrame,
    ranked: pd.DataFrame,
    weights: Weights,
    matrix: pd.DataFrame,
    related: list[Instrument],
) -> pd.DataFrame:
    """The outreach list with rank, score, why, its points, each related position, peer shares.

    ``gaps`` is the filtered outreach list, ``ranked`` the output of ``priority.priorities`` over
    every state that has not endorsed: a rank is among all of them, ties sharing the best rank.
    """
    rank = ranks(ranked)
    codes = list(gaps["ISO3"])
    out = pd.DataFrame(
        {
            "Rank": rank.reindex(codes).to_numpy(),
            "State": gaps["State"].to_numpy(),
            "Score": ranked["score"].reindex(codes).to_numpy(),
            "Why": ranked["why"].reindex(codes).to_numpy(),
            "Points": [points(row, weights) for _, row in ranked.reindex(codes).iterrows()],
        }
    )
    for instrument in related:
        out[instrument.short_title] = matrix.reindex(codes)[instrument.id].map(word).to_numpy()
    signals = ranked.reindex(codes)
    out["Yes votes"] = signals["yes_votes"].to_numpy()
    out["No votes"] = signals["no_votes"].to_numpy()
    out["Regional group share"] = signals["regional_share"].to_numpy()
    out["Best organisation"] = signals["organisation"].to_numpy()
    out["Organisation share"] = signals["organisation_share"].to_numpy()
    return pd.concat([out, gaps.drop(columns=["State"]).reset_index(drop=True)], axis=1)


def _terms(row: pd.Series, weights: Weights) -> list[tuple[str, str, str, float, float]]:
    """(signal, short name, value in words, weight, amount) of each term of the score."""
    group = row["regional_group"] or "regional group"
    organisation = row["organisation"] or "organisations"
    pathways = {1.0: "yes", 0.5: "unconfirmed (counts half)"}.get(row["pathways"], "no")
    terms = [
        (
            "Endorsed the US Political Declaration",
            "Political Declaration",
            "yes" if row["political_declaration"] else "no",
            weights.political_declaration,
            row["political_declaration"],
        ),
        (
            "Endorsed REAIM 2026 Pathways to Action",
            "Pathways",
            pathways,
            weights.pathways,
            row["pathways"],
        ),
        (
            "Named as endorsing the REAIM 2024 Blueprint",
            "Blueprint",
            "named" if row["blueprint"] else "not named (unknown)",
            weights.blueprint,
            row["blueprint"],
        ),
        (
            "Yes votes on UNGA 78/241, 79/62 and 80/57",
            "yes votes",
            f"{row['yes_votes']:g}",
            weights.yes_vote,
            row["yes_votes"],
        ),
        (
            "No votes on them (subtracted)",
            "no votes",
            f"{row['no_votes']:g}",
            -weights.no_vote,
            row["no_votes"],
        ),
        (
            f"Share of its {group} peers that endorsed",
            "regional group",
            f"{row['regional_share']:.0%}",
            weights.regional_peers,
            row["regional_share"],
        ),
        (
            f"Share of its {organisation} peers that endorsed (its best organisation)",
            "organisation",
            f"{row['organisation_share']:.0%}",
            weights.organisation_peers,
            row["organisation_share"],
        ),
    ]
    return terms


def score_terms(row: pd.Series, weights: Weights) -> pd.DataFrame:
    """A state's score term by term: each signal, its value, its weight and the points it adds."""
    return pd.DataFrame(
        [
            {
                "Signal": signal,
                "Short": short,
                "Value": value,
                "Weight": weight,
                "Points": round(weight * amount, 2),
            }
            for signal, short, value, weight, amount in _terms(row, weights)
        ]
    )


def points(row: pd.Series, weights: Weights) -> str:
    """How a state's score adds up, in one line (only the terms that are not zero)."""
    shown = [
        f"{'−' if weight * amount < 0 else '+'}{abs(weight * amount):.1f} {short}"
        for _, short, _, weight, amount in _terms(row, weights)
        if round(weight * amount, 1)
    ]
    return " ".join(shown).removeprefix("+") or "0"
