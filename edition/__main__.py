"""Command line: ``python -m edition build --out public [--zip public.zip] [--focus KEY]
[--base-url URL]``."""

import argparse
import sys
from pathlib import Path

from edition.build import build
from edition.files import write_site, write_zip


def main(argv: list[str] | None = None) -> int:
    """Build the static site into a folder, and into an archive when asked."""
    parser = argparse.ArgumentParser(
        prog="python -m edition", description="Build the static public edition of the dashboard."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="write every page and file of the site")
    make.add_argument("--out", type=Path, required=True, help="the site's folder, e.g. public")
    make.add_argument("--zip", type=Path, help="also write the site as one archive")
    make.add_argument(
        "--focus",
        action="append",
        metavar="KEY",
        help="only this focus preset (and the world), e.g. org-g7; repeat it for more "
        "(default: every preset)",
    )
    make.add_argument(
        "--base-url",
        default="",
        metavar="URL",
        help="the address the site will be published at, e.g. https://example.org/reaim/: the "
        "embed code and the share cards' tags then give whole addresses (default: addresses "
        "relative to the site's root, which a reader prefixes)",
    )
    args = parser.parse_args(argv)
    if args.base_url and not args.base_url.endswith("/"):
        parser.error("--base-url must end with /")
    site = build(args.focus, base_url=args.base_url)
    write_site(args.out, site)
    if args.zip:
        write_zip(args.zip, site)
    print(f"Wrote {len(site)} files to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
