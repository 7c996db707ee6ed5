"""Browser-test fixtures (registered in conftest): one app for the session, chromium, offline."""

from collections.abc import Iterator
from pathlib import Path

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


def offline_context(browser: Browser, viewport: dict) -> tuple[BrowserContext, Page, list[str]]:
    """A new context and page whose requests to any host but loopback are aborted and recorded
    (in the list returned with them)."""
    blocked: list[str] = []

    def route(route: Route) -> None:
        url = route.request.url
        if is_local(url):
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


def settle(page: Page, header: str) -> None:
    """Wait until the page's header is shown and Streamlit has finished running the script."""
    page.get_by_role("heading", name=header).first.wait_for(timeout=30_000)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=30_000
    )
    page.wait_for_timeout(800)


def screenshot(page: Page, name: str) -> None:
    """The whole page: the viewport grows to the height of Streamlit's scrolling main area."""
    height = page.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
        '[data-testid="stAppViewContainer"]\')].map(e => e.scrollHeight))'
    )
    page.set_viewport_size(
        {"width": VIEWPORT["width"], "height": max(VIEWPORT["height"], height + 40)}
    )
    page.wait_for_timeout(500)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size(VIEWPORT)


def visible_text(page: Page) -> str:
    """The page's text as a reader sees it: without the invisible characters that keep user text
    inert and isolated (ui.text.inert: word joiners, directional isolates)."""
    return page.inner_text("body").translate(dict.fromkeys(map(ord, "\u2060\u2068\u2069")))
