"""CSV and Excel downloads that carry their source, as-of date, filters and a citation line."""

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from ui.provenance import Provenance, long_date


def about_rows(title: str, provenance: Provenance, scope: str) -> list[tuple[str, str]]:
    """The provenance block written above a CSV and on the Excel "About" sheet."""
    return [
        ("Title", title),
        ("Selection", scope),
        ("Source", provenance.source_line.removeprefix("Source: ")),
        ("Source as of", f"{provenance.as_of} ({long_date(provenance.as_of)})"),
        ("Obtained", f"{provenance.method} on {provenance.retrieved_at}"),
        ("Source page", provenance.source_page_url),
        ("Document SHA-256", provenance.document_sha256),
        ("Licence", provenance.licence),
        ("Cite as", provenance.citation),
    ]


def csv_bytes(table: pd.DataFrame, title: str, provenance: Provenance, scope: str) -> bytes:
    """UTF-8 CSV: ``#`` comment lines with the provenance, then the table with its header.

    Read it back with ``pandas.read_csv(path, comment="#")`` or skip the leading ``#`` lines.
    """
    out = io.StringIO()
    for key, value in about_rows(title, provenance, scope):
        out.write(f"# {key}: {' '.join(str(value).split())}\n")
    table.to_csv(out, index=False, lineterminator="\n")
    return out.getvalue().encode("utf-8-sig")


def excel_bytes(table: pd.DataFrame, title: str, provenance: Provenance, scope: str) -> bytes:
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
            if table.columns[cell.column - 1] == "Share":
                cell.number_format = "0%"
    for cell in data[1]:
        cell.font = Font(bold=True)
    data.freeze_panes = "A2"
    for i, column in enumerate(table.columns, start=1):
        longest = max([len(str(column)), *(len(str(v)) for v in table[column])], default=10)
        data.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
    about = workbook.create_sheet("About")
    for key, value in about_rows(title, provenance, scope):
        about.append([key, value])
    for cell in about["A"]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = 18
    about.column_dimensions["B"].width = 110
    for cell in about["B"]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
