"""Debian's chromium as the tests and the benchmarks start it, and what they look for on a page."""

from urllib.parse import urlsplit

from safeio.loopback import is_loopback

CHROMIUM = "/usr/bin/chromium"  # Debian's, never a downloaded browser
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The shapes plotly draws for a choropleth trace, and the points of a scattergeo trace.
SHAPES = ".js-plotly-plot .choroplethlocation"
POINTS = ".js-plotly-plot .scattergeo path.point"


def is_local(url: str) -> bool:
    """True for data: and blob: URLs and for URLs whose host is loopback."""
    return url.startswith(("data:", "blob:")) or is_loopback(urlsplit(url).hostname or "")
