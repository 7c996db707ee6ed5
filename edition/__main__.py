"""Command line: ``python -m edition build --out public [--zip public.zip] [--feeds DIR]
[--no-packs] [--base-url URL] [--jobs N]``, and for a preview ``[--focus KEY] [--country ISO3]
[--view ID]``."""

import argparse
import os
import sys
from pathlib import Path

from edition.build import Scope, build
from edition.feeds import FeedsFolderError, site_feeds
from edition.files import write_site, write_zip
from edition.scope import views
from instruments.view import View
from store.focus import Focus
from ui.tables.dataset import load_dataset

USAGE_ERROR = 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m edition", description="Build the static public edition of the dashboard."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write every page and file of the site")
    make.add_argument("--out", type=Path, required=True, help="the site's folder, e.g. public")
    make.add_argument("--zip", type=Path, help="also write the site as one archive")
    make.add_argument(
        "--feeds",
        type=Path,
        metavar="DIR",
        help="the Atom feeds python -m watch run wrote (static/watch/feeds): each instrument's "
        "and focus preset's are copied into the site and linked from its map pages",
    )
    make.add_argument(
        "--no-packs",
        action="store_true",
        help="leave out each preset's briefing pack (deck and handout), which take about half "
        "of the build",
    )
    make.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="the address the site will be published at, e.g. https://example.org/reaim/: the "
        "embed code and the share cards' tags then give whole addresses (default: addresses "
        "relative to the site's root, which a reader prefixes)",
    )
    make.add_argument(
        "--jobs",
        type=int,
        default=min(3, os.cpu_count() or 1),
        metavar="N",
        help="languages built at once, each in a process of its own (default: one a core, at "
        "most 3); the same bytes either way",
    )
    preview = "; repeat it for more (a preview: its pages still link to what it leaves out)"
    make.add_argument(
        "--focus",
        action="append",
        metavar="KEY",
        help=f"only this focus preset (and the world), e.g. org-g7{preview}",
    )
    make.add_argument(
        "--country", action="append", metavar="ISO3", help=f"only this state's profile{preview}"
    )
    make.add_argument(
        "--view",
        action="append",
        metavar="ID",
        help=f"only this instrument's maps, or X,Y for a comparison{preview}",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """Build the static site into a folder, and into an archive when asked."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.base_url and not args.base_url.endswith("/"):
        parser.error("--base-url must end with /")
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")
    data = load_dataset()
    universe = set(data.table.loc[data.table["in_universe"], "iso3"])
    try:
        for key in args.focus or ():
            Focus.parse(key, data.focus_frames)
        unknown = sorted(set(args.country or ()) - universe)
        if unknown:
            raise ValueError(f"--country {', '.join(unknown)}: not an ISO3 code of the 195 states")
        shown = [View.parse(t, data.catalogue) for t in args.view] if args.view else None
        unmapped = [str(v) for v in shown or () if v not in views(data.catalogue)]
        if unmapped:
            raise ValueError(f"--view {', '.join(unmapped)}: no map shows it (names no supporter)")
        feeds = site_feeds(args.feeds)
    except (ValueError, FeedsFolderError) as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    packs = () if args.no_packs else None
    scope = Scope(args.focus, args.country, shown, args.base_url, feeds, packs)
    site = build(scope, args.jobs)
    write_site(args.out, site)
    if args.zip:
        write_zip(args.zip, site)
    print(f"Wrote {len(site)} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
