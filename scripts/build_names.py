"""Build data/reference/names.csv: the UN names of the 195 states in the six official languages.

Run once when the source changes (see data/reference/README.md):

    .venv/bin/python scripts/build_names.py

The names are the M49 columns of the UN OCHA Countries & Territories Taxonomy bundled with
hdx-python-country (version pinned in requirements-dev.txt), copied verbatim.
"""

import csv
from importlib.metadata import version
from pathlib import Path

import hdx.location

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO / "data" / "reference"
TAXONOMY = (
    Path(hdx.location.__file__).parent / "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
)
LANGUAGES = {
    "ar": "Arabic",
    "zh": "Chinese",
    "en": "English",
    "fr": "French",
    "ru": "Russian",
    "es": "Spanish",
}


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


if __name__ == "__main__":
    main()
