"""Files readable by their owner alone, written whole or not at all, never through a link."""

import errno
import os
import stat
import tempfile
from pathlib import Path

PRIVATE = 0o600


def write_private(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target``, mode 0600, replacing it whole (never a partial file).

    The bytes go to a new file of a random name beside ``target``, created exclusively and
    without following links (mkstemp: O_CREAT | O_EXCL | O_NOFOLLOW, 0600), then renamed over
    it. A symbolic link at ``target`` is refused: nothing is written through a link planted at
    either name. OSError (its ``strerror`` says why) when it cannot be written.
    """
    if target.is_symlink():
        raise OSError(errno.ELOOP, "it is a symbolic link, not written through", str(target))
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def private_database(path: Path) -> None:
    """Make a database file readable by its owner alone before anything opens it.

    A missing file is created empty with mode 0600 (SQLite takes an empty file for an empty
    database, and creates its -wal and -shm files with the database file's mode). An existing
    file, -wal or -shm of ours readable by others is narrowed to its owner; a link is left as
    it is, never followed.
    """
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE))
        return
    except FileExistsError:
        pass
    except OSError:  # no such folder, or not writable: SQLite reports it when it opens the file
        return
    for each in (path, path.with_name(f"{path.name}-wal"), path.with_name(f"{path.name}-shm")):
        _narrow(each)


def _narrow(path: Path) -> None:
    """Take group and other access away from a regular file of ours (not through a link)."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:  # absent, or a link (ELOOP): left alone
        return
    try:
        info = os.fstat(descriptor)
        if stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and info.st_mode & 0o077:
            os.fchmod(descriptor, stat.S_IMODE(info.st_mode) & ~0o077)
    finally:
        os.close(descriptor)
