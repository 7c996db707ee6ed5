"""Benchmarks and the load test: the dashboard timed against baselines (harness/ runs it)."""
