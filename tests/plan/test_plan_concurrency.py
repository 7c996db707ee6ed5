"""Two processes save the same record from the same version: one wins, one conflicts, none lost."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from plan.model import DEFAULT_INSTRUMENT as CTA
from plan.replay import replay

WORKER = Path(__file__).with_name("save_worker.py")
REPO = Path(__file__).resolve().parents[2]
CHANGES = {
    "ana@x.org": {"status": "approached", "owner": "Paris desk"},
    "bo@x.org": {"status": "declined", "notes": "said no at the UN"},
}


def race(url: str) -> dict[str, str]:
    """Start both savers, let both load, then release them together; who got what."""
    env = os.environ | {"PYTHONPATH": str(REPO)}
    workers = {
        who: subprocess.Popen(
            [sys.executable, str(WORKER), url, "FRA", CTA, json.dumps(changes), who],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who, changes in CHANGES.items()
    }
    loaded = {worker.stdout.readline().strip() for worker in workers.values()}
    assert len(loaded) == 1, f"the workers loaded different versions {loaded}"
    for worker in workers.values():
        worker.stdin.write("go\n")
        worker.stdin.flush()
    outcomes = {who: worker.communicate(timeout=60)[0].strip() for who, worker in workers.items()}
    assert all(worker.returncode == 0 for worker in workers.values())
    return outcomes


@pytest.mark.parametrize("start", [0, 1], ids=["first save inserts", "later save updates"])
def test_one_of_two_concurrent_saves_wins(service, database_url, start):
    if start:
        service.save("FRA", CTA, {"status": "planned", "next_step": "démarche"}, 0, "cy@x.org")
    before = service.events()
    outcomes = race(database_url)
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
