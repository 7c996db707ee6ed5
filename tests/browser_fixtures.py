"""Browser-test fixtures (registered in conftest): one app for the session, chromium, offline."""

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    Playwright,
    Route,
    sync_playwright,
)

from harness.browser import CHROMIUM, CHROMIUM_ARGS, is_local
from harness.server import streamlit_app

from conftest import REPO

SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
VIEWPORT = {"width": 1600, "height": 900}  # a 16:9 projector


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``streamlit run dashboard.py`` on a free loopback port; fails if it does not come up.

    Its outreach plan is a fresh SQLite file; on loopback without login it is in laptop mode.
    """
    plan = tmp_path_factory.mktemp("plan") / "plan.sqlite"
    try:
        with streamlit_app(
            "dashboard.py", env={"REAIM_DATABASE_URL": f"sqlite:///{plan}"}
        ) as running:
            yield running.url
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """One Playwright for the session: a second one at once is refused (its event loop runs)."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (.ci/run does)")
    with sync_playwright() as started:
        yield started


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """Debian's chromium through Playwright; never a downloaded browser."""
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    yield launched
    launched.close()


def offline_context(
    browser: Browser, viewport: dict, also: frozenset[str] = frozenset()
) -> tuple[BrowserContext, Page, list[str]]:
    """A new context and page whose requests to any host but loopback (and the host names
    ``also`` allows) are aborted and recorded (in the list returned with them)."""
    blocked: list[str] = []

    def route(route: Route) -> None:
        url = route.request.url
        if is_local(url) or urlsplit(url).hostname in also:
            route.continue_()
        else:
            blocked.append(url)
            route.abort()

    context = browser.new_context(viewport=viewport)
    context.route("**/*", route)
    return context, context.new_page(), blocked


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page whose requests to any host but loopback are aborted and recorded."""
    context, new_page, blocked = offline_context(browser, VIEWPORT)
    yield new_page, blocked
    context.close()


# True once the page has been quiet for ``frames`` animation frames in a row: Streamlit's script
# run over (the app's script state, no status widget), no element stale (Streamlit marks those of
# the last run until this one replaces them), the fonts loaded, no transition or finite animation
# running, and the same height and number of elements as the frame before. Several frames, so
# that the moment between two runs (a URL parameter written back reruns the page) is not taken
# for the end. The count lives on the window: quiet() resets it before waiting.
_QUIET = """(frames) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const shape = [
    document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState,
    main ? main.scrollHeight : -1,
    document.querySelectorAll('[data-testid="stElementContainer"]').length,
  ].join();
  const still = shape.startsWith('notRunning,')
    && !document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]')
    && document.fonts.status === 'loaded'
    && document.getAnimations().every(
      (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
  const last = window.__quiet;
  const count = still ? (last && last.shape === shape ? last.count + 1 : 1) : 0;
  window.__quiet = { shape, count };
  return count >= frames;
}"""
QUIET_FRAMES = 10


def quiet(page: Page, timeout: float = 30_000) -> None:
    """Wait until the page is quiet (see _QUIET): drawn, and nothing about to change."""
    page.evaluate("() => { window.__quiet = undefined; }")
    page.wait_for_function(_QUIET, arg=QUIET_FRAMES, polling="raf", timeout=timeout)


def settle(page: Page, header: str) -> None:
    """Wait until the page's header is shown and the page is quiet."""
    page.get_by_role("heading", name=header).first.wait_for(timeout=30_000)
    quiet(page)


def screenshot(page: Page, name: str) -> None:
    """The whole page: the viewport grows to the height of Streamlit's scrolling main area."""
    height = page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
        '[data-testid="stAppViewContainer"]\')].map(e => e.scrollHeight))'
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height + 40)}
    )
    quiet(page)  # laid out again at the new height
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(VIEWPORT)


def visible_text(page: Page) -> str:
    """The page's text as a reader sees it: without the invisible characters that keep user text
    inert and isolated (ui.text.inert: word joiners, directional isolates)."""
    return page.inner_text("body").translate(dict.fromkeys(map(ord, "\u2060\u2068\u2069")))
