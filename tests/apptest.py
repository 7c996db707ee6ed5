"""Opening a dashboard page in Streamlit's AppTest, the way every app test does."""

import json
import re
from pathlib import Path

import pandas as pd
from streamlit.testing.v1 import AppTest

from ui.widgets.geo_chart import GEO_CHART

REPO = Path(__file__).resolve().parent.parent

APP = str(REPO / "dashboard.py")


def open_page(page: str, timeout: float = 90, **params: str) -> AppTest:
    """Run ``app_pages/<page>.py`` with ``params`` in its URL, as a visitor opening its address:
    the page is chosen before the first run, so the map page does not run first (the router
    finds a page by its file name then, which is each page's url_path in ui/widgets/pages.py)."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    if page != "map":
        at.switch_page(f"app_pages/{page}.py")
    at.query_params.update(params)
    return at.run()


def maps(at: AppTest) -> list[dict]:
    """The maps a run drew with ui.widgets.geo_chart: each its plotly figure, config and label."""
    drawn = []
    for element in at.get("bidi_component"):
        if element.proto.component_name != GEO_CHART:
            continue
        data = json.loads(element.proto.json)
        if "figure" in data:  # not the invisible instance that preloads the code
            drawn.append({**data, "figure": json.loads(data["figure"])})
    return drawn


def static_table(at: AppTest, index: int) -> pd.DataFrame:
    """A static table of the run (st.table, whose cells are Markdown), each cell as the reader
    sees it: without the escapes that keep data text literal."""
    return at.table[index].value.map(lambda cell: re.sub(r"\\(.)", r"\1", str(cell)))
