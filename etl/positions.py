"""Positions of states on every instrument, as one long table checked against its sources' totals.

The instruments are data: a row in ``data/instruments/instruments.csv`` and one file
``iso3,status,name_as_listed,note,date,date_precision,date_basis`` each. The Call to Action rows
come from the published endorsements table, dated by the change log, so ``positions.csv`` is
rebuilt with every release. Every position is dated (instruments/timeline.py): the ETL adds
the first day it can have been taken, and checks the dates against the published counts.
"""

import io
from datetime import date

import pandas as pd

from etl.errors import EtlError
from instruments.forms import JOINED_LATER, UNCONFIRMED, Form, form_named
from instruments.model import CALL_TO_ACTION
from instruments.timeline import (
    EXACT,
    MONTH,
    ON_OR_BEFORE,
    PRECISIONS,
    earliest,
    month_end,
    positions_on,
)
from store import paths
from store.files import read_text_table
from store.reference import load_counts, load_other_entities, load_registry, load_states

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
    "date_earliest",
    "date",
    "date_precision",
    "date_basis",
]
DATE_COLUMNS = ("date", "date_precision", "date_basis")
SUMMIT_BASIS = "on the list of endorsing countries published at the summit in The Hague"


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


def _last_added(changelog: pd.DataFrame) -> dict[str, tuple[str, str]]:
    """ISO3 → the as-of date of the list on which the state was last added to the Call to
    Action, and the day that was detected."""
    added = changelog[changelog["change"] == "added"]
    return {
        row.iso3: (row.source_as_of or row.detected_on, row.detected_on)
        for row in added.itertuples()  # in the log's order: a later addition wins
    }


def _call_to_action_dates(
    listed: pd.DataFrame, changelog: pd.DataFrame, meta: dict, opened: str
) -> pd.DataFrame:
    """Each endorser dated by the list it first appeared on: the summit's list is exact (they
    endorsed there); a later list only says it had joined by its as-of date."""
    last_added = _last_added(changelog)
    unlogged = (meta.get("source_as_of") or "", "")  # no row in the log: the publish's as-of date
    rows = []
    for iso3 in listed["iso3"]:
        seen, detected = last_added.get(iso3, unlogged)
        if seen == opened:
            rows.append((seen, EXACT, SUMMIT_BASIS))
        else:
            basis = f"first seen on the list as of {seen}" + (
                f" (detected on {detected})" if detected else ""
            )
            rows.append((seen, ON_OR_BEFORE, basis))
    return pd.DataFrame(rows, columns=list(DATE_COLUMNS), index=listed.index)


def _instrument_rows(
    instrument: pd.Series, endorsements: pd.DataFrame, meta: dict, changelog: pd.DataFrame
) -> pd.DataFrame:
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
        ).join(_call_to_action_dates(listed, changelog, meta, instrument["opened"]))
    rows = read_text_table(paths.instruments_dir() / instrument["file"])
    _check(instrument, rows)
    return rows.assign(as_of=instrument["as_of"], source_url=instrument["source_url"])


def full_lists(instrument: pd.Series, counts: pd.DataFrame, changelog: pd.DataFrame) -> list[date]:
    """The days of the sources that name every endorser of an instrument: each list the ETL
    published of the Call to Action, the counts file's complete lists of the others."""
    if instrument["id"] == CALL_TO_ACTION:
        days = set(changelog["source_as_of"]) - {""}
    else:
        mine = counts[(counts["instrument"] == instrument["id"])]
        days = set(mine.loc[mine["names_every_endorser"] == "yes", "date"])
    return sorted(date.fromisoformat(d) for d in days)


def _dated(instrument: pd.Series, rows: pd.DataFrame, lists: list[date], as_of: str) -> pd.Series:
    """The first day each position can have been taken; refuses dates it cannot place."""
    name, opened = instrument["id"], date.fromisoformat(instrument["opened"])
    last = date.fromisoformat(as_of) if as_of else None
    firsts, problems = [], []
    for row in rows.itertuples():
        try:
            day = date.fromisoformat(row.date)
            firsts.append(earliest(day, row.date_precision, lists, opened).isoformat())
        except ValueError as exc:
            problems.append(f"{row.iso3}: {exc}")
            continue
        if day < opened or (last and day > last):
            problems.append(f"{row.iso3}: {row.date} is outside {opened}..{last or 'today'}")
        if row.date_precision == MONTH and day != month_end(day):
            problems.append(f"{row.iso3}: a month is dated by its last day, not {row.date}")
        if not row.date_basis:
            problems.append(f"{row.iso3}: no date_basis")
    if problems:
        raise EtlError(
            f"instrument {name} has dates it cannot place: {'; '.join(problems[:5])}",
            f"fix the dates in data/instruments/{instrument['file']} (precision one of "
            f"{', '.join(PRECISIONS)}, within the instrument's life); nothing was published",
        )
    return pd.Series(firsts, index=rows.index, dtype=str)


def build_positions(
    endorsements: pd.DataFrame, meta: dict, changelog: pd.DataFrame
) -> pd.DataFrame:
    """All positions of all instruments, dated, sorted by instrument then ISO3; refuses dates
    that contradict the published counts (``check_counts``)."""
    names = dict(zip(load_states()["iso3"], load_states()["name"], strict=True))
    universe = set(names)
    others = load_other_entities()
    names.update(
        (c, n) for c, n in zip(others["iso3"], others["name"], strict=True) if c not in names
    )
    counts = load_counts()
    frames = []
    for _, instrument in load_registry().iterrows():
        rows = _instrument_rows(instrument, endorsements, meta, changelog)
        lists = full_lists(instrument, counts, changelog)
        as_of = rows["as_of"].iloc[0] if len(rows) else ""
        rows["date_earliest"] = _dated(instrument, rows, lists, as_of)
        frames.append(rows.assign(instrument=instrument["id"]))
    positions = pd.concat(frames, ignore_index=True)
    positions["name"] = positions["iso3"].map(names)
    positions["in_universe"] = positions["iso3"].isin(universe)
    check_counts(positions, counts, len(universe))
    return positions[COLUMNS].sort_values(["instrument", "iso3"], ignore_index=True)


def _known_on(positions: pd.DataFrame, form: Form, day: date, states: int) -> tuple[int, int]:
    """How many endorsed an instrument by ``day``, and how many more may have (unknown then);
    ``positions`` are that instrument's."""
    on = positions_on(positions, day, positions["instrument"].unique())
    evidenced = int(on["status"].isin(form.supporting).sum())
    band = int(on["status"].isin([JOINED_LATER, UNCONFIRMED]).sum())
    if form.unnamed_may_support:  # a partial list: every state it does not name may have
        band += states - len(on)
    return evidenced, band


def check_counts(positions: pd.DataFrame, counts: pd.DataFrame, states: int) -> None:
    """Refuse dates that contradict a published count: on its day, those evidenced by then must
    be at most the count, and with those unknown on that day at least the count."""
    registry = load_registry()
    forms = dict(zip(registry["id"], registry["form"], strict=True))
    by_instrument = dict(tuple(positions.groupby("instrument", sort=False)))
    problems = []
    for row in counts.itertuples():
        if row.instrument not in by_instrument:
            problems.append(f"a count of {row.instrument!r}, which is not in the registry")
            continue
        mine, form = by_instrument[row.instrument], form_named(forms[row.instrument])
        day = date.fromisoformat(row.date)
        first = day.replace(day=1) if row.date_precision == MONTH else day
        low, _ = _known_on(mine, form, first, states)
        evidenced, band = _known_on(mine, form, day, states)
        if not low <= int(row.reported) <= evidenced + band:
            problems.append(
                f"{row.instrument} on {row.date}: {row.reported} reported, but the dates give "
                f"{low} to {evidenced + band}"
            )
    if problems:
        raise EtlError(
            f"dates contradict the published counts: {'; '.join(problems)}",
            "fix the dates in data/instruments/ or data/instruments/counts.csv against their "
            "sources; nothing was published",
        )


def positions_to_csv(positions: pd.DataFrame) -> bytes:
    """Serialise deterministically, booleans as ``true``/``false``."""
    out = positions.assign(in_universe=positions["in_universe"].map({True: "true", False: "false"}))
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")
