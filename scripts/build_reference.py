"""Build data/reference/ from the researched facts in ../shared/reference and ISO 3166 (pycountry).

Run once when a reference fact changes (see data/reference/README.md):

    .venv/bin/python scripts/build_reference.py [--shared ../shared/reference]

Outputs, all deterministic (same inputs give byte-identical files):
- data/reference/states.csv          the universe: 193 UN members + 2 observer states
- data/reference/aliases.csv         every name the resolver accepts, with its origin
- data/reference/other_entities.csv  ISO 3166 entities outside the universe, plus Kosovo
- data/reference/groups/             verbatim copies of the group membership files + index.csv
- data/sources/                      verbatim copy of the Call to Action transcription
"""

import argparse
import csv
import shutil
import sys
from pathlib import Path

import pycountry

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from store.normalise import normalise_name  # noqa: E402

REFERENCE = REPO / "data" / "reference"
SOURCES = REPO / "data" / "sources"

# Group files copied from shared/reference/groups, with a display label, kind and as-of date
# (the as-of dates are those given in shared/reference/groups/SOURCES.md).
GROUPS = [
    ("eu", "European Union", "organisation", "2025-08"),
    ("nato", "NATO", "organisation", "2026-01"),
    ("african-union", "African Union", "organisation", "2026-01-22"),
    ("asean", "ASEAN", "organisation", "2026-01"),
    ("osce", "OSCE", "organisation", "2025-08"),
    ("oas", "Organization of American States", "organisation", "2025-08"),
    ("celac", "CELAC", "organisation", "2025-08"),
    ("arab-league", "Arab League", "organisation", "2025-08"),
    ("oic", "Organisation of Islamic Cooperation", "organisation", "2025-12"),
    ("non-aligned-movement", "Non-Aligned Movement", "organisation", "2025-08"),
    ("g7", "G7", "organisation", "2025-08"),
    ("g20", "G20 (member states)", "organisation", "2025-08"),
    ("pacific-islands-forum", "Pacific Islands Forum", "organisation", "2025-08"),
    ("caricom", "CARICOM", "organisation", "2025-08"),
    ("ecowas", "ECOWAS", "organisation", "2026-01-28"),
    ("sadc", "SADC", "organisation", "2025-11"),
    ("gcc", "Gulf Cooperation Council", "organisation", "2025-08"),
    ("commonwealth", "Commonwealth of Nations", "organisation", "2025-08"),
]
VERBATIM_GROUP_FILES = [
    "un-member-states.csv",
    "un-observer-states.csv",
    "un-regional-groups.csv",
    "un-m49-regions.csv",
    "SOURCES.md",
]
# Entities outside the universe that ISO 3166-1 does not list.
EXTRA_ENTITIES = [("XKX", "Kosovo", "not in ISO 3166-1; user-assigned code XKX")]
# Regional-group notes of the two observer states (from groups/un-observer-states.csv).
OBSERVER_GROUP_NOTES = {
    "PSE": "observer State: not on the DGACM list of the Asia-Pacific Group "
    "(participates in it by a 1986 decision)",
    "VAT": "observer State: attends the Western European and Others Group as an observer",
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def iso_numeric(iso3: str) -> str:
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        raise SystemExit(f"no ISO 3166-1 numeric code for {iso3}")
    return country.numeric


def build_states(shared: Path) -> list[dict[str, str]]:
    groups = shared / "groups"
    regions = {row["iso3"]: row for row in read_csv(groups / "un-m49-regions.csv")}
    members = {row["iso3"] for row in read_csv(groups / "un-member-states.csv")}
    observers = {row["iso3"] for row in read_csv(groups / "un-observer-states.csv")}
    regional = {row["iso3"]: row for row in read_csv(groups / "un-regional-groups.csv")}
    points = {row["iso3"]: row for row in read_csv(REPO / "data" / "geo" / "state_points.csv")}
    universe = members | observers
    if len(members) != 193 or observers != {"PSE", "VAT"} or set(regions) != universe:
        raise SystemExit("the universe is not 193 members + PSE + VAT with an M49 row each")
    if set(points) != universe:
        raise SystemExit(f"state_points.csv differs from the universe: {set(points) ^ universe}")
    states = []
    for iso3 in sorted(universe):
        group = regional.get(iso3, {})
        states.append(
            {
                "iso3": iso3,
                "m49_code": iso_numeric(iso3),
                "name": regions[iso3]["name"],
                "un_status": "member" if iso3 in members else "observer",
                "m49_region": regions[iso3]["region"],
                "m49_subregion": regions[iso3]["subregion"],
                "m49_intermediate_region": regions[iso3]["intermediate_region"],
                "un_regional_group": group.get("group", ""),
                "regional_group_note": group.get("note", "") or OBSERVER_GROUP_NOTES.get(iso3, ""),
                "lat": points[iso3]["lat"],
                "lon": points[iso3]["lon"],
                "area_km2": points[iso3]["area_km2"],
            }
        )
    return states


def build_other_entities(universe: set[str]) -> list[list[str]]:
    rows = [
        [country.alpha_3, country.name, "ISO 3166-1 entity outside the UN universe"]
        for country in pycountry.countries
        if country.alpha_3 not in universe
    ]
    rows += [list(entity) for entity in EXTRA_ENTITIES]
    return sorted(rows)


def alias_candidates(shared: Path, states: list[dict[str, str]], others: list[list[str]]):
    """Yield (iso3, alias, origin) from every reviewed source of names."""
    for state in states:
        yield state["iso3"], state["name"], "UN M49 name"
    for iso3, name, _ in others:
        yield iso3, name, "ISO 3166-1 name" if iso3 != "XKX" else "common name"
    known = {state["iso3"] for state in states} | {row[0] for row in others}
    for country in pycountry.countries:
        if country.alpha_3 not in known:
            continue
        yield country.alpha_3, country.name, "ISO 3166-1 name"
        for field in ("official_name", "common_name"):
            if hasattr(country, field):
                yield country.alpha_3, getattr(country, field), f"ISO 3166-1 {field}"
    for row in read_csv(shared / "groups" / "un-member-states.csv"):
        yield row["iso3"], row["name"], "UN member states list"
    for row in read_csv(shared / "instruments" / "unga-laws-votes.csv"):
        yield row["iso3"], row["un_name"], "UN General Assembly voting record"
    for row in read_csv(shared / "instruments" / "reaim-2023-call-to-action.csv"):
        yield row["iso3"], row["name_as_listed"], "as printed in the REAIM 2023 list"
    for row in read_csv(REFERENCE / "aliases_curated.csv"):
        yield row["iso3"], row["alias"], f"curated: {row['reason']}"


def build_aliases(candidates) -> list[list[str]]:
    """Deduplicate by normalised key; a key claimed by two entities stops the build."""
    owner: dict[str, str] = {}
    rows: dict[tuple[str, str], list[str]] = {}
    for iso3, alias, origin in candidates:
        key = normalise_name(alias)
        if not key:
            continue
        if owner.setdefault(key, iso3) != iso3:
            raise SystemExit(f"alias collision: {alias!r} ({key}) names {owner[key]} and {iso3}")
        rows.setdefault((iso3, key), [iso3, alias, key, origin])
    return sorted(rows.values(), key=lambda row: (row[0], row[2]))


def copy_groups(shared: Path) -> None:
    target = REFERENCE / "groups"
    target.mkdir(parents=True, exist_ok=True)
    for group_id, *_ in GROUPS:
        shutil.copyfile(shared / "groups" / f"{group_id}.csv", target / f"{group_id}.csv")
    for name in VERBATIM_GROUP_FILES:
        shutil.copyfile(shared / "groups" / name, target / name)
    index = []
    for group_id, label, kind, as_of in GROUPS:
        members = read_csv(target / f"{group_id}.csv")
        index.append([group_id, label, kind, as_of, str(len(members))])
    write_csv(target / "index.csv", ["group_id", "label", "kind", "as_of", "members"], index)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "reference")
    shared = parser.parse_args().shared
    states = build_states(shared)
    universe = {state["iso3"] for state in states}
    others = build_other_entities(universe)
    header = list(states[0])
    write_csv(REFERENCE / "states.csv", header, [[s[c] for c in header] for s in states])
    write_csv(REFERENCE / "other_entities.csv", ["iso3", "name", "note"], others)
    aliases = build_aliases(alias_candidates(shared, states, others))
    write_csv(REFERENCE / "aliases.csv", ["iso3", "alias", "key", "origin"], aliases)
    copy_groups(shared)
    SOURCES.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(
        shared / "instruments" / "reaim-2023-call-to-action.csv",
        SOURCES / "reaim-2023-call-to-action.transcribed.csv",
    )
    print(f"{len(states)} states, {len(others)} other entities, {len(aliases)} aliases")


if __name__ == "__main__":
    main()
