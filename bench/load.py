"""``make load``: 20 browser sessions on loopback open the map and the outreach page and filter.

Bounded in count and time: SESSIONS concurrent sessions repeat their round for DURATION seconds
against one server on 127.0.0.1. Exits non-zero on any error (an exception on a page, a timeout,
a request to an outside host) and prints sessions served, errors, peak memory and p95 page time.
"""

import asyncio
import statistics
import sys
import time
from dataclasses import dataclass, field

from bench.browser import Blocked, chromium, open_page, timed_draw, wait_idle
from harness.browser import SHAPES
from harness.server import RunningApp, streamlit_app
from ui import cache

SESSIONS = 20
DURATION = 60.0
PAGE_TIMEOUT_MS = 180_000  # 20 browsers share 2 cores with the server: cold pages are slow
SEARCHES = ["a", "in", "republic", "islands", "an"]


@dataclass
class Tally:
    """What the sessions did and what went wrong."""

    rounds: int = 0
    page_times: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    peak_rss_mb: float = 0.0


async def round_trip(page, app: RunningApp, shapes: int, search: str, tally: Tally) -> None:
    """One round: the map drawn, the outreach page opened, a filter typed and applied."""
    tally.page_times.append(await timed_draw(page, app.url, shapes, SHAPES, PAGE_TIMEOUT_MS))
    start = time.perf_counter()
    await page.goto(f"{app.url}/outreach", wait_until="commit")
    box = page.get_by_label("Search names")
    await box.wait_for(timeout=PAGE_TIMEOUT_MS)
    await wait_idle(page, PAGE_TIMEOUT_MS)
    await box.fill(search)
    await box.press("Enter")
    await page.wait_for_function(
        "location.search.includes('q=')", polling="raf", timeout=PAGE_TIMEOUT_MS
    )
    await wait_idle(page, PAGE_TIMEOUT_MS)
    tally.page_times.append(time.perf_counter() - start)
    if await page.locator('[data-testid="stException"]').count():
        tally.errors.append(f"exception shown on /outreach?q={search}")


async def session(number: int, browser, app, shapes, blocked, deadline, tally) -> None:
    page = await open_page(browser, blocked)
    try:
        while time.monotonic() < deadline:
            try:
                await round_trip(page, app, shapes, SEARCHES[number % len(SEARCHES)], tally)
                tally.rounds += 1
            except Exception as exc:  # a load test counts every failure, whatever its type
                tally.errors.append(
                    f"session {number}: {type(exc).__name__}: {exc}".splitlines()[0]
                )
    finally:
        await page.context.close()


async def watch_memory(app: RunningApp, tally: Tally) -> None:
    """Sample the server's resident memory until cancelled."""
    while True:
        tally.peak_rss_mb = max(tally.peak_rss_mb, app.rss_mb())
        await asyncio.sleep(0.5)


async def run() -> Tally:
    tally = Tally()
    shapes = len(cache.geometry().codes)
    with streamlit_app("dashboard.py") as app:
        async with chromium() as browser:
            blocked = Blocked()
            deadline = time.monotonic() + DURATION
            watcher = asyncio.create_task(watch_memory(app, tally))
            await asyncio.gather(
                *(
                    session(n, browser, app, shapes, blocked, deadline, tally)
                    for n in range(SESSIONS)
                )
            )
            watcher.cancel()
            tally.errors += [
                f"request to an outside host: {url}" for url in sorted(set(blocked.urls))
            ]
    return tally


def main() -> int:
    """Run the load test and print its summary; 1 if anything failed."""
    tally = asyncio.run(run())
    p95 = statistics.quantiles(tally.page_times, n=20)[18] if len(tally.page_times) > 1 else 0
    print(f"sessions: {SESSIONS} concurrent for {DURATION:.0f} s; rounds served: {tally.rounds}")
    print(f"pages served: {len(tally.page_times)}; p95 page time: {p95:.2f} s")
    print(f"server peak memory: {tally.peak_rss_mb:.0f} MB")
    print(f"errors: {len(tally.errors)}")
    for error in tally.errors[:20]:
        print(f"  - {error}")
    return 1 if tally.errors or not tally.rounds else 0


if __name__ == "__main__":
    sys.exit(main())
