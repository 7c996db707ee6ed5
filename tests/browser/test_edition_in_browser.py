"""The static edition opened from the file system in chromium: no console error, no request
leaving the site, axe-core's WCAG 2.1 A and AA rules clean in each language, reflow at 320 px;
an embed page light and dark (its address with #dark)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from lxml import html
from playwright.sync_api import Browser, Page
from site_links import broken_links

from edition.build import Scope, build
from edition.files import write_site
from edition.layout import DARK

from browser_fixtures import SCREENSHOTS

WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = {  # a page of each kind, across the three languages
    "world-en": "index.html",
    "g7-fr": "fr/map/reaim-2023-call-to-action/org-g7.html",
    "comparison-es": "es/map/us-political-declaration-not-reaim-2023-call-to-action/world.html",
    "outreach-es": "es/outreach.html",
    "regions-en": "regions/org.html",
    "country-fr": "fr/country/KEN.html",
    "country-es": "es/country/NLD.html",
    "sources-fr": "fr/sources.html",
    "embed-fr": "fr/embed/reaim-2023-call-to-action/org-g7.html",
    "embed-es": "es/embed/us-political-declaration-not-reaim-2023-call-to-action/world.html",
}


@pytest.fixture(scope="module")
def whole() -> dict[str, bytes]:
    """The whole site as make site builds it, on both cores, but for the packs (whose links the
    unit tier checks): every preset, view and profile."""
    return build(Scope(), jobs=2)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, whole: dict[str, bytes]) -> Path:
    """The whole site written to a folder."""
    out = tmp_path_factory.mktemp("edition") / "public"
    write_site(out, whole)
    return out


def test_every_link_of_the_whole_site_resolves(whole):
    broken, checked = broken_links(whole)
    assert broken == []
    assert checked > 50_000
    assert len([p for p in whole if p.endswith(".html") and "/country/" in f"/{p}"]) == 3 * 195


@contextmanager
def opened(browser: Browser, url: str, width: int) -> Iterator[tuple[Page, list[str]]]:
    """The page at ``url`` in a new context; every request for anything but a file, every
    console error and every script error recorded in the list."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    problems: list[str] = []

    def route(route) -> None:
        problems.append(f"request: {route.request.url}")
        route.abort()

    context.route("http*://**/*", route)
    tab = context.new_page()
    tab.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
    tab.on("pageerror", lambda e: problems.append(f"error: {e}"))
    tab.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    tab.goto(url, timeout=30_000)
    try:
        yield tab, problems
    finally:
        context.close()


@pytest.mark.parametrize("name", PAGES)
def test_a_page_opens_from_the_file_system_clean_and_accessible(browser, site, name):
    with opened(browser, (site / PAGES[name]).as_uri(), 1280) as (tab, problems):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"static-{name}.png"), full_page=True)
        assert tab.locator("h1").count() == 1
        assert problems == []  # before axe, whose own fetch of the stylesheet file:// refuses
        assert violations(tab) == [], name


def violations(tab: Page) -> list[tuple[str, int]]:
    """axe-core's WCAG 2.1 A and AA violations on the page: each rule and how many elements."""
    only = {"type": "tag", "values": WCAG_AA}
    results = Axe().run(tab, options={"runOnly": only, "resultTypes": ["violations"]})
    return [(v["id"], len(v["nodes"])) for v in results.response["violations"]]


@pytest.mark.parametrize("name", ["embed-fr", "embed-es"])
def test_an_embed_page_turns_dark_by_its_address_and_stays_accessible(browser, site, name):
    with opened(browser, (site / PAGES[name]).as_uri() + DARK, 640) as (tab, problems):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"static-{name}-dark.png"), full_page=True)
        colour = "el => getComputedStyle(el).backgroundColor"
        assert tab.locator(DARK).evaluate(colour) == "rgb(20, 26, 38)"
        assert tab.locator("svg.map").evaluate(colour) == "rgb(255, 255, 255)"
        assert problems == []
        assert violations(tab) == [], name


@pytest.mark.parametrize("name", ["world-en", "country-fr", "outreach-es"])
def test_a_page_reflows_at_320_px(browser, site, name):
    with opened(browser, (site / PAGES[name]).as_uri(), 320) as (tab, problems):
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"static-{name}-320.png"), full_page=True)
        wide = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert wide <= 1, f"{name} scrolls sideways by {wide} px at 320 px"
        assert problems == []


def test_the_embed_code_shows_the_map_in_another_page(browser, site, tmp_path):
    page = html.fromstring((site / PAGES["g7-fr"]).read_bytes())
    (code,) = page.xpath("//textarea[@id='embed-dark']/text()")
    framed = code.replace('src="', f'src="{site.as_uri()}/')  # the site's address before it
    host = tmp_path / "host.html"
    host.write_text(f'<!DOCTYPE html><html lang="en"><title>A host</title><main>{framed}</main>')
    with opened(browser, host.as_uri(), 900) as (tab, problems):
        embed = tab.frame_locator("iframe")
        assert embed.locator("h1").inner_text() == page.xpath("//h1")[0].text_content()
        background = embed.locator(DARK).evaluate("el => getComputedStyle(el).backgroundColor")
        assert background == "rgb(20, 26, 38)"
        assert embed.locator("svg.map path").count() > 100
        assert problems == []
