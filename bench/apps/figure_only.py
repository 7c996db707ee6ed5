"""Our world map alone on a page (no navigation, controls, headline), drawn as the map page does."""

import streamlit as st

from store.focus import WORLD_FOCUS
from ui import cache
from ui.figures.map_figure import plotly_config
from ui.widgets.geo_chart import geo_chart

st.set_page_config(layout="wide")
title = cache.map_figure(WORLD_FOCUS).layout.title.text
geo_chart(cache.map_json(WORLD_FOCUS), plotly_config("world"), "map", title)
