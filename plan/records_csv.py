"""The current records of one instrument as CSV, for spreadsheets, and back.

Written by ``safeio.spreadsheet_csv``: a cell that a spreadsheet would run as a formula is written
with a leading apostrophe, and reading strips it, so every value round-trips verbatim.
"""

import csv
import io
from collections.abc import Iterable

from plan.model import FIELDS, PlanRecord, to_text
from safeio.spreadsheet_csv import restore, to_bytes

MARKING = ("INTERNAL", "outreach plan — contains sensitive notes")
COLUMNS = ("iso3", *FIELDS, "version")


def to_csv(records: Iterable[PlanRecord]) -> bytes:
    """The internal marking as a ``#`` line, a header, then one row per record (UTF-8)."""
    rows = (
        [record.iso3, *(to_text(field, getattr(record, field)) for field in FIELDS), record.version]
        for record in records
    )
    return to_bytes([COLUMNS, *rows], preamble=[MARKING])


def parse(data: bytes) -> tuple[list[tuple[int, dict[str, str]]], list[str]]:
    """The data rows, each with its spreadsheet row number, and the file's own problems."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return [], [f"the file is not UTF-8 text (byte {error.start})"]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[str] = []
    header: list[str] | None = None
    for number, cells in enumerate(reader, start=1):
        if header is None:
            if not cells or cells[0].startswith("#"):
                continue
            header = cells
            if tuple(cells) != COLUMNS:
                return [], [f"row {number}: the header is {cells}, not {list(COLUMNS)}"]
        elif not any(cells):
            continue
        elif len(cells) != len(COLUMNS):
            errors.append(f"row {number}: {len(cells)} cells, not {len(COLUMNS)}")
        else:
            rows.append((number, dict(zip(COLUMNS, map(restore, cells), strict=True))))
    if header is None:
        errors.append(f"the file has no header row {list(COLUMNS)}")
    return rows, errors
