"""The plan in plain words (issue 28): a row clicked or ``?iso3=`` opens a state in the form,
the statuses in their colours, a readable history, a last contact after today questioned."""

import re
from datetime import date, timedelta

from plan.model import DEFAULT_INSTRUMENT
from ui import cache
from ui.tables.plan_scale import SCALE

from apptest import open_page

WHEN = re.compile(r"\d{1,2} \w+ \d{4}, \d{2}:\d{2}")


def field(at, kind: str, name: str, iso3: str):
    """The edit form's widget of one field of one state (its key carries the form's generation)."""
    prefix = f"{name}-{DEFAULT_INSTRUMENT}-{iso3}"
    return next(w for w in getattr(at, kind) if w.key and w.key.startswith(prefix))


def click_row(at, row: int) -> None:
    """Select one row of the plan table, as a click on it does in the browser, and rerun."""
    at.session_state["plan-table"] = {"selection": {"rows": [row], "columns": []}}
    at.run()


def save(at) -> None:
    next(b for b in at.button if b.label == "Save").click().run()


def history(at):
    """The history table under the form (the page's last table)."""
    return at.dataframe[-1].value


def test_clicking_a_row_opens_that_state_in_the_form(plan_db):
    at = open_page("plan")
    shown = at.dataframe[0].value
    iso3 = shown.loc[3, "ISO3"]
    cache.plan_service().save(iso3, DEFAULT_INSTRUMENT, {"owner": "Desk East"}, 0, "a@x.o")
    at.run()
    assert at.selectbox(key="plan-state").value == shown.loc[0, "ISO3"]  # the first row, at first
    click_row(at, 3)
    assert not at.exception, at.exception
    assert at.selectbox(key="plan-state").value == iso3
    assert field(at, "text_input", "owner", iso3).value == "Desk East"  # filled from its record
    assert at.query_params["iso3"] == iso3  # the address says which state is open
    at.run()  # a rerun keeps the click's state; the box then moves on its own
    assert at.selectbox(key="plan-state").value == iso3
    at.selectbox(key="plan-state").set_value("KEN").run()
    assert at.selectbox(key="plan-state").value == "KEN"


def test_iso3_in_the_address_opens_that_state(plan_db):
    cache.plan_service().save("KEN", DEFAULT_INSTRUMENT, {"next_step": "Call Nairobi"}, 0, "a@x.o")
    at = open_page("plan", iso3="KEN")
    assert not at.exception, at.exception
    assert at.selectbox(key="plan-state").value == "KEN"
    assert field(at, "text_input", "next_step", "KEN").value == "Call Nairobi"
    outside = open_page("plan", iso3="KEN", region="Europe")  # Kenya is not in this view
    assert outside.selectbox(key="plan-state").value == "KEN"
    assert "KEN" not in set(outside.dataframe[0].value["ISO3"])
    unknown = open_page("plan", iso3="XXX")
    assert any("Ignored" in w.value for w in unknown.warning)
    assert unknown.selectbox(key="plan-state").value == unknown.dataframe[0].value.loc[0, "ISO3"]


def test_each_status_is_shown_in_its_words_and_colours(plan_db):
    service = cache.plan_service()
    for iso3, status in (("KEN", "positive signal"), ("GHA", "declined"), ("IND", "endorsed")):
        service.save(iso3, DEFAULT_INSTRUMENT, {"status": status}, 0, "a@x.o")
    at = open_page("plan")
    table = at.dataframe[0]
    assert table.value.set_index("ISO3").loc["GHA", "Status"] == "declined"  # the word stays
    styles = table.proto.arrow_data.styler.styles
    shown = ("not started", "positive signal", "declined", "endorsed", "endorsed (published)")
    for status in shown:
        shade = SCALE[status]
        assert f"background-color: {shade.fill}; color: {shade.text}" in styles, status


def test_the_history_reads_as_words_and_dates(plan_db):
    service = cache.plan_service()
    service.save(
        "BRA",
        DEFAULT_INSTRUMENT,
        {"status": "approached", "last_contact": "2026-11-20", "next_step": "Write"},
        0,
        "desk@example.org",
    )
    service.save("BRA", DEFAULT_INSTRUMENT, {"last_contact": None, "due": "2027-01-31"}, 1, "b@x.o")
    rows = history(open_page("plan", iso3="BRA"))
    assert set(rows["Field"]) == {"Status", "Last contact", "Next step", "Due"}
    cells = rows.astype(str).to_numpy().ravel().tolist()
    assert not {"None", "nan", "NaT", "next_step", "last_contact"} & set(cells)
    assert all(WHEN.fullmatch(when) for when in rows["When (UTC)"])
    contact = rows[rows["Field"] == "Last contact"]
    assert list(contact["New"]) == ["", "20 November 2026"] and list(contact["Old"]) == [
        "20 November 2026",
        "",
    ]
    assert "approached" in set(rows["New"]) and "31 January 2027" in set(rows["New"])
    french = history(open_page("plan", iso3="BRA", lang="fr"))
    assert "Prochaine étape" in set(french.iloc[:, 2])
    assert "31 janvier 2027" in set(french.iloc[:, 4])


def test_a_last_contact_after_today_is_questioned_then_kept(plan_db):
    service = cache.plan_service()
    ahead = date.today() + timedelta(days=10)
    at = open_page("plan")
    at.selectbox(key="plan-state").set_value("BRA").run()
    field(at, "date_input", "contact", "BRA").set_value(ahead)
    save(at)
    assert not at.exception, at.exception
    assert any("after today" in w.value for w in at.warning)
    assert service.record("BRA", DEFAULT_INSTRUMENT).version == 0  # nothing written yet
    save(at)  # the user insists
    record = service.record("BRA", DEFAULT_INSTRUMENT)
    assert (record.last_contact, record.version) == (ahead, 1)
    assert any("Saved Brazil" in s.value for s in at.success)
    at = open_page("plan")  # a date that has passed is saved at once
    at.selectbox(key="plan-state").set_value("BRA").run()
    field(at, "date_input", "contact", "BRA").set_value(date.today() - timedelta(days=1))
    save(at)
    assert not at.warning and service.record("BRA", DEFAULT_INSTRUMENT).version == 2
