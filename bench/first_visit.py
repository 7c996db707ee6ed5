"""First visits as a new user has them: a fresh browser context, no HTTP cache, timed to the map.

Cold: the server has just started as ``make run`` and ``make cluster`` start it, warm-up included
(serve/warm.py runs the page once before anyone visits); warm: the server has served one visit,
and a new browser opens the page. Each is timed against a one-table Streamlit page started and
visited the same way in the same run, so the target is a ratio on any machine. A page holding
only a one-point plotly map is visited too, as context: what any plotly chart adds to a first visit.
"""

import random
import statistics

from playwright.async_api import Browser

from bench.browser import Blocked, open_page, timed_draw
from harness.browser import POINTS, SHAPES
from harness.server import streamlit_app
from serve.warm import warm as warm_up

RUNS = 5  # medians of 5: a first visit varies by a tenth of a second from one to the next
TABLE = '[data-testid="stDataFrame"]'


async def _visit(browser: Browser, blocked: Blocked, url: str, count: int, selector: str) -> float:
    page = await open_page(browser, blocked)  # a new context: nothing cached, nothing stored
    try:
        return await timed_draw(page, url, count, selector, timeout_ms=120_000)
    finally:
        await page.context.close()


async def first_visits(browser: Browser, blocked: Blocked, shapes: int) -> dict:
    """Median cold and warm first visits of the dashboard, the one-table page and the one-point
    plotly page, and their ratios to the one-table page."""
    cases = {
        "": ("dashboard.py", shapes, SHAPES),
        "hello_": ("bench/apps/hello_table.py", 1, TABLE),
        "floor_": ("bench/apps/floor_map.py", 1, POINTS),  # context: any plotly chart's cost
    }
    times: dict[str, list[float]] = {}
    for run in range(RUNS):
        order = list(cases)
        random.Random(run).shuffle(order)  # no page always first after a slow spell
        for prefix in order:
            script, count, selector = cases[prefix]
            with streamlit_app(script) as server:
                warm_up(server.url)  # as make run does; the same for the one-table page
                cold = await _visit(browser, blocked, server.url, count, selector)
                warm = await _visit(browser, blocked, server.url, count, selector)
            times.setdefault(f"{prefix}first_visit_cold_s", []).append(cold)
            times.setdefault(f"{prefix}first_visit_warm_s", []).append(warm)
    results = {name: round(statistics.median(values), 3) for name, values in times.items()}
    results |= {
        name.replace("_s", "_runs_s"): [round(t, 3) for t in values]
        for name, values in times.items()
    }
    for prefix in ("", "floor_"):
        for visit in ("cold", "warm"):
            results[f"{prefix}first_visit_{visit}_ratio"] = round(
                results[f"{prefix}first_visit_{visit}_s"] / results[f"hello_first_visit_{visit}_s"],
                2,
            )
    return results
