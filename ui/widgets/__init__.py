"""Streamlit widgets and page chrome: the only UI code besides ui/cache.py that uses streamlit."""
