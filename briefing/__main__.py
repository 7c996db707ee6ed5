"""Command line: ``python -m briefing [--focus KEY | --group CODES | --group-file FILE]
[--instrument ID | --compare X,Y] [--compare-states CODES] [--lang fr] [--as-of YYYY-MM-DD]
[--since YYYY-MM-DD] --out FILE``.

The whole command runs in the pack's language, the dataset's names and labels included. Messages
to the operator (errors, "Wrote …", the line-by-line report of a group's list) stay in English.
"""

import argparse
import sys
from datetime import date
from pathlib import Path

from briefing.files import pack_file
from briefing.formats import FORMATS
from briefing.pack import DEFAULT_TOP, Pack, build_pack
from briefing.template import Template, read_template
from i18n.languages import DEFAULT, LANGUAGES
from i18n.translate import use
from instruments.days import parse_day
from instruments.model import CALL_TO_ACTION
from instruments.prose import join_names
from instruments.view import View
from participants.files import ListFile, ListFileError, read_path
from participants.report import GroupReport, read_list
from participants.wording import report_lines, summary
from safeio.private_files import write_private
from safeio.uploads import UploadError
from store.focus import Focus
from store.reference import load_states
from ui.tables.comparison import pick_states, problems, split_codes, too_few
from ui.tables.dataset import Dataset, load_dataset, on

USAGE_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m briefing",
        description="Build a briefing pack (PowerPoint deck or PDF handout) for a focus.",
        epilog="File names: --all names each pack briefing-<instrument>-<focus>-<as of>.<format> "
        "(briefing-<X>-not-<Y>-<focus>.<format> for --compare), then -on-<day> with --as-of and "
        "-since-<day> with --since, with -fr or -es before the extension when --lang is not "
        "English, e.g. briefing-reaim-2023-call-to-action-world-2023-02-16-fr.pdf; English names "
        "have no suffix. A single pack is written to --out as given. Days are YYYY-MM-DD, from "
        "2023 to today; a day before an instrument existed is refused (exit status 2). --group "
        "and --group-file print what became of each line of the list to stderr and exit with "
        "status 2 when a line is ambiguous or not found, unless --accept-unmatched is given.",
    )
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--focus", help="a focus preset key, e.g. org-g7 (default: world)")
    where.add_argument(
        "--group",
        metavar="CODES",
        help="a group of states for the pack: ISO3 codes (or names) separated by commas, "
        "e.g. KEN,NGA,GHA",
    )
    where.add_argument(
        "--group-file",
        type=Path,
        metavar="FILE",
        help="a group from a list of participants: CSV, Excel (.xlsx), Word (.docx), PDF or "
        "HTML, at most 10 MB and 500 lines",
    )
    parser.add_argument("--group-name", help="the group's name in the pack's titles")
    parser.add_argument(
        "--group-column",
        metavar="COLUMN",
        help="the column of a CSV or Excel list to read, by letter or header (default: the "
        "column naming the most states)",
    )
    parser.add_argument(
        "--accept-unmatched",
        action="store_true",
        help="build the pack for the states matched even when lines of the group's list are "
        "ambiguous or not found (default: exit status 2)",
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--instrument", default=CALL_TO_ACTION, help="an instrument id")
    which.add_argument("--compare", help="two instrument ids X,Y: supported X but not Y")
    parser.add_argument(
        "--compare-states",
        metavar="CODES",
        help="add two to four states side by side, fact by fact: ISO3 codes separated by "
        "commas, in column order, e.g. KEN,NGA,GHA; without --focus, --group or --group-file, "
        "the pack is for these states",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), help="default: the --out suffix")
    parser.add_argument("--template", type=Path, help="a PowerPoint template (.pptx)")
    parser.add_argument("--top", type=int, default=DEFAULT_TOP, help="priority states to list")
    parser.add_argument(
        "--all", action="store_true", help="one pack per focus preset into --out DIR"
    )
    parser.add_argument(
        "--lang",
        default=DEFAULT,
        choices=list(LANGUAGES),
        help="the pack's language: "
        + ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        + f"; default {DEFAULT}. With --all, files other than English end in -<lang>",
    )
    parser.add_argument(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="build the pack as known on this past day (default: the data as published)",
    )
    parser.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        help="add a 'Since …' section: who joined which instrument, and whose vote changed, "
        "between this day and --as-of (or today)",
    )
    parser.add_argument("--data-dir", type=Path, help="the published dataset (default data/)")
    parser.add_argument(
        "--out", type=Path, required=True, help="output file (or folder with --all)"
    )
    return parser


def _fail(message: str, code: int = 1) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _check(data: Dataset, focus: str | None, view: str) -> str:
    """What is wrong with the requested focus (None: a group's, checked when it was read) or
    instrument, with the valid keys; "" if fine."""
    try:
        if focus is not None:
            Focus.parse(focus, data.focus_frames)
    except ValueError as exc:
        return str(exc).removesuffix(".")
    try:
        View.parse(view, data.catalogue)
    except ValueError:
        return (
            f"unknown or invalid instrument {view!r}. Valid instrument ids: "
            f"{', '.join(data.catalogue)} (--compare takes two different ones, X,Y)"
        )
    return ""


def _write(data: Dataset, pack: Pack, fmt: str, template: Template | None, out: Path) -> None:
    content, warnings = pack_file(data, pack, fmt, template)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    write_private(out, content)  # whole or not at all, never through a planted link
    print(f"Wrote {out} ({len(content):,} bytes): {pack.title}")


def _days(as_of: str | None, since: str | None, today: date) -> tuple[date | None, date | None]:
    """The past day the pack shows (None: as published) and the day its "Since …" section
    starts from (None: no section); ValueError saying which option is wrong and why."""
    days = []
    for option, text in (("--as-of", as_of), ("--since", since)):
        try:
            days.append(None if text is None else parse_day(text, today))
        except ValueError as why:
            raise ValueError(f"{option} {text}: {why}") from None
    shown, start = days
    if since is not None and (start is None or start >= (shown or today)):
        before = f"--as-of {shown.isoformat()}" if shown else f"today, {today.isoformat()}"
        raise ValueError(f"--since {since}: it must be before {before}.")
    return shown, start


def _absent(data: Dataset, selected: View, day: date | None) -> str:
    """Why the pack cannot be built on ``day``: an instrument that did not exist yet; "" if it
    can. In English, as every message to the operator."""
    with use(DEFAULT):
        return " ".join(
            instrument.absent_on(day)
            for instrument in (data.catalogue[key] for key in selected.ids)
            if not instrument.exists_on(day)
        )


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:  # read in English, before the pack's language: messages to the operator stay English
        args.as_of, args.since = _days(args.as_of, args.since, date.today())
        args.group_focus = _group(args)
        args.compared = _compared(args)
    except ValueError as exc:
        return _fail(str(exc), USAGE_ERROR)
    with use(args.lang):  # before the dataset is loaded: its names and labels are in the language
        return _run(args)


def _group(args: argparse.Namespace) -> Focus | None:
    """The focus of the group that --group or --group-file gives, None without either; its
    list's report, line by line, printed to stderr. ValueError (one line) for a list that
    cannot be read, options that do not go together, or lines ambiguous or not found without
    --accept-unmatched."""
    extras = [o for o in ("group_name", "group_column", "accept_unmatched") if getattr(args, o)]
    if args.group_file is None and args.group is None:
        if extras:
            raise ValueError(f"--{extras[0].replace('_', '-')} needs --group or --group-file.")
        return None
    if args.all:
        raise ValueError("--all builds the presets' packs: leave out --group and --group-file.")
    if args.group_file:
        try:
            listed = _column(read_path(args.group_file), args.group_column)
        except ListFileError as exc:
            raise ValueError(f"{exc}.") from None
        text = listed.text
    else:
        if args.group_column:
            raise ValueError("--group-column reads a CSV or Excel list of --group-file.")
        text = args.group
    report = read_list(text)
    _print_report(report)
    return _focus_of(report, args.group_name or "", args.accept_unmatched)


def _compared(args: argparse.Namespace) -> tuple[str, ...]:
    """The states --compare-states asks for, in order (none without it); ValueError (one line)
    for an unknown code, a state twice, more than four, fewer than two, or with --all."""
    if args.compare_states is None:
        return ()
    if args.all:
        raise ValueError("--compare-states builds one pack: leave out --all.")
    picked = pick_states(split_codes(args.compare_states), set(load_states()["iso3"]))
    said = [*problems(picked), too_few(len(picked.codes))]
    if any(said):
        reasons = " ".join(filter(None, said))
        raise ValueError(
            f"--compare-states {args.compare_states}: {reasons} Give two to four different ISO3 "
            "codes of states in scope."
        )
    return picked.codes


def _column(listed: ListFile, wanted: str | None) -> ListFile:
    """The list read from the column ``wanted`` names (a letter or a header; None: the likely
    one), said on stderr with the other choices; ValueError for a column it does not have."""
    for aside in listed.set_aside:
        print(f"set aside: {aside.text} ({aside.said})", file=sys.stderr)
    if not listed.columns:
        if wanted:
            raise ValueError(f"--group-column: {listed.name} is not a CSV or Excel list.")
        return listed
    labels = ", ".join(column.label for column in listed.columns)
    if wanted:
        key = wanted.strip().casefold()
        found = [
            i
            for i, column in enumerate(listed.columns)
            if key in (column.letter.casefold(), column.header.strip().casefold())
        ]
        if not found:
            raise ValueError(f"--group-column {wanted}: {listed.name} has the columns {labels}.")
        listed = listed.with_column(found[0])
    chosen = listed.columns[listed.column]
    why = "as asked" if wanted else "the one naming the most states; --group-column chooses"
    sheet = f", sheet {listed.sheet}" if listed.sheet else ""
    print(
        f"reading column {chosen.label} of {listed.name}{sheet} ({why}; columns: {labels})",
        file=sys.stderr,
    )
    return listed


def _print_report(report: GroupReport) -> None:
    """What became of each line of the list, and the summary, on stderr."""
    for line in report_lines(report):
        print(line, file=sys.stderr)
    print(summary(report), file=sys.stderr)


def _focus_of(report: GroupReport, name: str, accept_unmatched: bool) -> Focus:
    """The focus of the states a list matched; ValueError when it matched none, or when a line
    is ambiguous or not found and ``accept_unmatched`` is false."""
    unresolved = len(report.unresolved)
    if unresolved and not accept_unmatched:
        lines = "line is" if unresolved == 1 else "lines are"
        matched = len(report.members)
        states = "state" if matched == 1 else "states"
        raise ValueError(
            f"{unresolved} {lines} ambiguous or not found (above): correct the list, or pass "
            f"--accept-unmatched to build the pack for the {matched} {states} matched."
        )
    if not report.members:
        raise ValueError("the list names no state in scope: there is no group to build a pack for.")
    return Focus.of_group(report.members, name)


def _run(args: argparse.Namespace) -> int:
    """Build and write the pack or packs the arguments ask for, in the active language, as
    known on ``args.as_of`` (None: as published), with what changed since ``args.since``."""
    view = args.compare or args.instrument
    fmt = args.format or ("pptx" if args.all else args.out.suffix.lstrip(".").lower())
    if fmt not in FORMATS:
        return _fail(f"cannot tell the format of {args.out}: pass --format pptx or pdf", 2)
    if args.top < 1:
        return _fail("--top must be at least 1", USAGE_ERROR)
    try:  # checked first: a refused template costs neither the dataset nor a map
        template = read_template(args.template) if args.template else None
    except UploadError as exc:
        return _fail(f"{exc}. Nothing was written.")
    published = load_dataset(args.data_dir)
    if args.compared and not (args.group_focus or args.focus):  # a pack for the states compared
        names = published.table.set_index("iso3").loc[list(args.compared), "name"]
        args.group_focus = Focus.of_group(args.compared, join_names(list(names)))
    focus_key = None if args.group_focus else (args.focus or "world")
    problem = _check(published, focus_key, view)
    if problem:
        return _fail(problem, USAGE_ERROR)
    selected = View.parse(view)
    absent = _absent(published, selected, args.as_of)
    if absent:
        return _fail(absent, USAGE_ERROR)
    data = on(published, args.as_of) if args.as_of else published
    then = on(published, args.since) if args.since else None
    try:
        if not args.all:
            focus = args.group_focus or Focus.parse(focus_key)
            pack = build_pack(data, focus, selected, args.top, date.today(), then, args.compared)
            _write(data, pack, fmt, template, args.out)
            return 0
        args.out.mkdir(parents=True, exist_ok=True)
        for focus in data.focus_frames:
            pack = build_pack(data, focus, selected, args.top, date.today(), then)
            _write(data, pack, fmt, template, args.out / f"{pack.file_stem}.{fmt}")
    except ValueError as exc:  # an unreadable or unsuitable template
        return _fail(f"{exc}. Nothing was written.")
    except OSError as exc:
        return _fail(f"cannot write {args.out}: {exc.strerror}. Choose another --out.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
