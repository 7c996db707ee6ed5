"""Our world map figure alone on a page (no navigation, controls or headline): what plotly costs."""

import streamlit as st

from ui import data
from ui.charts import plotly_config

st.set_page_config(layout="wide")
st.plotly_chart(data.map_figure("world"), config=plotly_config("world"), theme=None)
