"""The outreach plan in the app: laptop mode, roles, refusal, editing, the public pages."""

import sqlite3

import pytest

from plan.access import LAPTOP_USER
from plan.model import DEFAULT_INSTRUMENT
from ui import cache
from ui.text import inert, md

from apptest import open_page

HOSTILE = "<b>x</b> **bold** '); DROP TABLE plan_records; -- :red[y]"


def signed_in(monkeypatch, email: str | None) -> None:
    monkeypatch.setattr("ui.widgets.plan_session.login_configured", lambda: True)
    claims = {"email": email, "email_verified": True} if email else None
    monkeypatch.setattr("ui.widgets.plan_session.signed_in_user", lambda: claims)


def text_of(at) -> str:
    parts = [
        e.value
        for kind in ("markdown", "caption", "info", "error", "success")
        for e in getattr(at, kind)
    ]
    return "\n".join(str(p) for p in parts)


def field(at, kind: str, name: str, iso3: str):
    """The edit form's widget of one field of one state (its key carries the form's generation)."""
    prefix = f"{name}-{DEFAULT_INSTRUMENT}-{iso3}"
    return next(w for w in getattr(at, kind) if w.key and w.key.startswith(prefix))


def test_laptop_mode_on_loopback_is_every_role(plan_db):
    at = open_page("plan")
    assert not at.exception and not at.error, at.exception
    assert f"**{inert(LAPTOP_USER)}** (admin)" in text_of(at)
    table = at.dataframe[0].value
    assert len(table) == 195 and {"Status", "Owner", "Notes", "Overdue"} <= set(table.columns)
    assert table.set_index("ISO3").loc["NLD", "Status"].startswith("endorsed (published")
    assert at.get("form") and at.button  # an editor's form
    profile = open_page("country", iso3="NLD")  # the published list has the last word
    assert md("endorsed (published 16 February 2023)") in text_of(profile)
    assert "Sign out" not in [b.label for b in at.button]  # nobody signed in: nothing to end


def test_shared_server_without_login_refuses_and_reads_nothing(plan_db, monkeypatch):
    monkeypatch.setattr("ui.widgets.plan_session.server_address", lambda: "0.0.0.0")
    at = open_page("plan")
    assert not at.exception
    assert inert("no sign-in is configured")[1:-1] in text_of(at)
    assert not at.dataframe and not at.get("form")


def test_roles_decide_what_a_signed_in_user_sees(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("viewer@example.org", "viewer")
    service.add_user("editor@example.org", "editor")
    service.save("IND", DEFAULT_INSTRUMENT, {"notes": "sensitive note"}, 0, "editor@example.org")
    signed_in(monkeypatch, "nobody@example.org")
    at = open_page("plan")
    assert md("has no role") in text_of(at) and not at.dataframe
    assert [b.label for b in at.button] == ["Sign out"]  # to try another account
    outreach = open_page("outreach")
    assert "Plan status" not in outreach.dataframe[0].value.columns
    country = open_page("country", iso3="IND")
    assert "sensitive note" not in str([d.value for d in country.dataframe])
    signed_in(monkeypatch, "viewer@example.org")
    at = open_page("plan")
    assert at.dataframe[0].value.set_index("ISO3").loc["IND", "Notes"] == "sensitive note"
    assert not at.get("form")  # a viewer reads, never edits
    assert "Sign out" in [b.label for b in at.button]
    outreach = open_page("outreach")
    assert "Plan status" in outreach.dataframe[0].value.columns
    country = open_page("country", iso3="IND")
    assert "Plan and history" in [h.value for h in country.subheader]


def test_an_editor_saves_and_every_change_is_an_event(plan_db, monkeypatch):
    cache.plan_service().add_user("editor@example.org", "editor")
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("plan")
    at.selectbox(key="plan-state").set_value("BRA").run()
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    field(at, "text_area", "notes", "BRA").input(HOSTILE)
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    record = cache.plan_service().record("BRA", DEFAULT_INSTRUMENT)
    assert record.owner == "Embassy Brasília" and record.notes == HOSTILE and record.version == 1
    assert at.dataframe[0].value.set_index("ISO3").loc["BRA", "Owner"] == "Embassy Brasília"
    assert any("Saved Brazil" in s.value for s in at.success)  # the table above shows it at once
    shown = open_page("plan").dataframe[0].value.set_index("ISO3")
    assert shown.loc["BRA", "Notes"] == HOSTILE  # text, verbatim: never markup
    events = cache.plan_service().events(iso3="BRA")
    assert {e.field for e in events} == {"owner", "notes"} and {e.who for e in events} == {
        "editor@example.org"
    }


def test_a_concurrent_change_is_refused_then_reapplied(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("editor@example.org", "editor")
    signed_in(monkeypatch, "editor@example.org")
    at = open_page("plan")
    at.selectbox(key="plan-state").set_value("BRA").run()
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    service.save("BRA", DEFAULT_INSTRUMENT, {"next_step": "call"}, 0, "other@example.org")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception
    assert any("changed by " + inert("other@example.org") in e.value for e in at.error)
    assert service.record("BRA", DEFAULT_INSTRUMENT).owner == ""  # nothing overwritten
    next(b for b in at.button if b.label.startswith("Re-apply")).click().run()
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.owner, record.next_step, record.version) == ("Embassy Brasília", "call", 2)
    assert {e.who for e in service.events(iso3="BRA")} == {
        "other@example.org",
        "editor@example.org",
    }


def test_only_admins_import_and_an_editor_gets_no_import(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("editor@example.org", "editor")
    service.add_user("admin@example.org", "admin")
    signed_in(monkeypatch, "editor@example.org")
    assert not open_page("plan").get("file_uploader")
    signed_in(monkeypatch, "admin@example.org")
    assert open_page("plan").get("file_uploader")


@pytest.mark.parametrize("broken", ["unreachable", "newer"])
def test_a_broken_plan_database_is_one_error_box_and_the_public_pages_work(
    tmp_path, monkeypatch, broken
):
    if broken == "unreachable":
        url = f"sqlite:///{tmp_path / 'no-such-folder' / 'plan.sqlite'}"
    else:
        path = tmp_path / "plan.sqlite"
        sqlite3.connect(path).executescript(
            "CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY);"
            "INSERT INTO alembic_version VALUES ('9999_from_the_future');"
        )
        url = f"sqlite:///{path}"
    monkeypatch.setenv("REAIM_DATABASE_URL", url)
    cache.plan_service.clear()
    at = open_page("plan")
    assert not at.exception and len(at.error) == 1
    assert "The outreach plan cannot be opened" in at.error[0].value and not at.dataframe
    assert ".." not in at.error[0].value.replace("\\.", ".")  # each sentence ends once
    if broken == "newer":  # the right advice: not "db upgrade", which would refuse too
        assert "Update the dashboard" in at.error[0].value and "upgrade" not in at.error[0].value
    else:
        assert "REAIM_DATABASE_URL" in at.error[0].value
    for page in ("map", "outreach", "country"):
        public = open_page(page, iso3="IND") if page == "country" else open_page(page)
        assert not public.exception and not public.error
    cache.plan_service.clear()


@pytest.fixture
def b_form_outdated(plan_db, monkeypatch):
    """Editor B's form open on Brazil; then A saves a note (version 1) that B's form never saw.
    Returns the service and B's page."""
    service = cache.plan_service()
    service.add_user("b@example.org", "editor")
    signed_in(monkeypatch, "b@example.org")
    at = open_page("plan")
    at.selectbox(key="plan-state").set_value("BRA").run()
    service.save("BRA", DEFAULT_INSTRUMENT, {"notes": "A's new note"}, 0, "a@example.org")
    return service, at


def test_a_rerun_never_turns_a_colleagues_save_into_my_edit(b_form_outdated):
    """Issue 21: B's form was filled before A saved a note; after any rerun, B changing only the
    owner must not put A's note back: B's save is refused as a conflict, then re-applies only
    the owner."""
    service, at = b_form_outdated
    at.run()  # B's page reruns for any reason (a widget elsewhere on the page)
    said = "changed by " + inert("a@example.org")
    assert any(said in w.value for w in at.warning)  # said at once, before B saves
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    next(b for b in at.button if b.label == "Save").click().run()
    assert not at.exception, at.exception
    assert any("changed by " + inert("a@example.org") in e.value for e in at.error)
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.notes, record.owner, record.version) == ("A's new note", "", 1)
    next(b for b in at.button if b.label.startswith("Re-apply")).click().run()
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.notes, record.owner, record.version) == ("A's new note", "Embassy Brasília", 2)
    mine = [e for e in service.events(iso3="BRA") if e.who == "b@example.org"]
    assert [e.field for e in mine] == ["owner"]  # B never "changed" the notes
    # the form now starts from the stored record: saving again changes nothing of A's
    assert field(at, "text_area", "notes", "BRA").value == "A's new note"
    field(at, "text_input", "next_step", "BRA").input("call")
    next(b for b in at.button if b.label == "Save").click().run()
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.notes, record.next_step, record.version) == ("A's new note", "call", 3)


def test_loading_a_colleagues_version_refills_the_form(b_form_outdated):
    service, at = b_form_outdated
    at.run()
    next(b for b in at.button if b.label.startswith("Load their version")).click().run()
    assert field(at, "text_area", "notes", "BRA").value == "A's new note" and not at.warning
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    next(b for b in at.button if b.label == "Save").click().run()
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.notes, record.owner, record.version) == ("A's new note", "Embassy Brasília", 2)


def test_user_text_on_the_country_page_is_inert_and_isolated(plan_db):
    """Issue 21: addresses and URLs in plan fields were links on the country page, and a
    right-to-left override reversed the page's own text after it."""
    typed = "https://evil.example/x mail@evil.example www.evil.example \u202eevil **bold**"
    cache.plan_service().save(
        "IND", DEFAULT_INSTRUMENT, {"owner": typed, "next_step": typed}, 0, "editor@example.org"
    )
    country = open_page("country", iso3="IND")
    caption = next(c.value for c in country.caption if "Internal" in c.value)
    assert caption.count(inert(typed)) == 2  # both fields, each isolated as a whole
    for live in ("://", "@", "www.", "**bold"):
        assert live not in caption  # nothing left that Markdown turns into a link or markup


def test_a_refused_save_says_so_once(b_form_outdated):
    _service, at = b_form_outdated
    at.run()
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    next(b for b in at.button if b.label == "Save").click().run()
    assert len(at.error) == 1 and not at.warning  # the refusal, not also the earlier notice
    assert "Load their version" not in [b.label for b in at.button]


def test_a_plan_for_another_instrument_is_checked_against_that_instruments_list(plan_db):
    """Albania endorsed the Political Declaration, not the Call to Action; Chile the reverse."""
    declaration = "us-political-declaration"
    cache.plan_service().save("CHL", declaration, {"status": "declined"}, 0, LAPTOP_USER)
    at = open_page("plan", instrument=declaration)
    assert not at.exception, at.exception
    table = at.dataframe[0].value.set_index("ISO3")
    # the day of Albania's own position, not the list's as-of date (2024-11-27)
    assert table.loc["ALB", "Status"] == "endorsed (published by 13 November 2023)"
    assert table.loc["CHL", "Status"] == "declined" and table.loc["CHL", "Check"] == ""


def test_re_applying_goes_over_the_version_the_table_shows(b_form_outdated):
    """A third save after the refusal: the table shows it, and one click re-applies over it."""
    service, at = b_form_outdated
    field(at, "text_input", "owner", "BRA").input("Embassy Brasília")
    next(b for b in at.button if b.label == "Save").click().run()
    service.save("BRA", DEFAULT_INSTRUMENT, {"next_step": "C's call"}, 1, "c@example.org")
    at.run()  # the table now shows C's version
    next(b for b in at.button if b.label.startswith("Re-apply")).click().run()
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.owner, record.notes, record.next_step, record.version) == (
        "Embassy Brasília",
        "A's new note",
        "C's call",
        3,
    )
    assert any("Re-applied" in s.value for s in at.success)


def test_the_plan_in_french_says_its_statuses_checks_and_overdue_count_in_french(plan_db):
    service = cache.plan_service()
    service.save("NLD", DEFAULT_INSTRUMENT, {"status": "planned", "next_step": "Remercier"}, 0, "a")
    late = {"status": "approached", "next_step": "Relancer", "due": "2024-01-31"}
    service.save("BRA", DEFAULT_INSTRUMENT, late, 0, LAPTOP_USER)
    at = open_page("plan", lang="fr")
    assert not at.exception, at.exception
    table = at.dataframe[0].value.set_index("ISO3")
    assert table.loc["NLD", "Status"] == "approuvé (publié 16 février 2023)"
    assert table.loc["NLD", "Check"].startswith("a approuvé selon la liste publiée")
    assert table.loc["BRA", "Overdue"] == "en retard"
    assert "**1** avec une prochaine étape en retard" in text_of(at)


def test_an_owner_is_told_of_their_endorsed_states_with_a_step_still_open(plan_db, monkeypatch):
    service = cache.plan_service()
    service.add_user("desk@example.org", "editor")
    step = {"status": "approached", "owner": "desk@example.org", "next_step": "Call the envoy"}
    service.save("NLD", DEFAULT_INSTRUMENT, step, 0, "desk@example.org")  # a published endorser
    service.save("BRA", DEFAULT_INSTRUMENT, step, 0, "desk@example.org")  # not: nothing to flag
    other = {"status": "planned", "owner": "other@example.org", "next_step": "Write"}
    service.save("FRA", DEFAULT_INSTRUMENT, other, 0, "desk@example.org")  # not theirs
    signed_in(monkeypatch, "desk@example.org")
    at = open_page("plan")
    assert not at.exception, at.exception
    [told] = at.info
    assert told.value.startswith("**1** of your states endorsed on the published list")
