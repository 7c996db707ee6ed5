"""Editors racing in processes of their own, forked from the test: each loads what it will
change, says so, waits for the go, then changes the plan and says what became of it. A fork
starts in milliseconds where a new interpreter spends a second importing the plan."""

import json
import multiprocessing
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection

from plan.database import engine_for
from plan.groups import GroupConflictError, GroupNameTakenError
from plan.known import known_iso3
from plan.model import PlanConflictError
from plan.service import PlanService

FORK = multiprocessing.get_context("fork")
PATIENCE = 60  # seconds a side may stay silent before the race fails

Side = tuple[Callable[..., None], tuple]  # what a side runs (given its channel first), and args


def race(sides: Mapping[str, Side]) -> tuple[dict[str, object], dict[str, object]]:
    """Start every side in its own process and, once all have loaded, release them together:
    what each loaded, and what became of each."""
    channels, processes = {}, {}
    for who, (side, args) in sides.items():
        ours, theirs = FORK.Pipe()
        processes[who] = FORK.Process(target=_run, args=(side, theirs, *args), daemon=True)
        processes[who].start()
        theirs.close()
        channels[who] = ours
    loaded = {who: _heard(channel) for who, channel in channels.items()}
    for channel in channels.values():
        channel.send("go")
    outcomes = {who: _heard(channel) for who, channel in channels.items()}
    for who, process in processes.items():
        process.join(PATIENCE)
        assert process.exitcode == 0, f"{who}'s process ended with {process.exitcode}"
    return loaded, outcomes


def _run(side: Callable[..., None], channel: Connection, *args) -> None:
    try:
        side(channel, *args)
    finally:
        channel.close()


def _heard(channel: Connection) -> object:
    if not channel.poll(PATIENCE):
        raise TimeoutError(f"a side said nothing for {PATIENCE} s")
    return channel.recv()


def save_record(
    channel: Connection, url: str, iso3: str, instrument: str, changes: str, who: str
) -> None:
    """Load the record, then "saved <version>" or "conflict"."""
    engine = engine_for(url)
    try:
        service = PlanService(engine, {iso3}, {instrument})
        loaded = service.record(iso3, instrument)
        channel.send(loaded.version)
        channel.recv()
        try:
            saved = service.save(iso3, instrument, json.loads(changes), loaded.version, who)
        except PlanConflictError:
            channel.send("conflict")
        else:
            channel.send(f"saved {saved.version}")
    finally:
        engine.dispose()


def change_group(channel: Connection, url: str, who: str, action: str, *args: str) -> None:
    """Read the group to change, if any; then "saved <id>", "renamed <version>", "deleted
    <version>", "taken" or "conflict"."""
    engine = engine_for(url)
    try:
        service = PlanService(engine, known_iso3(), set())
        version = service.group(int(args[0])).version if action != "save" else 0
        channel.send("ready")
        channel.recv()
        try:
            if action == "save":
                said = f"saved {service.save_group(args[0], args[1].split(','), who).id}"
            elif action == "rename":
                renamed = service.rename_group(int(args[0]), args[1], version, who)
                said = f"renamed {renamed.version}"
            else:
                said = f"deleted {service.delete_group(int(args[0]), version, who).version}"
        except GroupNameTakenError:
            said = "taken"
        except GroupConflictError:
            said = "conflict"
        channel.send(said)
    finally:
        engine.dispose()
