"""The outreach plan in chromium (laptop mode on loopback): two editors on one state's plan, the
plan's own CSV exported, edited and imported, and downloads that never get a server URL."""

import csv
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser_fixtures import VIEWPORT, offline_context, screenshot, settle

pytestmark = pytest.mark.browser

OWNER = "Owner (desk, embassy or person)"
NOTES = "Notes (sensitive)"


@pytest.fixture
def open_plan(browser: Browser, app: str) -> Iterator[Callable[[], tuple[Page, list[str]]]]:
    """Opens /plan in a new browser context (laptop mode on loopback), its form on screen; every
    context it opened is closed after the test."""
    contexts: list[BrowserContext] = []

    def opened() -> tuple[Page, list[str]]:
        context, page, blocked = offline_context(browser, VIEWPORT)
        contexts.append(context)
        page.goto(app + "/plan")
        settle(page, "Outreach plan")
        page.get_by_role("heading", name="Edit a state's plan").wait_for(timeout=30_000)
        return page, blocked

    yield opened
    for context in contexts:
        context.close()


def save(page: Page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()


def test_a_colleagues_note_survives_my_owner_change(open_plan):
    """A rerun never turns a colleague's save into the other's edit (issue 21's lost update):
    the second save is refused with a conflict, then re-applies only what its editor changed."""
    a, a_blocked = open_plan()
    b, b_blocked = open_plan()
    state = b.get_by_role(
        "combobox", name="State"
    ).input_value()  # both forms open on the same first state
    assert a.get_by_role("combobox", name="State").input_value() == state
    note = f"A's note on {state}, by the conflict test"
    a.get_by_label(NOTES).fill(note)
    save(a)
    a.get_by_text("Saved ").wait_for(timeout=30_000)

    b.locator("[data-testid='stButtonGroup']").get_by_text(
        "Region (UN M49)"
    ).click()  # B's page reruns, form untouched
    settle(b, "Outreach plan")
    b.get_by_text("after this form was filled").wait_for(timeout=30_000)  # said before saving
    b.get_by_label(OWNER).fill("Embassy, by the conflict test")
    save(b)
    b.get_by_text("Not saved:").wait_for(timeout=30_000)
    table = b.locator("[data-testid='stTable']")
    assert "Embassy, by the conflict test" in table.inner_text()
    assert "notes" not in table.inner_text().lower()  # only what B changed is B's
    screenshot(b, "plan-conflict")
    b.get_by_role("button", name="Re-apply my changes over theirs").click()
    b.get_by_text("Re-applied your changes").wait_for(timeout=30_000)
    expect(b.get_by_label(NOTES)).to_have_value(note)  # the form refilled from the record
    expect(b.get_by_label(OWNER)).to_have_value("Embassy, by the conflict test")

    a.reload()
    settle(a, "Outreach plan")
    a.get_by_role("heading", name="Edit a state's plan").wait_for(timeout=30_000)
    expect(a.get_by_label(NOTES)).to_have_value(note)  # A's note was not put back
    expect(a.get_by_label(OWNER)).to_have_value("Embassy, by the conflict test")
    assert "Traceback" not in a.inner_text("body") + b.inner_text("body")
    assert not a_blocked and not b_blocked


def test_an_import_of_the_own_export_applies_once_and_is_done(open_plan, tmp_path):
    """The admin's own CSV export, edited and imported: applied once; the next rerun does not
    try it again (it used to say "someone saved it since the export" on any widget touched)."""
    page, blocked = open_plan()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download plan (CSV, internal)").click()
    comment, *rows = download.value.path().read_text(encoding="utf-8").splitlines(keepends=True)
    table = list(csv.reader(rows))
    row = next(cells for cells in table if cells[0] == "KEN")
    row[table[0].index("next_step")] = "Call the desk, by the import test"
    edited = tmp_path / "plan.csv"
    with edited.open("w", encoding="utf-8", newline="") as out:
        out.write(comment)
        csv.writer(out, lineterminator="\n").writerows(table)
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(str(edited))
    page.get_by_text("Call the desk, by the import test").wait_for(timeout=30_000)
    page.get_by_role("button", name="Apply the import").click()
    page.get_by_text("Imported.").wait_for(timeout=30_000)
    settle(page, "Outreach plan")
    page.locator("[data-testid='stButtonGroup']").get_by_text(
        "Region (UN M49)"
    ).click()  # touch any widget
    settle(page, "Outreach plan")
    body = page.inner_text("body")
    assert "since the export" not in body and "Nothing will be imported" not in body
    assert page.locator("[data-testid='stFileUploaderFile']").count() == 0  # the file is done
    assert not blocked


def test_plan_downloads_never_get_a_url(open_plan):
    """The plan's files travel over the session's websocket: no /media/ URL that would answer
    without the session's cookie, or that a proxy would log."""
    page, blocked = open_plan()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    with page.expect_download() as csv_file:
        page.get_by_role("button", name="Download plan (CSV, internal)").click()
    assert csv_file.value.suggested_filename.startswith("INTERNAL-outreach-plan-")
    first_line = csv_file.value.path().read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("#") and "INTERNAL" in first_line
    with page.expect_download() as excel_file:
        page.get_by_role("button", name="Download plan (Excel, internal)").click()
    assert excel_file.value.path().read_bytes()[:2] == b"PK"  # an Office file (a ZIP)
    assert asked and not [url for url in asked if "/media/" in url]
    assert not blocked


def test_typed_addresses_stay_text_and_keep_their_direction_to_themselves(open_plan, app: str):
    page, blocked = open_plan()
    state = page.get_by_role("combobox", name="State").input_value()  # the first state
    assert state == "Austria", "the first state of the plan's default view changed: update iso3"
    iso3 = "AUT"  # first since the co-sponsorships and the joint statement count in the score
    page.get_by_label(OWNER).fill("https://evil.example/x mail@evil.example \u202eRTL")
    save(page)
    page.get_by_text("Saved ").wait_for(timeout=30_000)
    page.goto(f"{app}/country?iso3={iso3}")
    settle(page, state)
    caption = page.get_by_text("Internal. Call to Action plan")
    caption.wait_for(timeout=30_000)
    shown = caption.inner_text().replace("\u2060", "")  # the word joiners that keep links out
    assert "https://evil.example/x mail@evil.example" in shown  # as typed
    assert caption.locator("a").count() == 0  # and no link
    assert page.locator("a[href*='evil.example']").count() == 0
    screenshot(page, "plan-inert-country")
    assert not blocked
