"""A throwaway PostgreSQL cluster for the tests, run as nobody and reachable on a private socket."""

import atexit
import contextlib
import functools
import itertools
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from psycopg import sql

INITDB_GLOB = "/usr/lib/postgresql/*/bin/initdb"
RUN_AS = "nobody"  # initdb refuses root; nobody exists everywhere, so no user is created
SUPERUSER = "postgres"
TIMEOUT = 30  # seconds for each of initdb, start and stop
HINT = "the tests need Debian's postgresql package (bash scripts/install-system-deps.sh)"
# Socket only (no TCP at all), and no durability: the cluster lives for one test session.
SERVER_SETTINGS = {
    "listen_addresses": "",
    "fsync": "off",
    "full_page_writes": "off",
    "synchronous_commit": "off",
}


def newest_bin_dir() -> Path | None:
    """The bin folder of the newest installed PostgreSQL major version, if any."""
    found = sorted(Path("/").glob(INITDB_GLOB.lstrip("/")), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


class Cluster:
    """A data directory and Unix socket in one temporary folder owned by the server's user."""

    def __init__(self, bin_dir: Path) -> None:
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="reaim-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self.numbers = itertools.count(1)

    def run(self, program: str, *args: str) -> None:
        """Run a PostgreSQL program as the cluster's unprivileged owner."""
        command = [str(self.bin_dir / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", RUN_AS, "--", *command]
        subprocess.run(command, cwd=self.root, check=True, capture_output=True, timeout=TIMEOUT)

    def start(self) -> None:
        """Create the cluster (trust on the local socket, no host login); wait until it serves."""
        if os.geteuid() == 0:
            shutil.chown(self.root, RUN_AS)
        self.run(
            "initdb",
            *("-D", str(self.data), "-U", SUPERUSER, "-E", "UTF8", "--no-locale"),
            *("--auth-local=trust", "--auth-host=reject", "--no-sync", "--no-instructions"),
        )
        settings = {**SERVER_SETTINGS, "unix_socket_directories": str(self.root)}
        options = " ".join(f"-c {shlex.quote(f'{key}={value}')}" for key, value in settings.items())
        self.run("pg_ctl", "start", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w")

    def stop(self) -> None:
        """Stop the server if it runs and remove the folder; safe to call more than once."""
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                self.run("pg_ctl", "stop", "-D", str(self.data), "-m", "fast", "-w", "-s")
        shutil.rmtree(self.root, ignore_errors=True)

    def create_database(self) -> str:
        """Create the next empty database ``test_<n>`` and return its SQLAlchemy URL."""
        name = f"test_{next(self.numbers)}"
        with psycopg.connect(
            host=str(self.root), user=SUPERUSER, dbname="postgres", autocommit=True
        ) as connection:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return f"postgresql+psycopg://{SUPERUSER}@/{name}?host={quote(str(self.root), safe='/')}"


def failure_reason(error: Exception, log: Path) -> str:
    """The server log's last line, else the failed program's, else the error itself."""
    output = (log.read_bytes() if log.exists() else b"") or getattr(error, "stderr", None) or b""
    lines = output.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else str(error)


@functools.cache
def session_cluster() -> Cluster | str:
    """The cluster shared by this test session, started on first use, or why it cannot start."""
    bin_dir = newest_bin_dir()
    if bin_dir is None:
        return f"PostgreSQL not found (no {INITDB_GLOB}): {HINT}"
    cluster = Cluster(bin_dir)
    atexit.register(cluster.stop)
    try:
        cluster.start()
    except (OSError, LookupError, subprocess.SubprocessError) as error:
        reason = failure_reason(error, cluster.log)
        cluster.stop()
        return f"PostgreSQL did not start ({reason}): {HINT}"
    return cluster


def postgres_url() -> str:
    """A fresh empty database in the session's cluster, as a SQLAlchemy URL."""
    cluster = session_cluster()
    if isinstance(cluster, str):
        if os.environ.get("CI"):
            pytest.fail(cluster, pytrace=False)
        pytest.skip(cluster)
    return cluster.create_database()
