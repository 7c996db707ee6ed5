"""Download buttons, built only when clicked: tables with their provenance, briefing packs."""

from collections.abc import Sequence
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from briefing.formats import FORMATS
from briefing.pack import DEFAULT_TOP, file_stem
from i18n.translate import N_, _
from instruments.model import Instrument
from instruments.view import View
from store.focus import Focus
from ui import cache
from ui.tables.citation import reopen_line
from ui.tables.export import Rows, csv_bytes, excel_bytes
from ui.tables.provenance import Provenance
from ui.text import md
from ui.widgets import pages

HELP = {
    "pptx": N_(
        "{title}. A slide deck to edit: the map, key figures, sentences to say, who has and has "
        "not, outreach priorities, related instruments and sources."
    ),
    "pdf": N_(
        "{title}. A handout to print: the map, key figures, sentences to say, who has and has "
        "not, outreach priorities, related instruments and sources."
    ),
}
LABELS = {"pptx": N_("Briefing pack (PPTX)"), "pdf": N_("Briefing pack (PDF)")}
ICONS = {"pptx": ":material/slideshow:", "pdf": ":material/picture_as_pdf:"}
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
    """ "Download CSV" and "Download Excel" in the two given columns, named ``stem``.csv/.xlsx;
    their citation line ends with the address that reopens the page as shown, on the day shown
    (today's date when it shows the data as published)."""
    day = cache.shown_day() or date.today()
    link = reopen_line(pages.running_path(), st.query_params.to_dict(), day)
    args = (table, title, provenance, scope, related, extra, link)
    for column, label, maker, suffix, mime, icon in (
        (columns[0], _("Download CSV"), csv_bytes, "csv", "text/csv", ":material/download:"),
        (columns[1], _("Download Excel"), excel_bytes, "xlsx", XLSX, ":material/table:"),
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


def pack_downloads(
    columns: Sequence,
    focus: Focus,
    view: View,
    top: int = DEFAULT_TOP,
    formats: Sequence[str] = tuple(FORMATS),
    since: date | None = None,
) -> None:
    """ "Briefing pack (PPTX)" and "(PDF)" for a focus and a view, in the two given columns,
    with what moved since ``since`` when given.

    The pack itself is built only when a button is clicked.
    """
    shown = cache.map_view(view, focus)
    for column, fmt in zip(columns, formats, strict=True):
        column.download_button(
            _(LABELS[fmt]),
            cache.pack_file_maker(focus, view, fmt, top, since),
            file_name=f"{file_stem(shown, since)}.{fmt}",
            mime=FORMATS[fmt],
            icon=ICONS[fmt],
            on_click="ignore",
            width="stretch",
            help=_(HELP[fmt]).format(title=md(shown.title)),
        )
