"""Command line: ``python -m etl refresh|check|bundle``."""

import argparse
import sys
from pathlib import Path

from etl.bundle import bundle
from etl.check import problems
from etl.errors import EtlError
from etl.publish import exclusive, recover
from etl.refresh import RefreshOptions, refresh
from etl.release import SOURCE_PAGE_URL, Release
from store import paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir", type=Path, default=None, help="dataset directory (default: the repo's data/)"
    )
    common.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="locks and rejected downloads, outside the data (default: .etl-work/)",
    )
    refresh_cmd = commands.add_parser(
        "refresh", parents=[common], help="fetch the official list and publish it"
    )
    source = refresh_cmd.add_mutually_exclusive_group()
    source.add_argument(
        "--url", default=SOURCE_PAGE_URL, help="landing page, or a direct link to the list's PDF"
    )
    source.add_argument(
        "--from-file", type=Path, help="a saved PDF, or a saved page that carries the list itself"
    )
    refresh_cmd.add_argument(
        "--timeout",
        type=float,
        help="seconds allowed for each download and for reading the document (default 120)",
    )
    refresh_cmd.add_argument(
        "--allow-shrink", action="store_true", help="accept a list that lost more than 3 endorsers"
    )
    commands.add_parser("check", parents=[common], help="validate the published dataset")
    commands.add_parser(
        "bundle", parents=[common], help="publish the shipped dataset from the transcription"
    )
    return parser


def _summary(release: Release) -> str:
    counts, meta = release.meta["counts"], release.meta
    names = dict(zip(release.table["iso3"], release.table["name"], strict=True))
    added = ", ".join(f"{names[c]} ({c})" for c in release.added) or "none"
    removed = ", ".join(release.removed) or "none"
    return "\n".join(
        [
            f"Published {counts['entries_listed']} entries ({meta['method']}, "
            f"source as of {meta['source_as_of'] or 'undated'}).",
            f"  endorsers: {counts['endorsers_un_members']} UN members, "
            f"{counts['endorsers_un_observers']} observer states, "
            f"{counts['endorsers_outside_universe']} outside the UN universe",
            f"  added since the previous dataset: {added}",
            f"  removed since the previous dataset: {removed}",
            f"  document SHA-256: {meta['document_sha256']}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run one command; print a one-line reason on stderr and return 1 on failure."""
    args = _parser().parse_args(argv)
    data_dir = args.data_dir or paths.data_dir()
    work_dir = args.work_dir or paths.work_dir()
    try:
        if args.command == "refresh":
            options = RefreshOptions(
                data_dir=data_dir,
                work_dir=work_dir,
                url=args.url,
                from_file=args.from_file,
                timeout=args.timeout,
                allow_shrink=args.allow_shrink,
            )
            print(_summary(refresh(options)))
        elif args.command == "bundle":
            print(_summary(bundle(data_dir, work_dir)))
        else:
            with exclusive(data_dir, work_dir / "locks"):
                if recover(data_dir):
                    print(f"Rolled back an interrupted publish in {data_dir}.")
            found = problems(data_dir)
            if found:
                print(f"error: the dataset in {data_dir} is not valid:", file=sys.stderr)
                for problem in found:
                    print(f"  - {problem}", file=sys.stderr)
                return 1
            print(f"The dataset in {data_dir} is valid.")
    except EtlError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
