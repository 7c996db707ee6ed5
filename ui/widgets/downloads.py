"""CSV and Excel download buttons for a table and its provenance, built only when clicked."""

from collections.abc import Sequence
from functools import partial

import pandas as pd

from instruments.model import Instrument
from ui.tables.export import Rows, csv_bytes, excel_bytes
from ui.tables.provenance import Provenance

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table_downloads(
    columns: Sequence,
    table: pd.DataFrame,
    stem: str,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
) -> None:
    """ "Download CSV" and "Download Excel" in the two given columns, named ``stem``.csv/.xlsx."""
    args = (table, title, provenance, scope, related, extra)
    for column, label, maker, suffix, mime, icon in (
        (columns[0], "Download CSV", csv_bytes, "csv", "text/csv", ":material/download:"),
        (columns[1], "Download Excel", excel_bytes, "xlsx", XLSX, ":material/table:"),
    ):
        column.download_button(
            label,
            partial(maker, *args),
            file_name=f"{stem}.{suffix}",
            mime=mime,
            icon=icon,
            on_click="ignore",
            width="stretch",
        )
