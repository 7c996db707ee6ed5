"""Debian chromium through Playwright, every request to a non-loopback host refused and recorded.

Chromium is started with every host name but localhost unresolvable, and each page records any
request it makes outside loopback. Nothing is intercepted, so the HTTP cache works as it does for
a user (Playwright's request routing would turn it off and re-download the app's code on every
navigation). The browser test intercepts instead, to abort such requests as well.
"""

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from playwright.async_api import Browser, Page, Request, async_playwright

from harness.browser import CHROMIUM, CHROMIUM_ARGS, SHAPES, is_local

# Host names other than localhost do not resolve: nothing can leave the machine by name.
BENCH_ARGS = [
    *CHROMIUM_ARGS,
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


@dataclass
class Blocked:
    """Requests the pages attempted to any host but loopback (each one is a failure)."""

    urls: list[str] = field(default_factory=list)

    def record(self, request: Request) -> None:
        if not is_local(request.url):
            self.urls.append(request.url)


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """Launch Debian's chromium (never a downloaded browser); fail loudly if it is missing."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=BENCH_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


async def open_page(
    browser: Browser, blocked: Blocked, width: int = 1600, height: int = 1000
) -> Page:
    """A new page in its own context whose requests outside loopback are recorded."""
    context = await browser.new_context(viewport={"width": width, "height": height})
    context.on("request", blocked.record)
    return await context.new_page()


# Resolves once ``count`` elements match ``selector``: a MutationObserver, so that waiting in many
# pages at once does not load the browser with polling.
_APPEARS = """([selector, count]) => new Promise((resolve) => {
  const done = () => document.querySelectorAll(selector).length >= count;
  if (done()) return resolve(true);
  const observer = new MutationObserver(() => {
    if (done()) { observer.disconnect(); resolve(true); }
  });
  observer.observe(document, { childList: true, subtree: true });
})"""


async def timed_draw(
    page: Page,
    url: str,
    count: int,
    selector: str = SHAPES,
    timeout_ms: float = 60_000,
    fresh: bool = False,
) -> float:
    """Seconds from navigation until at least ``count`` elements match ``selector``.

    With ``fresh``, the page first goes to the server's tiny health endpoint (same origin, so the
    same browser process and cache), so that the timed navigation does not include tearing down
    the previous copy of the page being measured.
    """
    if fresh:
        await page.goto(url.split("?")[0].rstrip("/") + "/_stcore/health")
    start = time.perf_counter()
    await page.goto(url, wait_until="commit")
    await asyncio.wait_for(page.evaluate(_APPEARS, [selector, count]), timeout_ms / 1000)
    return time.perf_counter() - start


async def wait_idle(page: Page, timeout_ms: float = 60_000) -> None:
    """Wait until Streamlit has finished running the script (no status widget, app rendered)."""
    await page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    await page.wait_for_function(
        "!document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=timeout_ms
    )
