"""The first-visit baseline: a one-table Streamlit page (the endorsements table, nothing else)."""

import pandas as pd
import streamlit as st

from store import paths

st.dataframe(pd.read_csv(paths.data_dir() / "endorsements.csv", dtype=str))
