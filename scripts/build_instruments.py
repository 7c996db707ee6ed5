"""Copy the related instruments from ../shared/reference/instruments into data/instruments/.

Run when a reference fact changes (see data/instruments/README.md):

    .venv/bin/python scripts/build_instruments.py [--shared ../shared/reference]

Each instrument becomes one file `iso3,status,name_as_listed,note` (statuses `endorsed`,
`unconfirmed`, or `yes`, `no`, `abstain`, `non-voting`). The registry `instruments.csv` is
maintained by hand: it names the files, each instrument's form, its sources, the official vote
tallies that `etl/positions.py` reconciles and the default weight in the outreach score.
Adding an instrument is adding a file and a registry row.
"""

import argparse
import csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "data" / "instruments"
HEADER = ["iso3", "status", "name_as_listed", "note"]
VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "non-voting"}
RESOLUTIONS = {
    "A/RES/78/241": "unga-78-241",
    "A/RES/79/62": "unga-79-62",
    "A/RES/80/57": "unga-80-57",
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write(name: str, rows: list[list[str]]) -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    with (TARGET / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(sorted(rows))


def political_declaration(shared: Path) -> list[list[str]]:
    rows = read_csv(shared / "us-political-declaration.csv")
    return [[r["iso3"], "endorsed", r["name_as_listed"], r["note"]] for r in rows]


def pathways(shared: Path) -> list[list[str]]:
    rows = []
    for row in read_csv(shared / "reaim-2026-pathways-to-action.csv"):
        on_the_day = row["in_EFE_initial_35_on_2026-02-05"] == "yes"
        listed = row["name_as_listed_spanish_mfa_page_via_machine_politics"]
        if listed.startswith("("):  # Costa Rica: named by EFE only, absent from the 45-list
            rows.append(
                [
                    row["iso3"],
                    "unconfirmed",
                    row["EFE_spanish_name"],
                    "named by EFE among the signatories on 5 Feb 2026 but absent from the "
                    "45-state list of the Spanish MFA (2026-07-17)",
                ]
            )
            continue
        note = "signed on 5 Feb 2026 (EFE)" if on_the_day else ""
        rows.append([row["iso3"], "endorsed", listed, note])
    return rows


def blueprint(shared: Path) -> list[list[str]]:
    """The endorsers of the Blueprint that press reports name, each with the reports naming it."""
    rows = []
    for row in read_csv(shared / "reaim-2024-blueprint-for-action.csv"):
        role = f"{row['note']}; " if row["note"] else ""
        rows.append([row["iso3"], "endorsed", "", f"{role}named by {row['named_by']}"])
    return rows


def votes(shared: Path) -> dict[str, list[list[str]]]:
    rows = read_csv(shared / "unga-laws-votes.csv")
    return {
        file: [[r["iso3"], VOTE_CODES[r[resolution]], r["un_name"], ""] for r in rows]
        for resolution, file in RESOLUTIONS.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "reference")
    shared = parser.parse_args().shared / "instruments"
    write("us-political-declaration", political_declaration(shared))
    write("reaim-2026-pathways-to-action", pathways(shared))
    write("reaim-2024-blueprint-for-action", blueprint(shared))
    for name, rows in votes(shared).items():
        write(name, rows)
    print(f"wrote {len(RESOLUTIONS) + 3} instrument files to {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
