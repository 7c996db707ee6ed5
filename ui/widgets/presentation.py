"""Presentation mode (``?present=1``): a figure and the headline in large type, no controls."""

import plotly.graph_objects as go
import streamlit as st

from i18n.translate import _
from ui.tables.headline import Headline
from ui.text import md
from ui.widgets.geo_chart import geo_chart
from ui.widgets.url_controls import link_params

PRESENT_HEIGHT = 470  # px: the map with its title and legend fits a 1366×768 screen with no scroll


def presenting() -> bool:
    """Whether the URL asks for presentation mode."""
    return st.query_params.get("present") == "1"


def present(
    shown: Headline,
    figure: go.Figure,
    config: dict,
    page: str,
    keep: dict[str, str],
    description: str = "",
) -> None:
    """The headline figures and the focus's sentence beside the figure; a small link back.

    A figure with a ``description`` is a map: it is drawn by ui.widgets.geo_chart, named by its
    title, and its text alternative is shown beside it. Other charts are Streamlit's own.
    """
    st.page_link(
        page,
        label=_("Leave presentation mode"),
        icon=":material/close_fullscreen:",
        query_params=link_params(keep),
    )
    words, picture = st.columns([1.15, 2.6], vertical_alignment="center", gap="medium")
    with words:
        for label, value in shown.key_figures[:2]:
            st.metric(label, value)
        st.markdown(f"#### {md(shown.lead)}")
        if description:  # beside the map, so that the screen does not scroll
            st.caption(md(description))
    with picture:
        if description:
            geo_chart(figure.to_json(), config, "present-figure", figure.layout.title.text)
        else:
            st.plotly_chart(figure, config=config, theme=None, key="present-figure")
