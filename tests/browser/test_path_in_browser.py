"""The desk officer's path in chromium: a focus chosen on the map survives two page links, the
outreach list ranks within it, and a phone shows the map on its first screen."""

from playwright.sync_api import Browser

from harness.browser import SHAPES

from browser_fixtures import SCREENSHOTS, offline_context, quiet, screenshot, settle

PHONE = {"width": 390, "height": 844}


def test_the_focus_chosen_on_the_map_survives_two_page_links(app: str, page):
    tab, blocked = page
    tab.goto(app + "/")
    settle(tab, "Coverage map")
    tab.get_by_role("combobox", name="Focus").fill("African Union")
    tab.keyboard.press("Enter")
    tab.get_by_text("4 of 54 African Union members have endorsed").first.wait_for()
    quiet(tab)
    tab.get_by_role("link", name="Outreach gaps").last.click()  # the link under the map
    settle(tab, "Outreach gaps")
    assert "org=african-union" in tab.url
    text = tab.inner_text("[data-testid='stMain']")
    assert "members of African Union" in text
    assert " is ranked 1 of the 50 states that have not endorsed and match the filters" in text
    screenshot(tab, "path-outreach-african-union")
    tab.get_by_role("link", name="Regional breakdown").first.click()  # through the menu
    settle(tab, "Regional breakdown")
    assert "by=org" in tab.url or "focus=org-african-union" in tab.url
    assert "4 of 54 African Union members have endorsed" in tab.inner_text("[data-testid='stMain']")
    screenshot(tab, "path-regions-african-union")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_a_phone_shows_the_map_on_its_first_screen(app: str, browser: Browser):
    context, tab, blocked = offline_context(browser, PHONE)
    try:
        tab.goto(app + "/?focus=org-african-union")
        settle(tab, "Coverage map")
        tab.wait_for_function(f"() => document.querySelector('{SHAPES}')", timeout=30_000)
        quiet(tab)
        chart = tab.locator(".geo-chart.js-plotly-plot").first.bounding_box()
        assert chart and chart["y"] < PHONE["height"], chart  # it was 1,400 px down
        shapes = tab.locator(".js-plotly-plot .choroplethlayer").first.bounding_box()
        assert shapes and shapes["y"] < 0.85 * PHONE["height"], shapes  # the map, not a blank band
        assert chart["height"] < 450  # as tall as its frame needs at 560 px, not 680
        line = tab.get_by_text("Endorsed: African Union: 4 of 54 (7%)")
        assert line.is_visible()  # the headline in one line, not three cards
        assert not tab.get_by_text("UN member States that endorsed").first.is_visible()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "phone-map-african-union.png"))
        assert not blocked, f"requests to non-loopback hosts: {blocked}"
    finally:
        context.close()
