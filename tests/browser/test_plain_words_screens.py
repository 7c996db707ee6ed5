"""Plain words in the browser: the Sources page opens with its citation in view and a button
that copies it, and a state's name in the outreach list opens its profile in the reader's
focus. Screenshots land in test-artifacts/screenshots/ (sources-how-to-cite.png,
outreach-state-links.png) for a person to look at."""

from playwright.sync_api import Browser
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from browser_fixtures import SCREENSHOTS, VIEWPORT, offline_context, quiet, screenshot, settle

ROW = 55  # from the top of a table to the middle of its first row, in pixels
STATE = 125  # from its left edge to a name in the State column (after the row boxes and Rank)


def test_the_citation_is_on_the_first_screen_with_a_copy_button(app: str, browser: Browser):
    context, tab, blocked = offline_context(browser, VIEWPORT)
    tab.goto(app + "/sources")
    settle(tab, "Sources and method")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / "sources-how-to-cite.png"))
    code = tab.locator('[data-testid="stCode"]').first
    box = code.bounding_box()
    assert box and box["y"] + box["height"] <= VIEWPORT["height"], box
    assert "accessed" in code.inner_text() and "as of 16 February 2023" in code.inner_text()
    code.hover()
    code.get_by_role("button", name="Copy to clipboard").wait_for(state="visible", timeout=5_000)
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    context.close()


def test_a_state_name_in_the_outreach_list_opens_its_profile(app: str, browser: Browser):
    context, tab, blocked = offline_context(browser, VIEWPORT)
    for attempt in range(3):  # a click on the grid's canvas before it takes input is lost
        tab.goto(app + "/outreach?org=african-union")
        settle(tab, "Outreach gaps")
        screenshot(tab, "outreach-state-links")
        grid = tab.locator('[data-testid="stDataFrame"]').first
        grid.scroll_into_view_if_needed()
        quiet(tab)
        box = grid.bounding_box()
        assert box
        x, y = box["x"] + STATE, box["y"] + ROW
        tab.mouse.move(x, y)  # a link cell reacts to a click once hovered
        tab.mouse.move(x + 2, y + 1)
        try:
            with context.expect_page(timeout=10_000 if attempt < 2 else 30_000) as opened:
                tab.mouse.down()
                tab.mouse.up()
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    profile = opened.value
    profile.wait_for_load_state()
    assert "/country?" in profile.url and "iso3=KEN" in profile.url, profile.url
    assert "focus=org-african-union" in profile.url  # the reader's focus goes with the link
    settle(profile, "Kenya")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    context.close()
