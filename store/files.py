"""Reading the project's CSV files: the one table reader, and a memo keyed by the files' stamps."""

import hashlib
import os
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TypeVar

import pandas as pd

from store import paths

T = TypeVar("T")
Stamp = tuple[tuple[str, int, int], ...]
FRESH_FOR = 0.1  # seconds a data stamp is trusted: within one rerun, never across two visits
_SEEN: dict[tuple[str, ...], tuple[float, str]] = {}  # folders → (when, digest): one entry


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


def data_stamp() -> str:
    """A digest of every file the app reads (path, size, modification time): the published
    dataset, the reference data with the glossary and the groups, the instrument registry and its
    files, the map geometry. Looked at again after FRESH_FOR seconds, or when a folder moves
    (``REAIM_DATA_DIR``): a page's dozens of cache look-ups in one run cost one scan."""
    folders = (
        paths.data_dir(),
        paths.reference_dir(),
        paths.reference_dir() / "groups",
        paths.instruments_dir(),
        paths.geo_dir(),
    )
    where = tuple(str(folder) for folder in folders)
    now = time.monotonic()
    seen = _SEEN.get(where)
    if seen is not None and now - seen[0] < FRESH_FOR:
        return seen[1]
    found = []
    for folder in folders:
        if not folder.is_dir():  # a missing folder is stamped as empty; the reader says why
            continue
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_file() and entry.name.endswith((".csv", ".json", ".geojson")):
                    stat = entry.stat()
                    found.append((entry.path, stat.st_size, stat.st_mtime_ns))
    digest = hashlib.blake2b(repr(sorted(found)).encode(), digest_size=16).hexdigest()
    _SEEN.clear()
    _SEEN[where] = (now, digest)
    return digest


def memo_by_stamp(
    files: Callable[[], tuple[Path, ...]],
) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Keep a loader's last result while the stamp of ``files()`` is unchanged; read again after.
    The stamp is taken again after FRESH_FOR seconds, or when ``files()`` names other files.

    For loaders of small values read very often (the glossary, on every label) that return data
    nobody can change: read-only mappings of frozen records. Tables are never kept this way: a
    caller gets a new frame on each read, and the app keeps its own in ui/cache.py.
    """

    def decorate(load: Callable[[], T]) -> Callable[[], T]:
        kept: dict[Stamp, T] = {}
        looked: dict[tuple[Path, ...], float] = {}  # the files last stamped, and when

        @wraps(load)
        def read() -> T:
            where = files()
            now = time.monotonic()
            if kept and now - looked.get(where, -FRESH_FOR) < FRESH_FOR:
                return next(iter(kept.values()))  # as data_stamp: one look within a rerun
            key = stamp(*where)
            if key not in kept:
                kept.clear()
                kept[key] = load()
            looked.clear()
            looked[where] = now
            return kept[key]

        return read

    return decorate
