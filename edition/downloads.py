"""A table's CSV and Excel files, written by the app's export functions, and their links."""

from collections.abc import Sequence

import pandas as pd

from edition import layout
from edition.html import esc
from i18n.translate import _, active
from instruments.model import Instrument
from ui.tables.export import Rows, csv_bytes, excel_bytes
from ui.tables.provenance import Provenance


def table_files(
    stem: str,
    table: pd.DataFrame,
    title: str,
    provenance: Provenance | None,
    scope: str,
    related: Sequence[Instrument] = (),
    extra: Rows = (),
    link: str = "",
) -> dict[str, bytes]:
    """The table as CSV and Excel with its provenance and citation line, named ``stem`` and the
    language."""
    args = (table, title, provenance, scope, related, extra, link)
    name = f"{stem}-{active()}"
    return {
        layout.download(active(), name, "csv"): csv_bytes(*args),
        layout.download(active(), name, "xlsx"): excel_bytes(*args),
    }


def download_links(path: str, files: dict[str, bytes]) -> str:
    """ "Download CSV" and "Download Excel", linked from the page at ``path``."""
    labels = {"csv": _("Download CSV"), "xlsx": _("Download Excel")}
    links = "".join(
        f'<li><a href="{esc(layout.link(path, name))}" download>'
        f"{esc(labels[name.rsplit('.', 1)[1]])}</a></li>"
        for name in files
    )
    return f'<ul class="downloads">{links}</ul>'
