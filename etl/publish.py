"""Atomic publishing into the data directory: staged files, a rollback journal and a lock.

A publish writes every new file beside its target, keeps a hard link to each file it will
replace, records both in a journal, then renames. Removing the journal is the commit point.
If the process dies before that, :func:`recover` puts the previous files back, so a crash
never leaves a half-new dataset.
"""

import contextlib
import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path

from etl.errors import EtlError

JOURNAL = ".publish-journal.json"
_STAGED = ".staged-"
_BACKUP = ".backup-"


def _fsync_write(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _sibling(target: Path, prefix: str) -> Path:
    return target.with_name(prefix + target.name)


def publish(data_dir: Path, files: dict[str, bytes]) -> None:
    """Replace or create ``files`` (paths relative to ``data_dir``) all together or not at all."""
    recover(data_dir)
    targets = {relative: data_dir / relative for relative in files}
    for relative, target in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        _fsync_write(_sibling(target, _STAGED), files[relative])
    backups = []
    for relative, target in targets.items():
        if target.exists():
            os.link(target, _sibling(target, _BACKUP))
            backups.append(relative)
    journal = {"targets": sorted(targets), "backups": sorted(backups)}
    _fsync_write(data_dir / (JOURNAL + ".tmp"), json.dumps(journal).encode())
    (data_dir / (JOURNAL + ".tmp")).replace(data_dir / JOURNAL)
    for target in targets.values():
        _sibling(target, _STAGED).replace(target)
    (data_dir / JOURNAL).unlink()  # the commit point
    for relative in backups:
        _sibling(targets[relative], _BACKUP).unlink()


def recover(data_dir: Path) -> bool:
    """Roll back an interrupted publish and remove its leftovers; True if anything was done."""
    journal_path = data_dir / JOURNAL
    acted = False
    if journal_path.exists():
        journal = json.loads(journal_path.read_text())
        for relative in journal["targets"]:
            target = data_dir / relative
            backup = _sibling(target, _BACKUP)
            if relative in journal["backups"]:
                if backup.exists():
                    backup.replace(target)
            elif target.exists():
                target.unlink()  # a file the interrupted publish created
        journal_path.unlink()
        acted = True
    for leftover in list(data_dir.rglob(f"{_STAGED}*")) + list(data_dir.rglob(f"{_BACKUP}*")):
        leftover.unlink()
        acted = True
    stale_tmp = data_dir / (JOURNAL + ".tmp")
    if stale_tmp.exists():
        stale_tmp.unlink()
        acted = True
    return acted


def interrupted(data_dir: Path) -> bool:
    """True while a publish journal or its leftovers are in the data directory."""
    return (data_dir / JOURNAL).exists() or any(data_dir.rglob(f"{_STAGED}*"))


@contextlib.contextmanager
def exclusive(data_dir: Path, lock_dir: Path) -> Iterator[None]:
    """Hold the refresh lock of ``data_dir`` (kept outside it); refuse if another process has it."""
    lock_dir.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256(str(data_dir.resolve()).encode()).hexdigest()[:16]
    lock_path = lock_dir / f"{digest}.lock"
    with lock_path.open("a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise EtlError(
                f"another refresh of {data_dir} is running (lock {lock_path})",
                "wait for it to finish and run the command again",
            ) from exc
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
