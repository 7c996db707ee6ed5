"""The watch's command line: ``run`` finds what changed since the last run, ``status`` says how
the runs went."""

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from plan.database import database_url, engine_for, schema_state, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import PlanError
from plan.service import PlanService
from store import paths
from watch.events import STALE_DAYS, Event, events_between
from watch.feeds import LANGUAGES, FeedError, public_url, write_feeds
from watch.notify import Retry, deliver_all, failed_deliveries
from watch.runs import FAILED, record_failure, record_run, runs, stored_events
from watch.snapshot import read_snapshot
from watch.subscribers import SubscriberError, add_subscriber, remove_subscriber, subscribers

FEEDS = "static/watch/feeds"  # served by Streamlit's static serving at /app/static/watch/feeds/


def _operator() -> str:
    return f"command line ({getpass.getuser()})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m watch", description=__doc__)
    parser.add_argument(
        "--database-url",
        default=None,
        help="the plan database (default: REAIM_DATABASE_URL, else state/plan.sqlite)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="find and store what changed since the last run")
    run.add_argument("--data-dir", type=Path, default=None, help="the published data (data/)")
    run.add_argument("--work-dir", type=Path, default=None, help="the ETL's work folder")
    run.add_argument(
        "--stale-days",
        type=int,
        default=STALE_DAYS,
        help=f"a refresh failing for more than this many days is an event (default {STALE_DAYS})",
    )
    run.add_argument(
        "--feeds-dir", type=Path, default=None, help=f"where the Atom feeds go (default {FEEDS})"
    )
    run.add_argument(
        "--tries",
        type=int,
        default=Retry.tries,
        help="tries of a send failing for a passing reason, within the run "
        f"(default {Retry.tries}; at least 1)",
    )
    run.add_argument(
        "--retry-wait",
        type=float,
        default=Retry.wait,
        help=f"seconds before the second try, doubled after each (default {Retry.wait:g})",
    )
    feeds = commands.add_parser("feeds", help="write the Atom feeds from the stored events")
    feeds.add_argument("--data-dir", type=Path, default=None, help="the published data (data/)")
    feeds.add_argument("--out", type=Path, default=None, help=f"the feeds folder (default {FEEDS})")
    commands.add_parser("status", help="the last runs and events")
    subs = commands.add_parser("subscribers", help="who hears of the events").add_subparsers(
        dest="action", required=True
    )
    add = subs.add_parser("add", help="subscribe an Apprise URL to a focus")
    add.add_argument(
        "--url", required=True, help="an Apprise URL: mailtos://…, workflows://…, json://…"
    )
    add.add_argument(
        "--focus", required=True, help="world, a preset (org-african-union), saved-<id>"
    )
    add.add_argument("--instrument", default="", help="one instrument's id (default: every one)")
    add.add_argument("--lang", default="en", choices=LANGUAGES, help="the messages' language")
    add.add_argument("--reader", default="", help="the plan user whose role may see plan owners")
    add.add_argument("--data-dir", type=Path, default=None, help="the published data (data/)")
    subs.add_parser("list", help="the subscriptions in force")
    remove = subs.add_parser("remove", help="stop a subscription")
    remove.add_argument("id", type=int)
    for command in (add, remove):
        command.add_argument("--by", default=_operator(), help="who makes the change (audited)")
    return parser


def describe(event: Event) -> str:
    """One line for an event, in English (the command line's language)."""
    where = " ".join(part for part in (event.instrument, event.iso3) if part)
    detail = event.detail
    if event.kind == "refresh-failing":
        return (
            f"refresh-failing: no successful refresh since {detail['last_success']} "
            f"({detail['days']} days; {detail['refused']} refused since)"
        )
    if event.kind == "as-of":
        return f"as-of: {where} now as of {event.as_of} (was {detail.get('previous', '')})"
    return f"{event.kind}: {where} (as of {event.as_of})"


def _run(engine: Engine, args: argparse.Namespace) -> int:
    started = datetime.now(UTC)
    upgrade(engine)
    data_dir = args.data_dir or paths.data_dir()
    work_dir = args.work_dir or paths.work_dir()
    try:
        now = read_snapshot(data_dir, paths.instruments_dir())
    except (OSError, ValueError, KeyError) as error:
        message = f"Cannot read the published data in {data_dir}: {error}"
        record_failure(engine, started, message)
        print(f"error: {message}. Run python -m etl check.", file=sys.stderr)
        return 1
    result = record_run(
        engine,
        now,
        lambda before: events_between(before, now, work_dir / "rejected", args.stale_days),
        started,
    )
    print(f"Watch run {result.run_id}: {len(result.events)} new event(s).")
    for event in result.events:
        print(f"  {describe(event)}")
    try:
        code = _feeds(engine, data_dir, args.feeds_dir)
    except FeedError as error:  # the digests still go; the next run writes every feed again
        print(f"error: {error}", file=sys.stderr)
        code = 1
    retry = Retry(max(1, args.tries), max(0.0, args.retry_wait))
    outcomes = deliver_all(engine, data_dir, _saved(engine), public_url(), retry=retry)
    for outcome in outcomes:
        if outcome.sent:
            state = "sent" + (f" at try {outcome.tries}" if outcome.tries > 1 else "")
        else:
            tries = f"{outcome.tries} tr{'ies' if outcome.tries > 1 else 'y'}"
            state = f"failed after {tries} ({outcome.error}); retried by a later run"
        print(f"  delivery {outcome.delivery_id} to subscriber {outcome.subscriber_id}: {state}")
    if any(not outcome.sent for outcome in outcomes):
        print("error: some deliveries failed (python -m watch status)", file=sys.stderr)
        return 1
    return code


def _saved(engine: Engine) -> dict[int, frozenset[str]]:
    service = PlanService(engine, known_iso3(), known_instruments())
    return {group.id: frozenset(group.codes) for group in service.groups()}


def _subscribers(engine: Engine, args: argparse.Namespace) -> int:
    upgrade(engine)
    if args.action == "add":
        sub = add_subscriber(
            engine,
            args.data_dir or paths.data_dir(),
            set(_saved(engine)),
            args.url,
            args.focus,
            args.by,
            instrument=args.instrument,
            language=args.lang,
            reader=args.reader,
        )
        print(f"Subscriber {sub.id}: {sub.shown_url} follows {sub.focus} in {sub.language}")
    elif args.action == "list":
        for sub in subscribers(engine):
            what = sub.instrument or "every instrument"
            reader = sub.reader or "no plan reader"
            print(f"{sub.id}\t{sub.shown_url}\t{sub.focus}\t{what}\t{sub.language}\t{reader}")
    else:
        remove_subscriber(engine, args.id, args.by)
        print(f"Removed subscriber {args.id}")
    return 0


def _feeds(engine: Engine, data_dir: Path | None, out: Path | None) -> int:
    folder = out or paths.REPO_ROOT / FEEDS
    count = write_feeds(data_dir or paths.data_dir(), folder, engine)
    print(f"Wrote {count} Atom feeds in {folder}.")
    return 0


def _status(engine: Engine) -> int:
    state = schema_state(engine)
    if state != "current":
        raise PlanError(
            f"The database's schema is {state}: run python -m watch run (or python -m plan db "
            "upgrade) first"
        )
    recent = runs(engine)
    if not recent:
        print("The watch has not run yet.")
        return 0
    for record in recent:
        when = record.finished_at.strftime("%Y-%m-%d %H:%M UTC")
        print(f"run {record.id}\t{when}\t{record.outcome}\t{record.message}")
    failing = [r for r in recent if r.outcome == FAILED]
    if recent[0].outcome == FAILED:
        print(f"The last run failed: {recent[0].message}")
    elif failing:
        print(f"{len(failing)} of the last {len(recent)} runs failed.")
    for delivery, subscriber, state, attempts, error in failed_deliveries(engine):
        where = f"delivery {delivery} to subscriber {subscriber}"
        print(f"{where}: {state} after {attempts} attempt(s): {error}")
    for stored in stored_events(engine, limit=20):
        print(f"{stored.detected_at:%Y-%m-%d}\t{describe(stored.event)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on an error (one line on stderr), 2 on bad usage."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    engine = engine_for(args.database_url or database_url())
    try:
        if args.command == "subscribers":
            return _subscribers(engine, args)
        if args.command == "feeds":
            return _feeds(engine, args.data_dir, args.out)
        return _run(engine, args) if args.command == "run" else _status(engine)
    except (PlanError, FeedError, SubscriberError) as error:
        print(f"error: {error}", file=sys.stderr)
    except SQLAlchemyError as error:
        problem = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        print(
            f"error: The database failed: {problem}. Check --database-url and that the "
            "database is reachable",
            file=sys.stderr,
        )
    finally:
        engine.dispose()
    return 1


if __name__ == "__main__":
    sys.exit(main())
