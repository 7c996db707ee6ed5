"""Opening a dashboard page in Streamlit's AppTest, the way every app test does."""

from pathlib import Path

from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parent.parent

APP = str(REPO / "dashboard.py")


def open_page(page: str, timeout: float = 90, **params: str) -> AppTest:
    """Run ``app_pages/<page>.py`` with ``params`` in its URL (after a first run of the map)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if page != "map":
        at.run()
        at.switch_page(f"app_pages/{page}.py")
    at.query_params.update(params)
    return at.run()
