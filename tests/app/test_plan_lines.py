"""The plan's line on the country page: a next step without a due date says none, not "None"."""

from plan.model import DEFAULT_INSTRUMENT as CTA
from ui import cache
from ui.text import md

from apptest import open_page


def plan_line(iso3: str) -> str:
    at = open_page("country", iso3=iso3)
    assert not at.exception, at.exception
    return next(c.value for c in at.caption if c.value.startswith("Internal. Call to Action plan"))


def test_a_next_step_shows_its_due_date_or_none(plan_db):
    service = cache.plan_service()
    service.save("KEN", CTA, {"next_step": "call the desk"}, 0, "a@x.o")
    service.save("GHA", CTA, {"next_step": "write", "due": "2027-01-31"}, 0, "a@x.o")
    kenya = plan_line("KEN")
    assert kenya.endswith(f", next step {md('call the desk')}.") and "None" not in kenya
    assert plan_line("GHA").endswith(f", next step write due {md('31 January 2027')}.")
