"""The framework's floor: a page holding only a one-point geo chart (Streamlit plus plotly.js)."""

import plotly.graph_objects as go
import streamlit as st

st.set_page_config(layout="wide")
figure = go.Figure(go.Scattergeo(lon=[4.3], lat=[52.1], mode="markers"))
figure.update_geos(showland=False, showcoastlines=False, showframe=False, showcountries=False)
st.plotly_chart(figure, config={"topojsonURL": "app/static/"})
