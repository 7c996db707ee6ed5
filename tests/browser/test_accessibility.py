"""Accessibility in the real browser: axe-core's WCAG 2.0/2.1 A and AA rules on every page and
state the browser tests visit, and reflow at 320 CSS px and at 200% zoom (WCAG 1.4.4, 1.4.10).

axe-core is bundled in axe-playwright-python (MPL-2.0) and injected from the installed package:
nothing is fetched, and the shared ``page`` fixture records any request outside loopback.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from harness.browser import SHAPES
from i18n.translate import _, use

from browser_fixtures import SCREENSHOTS, offline_context, quiet, settle
from browser_pages import HEADERS, PAGES, PRESENTATIONS, features

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE = Axe()


def translated(language: str, header: str) -> str:
    with use(language):
        return _(header)


ROOM = "GHA,KEN,KOR,MAR,NGA,RWA,SEN,ZAF"  # a meeting's states, as ?group= writes them
# name -> (path, header shown when settled, or None for presentation mode)
STATES: dict[str, tuple[str, str | None]] = {
    **{name: (path, HEADERS[name.split("-")[0]]) for name, path in PAGES.items()},
    "plan-empty": ("/plan", HEADERS["plan"]),
    **{  # the regions page by each grouping (PAGES has organisations and UN groups)
        f"regions-{by}": (f"/regions?by={by}", HEADERS["regions"]) for by in ("region", "subregion")
    },
    "regions-compare": (
        "/regions?compare=us-political-declaration,reaim-2023-call-to-action",
        HEADERS["regions"],
    ),
    "country-picker": ("/country", HEADERS["country"]),
    "briefing-fr": ("/briefing?lang=fr", translated("fr", "Briefing pack")),
    **{
        f"{name}-{lang}": (path.format(lang=lang), translated(lang, header))
        for lang in ("fr", "es")
        for name, path, header in (
            ("map", "/?lang={lang}", "Coverage map"),
            ("outreach", "/outreach?lang={lang}&region=Africa", "Outreach gaps"),
        )
    },
    **{  # a past day and what changed since one (issue 23), in the three languages
        f"{name}-{lang}": (path.format(lang=lang), translated(lang, header))
        for lang in ("en", "fr", "es")
        for name, path, header in (
            (
                "map-as-of",
                "/?lang={lang}&instrument=us-political-declaration&as_of=2024-03-20",
                "Coverage map",
            ),
            ("map-since", "/?lang={lang}&focus=org-african-union&since=2023-12-22", "Coverage map"),
        )
    },
    "outreach-since": ("/outreach?since=2023-12-22&focus=org-african-union", HEADERS["outreach"]),
    **{  # two to four states side by side (issue 25): a request said wrong, in French
        "compare-bad-request": ("/compare?iso3=KEN,ZZZ,KEN,NGA", HEADERS["compare"]),
        "compare-fr": ("/compare?lang=fr&iso3=KEN,NLD,VAT", translated("fr", "Compare states")),
    },
    **{  # a group the user made (issue 24): the map, the regions and the outreach list of it
        f"{name}-group": (f"{path}group={ROOM}&group_name=Nairobi+consultation", HEADERS[name])
        for name, path in (("map", "/?"), ("regions", "/regions?"), ("outreach", "/outreach?"))
    },
    **{  # each presentation screen once, at the size axe judges it (PRESENTATION)
        f"present-{i}": (path, None)
        for i, path in enumerate(dict.fromkeys(path for _w, _h, path in PRESENTATIONS))
    },
}
PRESENTATION = {"width": 1366, "height": 768}


def is_map(path: str) -> bool:
    return path.startswith("/?") or path == "/"


def wait_for_page(tab: Page, path: str, header: str | None) -> None:
    """Header shown (or the presentation link), Streamlit idle, every map shape drawn."""
    if header is None:
        tab.get_by_text("Leave presentation mode").wait_for(timeout=30_000)
        quiet(tab)
    else:
        settle(tab, header)
    # The app's own style sheet (ui/widgets/chrome.py) comes with each run: axe must judge the page
    # as drawn with it. A page that never gets it fails here, by name.
    tab.wait_for_function(
        "() => [...document.querySelectorAll('style')]"
        ".some(s => s.textContent.includes('stCaptionContainer'))",
        timeout=10_000,
    )
    if is_map(path):
        tab.wait_for_function(
            f"n => document.querySelectorAll('{SHAPES}').length >= n",
            arg=features(),
            timeout=30_000,
        )
        quiet(tab)


def report(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        nodes = v["nodes"][:4]
        lines.append(
            f"- {v['id']} ({v['impact']}, {len(v['nodes'])} nodes): {v['help']}\n"
            + "\n".join(f"    {' '.join(map(str, n['target']))}" for n in nodes)
            + f"\n    {nodes[0].get('failureSummary', '')}"
        )
    return "\n".join(lines)


def axe_violations(tab: Page) -> list[dict]:
    results = AXE.run(
        tab,
        options={"runOnly": {"type": "tag", "values": WCAG_AA}, "resultTypes": ["violations"]},
    )
    return results.response["violations"]


@pytest.mark.parametrize("name", STATES)
def test_page_meets_wcag_aa(app: str, page, browser: Browser, name: str):
    path, header = STATES[name]
    if header is None:  # presentation mode is sized for a 1366×768 projector
        context, tab, blocked = offline_context(browser, PRESENTATION)
    else:
        context = None
        tab, blocked = page
    try:
        tab.goto(app + path)
        wait_for_page(tab, path, header)
        violations = axe_violations(tab)
        assert not violations, f"axe-core, {name} ({path}):\n{report(violations)}"
        assert not blocked, f"requests to non-loopback hosts: {blocked}"
    finally:
        if context:
            context.close()


def test_map_table_meets_wcag_aa(app: str, page):
    """The map with its "Show as table" expander open, where the page has one."""
    tab, blocked = page
    tab.goto(app + "/")
    wait_for_page(tab, "/", "Coverage map")
    summary = tab.locator("summary", has_text="Show as table")
    expander = tab.locator("[data-testid='stExpander']", has=summary)  # not "Your group"'s
    if expander.count():
        summary.first.click()
        expander.first.locator("[data-testid='stExpanderDetails']").wait_for()
        quiet(tab)
    violations = axe_violations(tab)
    assert not violations, f"axe-core, map with its table open:\n{report(violations)}"
    assert not blocked


def test_your_group_report_meets_wcag_aa(app: str, page):
    """The "Your group" box with a list read: every kind of line, the choices, the button."""
    tab, blocked = page
    tab.goto(app + "/")
    wait_for_page(tab, "/", "Coverage map")
    tab.get_by_text("Your group: a focus from a list of participants").click()
    listed = "Kenya\nCongo\nICRC\nKosovo\nKenya\nNarnia"
    tab.get_by_role("textbox", name="Participants").fill(listed)
    tab.get_by_role("button", name="Read the list").click()
    tab.get_by_text("Listed apart, not in the group: 3 lines").wait_for()  # ICRC, Kosovo, Kenya
    quiet(tab)
    violations = axe_violations(tab)
    assert not violations, f"axe-core, the report of a list read:\n{report(violations)}"
    assert not blocked


REFLOW_PAGES = {
    "map": ("/", "Coverage map"),
    "outreach": ("/outreach?region=Africa", "Outreach gaps"),
    "country": ("/country?iso3=NLD", "Country profile"),
}
# 320 CSS px wide (WCAG 1.4.10), and 1280×800 at 200% zoom: 640×400 CSS px (WCAG 1.4.4).
# Zoom is emulated by the CSS viewport it leaves, not by device_scale_factor, which only
# sharpens the pixels and leaves the layout as it is.
VIEWPORTS = {"320": {"width": 320, "height": 640}, "zoom200": {"width": 640, "height": 400}}


@pytest.mark.parametrize("size", VIEWPORTS)
@pytest.mark.parametrize("name", REFLOW_PAGES)
def test_page_reflows(app: str, browser: Browser, name: str, size: str):
    """No horizontal scrolling; the header and the map or the table inside the width; axe-clean.

    A wide data table, or the map below 480 px, may scroll inside its own frame (two-dimensional
    content is an exception of WCAG 1.4.10), so it is the frame that must fit, not the content.
    """
    path, header = REFLOW_PAGES[name]
    viewport = VIEWPORTS[size]
    context, tab, blocked = offline_context(browser, viewport)
    try:
        tab.goto(app + path)
        wait_for_page(tab, path, header)
        wide = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 1, f"{name} at {size}: the document scrolls sideways by {wide} px"
        content = (
            "[data-testid='stElementContainer']:has(.geo-chart.js-plotly-plot)"
            if name == "map"
            else "[data-testid='stDataFrame'], [data-testid='stTable']"
        )
        for what in (tab.get_by_role("heading", name=header).first, tab.locator(content).first):
            what.scroll_into_view_if_needed()
            box = what.bounding_box()
            assert box, f"{name} at {size}: {what} is not shown"
            assert box["x"] >= -1 and box["x"] + box["width"] <= viewport["width"] + 1, (
                f"{name} at {size}: {what} sticks out of the {viewport['width']} px width: {box}"
            )
        violations = axe_violations(tab)
        assert not violations, f"axe-core, {name} at {size}:\n{report(violations)}"
        assert not blocked
        whole_page(tab, viewport, f"a11y-{size}-{name}")
    finally:
        context.close()


def whole_page(tab: Page, viewport: dict, name: str) -> None:
    """A screenshot of all of Streamlit's scrolling main area, at the width under test."""
    tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollTo(0, 0)")
    height = tab.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    tab.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height)})
    quiet(tab)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
