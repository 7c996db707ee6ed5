"""Shared page chrome: headline figures, the dataset error box and the footer."""

import pandas as pd
import streamlit as st

from i18n import formats
from i18n.translate import N_, _
from ui.tables.provenance import Provenance
from ui.text import code, link, md
from ui.views import palette
from ui.views.map_view import DISCLAIMER
from ui.widgets.geo_chart import PRELOAD_KEY

APP_TITLE = N_("REAIM 2023 Call to Action: who has endorsed")
METHOD_LABELS = {
    "transcribed": N_("transcribed from the official list, not a live fetch"),
    "fetched": N_("fetched from government.nl"),
    "file": N_("read from a saved copy of the official list"),
}


# CSS for markup Streamlit emits that no theme setting fixes, each rule for a WCAG finding:
# - Captions (st.caption) are drawn in the text colour at opacity 0.6: 4.35:1 on white, and their
#   links fade with them to 2.96:1, under the 4.5:1 of WCAG 1.4.3 (axe-core rule color-contrast).
#   A darker theme textColor mends the text but not the links (a link colour would have to be
#   near-black), and no theme setting sets the opacity. Captions are drawn opaque instead, in the
#   figures' muted text colour (6.2:1 on white, 5.6:1 on the secondary background), so their
#   links keep the theme's link colour (7.4:1).
# - Metric labels and values are cut with an ellipsis when narrow ("16 February 20…" at 320 px):
#   they wrap instead, so no text is lost on reflow (WCAG 1.4.10).
# - Below 480 px a plotly figure (the map, the regional chart) is laid out 560 px wide and scrolls
#   sideways in its own frame (maps and charts are two-dimensional content, an exception of 1.4.10):
#   any narrower, the map's legend wraps over its title and the title is cut.
STYLE = f"""<style>
[data-testid="stCaptionContainer"] {{ opacity: 1; color: {palette.MUTED_TEXT}; }}
[data-testid="stMetric"] .stMarkdownEllipsis, [data-testid="stMetric"] .stMarkdownEllipsis p {{
  white-space: normal; overflow: visible; text-overflow: clip; overflow-wrap: anywhere;
}}
.st-key-{PRELOAD_KEY} {{ display: none; }}
@media (max-width: 480px) {{
  [data-testid="stElementContainer"]:has([data-testid="stPlotlyChart"]),
  [data-testid="stElementContainer"]:has(.geo-chart) {{ overflow-x: auto; }}
  [data-testid="stFullScreenFrame"]:has(> [data-testid="stPlotlyChart"]),
  .geo-chart {{ min-width: 560px; }}
}}
</style>"""


def global_style() -> None:
    """The few CSS rules for markup Streamlit emits that no theme setting fixes (once a run)."""
    st.html(STYLE)


def headline_counts(table: pd.DataFrame, endorsed: set[str]) -> dict[str, int]:
    """Endorsers among the universe states and among the UN members, with the totals."""
    universe = table[table["in_universe"]]
    members = universe[universe["un_status"] == "member"]
    return {
        "states": len(universe),
        "endorsers": int(universe["iso3"].isin(endorsed).sum()),
        "members": len(members),
        "member_endorsers": int(members["iso3"].isin(endorsed).sum()),
    }


def app_title() -> str:
    """The dashboard's title in the active language."""
    return _(APP_TITLE)


def headline(table: pd.DataFrame, endorsed: set[str], provenance: Provenance) -> None:
    """The figures every page opens with, under the title (``endorsed``: the Call to Action's)."""
    n = headline_counts(table, endorsed)
    share = n["member_endorsers"] / n["members"]
    states, members, source = st.columns([1, 1.2, 1.4])
    total, members_total = formats.number(n["states"]), formats.number(n["members"])
    states.metric(
        _("States that endorsed, of the {total} in scope").format(total=total),
        _("{done} of {total}").format(done=formats.number(n["endorsers"]), total=total),
        help=_(
            "The 193 UN member States and the 2 observer States (Holy See, State of Palestine)."
        ),
        border=True,
    )
    members.metric(
        _("UN member States that endorsed, of {total}").format(total=members_total),
        _("{done} of {total} ({share})").format(
            done=formats.number(n["member_endorsers"]),
            total=members_total,
            share=formats.percent(share, 1),
        ),
        border=True,
    )
    method = provenance.method
    source.metric(
        _("Source as of ({method})").format(
            method=_(METHOD_LABELS[method]) if method in METHOD_LABELS else method
        ),
        formats.long_date(provenance.as_of),
        help=md(
            _("Data {method}. The date is {basis}.").format(
                method=provenance.method_phrase, basis=provenance.as_of_basis
            )
        ),
        border=True,
    )


def dataset_error(found: list[str], fix: str) -> None:
    """The error box shown instead of a page when the dataset cannot be used."""
    listed = "\n".join(f"- {code(p, limit=300)}" for p in found[:5])
    st.error(
        _("**The dataset cannot be shown.** Problems found:\n\n{problems}\n\n{fix}").format(
            problems=listed, fix=fix
        ),
        icon=":material/error:",
    )


def footer(provenance: Provenance, last_change: str) -> None:
    """Source, licence and last update, at the foot of every page."""
    st.divider()
    source = link(
        _("Government of the Netherlands: REAIM 2023 endorsing countries"),
        provenance.source_page_url,
    )
    values = {
        "source": source,
        "date": md(formats.long_date(provenance.as_of)),
        "method": md(provenance.method_phrase),
        "licence": md(provenance.licence),
        "updated": md(provenance.retrieved_at),
        "changed": md(last_change),
        "disclaimer": _(DISCLAIMER),
    }
    if last_change:
        text = _(
            "Source: {source}, as of {date}; {method}. Licence: {licence}. Last update of this "
            "dataset: {updated}; last change to the list detected {changed}. {disclaimer}"
        )
    else:
        text = _(
            "Source: {source}, as of {date}; {method}. Licence: {licence}. Last update of this "
            "dataset: {updated}. {disclaimer}"
        )
    st.caption(text.format(**values))
