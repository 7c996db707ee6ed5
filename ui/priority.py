"""Outreach priority of each non-endorser: its signals, a weighted score, and why, in words."""

from dataclasses import dataclass, fields

import pandas as pd

from ui.groups import Group

POLITICAL_DECLARATION = "us-political-declaration"
PATHWAYS = "reaim-2026-pathways-to-action"
BLUEPRINT = "reaim-2024-blueprint-for-action"
VOTES = ("unga-78-241", "unga-79-62", "unga-80-57")
SIGNAL_COLUMNS = [
    "political_declaration",
    "pathways",
    "blueprint",
    "yes_votes",
    "no_votes",
    "regional_group",
    "regional_share",
    "organisation",
    "organisation_share",
]


@dataclass(frozen=True)
class Weights:
    """Points per signal; the score is the weighted sum, so every signal moves it one way only."""

    political_declaration: float = 3.0
    pathways: float = 3.0
    blueprint: float = 1.0
    yes_vote: float = 1.0
    no_vote: float = 2.0
    regional_peers: float = 2.0
    organisation_peers: float = 2.0


# What each weight rewards, shown next to its slider.
WEIGHT_HELP = {
    "political_declaration": "Endorsed the US Political Declaration (points if yes).",
    "pathways": "Endorsed REAIM 2026 Pathways to Action (points if yes; unconfirmed gets half).",
    "blueprint": "Named as an endorser of the REAIM 2024 Blueprint (only 6 of 61 are named).",
    "yes_vote": "Per yes vote on UNGA 78/241, 79/62 and 80/57 (autonomous weapons).",
    "no_vote": "Subtracted per no vote on those resolutions.",
    "regional_peers": "Times the share of the other members of its UN regional group that "
    "endorsed.",
    "organisation_peers": "Times the highest share of endorsers among the other members of its "
    "organisations.",
}
WEIGHT_LABELS = {
    "political_declaration": "US Political Declaration",
    "pathways": "REAIM 2026 Pathways to Action",
    "blueprint": "REAIM 2024 Blueprint (named)",
    "yes_vote": "Each yes vote",
    "no_vote": "Each no vote (subtracted)",
    "regional_peers": "Regional group peers",
    "organisation_peers": "Organisation peers",
}


def _peer_share(group: Group, iso3: str, endorsed: set[str]) -> float | None:
    peers = [m.iso3 for m in group.members if m.iso3 != iso3]
    return sum(p in endorsed for p in peers) / len(peers) if peers else None


def signals(
    candidates: list[str],
    matrix: pd.DataFrame,
    endorsed: set[str],
    un_groups: list[Group],
    organisations: list[Group],
) -> pd.DataFrame:
    """One row per candidate state (index iso3) with the signals the score is made of."""
    rows = []
    for iso3 in candidates:
        row = matrix.loc[iso3]
        votes = [row[v] for v in VOTES]
        group = next((g for g in un_groups if iso3 in g.codes), None)
        shares = [
            (share, org.label)
            for org in organisations
            if iso3 in org.codes and (share := _peer_share(org, iso3, endorsed)) is not None
        ]
        best_share, best_org = max(shares, default=(0.0, ""))
        rows.append(
            {
                "iso3": iso3,
                "political_declaration": float(row[POLITICAL_DECLARATION] == "endorsed"),
                "pathways": {"endorsed": 1.0, "unconfirmed": 0.5}.get(row[PATHWAYS], 0.0),
                "blueprint": float(row[BLUEPRINT] == "endorsed"),
                "yes_votes": votes.count("yes"),
                "no_votes": votes.count("no"),
                "regional_group": group.label if group else "",
                "regional_share": (_peer_share(group, iso3, endorsed) or 0.0) if group else 0.0,
                "organisation": best_org,
                "organisation_share": best_share,
            }
        )
    return pd.DataFrame(rows, columns=["iso3", *SIGNAL_COLUMNS]).set_index("iso3")


def score(table: pd.DataFrame, weights: Weights) -> pd.Series:
    """The weighted sum of the signals, rounded to one decimal."""
    total = (
        weights.political_declaration * table["political_declaration"]
        + weights.pathways * table["pathways"]
        + weights.blueprint * table["blueprint"]
        + weights.yes_vote * table["yes_votes"]
        - weights.no_vote * table["no_votes"]
        + weights.regional_peers * table["regional_share"]
        + weights.organisation_peers * table["organisation_share"]
    )
    return total.round(1)


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def explain(row: pd.Series) -> str:
    """Why a state ranks where it does: each signal that counts, in plain words."""
    parts = []
    if row["political_declaration"]:
        parts.append("endorsed the US Political Declaration")
    if row["pathways"] == 1:
        parts.append("endorsed REAIM 2026 Pathways to Action")
    elif row["pathways"]:
        parts.append("reported (unconfirmed) as signing REAIM 2026 Pathways to Action")
    if row["blueprint"]:
        parts.append("named as endorsing the REAIM 2024 Blueprint for Action")
    if row["yes_votes"]:
        parts.append(
            f"voted yes {_times(int(row['yes_votes']))} on the UNGA autonomous-weapons resolutions"
        )
    if row["no_votes"]:
        parts.append(f"voted no {_times(int(row['no_votes']))}")
    if row["regional_group"]:
        parts.append(f"{row['regional_share']:.0%} of its {row['regional_group']} peers endorsed")
    if row["organisation"]:
        parts.append(f"{row['organisation_share']:.0%} of its {row['organisation']} peers endorsed")
    return "; ".join(parts) if parts else "no related commitments or supportive votes on record"


def priorities(table: pd.DataFrame, weights: Weights, names: pd.Series) -> pd.DataFrame:
    """Signals with score and explanation, highest score first (ties by name)."""
    ranked = table.assign(
        name=names.reindex(table.index),
        score=score(table, weights),
        why=[explain(row) for _, row in table.iterrows()],
    )
    return ranked.sort_values(["score", "name"], ascending=[False, True])


def weights_from(values: dict[str, float]) -> Weights:
    """Weights from a mapping (slider values); unknown keys are ignored, missing ones default."""
    known = {f.name for f in fields(Weights)}
    return Weights(**{k: float(v) for k, v in values.items() if k in known})
