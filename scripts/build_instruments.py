"""Copy the related instruments from ../shared/reference/instruments into data/instruments/.

Run when a reference fact changes (see data/instruments/README.md):

    .venv/bin/python scripts/build_instruments.py [--shared ../shared/reference]

Each instrument becomes one file `iso3,status,name_as_listed,note,date,date_precision,date_basis`
(statuses `endorsed`, `unconfirmed`, `not endorsed`; `yes`, `no`, `abstain`, `non-voting`;
`co-sponsor`, `later co-sponsor`; `party`, `observer`; `no vote (not a UN member)`;
`date` is the day by which the position is evidenced, `date_precision` says how exact it is:
`exact`, `month` or `on_or_before`). The registry `instruments.csv` is
maintained by hand: it names the files, each instrument's form, its sources, the official vote
tallies that `etl/positions.py` reconciles and the default weight in the outreach score.
Adding an instrument is adding a file and a registry row.
"""

import argparse
import csv
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET = REPO / "data" / "instruments"
HEADER = ["iso3", "status", "name_as_listed", "note", "date", "date_precision", "date_basis"]
VOTE_CODES = {"Y": "yes", "N": "no", "A": "abstain", "X": "non-voting"}
RESOLUTIONS = {  # the resolution, its file and the day of the recorded vote
    "A/RES/78/241": ("unga-78-241", "2023-12-22"),
    "A/RES/79/62": ("unga-79-62", "2024-12-02"),
    "A/RES/80/57": ("unga-80-57", "2025-12-01"),
}
PATHWAYS_SIGNED, PATHWAYS_LIST = "2026-02-05", "2026-07-17"
BLUEPRINT_ADOPTED = "2024-09-10"  # adopted at the close of the Seoul summit
JOINT_STATEMENT_ARCHIVED = "2025-09-05"  # the statement as delivered, archived that day
COMMITTEE_VOTED = "2024-11-06"  # the First Committee's vote on A/C.1/79/L.43


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
    """The 58 endorsers, each dated by the join-dates file (its basis and source)."""
    dates = {r["iso3"]: r for r in read_csv(shared / "us-political-declaration-join-dates.csv")}
    rows = []
    for row in read_csv(shared / "us-political-declaration.csv"):
        dated = dates[row["iso3"]]  # every endorser has a row: a KeyError is a data error
        basis = f"{dated['date_basis']}; source: {dated['source']}"
        rows.append(
            [
                row["iso3"],
                "endorsed",
                row["name_as_listed"],
                row["note"],
                dated["date"],
                dated["date_precision"],
                basis,
            ]
        )
    return rows


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
                    PATHWAYS_SIGNED,
                    "exact",
                    "named by EFE among the signatories on 5 Feb 2026",
                ]
            )
            continue
        if on_the_day:
            dated = [PATHWAYS_SIGNED, "exact", "named by EFE among the signatories on 5 Feb 2026"]
        else:
            dated = [
                PATHWAYS_LIST,
                "on_or_before",
                "on the Spanish MFA's list as of 2026-07-17; not among the signatories EFE named "
                "on 5 Feb 2026",
            ]
        note = "signed on 5 Feb 2026 (EFE)" if on_the_day else ""
        rows.append([row["iso3"], "endorsed", listed, note, *dated])
    return rows


BLUEPRINT_STATUS = {  # what the sources naming a state without an endorsement support
    "attended; did not endorse": "not endorsed",
    "stated intent before the summit; endorsement not confirmed": "unconfirmed",
}


def blueprint(shared: Path) -> list[list[str]]:
    """The states press reports or their governments name about the Blueprint: its endorsers,
    and those named without an endorsement, each with the reports naming it."""
    adopted = [BLUEPRINT_ADOPTED, "exact", "named about the Seoul summit, 9-10 Sep 2024"]
    rows = []
    for row in read_csv(shared / "reaim-2024-blueprint-for-action.csv"):
        role = f"{row['note']}; " if row["note"] else ""
        rows.append([row["iso3"], "endorsed", "", f"{role}named by {row['named_by']}", *adopted])
    for row in read_csv(shared / "reaim-2024-blueprint-other-named.csv"):
        remark = row["note"].split(": show as")[0]  # the fact, not the README's advice on it
        note = f"{row['status']}: named by {row['named_by']}" + (f"; {remark}" if remark else "")
        rows.append([row["iso3"], BLUEPRINT_STATUS[row["status"]], "", note, *adopted])
    return rows


def votes(shared: Path) -> dict[str, list[list[str]]]:
    rows = read_csv(shared / "unga-laws-votes.csv")
    return {
        file: [
            [
                r["iso3"],
                VOTE_CODES[r[resolution]],
                r["un_name"],
                "",
                day,
                "exact",
                f"recorded vote in the General Assembly on {day}",
            ]
            for r in rows
        ]
        for resolution, (file, day) in RESOLUTIONS.items()
    }


SPONSORED = {  # the co-sponsors file of each draft, and the instrument file it becomes
    "unga-78-241-laws-cosponsors.csv": "unga-78-241-cosponsors",
    "unga-79-62-laws-cosponsors.csv": "unga-79-62-cosponsors",
    "unga-80-57-laws-cosponsors.csv": "unga-80-57-cosponsors",
}
SPONSOR_STATUS = {"face": "co-sponsor", "secondary": "later co-sponsor"}
OBSERVER_STATES = ("PSE", "VAT")  # they cannot vote in a Main Committee of the Assembly


def cosponsors(shared: Path, file: str) -> list[list[str]]:
    """The co-sponsors of a draft: those on its face as tabled, dated by the draft, and those a
    secondary source names as joining later, dated by the day it names them."""
    rows = []
    for row in read_csv(shared / file):
        status = SPONSOR_STATUS[row["basis"]]  # another basis is a data error
        if status == "co-sponsor":
            basis = f"printed on the face of {row['document']} as tabled ({row['date']})"
        else:  # the secondary source, which the registry's source URL (the draft) is not
            source = row["source"].split(" ")[0]
            basis = (
                f"named among the co-sponsors at the First Committee vote ({row['date']}): {source}"
            )
        rows.append(
            [
                row["iso3"],
                status,
                row["name_as_listed"],
                row["note"],
                row["date"],
                "on_or_before",
                basis,
            ]
        )
    return rows


def joint_statement(shared: Path) -> list[list[str]]:
    """The states on whose behalf the September 2025 joint statement at the CCW GGE was
    delivered: parties and observer States, by the archived copy of the statement as delivered
    (5 Sep 2025)."""
    rows = []
    for row in read_csv(shared / "ccw-gge-2025-09-joint-statement.csv"):
        rows.append(
            [
                row["iso3"],
                row["role"],  # party or observer
                row["name_as_listed"],
                row["note"],
                JOINT_STATEMENT_ARCHIVED,
                "on_or_before",
                "named in the statement as delivered at the September 2025 session of the CCW "
                "GGE; the copy as delivered was archived on 5 Sep 2025",
            ]
        )
    return rows


def committee_vote(shared: Path) -> list[list[str]]:
    """The states that voted no or abstained in the First Committee on A/C.1/79/L.43 (the source
    names no others), and the two observer States, which have no vote there."""
    rows = []
    for row in read_csv(shared / "unga-79-239-first-committee-no-and-abstain.csv"):
        basis = f"recorded vote in the First Committee on {row['date']}; source: {row['source']}"
        rows.append(
            [row["iso3"], row["vote"], row["name_as_listed"], "", row["date"], "exact", basis]
        )
    for iso3 in OBSERVER_STATES:
        rows.append(
            [
                iso3,
                "no vote (not a UN member)",
                "",
                "observer State: no vote in a Main Committee of the General Assembly",
                COMMITTEE_VOTED,
                "exact",
                f"not a UN member: no vote in the First Committee on {COMMITTEE_VOTED}",
            ]
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "reference")
    shared = parser.parse_args().shared / "instruments"
    write("us-political-declaration", political_declaration(shared))
    write("reaim-2026-pathways-to-action", pathways(shared))
    write("reaim-2024-blueprint-for-action", blueprint(shared))
    for name, rows in votes(shared).items():
        write(name, rows)
    for file, name in SPONSORED.items():
        write(name, cosponsors(shared, file))
    write("ccw-gge-2025-joint-statement", joint_statement(shared))
    write("unga-79-239-first-committee", committee_vote(shared))
    written = len(RESOLUTIONS) + len(SPONSORED) + 5
    print(f"wrote {written} instrument files to {TARGET.relative_to(REPO)}")


if __name__ == "__main__":
    main()
