"""A naive coverage map for comparison (bench/naive.py), served in the same app setup as ours."""

import os
from pathlib import Path

import streamlit as st

from bench.naive import naive_figure

st.set_page_config(layout="wide")
st.plotly_chart(
    naive_figure(Path(os.environ["NAIVE_GEOJSON"])), config={"topojsonURL": "app/static/"}
)
