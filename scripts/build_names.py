"""Build data/reference/names.csv (the UN names of the 195 states in the six official languages)
and territory_names.csv (French and Spanish names of the other areas the map draws).

Run once when the source changes (see data/reference/README.md):

    .venv/bin/python scripts/build_names.py

The names are the M49 columns of the UN OCHA Countries & Territories Taxonomy bundled with
hdx-python-country (version pinned in requirements-dev.txt), copied verbatim. Four areas the
taxonomy lacks take the ISO 3166-1 French and Spanish names (pycountry's translations) or, for
the geometry's two pseudo-codes and Kosovo, the names written below, marked as ours.
"""

import csv
import gettext
import json
import sys
from importlib.metadata import version
from pathlib import Path

import hdx.location
import pycountry

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from store.reference import UN_LANGUAGES as LANGUAGES  # noqa: E402

REFERENCE = REPO / "data" / "reference"
TAXONOMY = (
    Path(hdx.location.__file__).parent / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
)


# Areas outside the taxonomy: (fr, es, source); ISO 3166-1 codes take pycountry's translations.
OURS = "our translation (no UN name)"
NOT_IN_TAXONOMY = {
    "XKX": ("Kosovo", "Kosovo", OURS),
    "_AIT": (
        "Territoires australiens de l’océan Indien (île Christmas, îles Cocos (Keeling))",
        "Territorios australianos del océano Índico (Isla Christmas, Islas Cocos (Keeling))",
        OURS,
    ),
    "_SIA": ("Glacier de Siachen", "Glaciar de Siachen", OURS),
}


def _iso_name(iso3: str, language: str) -> str:
    english = pycountry.countries.get(alpha_3=iso3).name
    found = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    return found.gettext(english)


def territory_rows(taxonomy: dict[str, dict], codes: list[str]) -> list[dict]:
    """French and Spanish names of the map's areas outside the 195 states, with their source."""
    rows = []
    for iso3 in codes:
        source = taxonomy.get(iso3, {})
        french = source.get("M49 French", "").strip()
        spanish = source.get("M49 Spanish", "").strip()
        origin = "OCHA taxonomy, M49 columns"
        if not (french and spanish) and iso3 in NOT_IN_TAXONOMY:
            french, spanish, origin = NOT_IN_TAXONOMY[iso3]
        elif not (french and spanish):
            french, spanish = _iso_name(iso3, "fr"), _iso_name(iso3, "es")
            origin = f"ISO 3166-1 translations, pycountry {version('pycountry')}"
        rows.append({"iso3": iso3, "fr": french, "es": spanish, "source": origin})
    return rows


def main() -> None:
    """Write names.csv in the order of states.csv; stop if a state or a name is missing."""
    with TAXONOMY.open(encoding="utf-8", newline="") as f:
        taxonomy = {row["ISO 3166-1 Alpha 3-Codes"]: row for row in csv.DictReader(f)}
    with (REFERENCE / "states.csv").open(encoding="utf-8", newline="") as f:
        codes = [row["iso3"] for row in csv.DictReader(f)]
    rows = []
    for iso3 in codes:
        source = taxonomy[iso3]
        names = {lang: source[f"M49 {column}"].strip() for lang, column in LANGUAGES.items()}
        missing = [lang for lang, name in names.items() if not name]
        if missing:
            raise SystemExit(f"{iso3}: no M49 name in {', '.join(missing)}")
        rows.append({"iso3": iso3, **names})
    with (REFERENCE / "names.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["iso3", *LANGUAGES], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"names.csv: {len(rows)} states, hdx-python-country {version('hdx-python-country')}")
    _write_territories(taxonomy)


def _write_territories(taxonomy: dict[str, dict]) -> None:
    # every area the map draws, and every entity a source may list, outside the 195 states
    geometry = json.loads((REPO / "data" / "geo" / "world.geojson").read_text(encoding="utf-8"))
    with (REFERENCE / "states.csv").open(encoding="utf-8", newline="") as f:
        states = {row["iso3"] for row in csv.DictReader(f)}
    with (REFERENCE / "other_entities.csv").open(encoding="utf-8", newline="") as f:
        others = {row["iso3"] for row in csv.DictReader(f)}
    drawn = {feature["properties"]["iso3"] for feature in geometry["features"]}
    codes = sorted((drawn | others) - states)
    rows = territory_rows(taxonomy, codes)
    with (REFERENCE / "territory_names.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["iso3", "fr", "es", "source"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"territory_names.csv: {len(rows)} areas")


if __name__ == "__main__":
    main()
