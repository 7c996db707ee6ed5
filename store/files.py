"""Reading the project's CSV files: the one table reader, and a memo keyed by the files' stamps."""

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TypeVar

import pandas as pd

T = TypeVar("T")
Stamp = tuple[tuple[str, int, int], ...]


def read_text_table(path: Path) -> pd.DataFrame:
    """A CSV with every column as text and empty cells as empty strings (a new frame each call)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


def stamp(*files: Path) -> Stamp:
    """Each file's path, size and modification time (-1 for a missing file): what a cache keys."""
    found = []
    for path in files:
        stat = path.stat() if path.is_file() else None
        found.append((str(path), stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1))
    return tuple(found)


def memo_by_stamp(
    files: Callable[[], tuple[Path, ...]],
) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Keep a loader's last result while the stamp of ``files()`` is unchanged; read again after.

    For loaders of small values read very often (the glossary, on every label) that return data
    nobody can change: read-only mappings of frozen records. Tables are never kept this way: a
    caller gets a new frame on each read, and the app keeps its own in ui/cache.py.
    """

    def decorate(load: Callable[[], T]) -> Callable[[], T]:
        kept: dict[Stamp, T] = {}

        @wraps(load)
        def read() -> T:
            key = stamp(*files())
            if key not in kept:
                kept.clear()
                kept[key] = load()
            return kept[key]

        return read

    return decorate
