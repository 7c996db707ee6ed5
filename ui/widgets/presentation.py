"""Presentation mode (``?present=1``): a map or chart and its headline in large type."""

import plotly.graph_objects as go
import streamlit as st

from i18n import formats
from i18n.translate import _, ngettext
from instruments.view import View
from store.focus import Focus
from ui import cache
from ui.figures.map_figure import plotly_config
from ui.tables.headline import Headline
from ui.tables.map_table import map_description
from ui.tables.presentation_lists import leading_names
from ui.text import md
from ui.widgets.geo_chart import geo_chart
from ui.widgets.url_controls import link_params

NAMED = 12  # names in a list at most, "and 47 others" the last: two columns of six fit 1366×768
PRIORITIES = 5
# The screen is the projector's: everything is sized to the window (vh), so that 1366×768 and
# 1920×1080 show the same picture. The page starts under Streamlit's header bar (3.75rem); the
# map's column is as high as the window and the map takes what its title and source line leave.
# The map in words is for screen readers only: kept in the page, clipped to nothing on screen.
STYLE = """<style>
[data-testid="stMainBlockContainer"] { padding: 3.75rem 2.5rem 0.75rem; max-width: none; }
:is(.st-key-present-words, .st-key-present-picture)
  :is([data-testid="stMarkdownContainer"], [data-testid="stCaptionContainer"]) { margin-bottom: 0; }
:is(.st-key-present-words, .st-key-present-picture) :is(h3, h4, p) { margin: 0; padding: 0; }
div.st-key-present-words { gap: 1.5vh; }
.st-key-present-words [data-testid="stMetricLabel"] p { font-size: clamp(0.85rem, 2.2vh, 1.6rem); }
.st-key-present-words [data-testid="stMetricValue"] { font-size: clamp(1.6rem, 5vh, 4rem); }
.st-key-present-words h4 { font-size: clamp(1rem, 3vh, 2.4rem); line-height: 1.25; }
:is(.st-key-present-names, .st-key-present-priorities) :is(p, li) {
  font-size: clamp(0.85rem, 2.5vh, 1.8rem); line-height: 1.3; margin-block: 0;
}
.st-key-present-names ul { columns: 2; column-gap: 1.5rem; }
:is(.st-key-present-names, .st-key-present-priorities) :is(ul, ol) { margin-bottom: 0; }
:is(.st-key-present-names, .st-key-present-priorities) li { break-inside: avoid; }
div.st-key-present-picture { flex: none; height: calc(100vh - 4.5rem); gap: 0.8vh; }
.st-key-present-picture h3 { font-size: clamp(1rem, 3vh, 2.4rem); line-height: 1.25; }
.st-key-present-picture > * { flex-shrink: 0; }
.st-key-present-figure { flex: 1 1 0; min-height: 0; }
.st-key-present-figure div:has(.geo-chart) { height: 100%; }
.st-key-present-picture [data-testid="stCaptionContainer"] {
  font-size: clamp(0.75rem, 1.7vh, 1.3rem);
}
[data-testid="stLayoutWrapper"]:has(> .st-key-present-description) {
  position: absolute; width: 1px; height: 1px; min-width: 0; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap;
}
</style>"""


def presenting() -> bool:
    """Whether the URL asks for presentation mode."""
    return st.query_params.get("present") == "1"


def _leave(page: str, keep: dict[str, str]) -> None:
    """The small link back to the page with its controls, keeping what it shows."""
    st.page_link(
        page,
        label=_("Leave presentation mode"),
        icon=":material/close_fullscreen:",
        query_params=link_params(keep),
    )


def _figures(shown: Headline) -> None:
    """The first two key figures."""
    for label, value in shown.key_figures[:2]:
        st.metric(label, value)


def _named(heading: str, names: tuple[str, ...], key: str, marker: str = "-") -> None:
    """A bold heading and its names as a list (``marker`` "1." numbers it), ``NAMED`` items at
    most: when there are more, the last one counts the names left out."""
    if not names:
        return
    items = [md(name) for name in names]
    if len(names) > NAMED:
        rest = len(names) - NAMED + 1
        items[NAMED - 1 :] = [
            ngettext("and {count} other", "and {count} others", rest).format(
                count=formats.number(rest)
            )
        ]
    with st.container(key=key):
        st.markdown(f"**{md(heading)}**\n\n" + "\n".join(f"{marker} {item}" for item in items))


def present(
    shown: Headline, figure: go.Figure, config: dict, page: str, keep: dict[str, str]
) -> None:
    """A chart on a projector (Streamlit's chart element), the headline beside it; a link back."""
    st.html(STYLE)
    words, picture = st.columns([1, 2.4], vertical_alignment="center", gap="large")
    with words.container(key="present-words"):
        _leave(page, keep)
        _figures(shown)
        st.markdown(f"#### {md(shown.lead)}")
    with picture:
        st.plotly_chart(figure, config=config, theme=None, key="present-figure")


def present_map(view: View, focus: Focus, page: str) -> None:
    """The map of ``view`` in ``focus`` on a projector, as high as the window, its title and source
    line in type sized to it; beside it the key figures, the endorsers by name and the first
    outreach priorities, and a small link back. The map in words is for screen readers only."""
    frame = cache.frame(focus)
    mapped = cache.map_view(view, focus)
    st.html(STYLE)
    words, picture = st.columns([1, 2.4], gap="large")
    with words.container(key="present-words"):
        _leave(page, focus.url_params() | view.url_params())
        _figures(cache.headline(view, focus))  # its sentence would repeat the first and the title
        endorsers = leading_names(mapped, cache.focus_group(focus))
        heading = _("{category} ({count})").format(
            category=mapped.names[0], count=formats.number(len(endorsers))
        )
        _named(heading, endorsers, "present-names")
        first = tuple(p.name for p in cache.pack(focus, view, PRIORITIES).priorities)
        _named(_("Outreach priorities"), first, "present-priorities", "1.")
    with picture.container(key="present-picture"):
        st.subheader(md(mapped.title), anchor=False)
        figure = cache.projector_json(focus, view)
        geo_chart(figure, plotly_config(mapped.file_stem), "present-figure", mapped.title, "100%")
        with st.container(key="present-description"):
            st.caption(md(map_description(mapped, frame)))
        st.caption(md(mapped.source_line))
