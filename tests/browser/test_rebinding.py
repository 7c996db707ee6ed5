"""Laptop mode opens the plan only to a page of this machine's own address and the app's port.

DNS rebinding: an attacker's name (evil.example) made to resolve to 127.0.0.1, so that their
page reads the dashboard. Chromium's --host-resolver-rules maps the name to loopback here, and
nothing leaves the machine. A page of another local port is played by a websocket carrying that
Origin (the protocol a browser speaks, serve/streamlit_client.py). Fails (never skips) when
chromium is missing.
"""

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Playwright

from harness.browser import CHROMIUM, CHROMIUM_ARGS
from plan.access import LAPTOP_USER
from serve.streamlit_client import Session
from ui.text import inert

from browser_fixtures import VIEWPORT, offline_context, screenshot, settle, visible_text

EVIL = "evil.example"
CLOSED = "The outreach plan is closed: without sign-in it opens only at this computer's own address"
OPEN = "Signed in as"  # then the laptop-mode user, as admin


@pytest.fixture(scope="module")
def rebinding_browser(playwright: Playwright) -> Iterator[Browser]:
    """Chromium resolving evil.example to 127.0.0.1, as a rebinding attacker's DNS would."""
    rules = f"--host-resolver-rules=MAP {EVIL} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    launched = playwright.chromium.launch(
        executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--no-proxy-server", rules]
    )
    yield launched
    launched.close()


@pytest.fixture
def tab(rebinding_browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A fresh page; requests to any host but loopback and evil.example are aborted, recorded."""
    context, page, blocked = offline_context(rebinding_browser, VIEWPORT, frozenset({EVIL}))
    yield page, blocked
    context.close()


def test_a_rebound_host_name_gets_the_plan_closed(app: str, tab: tuple[Page, list[str]]):
    page, blocked = tab
    port = urlsplit(app).port
    page.goto(f"http://{EVIL}:{port}/plan")
    settle(page, "Outreach plan")
    body = visible_text(page)
    screenshot(page, "plan-rebound-host")
    assert CLOSED in body and f"http://localhost:{port}" in body
    assert OPEN not in body and "Download plan" not in body
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    assert page.locator("[data-testid='stForm']").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    # The same server, opened at its own address, still opens the plan.
    page.goto(f"{app}/plan")
    settle(page, "Outreach plan")
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    body = visible_text(page)
    assert OPEN in body and LAPTOP_USER in body and CLOSED not in body
    assert not blocked, blocked


def test_a_websocket_from_another_local_port_gets_the_plan_closed(app: str):
    port = urlsplit(app).port
    with Session(app, {}, origin=f"http://127.0.0.1:{port + 1}") as foreign:
        run = foreign.run("plan")  # the texts as sent: Markdown, the reason inert (ui.text.inert)
    assert not run.exceptions and inert(CLOSED)[1:-1] in run.text() and OPEN not in run.text()
    with Session(app, {}) as own:
        assert OPEN in own.run("plan").text()
