"""The plan's command line: migrate the database, manage users, export and import the plan."""

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from plan.database import database_url, engine_for, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import ROLES, PlanError
from plan.service import PlanService
from safeio.private_files import write_private


def _parser() -> argparse.ArgumentParser:
    url = argparse.ArgumentParser(add_help=False)
    url.add_argument(
        "--database-url",
        default=argparse.SUPPRESS,
        help="the plan database (default: REAIM_DATABASE_URL, else state/plan.sqlite)",
    )
    parser = argparse.ArgumentParser(prog="python -m plan", description=__doc__, parents=[url])
    commands = parser.add_subparsers(dest="command", required=True)
    db = commands.add_parser("db", help="the database schema").add_subparsers(
        dest="action", required=True
    )
    db.add_parser("upgrade", parents=[url], help="create or migrate the plan tables")
    users = commands.add_parser("users", help="who may sign in").add_subparsers(
        dest="action", required=True
    )
    add = users.add_parser("add", parents=[url], help="let someone in, or change their role")
    add.add_argument("email")
    add.add_argument("--role", required=True, choices=ROLES)
    users.add_parser("list", parents=[url], help="everyone let in, with their role")
    users.add_parser("remove", parents=[url], help="stop letting someone in").add_argument("email")
    export = commands.add_parser("export", parents=[url], help="write the whole plan as JSON")
    export.add_argument("--out", required=True, type=Path, help="the JSON file to write")
    restore = commands.add_parser("import", parents=[url], help="restore a plan into an empty db")
    restore.add_argument("file", type=Path, help="a JSON file written by export")
    restore.add_argument("--dry-run", action="store_true", help="show what would change")
    return parser


def _service(engine) -> PlanService:
    return PlanService(engine, known_iso3(), known_instruments())


def _export(service: PlanService, out: Path) -> None:
    """Write the export readable by its owner alone (0600, never through a link): it holds
    sensitive notes."""
    text = json.dumps(service.export(), ensure_ascii=False, indent=1) + "\n"
    try:
        write_private(out, text.encode("utf-8"))
    except OSError as error:
        problem = error.strerror or str(error)
        raise PlanError(f"Cannot write {out}: {problem}. Choose another --out.") from None
    print(f"Wrote {out} (sensitive: it holds the plan's notes)")


def _import(service: PlanService, file: Path, dry_run: bool) -> int:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        problem = f"Cannot read {file}: {error}"
        raise PlanError(f"{problem}. Give a JSON file written by export.") from None
    except RecursionError:
        raise PlanError(
            f"Cannot read {file}: it nests lists or objects too deeply for a plan export. "
            "Give a JSON file written by export."
        ) from None
    report = service.import_(data, dry_run=dry_run)
    for error in report.errors:
        print(f"error: {error}", file=sys.stderr)
    if not report.ok:
        print("Nothing imported. Correct the file and import it again.", file=sys.stderr)
        return 1
    for change in report.changes or ["nothing to change: the database already holds this plan"]:
        print(change)
    print("Imported." if report.written else "Nothing written.")
    return 0


def _run(args: argparse.Namespace) -> int:
    engine = engine_for(getattr(args, "database_url", None) or database_url())
    try:
        if args.command == "db":
            upgrade(engine)
            print("The plan database is up to date.")
            return 0
        service = _service(engine)
        if args.command == "export":
            _export(service, args.out)
        elif args.command == "import":
            return _import(service, args.file, args.dry_run)
        elif args.action == "add":
            service.add_user(args.email, args.role)
            print(f"{args.email.strip().lower()} is {args.role}")
        elif args.action == "list":
            for email, role in service.users():
                print(f"{email}\t{role}")
        else:
            service.remove_user(args.email)
            print(f"Removed {args.email.strip().lower()}")
        return 0
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    """Run one command; 0 on success, 1 on an error (one line on stderr), 2 on bad usage."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    try:
        return _run(args)
    except PlanError as error:
        print(f"error: {error}", file=sys.stderr)
    except SQLAlchemyError as error:
        problem = str(error.orig if getattr(error, "orig", None) else error).splitlines()[0]
        print(
            f"error: The plan database failed: {problem}. Check --database-url and that the "
            "database is reachable",
            file=sys.stderr,
        )
    return 1


if __name__ == "__main__":
    sys.exit(main())
