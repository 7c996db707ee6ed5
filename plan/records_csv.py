"""The current records of one instrument as CSV, for spreadsheets, and back.

A cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
return) is written with a leading apostrophe, as is a cell starting with one; reading strips it,
so every value round-trips verbatim.
"""

import csv
import io
from collections.abc import Iterable

from plan.model import FIELDS, PlanRecord, to_text

COMMENT = "# INTERNAL: outreach plan — contains sensitive notes"
COLUMNS = ("iso3", *FIELDS, "version")
QUOTED_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _cell(text: str) -> str:
    return f"'{text}" if text.startswith(QUOTED_START) else text


def _value(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(QUOTED_START) else cell


def to_csv(records: Iterable[PlanRecord]) -> bytes:
    """The comment line, a header, then one row per record (UTF-8, "\\n" line ends)."""
    out = io.StringIO(newline="")
    out.write(f"{COMMENT}\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for record in records:
        cells = [record.iso3, *(to_text(field, getattr(record, field)) for field in FIELDS)]
        writer.writerow([*map(_cell, cells), record.version])
    return out.getvalue().encode("utf-8")


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
            rows.append((number, dict(zip(COLUMNS, map(_value, cells), strict=True))))
    if header is None:
        errors.append(f"the file has no header row {list(COLUMNS)}")
    return rows, errors
