"""Benchmark and load harness: a Streamlit server on loopback and Debian chromium driving it."""
