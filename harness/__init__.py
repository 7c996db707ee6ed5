"""Support the tests and the benchmarks share: a Streamlit server on loopback, chromium."""
