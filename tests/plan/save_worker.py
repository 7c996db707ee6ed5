"""One side of a race: load a record, wait for a line on stdin, then save changes to it."""

import json
import sys

from plan.database import engine_for
from plan.model import PlanConflictError
from plan.service import PlanService


def main(url: str, iso3: str, instrument: str, changes: str, who: str) -> None:
    """Print the version loaded, then "saved <version>" or "conflict"."""
    service = PlanService(engine_for(url), {iso3}, {instrument})
    loaded = service.record(iso3, instrument)
    print(loaded.version, flush=True)
    sys.stdin.readline()
    try:
        saved = service.save(iso3, instrument, json.loads(changes), loaded.version, who)
    except PlanConflictError:
        print("conflict", flush=True)
    else:
        print(f"saved {saved.version}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
