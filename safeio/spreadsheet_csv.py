"""CSV that a spreadsheet opens as inert text and that reads back verbatim: the one CSV writer.

A text cell that a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
return) is written with a leading apostrophe, as is a text cell that starts with an apostrophe, so
``restore(neutralise(text)) == text`` for any text. Numbers are written as numbers (-1.5 is not a
formula). Rows end in CRLF (RFC 4180), so that the csv module quotes every cell holding a carriage
return or a line feed and no text can split a row. Key/value preamble lines come first, each as the
cells ``#``, key, value on one line: ``pandas.read_csv(path, comment="#")`` skips them, a
spreadsheet shows them as text.
"""

import csv
import io
import math
from collections.abc import Iterable, Sequence
from numbers import Integral, Real

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
QUOTED_START = (*FORMULA_START, "'")
COMMENT = "#"
LINE_END = "\r\n"


def neutralise(cell: str) -> str:
    """``cell`` as written: with an apostrophe before it if it starts like a formula or with one."""
    return f"'{cell}" if cell.startswith(QUOTED_START) else cell


def restore(cell: str) -> str:
    """The text ``neutralise`` was given: a cell read back without the apostrophe it added."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(QUOTED_START) else cell


def _written(value: object) -> str:
    """One cell: text neutralised, a number as it is, nothing (None or NaN) as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Integral):
        return str(int(value))
    if isinstance(value, Real):
        number = float(value)
        return "" if math.isnan(number) else repr(number)
    return neutralise(str(value))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_bytes(
    rows: Iterable[Sequence[object]],
    preamble: Iterable[tuple[str, str]] = (),
    bom: bool = False,
) -> bytes:
    """UTF-8 CSV: one ``#,key,value`` line per preamble pair (on one line each), then the rows.

    ``bom`` starts the file with a byte order mark, which spreadsheets need to read it as UTF-8.
    """
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator=LINE_END)
    for key, value in preamble:
        writer.writerow([COMMENT, neutralise(_one_line(key)), neutralise(_one_line(value))])
    writer.writerows([_written(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")
