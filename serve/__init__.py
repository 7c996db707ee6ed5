"""Serving the dashboard to many users: several Streamlit processes behind nginx (cluster.py)."""
