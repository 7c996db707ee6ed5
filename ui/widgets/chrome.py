"""Shared page chrome: headline figures, the dataset error box and the footer."""

import pandas as pd
import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from i18n import formats
from i18n.translate import N_, _
from instruments.model import CALL_TO_ACTION, Instrument
from ui.tables.headline import Headline
from ui.tables.provenance import Provenance, footer_template
from ui.text import code, link, md
from ui.views import palette
from ui.views.map_view import DISCLAIMER
from ui.widgets.geo_chart import PRELOAD_KEY

CARDS_KEY, COMPACT_KEY = "headline-cards", "headline-line"  # the two forms of the headline
AFTER_ON_A_PHONE = "your-group"  # the "Your group" box: on a phone, after the map, not above it
TITLE_BAR_KEY = "title-bar"  # the title and the day and language pickers (one row on a phone)
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
.st-key-{COMPACT_KEY} {{ display: none; }}
@media (max-width: 640px) {{
  .st-key-{CARDS_KEY} {{ display: none; }}
  .st-key-{COMPACT_KEY} {{ display: block; }}
  .st-key-{TITLE_BAR_KEY} [data-testid="stColumn"]:not(:first-child) {{
    min-width: calc(50% - 0.5rem) !important; flex: 1 1 calc(50% - 0.5rem) !important;
  }}
  .st-key-{AFTER_ON_A_PHONE}, [data-testid="stLayoutWrapper"]:has(> .st-key-{AFTER_ON_A_PHONE}) {{
    order: 1;
  }}
  [data-testid="stHeading"] :is(h1, h2) {{
    font-size: 1.5rem !important; padding: 0.25rem 0 !important;
  }}
}}
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


def headline(
    table: pd.DataFrame,
    endorsed: set[str],
    provenance: Provenance,
    focused: tuple[Headline, list[Instrument]] | None = None,
) -> None:
    """The figures every page opens with, under the title: the Call to Action worldwide
    (``endorsed``: its endorsers), or ``focused``: the headline of the page's focus and view,
    with the instruments it shows.

    On a narrow screen the cards give way to one line, so that the page starts on the first
    screen.
    """
    n = headline_counts(table, endorsed)
    shown = [] if focused is None else [i for i in focused[1] if i.id != CALL_TO_ACTION]
    dates = [formats.long_date(i.as_of) for i in shown]
    if focused is None or len(shown) < len(focused[1]):
        dates.insert(0, formats.long_date(provenance.as_of))
    if focused is None:
        first = _("{done} of {total} states have endorsed").format(
            done=formats.number(n["endorsers"]), total=formats.number(n["states"])
        )
    else:
        first = "{}: {}".format(*focused[0].key_figures[0])
    with st.container(key=COMPACT_KEY):
        st.markdown(
            _("{figure} · source as of {date}").format(
                figure=md(first), date=md(" / ".join(dict.fromkeys(dates)))
            )
        )
    with st.container(key=CARDS_KEY):
        left, middle, right = st.columns([1, 1.2, 1.4])
        if focused is None:
            _world_cards(n, left, middle)
        else:
            for column, (label, value) in zip(
                (left, middle), focused[0].key_figures[:2], strict=False
            ):
                column.metric(label, value, border=True)
        if shown:
            right.metric(_("Source as of"), " / ".join(dict.fromkeys(dates)), border=True)
        else:
            _source_card(provenance, right)


def _world_cards(n: dict[str, int], states: DeltaGenerator, members: DeltaGenerator) -> None:
    """The Call to Action worldwide: states in scope, and UN member States."""
    share = n["member_endorsers"] / n["members"]
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


def _source_card(provenance: Provenance, column: DeltaGenerator) -> None:
    """The list's date and how it was read."""
    method = provenance.method
    column.metric(
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
    st.caption(footer_template(bool(last_change)).format(**values))
