"""Real-browser test: the app in Debian's chromium, offline, every page, with screenshots.

Fails (never skips) when chromium or the app cannot start: in CI a browser test that cannot run
is a failure. Screenshots land in test-artifacts/screenshots/ for a person to look at.
"""

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pptx import Presentation

from harness.browser import POINTS, SHAPES
from i18n.translate import _, use

from browser_fixtures import SCREENSHOTS, offline_context, quiet, screenshot, settle
from browser_pages import HEADERS, PAGES, PRESENTATIONS, features
from conftest import REPO


@pytest.mark.parametrize("name", PAGES)
def test_page_renders_offline(app: str, page, name: str):
    tab, blocked = page
    tab.goto(app + PAGES[name])
    settle(tab, HEADERS[name.split("-")[0]])
    if name.startswith("map"):
        tab.wait_for_function(
            f"n => document.querySelectorAll('{SHAPES}').length >= n",
            arg=features(),
            timeout=30_000,
        )
    screenshot(tab, name)
    assert tab.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in tab.inner_text("body")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_world_map_is_whole_and_centred(app: str, page):
    tab, blocked = page
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    tab.goto(app + "/")
    settle(tab, "Coverage map")
    tab.wait_for_function(
        f"n => document.querySelectorAll('{SHAPES}').length >= n", arg=features(), timeout=30_000
    )
    assert tab.locator(SHAPES).count() >= features()
    assert tab.locator(POINTS).count() > 0
    layer = tab.locator(".js-plotly-plot .choroplethlayer").first.bounding_box()
    plot = tab.locator(".js-plotly-plot .geo .bglayer, .js-plotly-plot .geo").first.bounding_box()
    assert layer and plot and layer["width"] > 0.9 * plot["width"], (layer, plot)
    centre_offset = (layer["x"] + layer["width"] / 2) - (plot["x"] + plot["width"] / 2)
    assert abs(centre_offset) < 0.03 * plot["width"], "the world map is not centred on 0 deg"
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    # The shapes are inline, so plotly.js has no reason to fetch its own world topojson.
    assert not [u for u in requested if "world_110m" in u], requested
    # Drawn by the geo-only bundle: Streamlit's full plotly.js chunk is never loaded for the map.
    assert [u for u in requested if u.endswith("/app/static/plotly-geo.min.js")], requested
    assert not [u for u in requested if "/PlotlyChart." in u], requested
    assert tab.locator(".st-key-map-code").count() == 1  # the preloading instance, never shown
    assert tab.locator(".st-key-map-code").is_hidden()
    assert tab.locator(".st-key-map [role='figure'][aria-label]").get_attribute("aria-label") == (
        "Call to Action (REAIM 2023): endorsements worldwide"
    )


def test_clicking_a_state_opens_its_profile(app: str, page):
    tab, blocked = page
    tab.goto(app + "/")
    settle(tab, "Coverage map")
    tab.wait_for_function(
        f"n => document.querySelectorAll('{SHAPES}').length >= n", arg=features(), timeout=30_000
    )
    geo = tab.locator(".js-plotly-plot .geo").first.bounding_box()
    assert geo
    tab.mouse.click(geo["x"] + geo["width"] / 2, geo["y"] + geo["height"] / 2)
    tab.wait_for_url("**/country?iso3=*", timeout=30_000)
    settle(tab, "Country profile")
    assert tab.locator("[data-testid='stException']").count() == 0
    assert not blocked


def test_map_download_is_a_png_of_the_focus(app: str, page):
    tab, blocked = page
    tab.goto(app + "/?focus=org-caricom")
    settle(tab, "Coverage map")
    with tab.expect_download(timeout=60_000) as download:
        tab.get_by_role("button", name="Download map (PNG)").click()
    assert (
        download.value.suggested_filename == "reaim-2023-call-to-action-org-caricom-2023-02-16.png"
    )
    assert Path(download.value.path()).read_bytes().startswith(b"\x89PNG")
    assert not blocked


def test_comparison_tooltip_names_both_instruments(app: str, page):
    tab, blocked = page
    tab.goto(app + PAGES["map-compare"])
    settle(tab, "Coverage map")
    tab.wait_for_function(
        f"n => document.querySelectorAll('{SHAPES}').length >= n", arg=features(), timeout=30_000
    )
    tab.locator(SHAPES).nth(shape_index("ETH")).hover(force=True)  # large: its middle is inside
    tab.wait_for_function(
        "() => (document.querySelector('.hoverlayer')?.textContent || '').includes('Ethiopia')",
        timeout=10_000,
    )
    text = tab.locator(".hoverlayer").first.text_content() or ""
    assert "Endorsed the US Political Declaration but did not endorse the Call to Action" in text
    assert "US Political Declaration: Endorsed" in text
    assert "Call to Action (REAIM 2023): Not endorsed" in text
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def shape_index(code: str) -> int:
    """Position of a state's shape among the choropleth's paths (the geometry's order)."""
    geojson = json.loads((REPO / "data" / "geo" / "world.geojson").read_text(encoding="utf-8"))
    return [f["properties"]["iso3"] for f in geojson["features"]].index(code)


@pytest.mark.parametrize(("width", "height", "path"), PRESENTATIONS)
def test_presentation_mode_fits_the_screen(app: str, browser: Browser, width, height, path):
    """No navigation, no controls, no scrollbar; every shape of the map; a link back."""
    context, tab, blocked = offline_context(browser, {"width": width, "height": height})
    tab.goto(app + path)
    tab.get_by_text("Leave presentation mode").wait_for(timeout=30_000)
    if path.startswith("/?"):
        tab.wait_for_function(
            f"n => document.querySelectorAll('{SHAPES}').length >= n",
            arg=features(),
            timeout=30_000,
        )
    quiet(tab)
    name = f"present-{'regions' if 'regions' in path else 'map'}-{width}x{height}"
    if "compare" in path:
        name += "-compare"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"))
    scroll = tab.evaluate(
        '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
        '[data-testid="stAppViewContainer"], html\')].map(e => e.scrollHeight - e.clientHeight))'
    )
    assert scroll <= 0, f"the page scrolls by {scroll} px at {width}×{height}"
    assert tab.locator("[data-testid='stNavigation'], [data-testid='stSelectbox']").count() == 0
    assert tab.get_by_role("heading", name="Coverage map").count() == 0
    assert tab.locator("[data-testid='stMetric']").count() >= 1
    assert tab.locator("[data-testid='stException']").count() == 0
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
    context.close()


def test_pack_download_is_a_deck_that_opens(app: str, page):
    tab, blocked = page
    tab.goto(app + "/?focus=org-caricom")
    settle(tab, "Coverage map")
    with tab.expect_download(timeout=90_000) as download:
        tab.get_by_role("button", name="Briefing pack (PPTX)").click()
    name = download.value.suggested_filename
    assert name == "briefing-reaim-2023-call-to-action-org-caricom-2023-02-16.pptx"
    deck = Presentation(download.value.path())
    assert "CARICOM" in deck.slides[0].shapes.title.text
    assert not blocked


ENGLISH_ONLY = (  # English text that a French or Spanish page must not show
    "Coverage map",
    "Outreach gaps",
    "States that endorsed",
    "UN member States that endorsed",
    "Source as of",
    "Last update of this dataset",
)


@pytest.mark.parametrize("language", ["fr", "es"])
@pytest.mark.parametrize(
    ("name", "path", "header"),
    [
        ("map", "/?lang={lang}", "Coverage map"),
        ("outreach", "/outreach?lang={lang}&region=Africa", "Outreach gaps"),
    ],
)
def test_page_in_the_language_of_the_room(app: str, page, language, name, path, header):
    """The page in French or Spanish: its header translated, no English left, nothing overflows."""
    tab, blocked = page
    with use(language):
        translated = _(header)
    assert translated != header
    tab.goto(app + path.format(lang=language))
    settle(tab, translated)
    if name == "map":
        tab.wait_for_function(
            f"n => document.querySelectorAll('{SHAPES}').length >= n",
            arg=features(),
            timeout=30_000,
        )
    screenshot(tab, f"{name}-{language}")
    body = tab.inner_text("body")
    left = [text for text in ENGLISH_ONLY if text in body]
    assert not left, f"English left on the {language} {name} page: {left}"
    wide = tab.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert wide <= 0, f"the {language} {name} page is {wide} px wider than the window"
    assert tab.locator("[data-testid='stException']").count() == 0
    assert not blocked


def test_a_map_whose_code_does_not_load_says_so_and_the_page_works(app: str, page):
    """The geo bundle refused: the map's place says what failed and what to do, in words."""
    tab, blocked = page
    tab.route("**/plotly-geo.min.js", lambda route: route.abort())
    tab.goto(app + "/")
    settle(tab, "Coverage map")
    alert = tab.locator(".st-key-map [role='alert']")
    alert.wait_for(timeout=30_000)
    said = alert.inner_text()
    assert said.startswith("The map could not be drawn (its drawing code did not load: http")
    assert "plotly-geo.min.js). Reload the page" in said
    assert tab.get_by_text("The map in words:").is_visible()
    assert tab.locator("[data-testid='stException']").count() == 0
    assert not blocked
