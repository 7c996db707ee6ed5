"""The container image (deploy/Containerfile) holds every package of this repository that the
app, the ETL and the watch import, directly or through one another: an image missing one starts
and fails on the first page that needs it."""

import re

from conftest import REPO
from source_imports import imported_modules

CONTAINERFILE = REPO / "deploy" / "Containerfile"
ENTRY_POINTS = ("dashboard.py", "app_pages", "etl", "watch")  # what the image runs


def copied() -> set[str]:
    """The repository's folders and files the Containerfile copies into the image."""
    found = set()
    for line in CONTAINERFILE.read_text(encoding="utf-8").splitlines():
        if match := re.match(r"COPY\s+(.+)\s+\S+$", line.strip()):
            found |= {part.rstrip("/") for part in match.group(1).split()}
    return found


def local_packages() -> set[str]:
    return {p.name for p in REPO.iterdir() if (p / "__init__.py").is_file()}


def needed() -> set[str]:
    """The local packages the entry points import, followed through the packages they reach."""
    local = local_packages()
    todo = [REPO / name for name in ENTRY_POINTS]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            for name in imported_modules(file) & local:
                if name not in seen:
                    seen.add(name)
                    todo.append(REPO / name)
    return seen


def test_the_image_copies_every_package_the_app_the_etl_and_the_watch_import():
    missing = needed() - copied()
    assert not missing, f"deploy/Containerfile does not COPY {sorted(missing)}"
    assert {"ui", "etl", "store"} <= needed()  # the walk follows imports (a check on the check)
