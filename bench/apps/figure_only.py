"""Our world map figure alone on a page (no navigation, controls or headline): what plotly costs."""

import streamlit as st

from ui import cache
from ui.figures.map_figure import plotly_config

st.set_page_config(layout="wide")
st.plotly_chart(cache.map_figure("world"), config=plotly_config("world"), theme=None)
