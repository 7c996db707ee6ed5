"""Plotly maps drawn by plotly.js's geo-only bundle, under a third of the code Streamlit's loads."""

from pathlib import Path

import streamlit as st

from i18n.translate import _
from ui.views.focus import ASPECT

_CODE = Path(__file__).with_name("geo_chart.js").read_text(encoding="utf-8")
GEO_CHART = "reaim.geo_chart"  # the component's name, as the page's elements carry it
PRELOAD_KEY = "map-code"  # the invisible instance's key: its container's class is st-key-map-code
_RENDER = st.components.v2.component(
    GEO_CHART,
    html='<div class="geo-chart" style="width: 100%"></div>',
    js=_CODE,
    isolate_styles=False,  # plotly.js styles its figure from the page's <head>
)


def geo_chart(figure_json: str, config: dict, key: str, label: str, height: str = "") -> str | None:
    """Draw the plotly figure ``figure_json`` with plotly ``config``; the state just clicked.

    ``label`` (the map's title) is its accessible name. ``height``, a CSS height ("100%"), sizes
    the map to the page instead of the figure's own height, and follows it when it changes;
    without it, a map narrower than its figure's height allows (a phone) is made only as tall as
    its frame of the map's ``ASPECT`` needs. A click returns the state's code for one rerun;
    otherwise None.
    """
    failed = _(
        "The map could not be drawn ({detail}). Reload the page; if this persists, tell whoever "
        "runs the dashboard. The map in words and the table below hold the same information."
    )
    shown = _RENDER(
        data={
            "figure": figure_json,
            "config": config,
            "label": label,
            "failed": failed,
            "aspect": ASPECT,  # a narrow map is no taller than its frame needs
        }
        | ({"height": height} if height else {}),
        key=key,
        on_clicked_change=lambda: None,
    )
    return shown.clicked


def preload_geo_chart() -> None:
    """Start loading the map's drawing code at once, before the page's other elements render.

    An invisible instance of the component (its container is hidden by the page's style sheet):
    the code loads while the browser is still busy with the controls above the map.
    """
    _RENDER(data={"preload": True}, key=PRELOAD_KEY)
