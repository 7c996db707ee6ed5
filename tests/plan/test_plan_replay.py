"""After any sequence of saves, fresh or stale, the records are the replay of their events."""

from collections.abc import Callable
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plan.model import CHANNELS, STATUSES, PlanConflictError
from plan.replay import replay
from plan.service import PlanService
from plan.transfer import from_data

KEYS = [("FRA", "reaim-2023-call-to-action"), ("KEN", "reaim-2023-call-to-action")]
KEYS.append(("FRA", "us-political-declaration"))
TEXT = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=12)
DATES = st.none() | st.dates(date(2020, 1, 1), date(2030, 12, 31))
CHANGES = st.fixed_dictionaries(
    {},
    optional={
        "status": st.sampled_from(STATUSES),
        "owner": TEXT,
        "last_contact": DATES,
        "channel": st.sampled_from(("", *CHANNELS)),
        "next_step": TEXT,
        "due": DATES,
        "notes": TEXT,
    },
)
SAVES = st.lists(
    st.tuples(st.sampled_from(KEYS), CHANGES, st.integers(-1, 0), st.sampled_from("ab")),
    max_size=12,
)


# new_service is function-scoped, so Hypothesis warns that its examples share it: they share the
# factory only, each example calls it and gets a new empty database (tests/plan_fixtures.py).
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(saves=SAVES)
def test_records_always_equal_the_replay_of_their_events(
    new_service: Callable[[], PlanService], saves
):
    service = new_service()
    assert service.events() == [] and service.export()["records"] == []  # an example of its own
    for key, changes, staleness, who in saves:
        current = service.record(*key)
        try:
            saved = service.save(*key, changes, current.version + staleness, f"{who}@x.org")
        except PlanConflictError as error:
            assert staleness and error.current == current
        else:
            assert not staleness and service.record(*key) == saved
    data = service.export()
    stored = {(r["iso3"], r["instrument"]): r for r in data["records"]}
    replayed = replay(service.events())
    assert set(replayed) == set(stored)
    for key, record in replayed.items():
        assert service.record(*key) == record
    from_data(data, service.known_iso3, service.known_instruments)  # the export checks itself
