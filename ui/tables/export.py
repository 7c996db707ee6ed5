"""CSV and Excel downloads that carry their source, as-of date, filters and a citation line."""

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import long_date
from ui.tables.provenance import Provenance

SHARE_COLUMNS = {"Share", "Regional group share", "Organisation share"}  # fractions, shown as %


Rows = Sequence[tuple[str, str]]


def instrument_rows(instrument: Instrument) -> list[tuple[str, str]]:
    """The provenance of one related instrument, for the header of an export."""
    name = instrument.short_title
    return [
        (f"Source: {name}", f"{instrument.title}. {instrument.source_note}"),
        (f"{name}: as of", instrument.as_of),
        (f"{name}: source page", instrument.source_url),
        (f"{name}: licence", instrument.licence),
        (f"{name}: confidence", instrument.confidence),
    ]


def about_rows(
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
) -> list[tuple[str, str]]:
    """The provenance block written above a CSV and on the Excel "About" sheet.

    ``provenance`` (the Call to Action's) is None when the table does not use it; ``related``
    instruments add their own source rows, ``extra`` rows say more about the selection.
    """
    rows = [("Title", title), ("Selection", scope), *extra]
    if provenance is not None:
        rows += [
            ("Source", provenance.source_line.removeprefix("Source: ")),
            ("Source as of", f"{provenance.as_of} ({long_date(provenance.as_of)})"),
            ("Obtained", f"{provenance.method} on {provenance.retrieved_at}"),
            ("Source page", provenance.source_page_url),
            ("Document SHA-256", provenance.document_sha256),
            ("Licence", provenance.licence),
        ]
    for instrument in related:
        if provenance is None or instrument.id != CALL_TO_ACTION:
            rows += instrument_rows(instrument)
    if provenance is not None:
        rows.append(("Cite as", provenance.citation))
    return rows


def csv_bytes(
    table: pd.DataFrame,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
) -> bytes:
    """UTF-8 CSV: ``#`` comment lines with the provenance, then the table with its header.

    Read it back with ``pandas.read_csv(path, comment="#")`` or skip the leading ``#`` lines.
    """
    out = io.StringIO()
    for key, value in about_rows(title, provenance, scope, related, extra):
        out.write(f"# {key}: {' '.join(str(value).split())}\n")
    table.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue().encode("utf-8-sig")


def excel_bytes(
    table: pd.DataFrame,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
) -> bytes:
    """An .xlsx workbook: the table on a "Data" sheet, provenance and citation on "About"."""
    workbook = Workbook()
    data = workbook.active
    data.title = "Data"
    data.append([str(c) for c in table.columns])
    for row in table.itertuples(index=False):
        data.append([v.item() if hasattr(v, "item") else v for v in row])
    for row in data.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # text that merely starts with "=" stays text
                cell.data_type = "s"
            if table.columns[cell.column - 1] in SHARE_COLUMNS:
                cell.number_format = "0%"
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"
    for i, column in enumerate(table.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in table[column])], default=10)
        data.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    about = workbook.create_sheet("About")
    rows = about_rows(title, provenance, scope, related, extra)
    for key, value in rows:
        about.append([key, value])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = min(48, max(18, *(len(k) + 2 for k, _ in rows)))
    about.column_dimensions["B"].width = 110
    for cell in about["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
