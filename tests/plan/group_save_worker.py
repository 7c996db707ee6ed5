"""One side of a race on saved groups: read, wait for a line on stdin, then save, rename or
delete; print what became of it."""

import sys

from plan.database import engine_for
from plan.groups import GroupConflictError, GroupNameTakenError
from plan.known import known_iso3
from plan.service import PlanService


def main(url: str, who: str, action: str, *args: str) -> None:
    """Print "ready" (after reading the group to change, if any), then after "go" on stdin one
    of "saved <id>", "renamed <version>", "deleted <version>", "taken" or "conflict"."""
    engine = engine_for(url)
    service = PlanService(engine, known_iso3(), set())
    version = service.group(int(args[0])).version if action != "save" else 0
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        if action == "save":
            print(f"saved {service.save_group(args[0], args[1].split(','), who).id}", flush=True)
        elif action == "rename":
            print(f"renamed {service.rename_group(int(args[0]), args[1], version, who).version}")
        else:
            print(f"deleted {service.delete_group(int(args[0]), version, who).version}")
    except GroupNameTakenError:
        print("taken")
    except GroupConflictError:
        print("conflict")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main(*sys.argv[1:])
