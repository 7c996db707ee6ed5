"""The country profile's first screen at 1400×900: Kenya's status, its outreach rank and an
endorsing peer's name are in view without scrolling. The screenshot lands in
test-artifacts/screenshots/country-first-screen-1400x900.png for a person to look at."""

import re

from playwright.sync_api import Browser, Locator

from browser_fixtures import SCREENSHOTS, offline_context, settle

WIDTH, HEIGHT = 1400, 900


def bottom(found: Locator) -> float:
    """Where the first element found ends, in pixels from the top of the page."""
    assert found.count(), f"not on the page: {found}"
    box = found.first.bounding_box()
    assert box, f"not drawn: {found}"
    return box["y"] + box["height"]


def test_kenyas_status_rank_and_peers_are_on_the_first_screen(app: str, browser: Browser):
    context, tab, blocked = offline_context(browser, {"width": WIDTH, "height": HEIGHT})
    tab.goto(app + "/country?iso3=KEN")
    settle(tab, "Kenya")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"country-first-screen-{WIDTH}x{HEIGHT}.png"))
    shown = {
        "status": tab.locator(".stMarkdownBadge", has_text="Not endorsed"),
        "rank": tab.get_by_text(re.compile(r"Kenya is ranked \d+ of the 137 states")),
        "an endorsing peer": tab.get_by_text(re.compile("Morocco, Rwanda, Tunisia and Zimbabwe")),
        "the plan, for its editor": tab.get_by_role("link", name="Edit in the outreach plan"),
    }
    ends = {what: bottom(found) for what, found in shown.items()}
    print({what: round(end) for what, end in ends.items()})
    assert all(end <= HEIGHT for end in ends.values()), ends
    assert tab.get_by_role("heading", name="Plan and history").count() == 1  # further down
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    context.close()
