"""Compare two snapshots of scripts/snapshot_outputs.py: each differing file, its first changes."""

import argparse
import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

SHOWN_LINES = 12  # of each file's diff
WIDTH = 300  # characters of a diff line: a page element is one long line of JSON
CONTEXT = 100  # characters shown either side of the first difference


def files(root: Path) -> set[str]:
    """Every file under ``root``, as a path relative to it."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def first_changes(before: str, after: str, name: str, limit: int = SHOWN_LINES) -> list[str]:
    """The first ``limit`` lines of the unified diff of two texts, each cut to WIDTH characters."""
    diff = difflib.unified_diff(
        before.splitlines(), after.splitlines(), f"before/{name}", f"after/{name}", n=1, lineterm=""
    )
    lines = [line if len(line) <= WIDTH else line[:WIDTH] + " …" for line in diff]
    if len(lines) > limit:
        return [*lines[:limit], f"… and {len(lines) - limit} more diff lines"]
    return lines


def first_unequal(a: Sequence, b: Sequence) -> int:
    """The index of the first item where two sequences differ (the shorter's length if none)."""
    pairs = enumerate(zip(a, b, strict=False))
    return next((i for i, (x, y) in pairs if x != y), min(len(a), len(b)))


def first_difference(before: str, after: str) -> list[str]:
    """Where two texts first differ: the line and column, and the text around it on each side."""
    old, new = before.splitlines(), after.splitlines()
    line = first_unequal(old, new)
    a, b = (old[line] if line < len(old) else ""), (new[line] if line < len(new) else "")
    column = first_unequal(a, b)
    start = max(column - CONTEXT, 0)
    return [
        f"first difference: line {line + 1}, column {column + 1}",
        f"  before: …{a[start : column + CONTEXT]}…",
        f"  after:  …{b[start : column + CONTEXT]}…",
    ]


def differences(before: Path, after: Path, limit: int = SHOWN_LINES) -> list[str]:
    """A readable report: files only in one snapshot, then each differing file with its diff."""
    old, new = files(before), files(after)
    report = [f"only in {before}: {name}" for name in sorted(old - new)]
    report += [f"only in {after}: {name}" for name in sorted(new - old)]
    for name in sorted(old & new):
        a = (before / name).read_text(encoding="utf-8")
        b = (after / name).read_text(encoding="utf-8")
        if a != b:
            report += [f"differs: {name}", *first_difference(a, b)]
            report += [*first_changes(a, b, name, limit), ""]
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path, help="the reference snapshot")
    parser.add_argument("after", type=Path, help="the snapshot to check against it")
    parser.add_argument("--lines", type=int, default=SHOWN_LINES, help="diff lines per file")
    args = parser.parse_args(argv)
    for folder in (args.before, args.after):
        if not folder.is_dir():
            print(f"error: {folder} is not a folder; make one with make snapshot", file=sys.stderr)
            return 2
    report = differences(args.before, args.after, args.lines)
    if not report:
        print(f"No differences: {len(files(args.before))} files compared.")
        return 0
    print("\n".join(report))
    changed = sum(line.startswith(("differs:", "only in")) for line in report)
    print(f"{changed} files differ.")
    return 1


if __name__ == "__main__":
    sys.exit(main())
