"""Two to four states side by side in chromium: from a country profile's "Compare with its peers"
and from rows selected in the outreach table to the compare page, the picker rewriting the
address, a bad request said in the page, the CSV downloaded."""

import csv
import io
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from ui.tables.comparison import closest_peers
from ui.tables.priority import default_weights, priorities

from browser_fixtures import quiet, screenshot, settle
from ui_fixtures import shipped

DATA = shipped()
NAMES = DATA.table.set_index("iso3")["name"]
ROW_HEIGHT, HEADER_HEIGHT, MARKER = 35, 35, 12  # the data grid's rows, and its selection boxes


def compared(tab: Page) -> list[str]:
    """The codes the compare page's address names, in order."""
    return parse_qs(urlsplit(tab.url).query)["iso3"][0].split(",")


def column_headers(tab: Page) -> list[str]:
    """The headers of the comparison's first table."""
    headers = tab.locator("[data-testid='stTable'] table").first.locator("thead th")
    headers.first.wait_for(timeout=30_000)
    return [h.strip() for h in headers.all_inner_texts()]


def test_a_profile_opens_the_state_beside_its_closest_peers(app: str, page):
    tab, blocked = page
    tab.goto(app + "/country?iso3=KEN")
    settle(tab, "Country profile")
    tab.get_by_role("link", name="Compare with its peers").click()
    tab.wait_for_url("**/compare?*", timeout=30_000)
    settle(tab, "Compare states")
    peers = closest_peers("KEN", DATA)
    assert compared(tab) == ["KEN", *peers]
    names = [NAMES[c] for c in ["KEN", *peers]]
    assert column_headers(tab) == ["Fact", *names, "Differs"]
    main = tab.inner_text("[data-testid='stMain']")
    assert f"{names[0]}, {names[1]}, {names[2]} and {names[3]} differ on" in main
    assert "differs" in main and tab.locator("[data-testid='stException']").count() == 0
    screenshot(tab, "compare-peers")

    tab.get_by_role("button", name=f"Remove {names[3]}").click()  # the last peer's ✕
    quiet(tab)
    assert compared(tab) == ["KEN", *peers[:2]]
    assert column_headers(tab) == ["Fact", *names[:3], "Differs"]

    with tab.expect_download(timeout=60_000) as download:
        tab.get_by_role("button", name="Download CSV").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = [r for r in csv.reader(io.StringIO(text)) if r and r[0] != "#"]
    assert rows[0] == ["Section", "Fact", *names[:3], "Differs"]
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_rows_selected_in_the_outreach_table_open_their_comparison(app: str, page):
    tab, blocked = page
    ranked = priorities(DATA.signals, default_weights(DATA.terms), NAMES, DATA.terms)
    africa = set(DATA.table.loc[DATA.table["m49_region"] == "Africa", "iso3"])
    order = [c for c in ranked.index if c in africa]  # the table's rows, by rank then name
    link = tab.get_by_role("link", name="Compare the selected states")
    for _attempt in range(3):  # a click on the grid's canvas before it takes input is lost
        tab.goto(app + "/outreach?region=Africa")
        settle(tab, "Outreach gaps")
        grid = tab.locator("[data-testid='stDataFrame']").first
        grid.scroll_into_view_if_needed()
        box = grid.bounding_box()
        assert box
        for row in (0, 2):
            tab.mouse.click(box["x"] + MARKER, box["y"] + HEADER_HEIGHT + ROW_HEIGHT * (row + 0.5))
            quiet(tab)
        try:
            link.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            continue
    screenshot(tab, "compare-outreach-selection")
    link.click()
    tab.wait_for_url("**/compare?*", timeout=30_000)
    settle(tab, "Compare states")
    assert compared(tab) == [order[0], order[2]]
    assert column_headers(tab) == ["Fact", NAMES[order[0]], NAMES[order[2]], "Differs"]
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_a_bad_request_is_said_and_its_valid_part_shown(app: str, page):
    tab, blocked = page
    tab.goto(app + "/compare?iso3=KEN,ZZZ,KEN,NGA,GHA,SEN,ZAF")
    settle(tab, "Compare states")
    warnings = tab.locator("[data-testid='stAlertContentWarning']").all_inner_texts()
    said = " ".join(warnings)
    assert len(warnings) == 3, warnings
    assert "ZZZ" in said and "KEN was named more than once" in said and "ZAF left out" in said
    assert compared(tab) == ["KEN", "NGA", "GHA", "SEN"]
    assert column_headers(tab) == ["Fact", *NAMES[["KEN", "NGA", "GHA", "SEN"]], "Differs"]
    screenshot(tab, "compare-bad-request")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"
