"""Presentation mode on a projector: the map fills the screen, every line of it is on screen, the
endorsers are named, and the map in words is there for screen readers only. Each size's screenshot
lands in test-artifacts/screenshots/ (present-projector-*.png) for a person to look at."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from harness.browser import SHAPES

from browser_fixtures import SCREENSHOTS, offline_context, quiet
from browser_pages import features

PATH = "/?present=1&focus=org-african-union"
ENDORSERS = ("Morocco", "Rwanda", "Tunisia", "Zimbabwe")  # the African Union's four
SOURCE = re.compile(r"^Source: Government of the Netherlands, .*CC BY 4\.0\.$")
DESCRIPTION = re.compile(
    r"^Call to Action \(REAIM 2023\): endorsements among African Union members\. Map legend"
)

# What the tests ask of an element, in the page. shown: the area of it left on screen by the
# window and by every ancestor that clips it (overflow other than visible: an <svg> clips by
# default). hidden: it sits in a box of at most 1×1 px that clips (the visually hidden pattern).
# whole: nothing of it is clipped away and its own text is not cut short.
_MEASURES = """
const visibleBox = (element) => {
  const r = element.getBoundingClientRect();
  let [left, top, right, bottom] = [r.left, r.top, r.right, r.bottom];
  left = Math.max(left, 0); top = Math.max(top, 0);
  right = Math.min(right, innerWidth); bottom = Math.min(bottom, innerHeight);
  for (let a = element.parentElement; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const b = a.getBoundingClientRect();
    left = Math.max(left, b.left); top = Math.max(top, b.top);
    right = Math.min(right, b.right); bottom = Math.min(bottom, b.bottom);
  }
  return { r, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
};
const shown = (element) => { const v = visibleBox(element); return v.width * v.height; };
const hidden = (element) => {
  for (let a = element; a; a = a.parentElement) {
    const r = a.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1 && getComputedStyle(a).overflow !== 'visible') return true;
  }
  return false;
};
const whole = (element) => {
  const v = visibleBox(element);
  const own = getComputedStyle(element);
  return v.width >= v.r.width - 1 && v.height >= v.r.height - 1
    && (own.overflowX === 'visible' || element.scrollWidth <= element.clientWidth + 1);
};
"""
# Every element of the page holding text of its own that takes room on screen and is cut:
# outside the window, or clipped by an ancestor; as "tag: text".
CUT = f"""() => {{ {_MEASURES}
  const main = document.querySelector('[data-testid="stMain"]');
  return [...main.querySelectorAll('*')]
    .filter((e) => [...e.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim()))
    .filter((e) => {{ const r = e.getBoundingClientRect(); return r.width > 1 && r.height > 1; }})
    .filter((e) => !hidden(e) && !whole(e))
    .map((e) => e.tagName + ': ' + e.textContent.trim().slice(0, 80));
}}"""
WHOLE = f"(element) => {{ {_MEASURES} return whole(element); }}"
SHOWN = f"(element) => {{ {_MEASURES} return shown(element); }}"
# Whether the element or an ancestor is out of a screen reader's reach.
UNREACHABLE = """(element) => {
  for (let a = element; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.display === 'none' || style.visibility === 'hidden' || a.hidden
        || a.getAttribute('aria-hidden') === 'true') return true;
  }
  return false;
}"""


@pytest.fixture(params=[(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
def projector(app: str, browser: Browser, request) -> Iterator[tuple[Page, int, int]]:
    """The African Union's presentation at a projector's size, drawn and quiet; its screenshot."""
    width, height = request.param
    context, tab, blocked = offline_context(browser, {"width": width, "height": height})
    tab.goto(app + PATH)
    tab.get_by_text("Leave presentation mode").wait_for(timeout=30_000)
    tab.wait_for_function(
        f"n => document.querySelectorAll('{SHAPES}').length >= n", arg=features(), timeout=30_000
    )
    quiet(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"present-projector-{width}x{height}.png"))
    yield tab, width, height
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    context.close()


def test_the_map_fills_the_projector(projector):
    """The map itself (the frame plotly draws the states in) takes 60% of the height."""
    tab, width, height = projector
    geo = tab.locator(".js-plotly-plot .geo .bg rect").first.bounding_box()
    assert geo, "no map drawn"
    share = geo["height"] / height
    print(f"the map takes {share:.0%} of the height at {width}×{height}")
    assert share >= 0.6, f"the map takes {share:.0%} of the height at {width}×{height}"
    assert geo["y"] >= 0 and geo["y"] + geo["height"] <= height


def test_every_line_is_on_screen(projector):
    """No text outside the window or clipped; the source line whole; the endorsers named."""
    tab, width, height = projector
    assert tab.evaluate(CUT) == [], f"text cut at {width}×{height}"
    source = tab.get_by_text(SOURCE)
    assert source.count() == 1, "no source line"
    assert source.evaluate(WHOLE), f"the source line is cut at {width}×{height}"
    main = tab.locator("[data-testid='stMain']")
    for name in ENDORSERS:
        named = main.get_by_text(name, exact=True)
        assert named.count() == 1 and named.evaluate(WHOLE), f"{name} is not named on screen"


def test_the_map_in_words_is_for_screen_readers(projector):
    """The description stays in the page, in reach of a screen reader, but shows nothing."""
    tab, _width, _height = projector
    described = tab.get_by_text(DESCRIPTION)
    assert described.count() == 1, "the map's description is not in the page"
    assert described.evaluate(SHOWN) <= 1, "the map's description shows on screen"
    assert not described.evaluate(UNREACHABLE), "the description is hidden from screen readers"
