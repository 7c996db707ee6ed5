"""``etl check``: check the dataset published on disk: schema, invariants and provenance."""

import hashlib
import json
from pathlib import Path
from typing import get_args

import pandas as pd

from etl import changelog
from etl.plausibility import MIN_ENTRIES
from etl.positions import build_positions, positions_to_csv
from etl.publish import interrupted
from etl.release import Method, counts
from etl.table import OUTSIDE_STATUS
from store.published import (
    CHANGELOG_FILE,
    COLUMNS,
    META_FILE,
    POSITIONS_FILE,
    PUBLISHED_FILES,
    TABLE_FILE,
    table_from_csv,
)
from store.reference import load_states

METHODS = get_args(Method)
REQUIRED_META = (
    "method",
    "retrieved_at",
    "document_sha256",
    "source_as_of",
    "source_as_of_basis",
    "licence",
    "counts",
    "table_sha256",
    "raw_files",
    "versions",
)
STATE_FIELDS = ["name", "un_status", "m49_region", "m49_subregion", "un_regional_group"]


def _table_problems(table: pd.DataFrame) -> list[str]:
    problems = []
    if list(table.columns) != COLUMNS:
        return [f"columns are {list(table.columns)}, expected {COLUMNS}"]
    for column in ("endorsed", "in_universe"):
        if table[column].isna().any():
            problems.append(f"column {column} holds values other than true/false")
    if problems:
        return problems
    if not table["iso3"].is_unique:
        problems.append(f"duplicate rows: {sorted(table.loc[table['iso3'].duplicated(), 'iso3'])}")
    if list(table["iso3"]) != sorted(table["iso3"]):
        problems.append("rows are not sorted by iso3")
    states = load_states().set_index("iso3")
    universe = table[table["in_universe"]].set_index("iso3")
    if set(universe.index) != set(states.index):
        missing = sorted(set(states.index) - set(universe.index))
        extra = sorted(set(universe.index) - set(states.index))
        problems.append(
            f"universe rows differ from the reference: missing {missing}, extra {extra}"
        )
    else:
        for field in STATE_FIELDS:
            wrong = universe.index[universe[field] != states.loc[universe.index, field]]
            if len(wrong):
                problems.append(f"{field} differs from data/reference/states.csv for {list(wrong)}")
    outside = table[~table["in_universe"]]
    if not outside["endorsed"].all() or (outside["un_status"] != OUTSIDE_STATUS).any():
        problems.append("rows outside the universe must be listed endorsers flagged as such")
    listed = table["name_as_listed"] != ""
    if (listed != table["endorsed"]).any():
        wrong = sorted(table.loc[listed != table["endorsed"], "iso3"])
        problems.append(f"name_as_listed must be given exactly for endorsers: {wrong}")
    if table["endorsed"].sum() < MIN_ENTRIES:
        problems.append(f"only {table['endorsed'].sum()} endorsers (fewer than {MIN_ENTRIES})")
    return problems


def _meta_problems(
    meta: dict, table: pd.DataFrame, table_bytes: bytes, data_dir: Path
) -> list[str]:
    if not isinstance(meta, dict):
        return [f"the metadata is a JSON {type(meta).__name__}, not an object"]
    problems = [f"metadata lacks {key}" for key in REQUIRED_META if key not in meta]
    if problems:
        return problems
    if meta["method"] not in METHODS:
        problems.append(f"method {meta['method']!r} is not one of {METHODS}")
    if meta["table_sha256"] != hashlib.sha256(table_bytes).hexdigest():
        problems.append("the table does not match the SHA-256 recorded in its metadata")
    if meta["counts"] != counts(table, meta["counts"].get("entries_listed", -1)):
        problems.append(f"metadata counts {meta['counts']} do not match the table")
    if meta["counts"].get("entries_listed") != int(table["endorsed"].sum()):
        problems.append("entries_listed differs from the number of endorsers in the table")
    document = meta["raw_files"].get("document") or meta["raw_files"].get("transcription")
    if not document or not (data_dir / document).is_file():
        problems.append(f"the source document {document!r} named in the metadata is missing")
    elif hashlib.sha256((data_dir / document).read_bytes()).hexdigest() != meta["document_sha256"]:
        problems.append(f"{document} does not match the document SHA-256 in the metadata")
    return problems


def problems(data_dir: Path) -> list[str]:
    """Everything wrong with the dataset in ``data_dir``; an empty list means it is sound."""
    if interrupted(data_dir):
        return [
            "an interrupted publish left files behind: run `python -m etl check` to roll it back"
        ]
    names = PUBLISHED_FILES
    paths = {name: data_dir / name for name in names}
    missing = [name for name, path in paths.items() if not path.is_file()]
    if missing:
        return [f"missing {', '.join(missing)} in {data_dir}"]
    table_bytes = paths[TABLE_FILE].read_bytes()
    try:
        table = table_from_csv(table_bytes)
        meta = json.loads(paths[META_FILE].read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        return [f"cannot read the dataset: {exc}"]
    found = _table_problems(table) or _meta_problems(meta, table, table_bytes, data_dir)
    if not found and paths[POSITIONS_FILE].read_bytes() != positions_to_csv(
        build_positions(table, meta, changelog.read(paths[CHANGELOG_FILE].read_bytes()))
    ):
        found.append(
            "positions.csv is stale or edited: it differs from the table and data/instruments/; "
            "run `python -m etl bundle` (shipped data) or refresh again"
        )
    return found
