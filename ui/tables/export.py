"""CSV and Excel downloads that carry their source, as-of date, filters and a citation line."""

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from i18n.translate import _
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.prose import long_date
from safeio import spreadsheet_csv
from ui.tables.headers import shown_columns
from ui.tables.provenance import Provenance

SHARE_COLUMNS = {"Share", "Regional group share", "Organisation share"}  # fractions, shown as %


Rows = Sequence[tuple[str, str]]


def _legal(value: object) -> object:
    """A cell value a workbook can hold: text loses the control characters XML forbids."""
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def instrument_rows(instrument: Instrument) -> list[tuple[str, str]]:
    """The provenance of one related instrument, for the header of an export."""
    name = instrument.short_title
    return [
        (
            _("Source: {instrument}").format(instrument=name),
            f"{instrument.title}. {instrument.source_note}",
        ),
        (_("{instrument}: as of").format(instrument=name), instrument.as_of),
        (_("{instrument}: source page").format(instrument=name), instrument.source_url),
        (_("{instrument}: licence").format(instrument=name), instrument.licence),
        (_("{instrument}: confidence").format(instrument=name), instrument.confidence),
    ]


def about_rows(
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
    link: str = "",
) -> list[tuple[str, str]]:
    """The provenance block written above a CSV and on the Excel "About" sheet.

    ``provenance`` (the Call to Action's) is None when the table does not use it; ``related``
    instruments add their own source rows, ``extra`` rows say more about the selection; ``link``
    (``citation.reopen_line``), the dashboard's address that reopens the figures, ends the
    citation line.
    """
    rows = [(_("Title"), title), (_("Selection"), scope), *extra]
    if provenance is not None:
        rows += [
            (_("Source"), provenance.source_text),
            (_("Source as of"), f"{provenance.as_of} ({long_date(provenance.as_of)})"),
            (
                _("Obtained"),
                _("{method} on {date}").format(
                    method=provenance.method, date=provenance.retrieved_at
                ),
            ),
            (_("Source page"), provenance.source_page_url),
            (_("Document SHA-256"), provenance.document_sha256),
            (_("Licence"), provenance.licence),
        ]
    for instrument in related:
        if provenance is None or instrument.id != CALL_TO_ACTION:
            rows += instrument_rows(instrument)
    cite = " ".join(filter(None, [provenance.citation if provenance else "", link]))
    if cite:
        rows.append((_("Cite as"), cite))
    return rows


def csv_bytes(
    table: pd.DataFrame,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
    link: str = "",
) -> bytes:
    """UTF-8 CSV: ``#,label,text`` lines with the provenance, then the table with its header.

    Read it back with ``pandas.read_csv(path, comment="#")`` or skip the leading ``#`` lines.
    No cell runs as a formula in a spreadsheet (``safeio.spreadsheet_csv``).
    """
    about = about_rows(title, provenance, scope, related, extra, link)
    table = shown_columns(table)
    cells = table.astype(object).where(table.notna(), None)
    rows = [[str(column) for column in table.columns], *cells.itertuples(index=False)]
    preamble = [(key, str(value)) for key, value in about]
    return spreadsheet_csv.to_bytes(rows, preamble=preamble, bom=True)


def excel_bytes(
    table: pd.DataFrame,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
    link: str = "",
) -> bytes:
    """An .xlsx workbook: the table on a "Data" sheet, provenance and citation on "About".

    The sheets and the column headers are named in the active language; the data sheet is the
    first, the "About" sheet the second.
    """
    shares = [column in SHARE_COLUMNS for column in table.columns]
    table = shown_columns(table)
    workbook = Workbook()
    data = workbook.active
    data.title = _("Data")
    data.append([_legal(str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        data.append([_legal(v.item() if hasattr(v, "item") else v) for v in row])
    for row in data.iter_rows(min_row=2):
        for cell in row:
            if cell.data_type == "f":  # text that merely starts with "=" stays text
                cell.data_type = "s"
            if shares[cell.column - 1]:
                cell.number_format = "0%"
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"
    for i, column in enumerate(table.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in table[column])], default=10)
        data.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    about = workbook.create_sheet(_("About"))
    rows = about_rows(title, provenance, scope, related, extra, link)
    for key, value in rows:
        about.append([_legal(key), _legal(value)])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = min(48, max(18, *(len(k) + 2 for k, _ in rows)))
    about.column_dimensions["B"].width = 110
    for cell in about["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
