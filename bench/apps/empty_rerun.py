"""The rerun baseline: an empty page with one selectbox, rerun by changing it (AppTest)."""

import streamlit as st

st.selectbox("Choice", ["Africa", "Europe"], key="url-choice")
