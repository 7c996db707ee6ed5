"""The outreach list: states of the universe that have not endorsed, filtered and searchable."""

from dataclasses import dataclass

import pandas as pd

from etl.normalize import normalize_name
from ui.groups import Group

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


def non_endorsers(
    table: pd.DataFrame,
    organisations: list[Group],
    keys: dict[str, str],
    caveats: dict[str, str],
    filters: Filters,
) -> pd.DataFrame:
    """Universe states that have not endorsed and match every filter, sorted by name."""
    rows = table[table["in_universe"] & ~table["endorsed"]]
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
