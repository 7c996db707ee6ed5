"""A meeting's group in chromium: the participants PDF dropped on the briefing page becomes the
focus (every line accounted for, the ambiguous ones chosen), then the deck, the outreach list,
the regional breakdown and presentation mode are those of exactly the states in the room."""

import csv
import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Browser, Page
from pptx import Presentation

from harness.browser import SHAPES

from browser_fixtures import SCREENSHOTS, offline_context, quiet, screenshot, settle
from conftest import FIXTURES
from ui_fixtures import shipped

CORPUS = FIXTURES / "participants"
NAME = "Nairobi consultation"
PROJECTOR = {"width": 1366, "height": 768}


def expected(outcome: str) -> list[dict[str, str]]:
    """The Nairobi list's lines of one outcome, as the corpus table writes them by hand."""
    with (CORPUS / "files.csv").open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.DictReader(handle) if r["list"] == "nairobi"]
    return [r for r in rows if r["outcome"] == outcome]


ROOM = sorted(r["expected"] for r in expected("matched"))
DATA = shipped()


def in_region(label: str) -> set[str]:
    """The room's states in one M49 region."""
    (region,) = [g for g in DATA.groupings["region"] if g.label == label]
    return region.codes & set(ROOM)


def main_text(tab: Page) -> str:
    return tab.inner_text("[data-testid='stMain']")


def group_box(tab: Page):
    return tab.locator("[data-testid='stExpander']").filter(
        has_text="Your group: a focus from a list of participants"
    )


def test_the_participants_pdf_dropped_on_the_briefing_page_gives_the_rooms_deck(app: str, page):
    tab, blocked = page
    tab.goto(app + "/briefing")
    settle(tab, "Briefing pack")
    box = group_box(tab)
    box.get_by_text("Your group: a focus from a list of participants").click()
    box.get_by_label("Name of the group").fill(NAME)
    box.get_by_label("Name of the group").press("Enter")
    quiet(tab)
    box.locator("input[type='file']").set_input_files(CORPUS / "nairobi-consultation.pdf")
    tab.get_by_text(f"In the group: {len(ROOM)} states").wait_for(timeout=60_000)
    quiet(tab)
    report = main_text(tab)
    assert f"To choose: {len(expected('ambiguous'))} lines" in report
    # The tables' accessible copies (a data grid draws on a canvas): the short ones whole.
    grids = box.locator("[data-testid='stDataFrame'] table")
    grids.filter(has_text="Rapporteur").wait_for(state="attached")  # drawn after quiet
    grids.filter(has_text="UNIDIR").wait_for(state="attached")
    tables = "\n".join(grids.all_text_contents())
    for line in expected("organisation") + expected("not_found") + expected("duplicate"):
        assert line["text"] in tables, line["text"]  # listed apart, every one of them
    screenshot(tab, "group-briefing-report")

    tab.get_by_role("button", name="Use this group").click()
    tab.get_by_text(f"“{NAME}” is the focus of every page now: {len(ROOM)} states.").wait_for()
    quiet(tab)
    query = parse_qs(urlsplit(tab.url).query)
    assert query["group"] == [",".join(ROOM)] and query["group_name"] == [NAME]
    text = main_text(tab)
    said = re.search(r"(\d+) of 24 \(\d+%\) states in the group “Nairobi consultation” ha", text)
    assert said, text[:2000]
    screenshot(tab, "group-briefing-pack")

    with tab.expect_download(timeout=90_000) as download:
        tab.get_by_role("button", name="Briefing pack (PPTX)").click()
    deck = Presentation(download.value.path())
    assert NAME in deck.slides[0].shapes.title.text
    words = "\n".join(
        shape.text_frame.text
        for slide in deck.slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    for state in ("Kenya", "Holy See", "South Sudan", "Dominica"):
        assert state in words, state
    assert "International Committee of the Red Cross" not in words  # an organisation, apart

    tab.get_by_role("link", name="Outreach gaps").last.click()
    settle(tab, "Outreach gaps")
    assert parse_qs(urlsplit(tab.url).query)["group"] == [",".join(ROOM)]
    assert f"Only “{NAME}” is shown: {len(ROOM)} states." in main_text(tab)
    screenshot(tab, "group-outreach")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_the_groups_breakdown_and_map_count_its_members_only(app: str, page):
    tab, blocked = page
    room = f"group={','.join(ROOM)}&group_name={NAME.replace(' ', '+')}"
    tab.goto(f"{app}/regions?{room}")
    settle(tab, "Regional breakdown")
    text = main_text(tab)
    africa, asia = (in_region(label) for label in ("Africa", "Asia"))
    assert not africa & DATA.endorsers  # none of the room's African states has endorsed
    assert f"None of the {len(africa)} members of the group “{NAME}” (Africa) has" in text
    endorsed = len(asia & DATA.endorsers)
    assert f"{endorsed} of {len(asia)} members of the group “{NAME}” (Asia) have" in text
    screenshot(tab, "group-regions")
    tab.goto(f"{app}/?{room}")
    settle(tab, "Coverage map")
    tab.wait_for_function(f"() => document.querySelector('{SHAPES}')", timeout=30_000)
    assert f"states in the group “{NAME}”" in main_text(tab)
    screenshot(tab, "group-map")
    assert not blocked, f"requests to non-loopback hosts: {blocked}"


def test_presentation_mode_shows_the_room_on_one_projector_screen(app: str, browser: Browser):
    context, tab, blocked = offline_context(browser, PROJECTOR)
    try:
        room = f"group={','.join(ROOM)}&group_name={NAME.replace(' ', '+')}"
        tab.goto(f"{app}/?present=1&{room}")
        tab.get_by_text("Leave presentation mode").wait_for(timeout=30_000)
        tab.wait_for_function(f"() => document.querySelector('{SHAPES}')", timeout=30_000)
        quiet(tab)
        text = tab.inner_text("body")
        assert f"Endorsed: {NAME}" in text
        scroll = tab.evaluate(
            '() => Math.max(...[...document.querySelectorAll(\'[data-testid="stMain"], '
            '[data-testid="stAppViewContainer"], html\')].map(e => e.scrollHeight - '
            "e.clientHeight))"
        )
        assert scroll <= 0, f"the page scrolls by {scroll} px"
        assert tab.locator("[data-testid='stException']").count() == 0
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / "present-group-1366x768.png"))
        assert not blocked, f"requests to non-loopback hosts: {blocked}"
    finally:
        context.close()
