"""Keyboard only, in chromium: the map page can be used without a mouse.

From the top of the page, with Tab, Enter and the arrow keys alone: reach the focus
picker and change the focus, get past the map (Plotly must not trap the focus), open "Show as
table" and get into and out of its table, then on to the PNG download and trigger it. Every
key press is checked: the focus lands on a visible element and moves the way the key says, and
every walk is bounded.
"""

import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image
from playwright.sync_api import Page

from harness.browser import SHAPES

from browser_fixtures import screenshot, settle

MOST = 80  # key presses per step, at most
GRID = ("data-grid-canvas", "stDataFrame")  # a dataframe's cells and its frame

ACTIVE = """() => {
  const e = document.activeElement;
  if (!e) return null;
  const box = e.getBoundingClientRect();
  const within = e.closest('[data-testid]');
  return {
    tag: e.tagName,
    role: e.getAttribute('role') || '',
    label: e.getAttribute('aria-label') || '',
    text: (e.innerText || '').trim().slice(0, 80),
    testid: within ? within.getAttribute('data-testid') : '',
    grid: e.tagName === 'CANVAS' && !!e.closest('[data-testid="stDataFrame"]'),
    visible: box.width > 0 && box.height > 0,
  };
}"""
# Where the focus went from the element it was on at the last call: "forward" or "backward" in
# document order, "stuck" on the same element, "start" when there was none.
MOVED = """() => {
  const before = window.__keyboardWalk;
  const now = document.activeElement;
  window.__keyboardWalk = now;
  if (!before || !before.isConnected) return 'start';
  if (before === now) return 'stuck';
  const where = before.compareDocumentPosition(now);
  if (where & Node.DOCUMENT_POSITION_CONTAINS) return 'backward';  // back out to the body
  if (where & Node.DOCUMENT_POSITION_FOLLOWING) return 'forward';
  if (where & Node.DOCUMENT_POSITION_PRECEDING) return 'backward';
  return 'elsewhere';
}"""


def active(tab: Page) -> dict:
    return tab.evaluate(ACTIVE) or {}


def walk(tab: Page, key: str, found, what: str) -> tuple[dict, list[dict]]:
    """Press ``key`` until ``found(active)``; every press must move the focus one way, onto a
    visible element, except inside a table's grid, which takes Tab from cell to cell of a row
    before it lets the focus go. Returns the element reached and every element on the way."""
    direction = "backward" if key == "Shift+Tab" else "forward"
    tab.evaluate(MOVED)  # start from where the focus is now
    seen = []
    for _press in range(MOST):
        tab.keyboard.press(key)
        moved = tab.evaluate(MOVED)
        now = active(tab)
        seen.append(now)
        cell_to_cell = moved == "stuck" and now.get("grid")
        assert moved == direction or cell_to_cell, (
            f"{key} went {moved} to {now} on the way to {what}: {seen}"
        )
        assert now.get("visible"), f"{key} focused an invisible element {now}"
        if found(now):
            return now, seen
    pytest.fail(f"{what} not reached in {MOST} presses of {key}: {seen}")


def is_focus_picker(element: dict) -> bool:
    return element.get("role") == "combobox" and element.get("label") == "Focus"


def test_the_map_page_works_from_the_keyboard(app: str, page):
    tab, blocked = page
    tab.goto(app + "/")
    settle(tab, "Coverage map")
    tab.wait_for_function(f"() => document.querySelectorAll('{SHAPES}').length > 100")
    tab.evaluate("() => document.activeElement && document.activeElement.blur()")

    # 1. From the top of the page to the focus picker.
    picker, on_the_way = walk(tab, "Tab", is_focus_picker, "the focus picker")
    assert picker["tag"] == "INPUT"
    assert on_the_way[0]["testid"] == "stSkipToContent"  # the first stop is the skip link
    assert any(e["label"] == "Instrument" for e in on_the_way)

    # 2. Change the focus with the arrow keys and Enter (opening the list may already move on).
    tab.keyboard.press("ArrowDown")
    tab.get_by_role("listbox").wait_for(timeout=10_000)
    tab.keyboard.press("ArrowDown")
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(r"focus=region-"), timeout=30_000)
    key = parse_qs(urlsplit(tab.url).query)["focus"][0]
    region = key.removeprefix("region-").capitalize()  # africa, americas
    settle(tab, "Coverage map")
    where = f"in the {region}" if region == "Americas" else f"in {region}"
    tab.get_by_text(f"endorsements {where}").first.wait_for(timeout=30_000)  # the map in words
    if not is_focus_picker(active(tab)):  # a rerun may drop the focus: find the picker again
        tab.evaluate("() => document.activeElement && document.activeElement.blur()")
        walk(tab, "Tab", is_focus_picker, "the focus picker after the rerun")

    # 3. On past the map (its toolbar takes the focus and lets it go) to "Show as table".
    summary, on_the_way = walk(
        tab,
        "Tab",
        lambda e: e["tag"] == "SUMMARY" and "Show as table" in e["text"],
        'the "Show as table" expander',
    )
    assert summary["text"].endswith("Show as table")
    toolbar = [e["label"] for e in on_the_way if e["label"].startswith("Download plot")]
    assert toolbar, on_the_way  # the map's own toolbar was on the way
    assert not [e for e in on_the_way if "Share" in e["label"]], on_the_way  # no Plotly Cloud
    assert any(e["text"].endswith("Choose a state") for e in on_the_way), on_the_way
    expander = tab.locator("[data-testid='stExpander']").filter(has_text="Show as table")
    assert expander.locator("details").get_attribute("open") is None
    tab.keyboard.press("Enter")
    tab.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=\"stExpander\"] details')]"
        ".some(d => d.open && d.innerText.includes('Show as table'))",
        timeout=10_000,
    )
    grid = expander.locator("[data-testid='stDataFrame']")
    grid.wait_for(timeout=30_000)
    assert grid.is_visible()

    # 4. Into the table and out of it again: nothing holds the focus.
    inside, _way = walk(tab, "Tab", lambda e: e["grid"], "the table's cells")
    assert inside["visible"]
    after, way = walk(tab, "Tab", lambda e: not e["testid"].startswith(GRID), "past the table")
    assert any(e["grid"] for e in way) and after["testid"] != "data-grid-canvas"

    # 5. On to the PNG download, under the map with the other downloads (the first stop after
    # the table), and press it.
    def is_png(e: dict) -> bool:
        return e["tag"] == "BUTTON" and "Download map (PNG)" in e["text"]

    button = after if is_png(after) else walk(tab, "Tab", is_png, "the PNG download")[0]
    assert button["testid"].startswith("stBaseButton")
    with tab.expect_download(timeout=60_000) as download:
        tab.keyboard.press("Enter")
    assert download.value.suggested_filename == f"reaim-2023-call-to-action-{key}-2023-02-16.png"
    png = Path(download.value.path()).read_bytes()
    with Image.open(io.BytesIO(png)) as image:
        assert region in image.text["Title"]
        assert "Map legend, with counts" in image.text["Description"]
    screenshot(tab, "a11y-keyboard")
    assert tab.locator("[data-testid='stException']").count() == 0
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
