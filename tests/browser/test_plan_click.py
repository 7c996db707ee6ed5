"""The outreach plan's table in chromium (laptop mode on loopback): a click on a row opens that
state in the edit form, and the history under the form reads as words and dates."""

import pytest
from playwright.sync_api import Browser, expect

from browser_fixtures import VIEWPORT, offline_context, quiet, screenshot, settle

pytestmark = pytest.mark.browser

ROW = 35  # Streamlit's data grid: the header and every row are this many CSS px high


def test_a_click_on_a_row_opens_its_state_in_the_form(browser: Browser, app: str):
    context, page, blocked = offline_context(browser, VIEWPORT)
    page.goto(app + "/plan")
    settle(page, "Outreach plan")
    page.get_by_role("heading", name="Edit a state's plan").wait_for(timeout=30_000)
    grid = page.locator("[data-testid='stDataFrame']").first
    third = grid.locator("tbody tr[aria-rowindex='4'] td")  # the header is row 1
    name, iso3 = third.nth(0).inner_text(), third.nth(1).inner_text()
    state = page.get_by_role("combobox", name="State")
    assert name != state.input_value()  # the form opens on the first row
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    assert box
    page.mouse.click(box["x"] + 15, box["y"] + ROW + 2 * ROW + ROW / 2)  # its checkbox
    expect(state).to_have_value(name, timeout=30_000)
    assert f"iso3={iso3}" in page.url
    quiet(page)  # the form of the state before is gone: one "Next step" field, the new state's
    expect(page.get_by_label("Next step")).to_have_count(1)
    page.get_by_label("Next step").fill("Call the desk, by the click test")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text(f"Saved {name}").wait_for(timeout=30_000)
    page.get_by_text("History of this plan").click()
    history = page.locator("[data-testid='stExpander'] [data-testid='stDataFrame'] table")
    history.wait_for(state="attached", timeout=30_000)  # the grid's text, for assistive tech
    text = history.inner_text()
    assert "Next step" in text and "Call the desk, by the click test" in text
    assert "next_step" not in text and "None" not in text
    settle(page, "Outreach plan")
    screenshot(page, "plan-click")
    assert not blocked
    context.close()
