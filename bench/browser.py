"""Debian chromium through Playwright, every request to a non-loopback host blocked and recorded."""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.async_api import Browser, Page, Route, async_playwright

CHROMIUM = "/usr/bin/chromium"
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
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}
# The shapes plotly draws for a choropleth trace, and the points of a scattergeo trace.
SHAPES = ".js-plotly-plot .choroplethlocation"
POINTS = ".js-plotly-plot .scattergeo path.point"


@dataclass
class Blocked:
    """Requests the page attempted to any host but loopback (each one is a failure)."""

    urls: list[str] = field(default_factory=list)

    async def route(self, route: Route) -> None:
        host = urlsplit(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
            await route.continue_()
        else:
            self.urls.append(route.request.url)
            await route.abort()


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Launch Debian's chromium (never a downloaded browser); fail loudly if it is missing."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


async def open_page(
    browser: Browser, blocked: Blocked, width: int = 1600, height: int = 1000
) -> Page:
    """A new page in its own context whose non-loopback requests are aborted and recorded."""
    context = await browser.new_context(viewport={"width": width, "height": height})
    await context.route("**/*", blocked.route)
    return await context.new_page()


async def timed_draw(
    page: Page, url: str, count: int, selector: str = SHAPES, timeout_ms: float = 60_000
) -> float:
    """Seconds from navigation until at least ``count`` elements match ``selector``."""
    start = time.perf_counter()
    await page.goto(url, wait_until="commit")
    await page.wait_for_function(
        f"document.querySelectorAll('{selector}').length >= {count}",
        polling=20,  # ms; requestAnimationFrame is throttled in background pages
        timeout=timeout_ms,
    )
    return time.perf_counter() - start


async def wait_idle(page: Page, timeout_ms: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no status widget, app rendered)."""
    await page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    await page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms
    )
