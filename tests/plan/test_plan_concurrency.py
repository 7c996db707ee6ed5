"""Two processes save the same record from the same version: one wins, one conflicts, none lost."""

import json

import pytest

from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.replay import replay

from racers import race, save_record

CHANGES = {
    "ana@x.org": {"status": "approached", "owner": "Paris desk"},
    "bo@x.org": {"status": "declined", "notes": "said no at the UN"},
}


def saves_at_once(url: str) -> dict[str, str]:
    """Both savers load the record, then save at once; who got what."""
    loaded, outcomes = race(
        {who: (save_record, (url, "FRA", CTA, json.dumps(c), who)) for who, c in CHANGES.items()}
    )
    assert len(set(loaded.values())) == 1, f"the savers loaded different versions {loaded}"
    return outcomes


@pytest.mark.parametrize("start", [0, 1], ids=["first save inserts", "later save updates"])
def test_one_of_two_concurrent_saves_wins(service, database_url, start):
    if start:
        service.save("FRA", CTA, {"status": "planned", "next_step": "démarche"}, 0, "cy@x.org")
    before = service.events()
    outcomes = saves_at_once(database_url)
    assert sorted(outcomes.values()) == ["conflict", f"saved {start + 1}"]
    (winner,) = [who for who, outcome in outcomes.items() if outcome != "conflict"]
    final = service.record("FRA", CTA)
    assert final.version == start + 1 and final.updated_by == winner
    assert {field: getattr(final, field) for field in CHANGES[winner]} == CHANGES[winner]
    events = service.events()
    added = events[: len(events) - len(before)]
    assert events[len(added) :] == before
    assert {(e.who, e.field, e.new) for e in added} == {
        (winner, field, value) for field, value in CHANGES[winner].items()
    }
    assert replay(events) == {("FRA", CTA): final}
