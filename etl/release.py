"""A release: the files to publish, made from resolved names and provenance, after validation."""

import hashlib
import json
import platform
from dataclasses import asdict, dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Literal

import pandas as pd

from etl import changelog
from etl.plausibility import check_count, check_shrink
from etl.positions import build_positions, positions_to_csv
from etl.resolve import ResolvedName
from etl.table import build_table, table_to_csv
from etl.version import VERSION
from store.published import CHANGELOG_FILE, META_FILE, POSITIONS_FILE, TABLE_FILE, table_from_csv

SOURCE_PAGE_URL = (
    "https://www.government.nl/documents/publications/2023/02/16/reaim-2023-endorsing-countries"
)
SOURCE_LICENCE = (
    "Dutch central government content; reuse terms at https://www.government.nl/copyright "
    "(to our knowledge CC0 1.0 unless stated otherwise; not re-checked, as no build machine "
    "reaches government.nl)"
)
# How a list was obtained: fetched by this ETL, a saved document supplied, or the transcription.
Method = Literal["fetched", "file", "transcribed"]


@dataclass(frozen=True)
class Provenance:
    """Where a list came from, as it will be written into the metadata file."""

    method: Method
    retrieved_at: str  # ISO timestamp of the download, or the date of the transcription
    document_sha256: str
    document_kind: str  # "pdf", "html" or "transcription"
    source_as_of: str | None
    source_as_of_basis: str
    source_page_url: str | None = None
    document_url: str | None = None
    document_title: str | None = None
    raw_files: dict[str, str] = field(default_factory=dict)
    extraction: dict = field(default_factory=dict)
    attribution: dict = field(default_factory=dict)
    licence: str = SOURCE_LICENCE


@dataclass(frozen=True)
class Release:
    """The files to publish and what changed since the previous dataset."""

    files: dict[str, bytes]
    table: pd.DataFrame
    added: list[str]
    removed: list[str]
    meta: dict


def read_previous(data_dir: Path) -> tuple[pd.DataFrame | None, bytes | None]:
    """The published table and changelog bytes, or None where nothing was published yet."""
    table_path, log_path = data_dir / TABLE_FILE, data_dir / CHANGELOG_FILE
    table = table_from_csv(table_path.read_bytes()) if table_path.exists() else None
    log = log_path.read_bytes() if log_path.exists() else None
    return table, log


def software_versions() -> dict[str, str]:
    """Versions of the code that made a release, recorded in its metadata."""
    return {
        "etl": VERSION,
        "python": platform.python_version(),
        **{name: version(name) for name in ("pandas", "pdfplumber", "beautifulsoup4", "requests")},
    }


def counts(table: pd.DataFrame, entries: int) -> dict[str, int]:
    """Headline counts of a table, stored in the metadata and re-checked by ``etl check``."""
    endorsed = table[table["endorsed"]]
    in_universe = endorsed[endorsed["in_universe"]]
    return {
        "entries_listed": entries,
        "universe_states": int(table["in_universe"].sum()),
        "endorsers_in_universe": len(in_universe),
        "endorsers_un_members": int((in_universe["un_status"] == "member").sum()),
        "endorsers_un_observers": int((in_universe["un_status"] == "observer").sum()),
        "endorsers_outside_universe": int((~endorsed["in_universe"]).sum()),
    }


def make_release(
    resolved: list[ResolvedName],
    provenance: Provenance,
    data_dir: Path,
    detected_on: str,
    allow_shrink: bool = False,
) -> Release:
    """Validate the resolved list against the previous dataset and build the files to publish."""
    check_count(resolved)
    table = build_table(resolved)
    previous, previous_log = read_previous(data_dir)
    added, removed = changelog.changes(previous, table)
    if previous is not None:
        check_shrink(int(previous["endorsed"].sum()), removed, allow_shrink)
    table_bytes = table_to_csv(table)
    detection = changelog.Detection(
        detected_on=detected_on,
        source_as_of=provenance.source_as_of or "",
        document_sha256=provenance.document_sha256,
        method=provenance.method,
    )
    rows = changelog.changelog_rows(table, previous, added, removed, detection)
    log_bytes = changelog.append(previous_log, rows)
    meta = {
        "dataset": "Endorsements of the REAIM 2023 Call to Action",
        "schema_version": 1,
        **asdict(provenance),
        "counts": counts(table, len(resolved)),
        "table_file": TABLE_FILE,
        "table_sha256": hashlib.sha256(table_bytes).hexdigest(),
        "changelog_file": CHANGELOG_FILE,
        "versions": software_versions(),
    }
    meta_bytes = (json.dumps(meta, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    files = {
        TABLE_FILE: table_bytes,
        META_FILE: meta_bytes,
        CHANGELOG_FILE: log_bytes,
        POSITIONS_FILE: positions_to_csv(build_positions(table, meta, changelog.read(log_bytes))),
    }
    return Release(files=files, table=table, added=added, removed=removed, meta=meta)
