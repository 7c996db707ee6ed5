"""Lines the plan pages write: no "due None", no doubled full stop after a message's own."""

import re

from plan.model import DEFAULT_INSTRUMENT as CTA
from ui import cache

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
    assert "call the desk" in kenya and "due" not in kenya and "None" not in kenya
    ghana = plan_line("GHA")
    assert ", next step " in ghana and ghana.endswith(" due 31 January 2027.")


def test_a_conflict_message_ends_each_sentence_once(plan_db):
    """The refusal once quoted the error's own sentence, "...apply your changes again.", + "."."""
    service = cache.plan_service()
    at = open_page("plan")
    at.selectbox(key="plan-state").set_value("BRA").run()
    owner = next(w for w in at.text_input if w.key and w.key.startswith(f"owner-{CTA}-BRA"))
    owner.input("Embassy")
    service.save("BRA", CTA, {"next_step": "call"}, 0, "other@example.org")
    next(b for b in at.button if b.label == "Save").click().run()
    said = [e.value for e in at.error]
    assert any("changed by" in text for text in said)
    assert not [text for text in said if re.search(r"(?<!\.)\.\.(?!\.)", text.replace("\\", ""))]
