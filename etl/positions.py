"""Positions of states on every instrument, as one long table checked against its sources' totals.

The instruments are data: a row in ``data/instruments/instruments.csv`` and one file
``iso3,status,name_as_listed,note`` each. The Call to Action rows come from the published
endorsements table, so ``positions.csv`` is rebuilt with every release.
"""

import io

import pandas as pd

from etl.errors import EtlError
from instruments.forms import form_named
from instruments.model import CALL_TO_ACTION
from store import paths
from store.files import read_text_table
from store.reference import load_other_entities, load_registry, load_states

COLUMNS = [
    "instrument",
    "iso3",
    "name",
    "in_universe",
    "status",
    "as_of",
    "source_url",
    "name_as_listed",
    "note",
]


def _expected_tally(text: str) -> dict[str, int]:
    return {key: int(value) for key, value in (part.split("=") for part in text.split(";"))}


def _check(instrument: pd.Series, rows: pd.DataFrame) -> None:
    """Refuse an instrument file with unknown codes or statuses, duplicates or wrong totals."""
    name = instrument["id"]
    form = form_named(instrument["form"])
    known = set(load_states()["iso3"]) | set(load_other_entities()["iso3"])
    problems = []
    if unknown := sorted(set(rows["iso3"]) - known):
        problems.append(f"unknown ISO3 codes {unknown}")
    if duplicated := sorted(set(rows.loc[rows["iso3"].duplicated(), "iso3"])):
        problems.append(f"states listed twice {duplicated}")
    if wrong := sorted(set(rows["status"]) - set(form.listed)):
        problems.append(f"statuses {wrong} are not {list(form.listed)}")
    if instrument["expected_tally"]:
        tally = rows["status"].value_counts().to_dict()
        expected = _expected_tally(instrument["expected_tally"])
        if {key: tally.get(key, 0) for key in expected} != expected or len(rows) != sum(
            expected.values()
        ):
            problems.append(f"tallies {tally} do not reconcile with the official result {expected}")
    if instrument["reported_total"] and form.reported_total_is_complete:
        endorsed = int((rows["status"] == "endorsed").sum())
        if endorsed != int(instrument["reported_total"]):
            problems.append(
                f"{endorsed} endorsers, the source reports {instrument['reported_total']}"
            )
    if problems:
        raise EtlError(
            f"instrument {name} is inconsistent: {'; '.join(problems)}",
            f"fix data/instruments/{instrument['file']} against its source "
            "(data/instruments/README.md); nothing was published",
        )


def _instrument_rows(instrument: pd.Series, endorsements: pd.DataFrame, meta: dict) -> pd.DataFrame:
    if instrument["id"] == CALL_TO_ACTION:
        listed = endorsements[endorsements["endorsed"]]
        return pd.DataFrame(
            {
                "iso3": listed["iso3"],
                "status": "endorsed",
                "name_as_listed": listed["name_as_listed"],
                "note": "",
                "as_of": meta.get("source_as_of") or "",
                "source_url": meta.get("document_url") or meta.get("source_page_url") or "",
            }
        )
    rows = read_text_table(paths.instruments_dir() / instrument["file"])
    _check(instrument, rows)
    return rows.assign(as_of=instrument["as_of"], source_url=instrument["source_url"])


def build_positions(endorsements: pd.DataFrame, meta: dict) -> pd.DataFrame:
    """All positions of all instruments, sorted by instrument then ISO3."""
    names = dict(zip(load_states()["iso3"], load_states()["name"], strict=True))
    universe = set(names)
    others = load_other_entities()
    names.update(
        (c, n) for c, n in zip(others["iso3"], others["name"], strict=True) if c not in names
    )
    frames = []
    for _, instrument in load_registry().iterrows():
        rows = _instrument_rows(instrument, endorsements, meta)
        frames.append(rows.assign(instrument=instrument["id"]))
    positions = pd.concat(frames, ignore_index=True)
    positions["name"] = positions["iso3"].map(names)
    positions["in_universe"] = positions["iso3"].isin(universe)
    return positions[COLUMNS].sort_values(["instrument", "iso3"], ignore_index=True)


def positions_to_csv(positions: pd.DataFrame) -> bytes:
    """Serialise deterministically, booleans as ``true``/``false``."""
    out = positions.assign(in_universe=positions["in_universe"].map({True: "true", False: "false"}))
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")
