"""The append-only log of endorsers added to and removed from the published list."""

import csv
import io
from dataclasses import asdict, dataclass

import pandas as pd

COLUMNS = [
    "detected_on",
    "source_as_of",
    "change",
    "iso3",
    "name",
    "name_as_listed",
    "document_sha256",
    "method",
]


@dataclass(frozen=True)
class Detection:
    """When and in which document a change was seen: the context of every row it logs."""

    detected_on: str
    source_as_of: str
    document_sha256: str
    method: str


def read(log: bytes) -> pd.DataFrame:
    """The change log's rows, every column as text."""
    return pd.read_csv(io.BytesIO(log), dtype=str, keep_default_na=False)


def changes(previous: pd.DataFrame | None, table: pd.DataFrame) -> tuple[list[str], list[str]]:
    """ISO3 codes of endorsers added and removed since the previous table."""
    new = set(table.loc[table["endorsed"], "iso3"])
    old = set(previous.loc[previous["endorsed"], "iso3"]) if previous is not None else set()
    return sorted(new - old), sorted(old - new)


def changelog_rows(
    table: pd.DataFrame,
    previous: pd.DataFrame | None,
    added: list[str],
    removed: list[str],
    detection: Detection,
) -> list[dict[str, str]]:
    """One row per added or removed endorser, each with the ``detection`` context."""
    rows = []
    for change, codes, source in (("added", added, table), ("removed", removed, previous)):
        for iso3 in codes:
            row = source.loc[source["iso3"] == iso3].iloc[0]
            rows.append(
                {
                    **asdict(detection),
                    "change": change,
                    "iso3": iso3,
                    "name": row["name"],
                    "name_as_listed": row["name_as_listed"],
                }
            )
    return rows


def append(existing: bytes | None, rows: list[dict[str, str]]) -> bytes:
    """The changelog file with ``rows`` appended (header written when the file is new)."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    if not existing:
        writer.writeheader()
    writer.writerows(rows)
    return (existing or b"") + buffer.getvalue().encode("utf-8")
