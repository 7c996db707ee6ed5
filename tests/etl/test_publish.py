"""Publishing is atomic and locked: a crash mid-way or a second refresh never breaks the dataset."""

import subprocess
import sys
import threading

import pytest

from etl.errors import EtlError
from etl.publish import exclusive, publish, recover

from conftest import DOCUMENTS, REPO, snapshot

# A refresh in a child process whose N-th rename during publishing kills the process outright.
KILL_AT_RENAME = """
import os, sys
from etl import publish
real_replace, calls = os.replace, []
def dying_replace(src, dst):
    if str(src).endswith(".publish-journal.json.tmp"):
        return real_replace(src, dst)
    calls.append(dst)
    if len(calls) == int(sys.argv[1]):
        os._exit(137)
    return real_replace(src, dst)
publish.os.replace = dying_replace
from etl.__main__ import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("kill_at", [1, 2, 4])
def test_killed_publish_leaves_the_previous_dataset(kill_at, shipped_data, work_dir):
    before = snapshot(shipped_data)
    document = str(DOCUMENTS / "list-three-columns.pdf")
    args = ["refresh", "--from-file", document, "--data-dir", str(shipped_data)]
    child = subprocess.run(
        [sys.executable, "-c", KILL_AT_RENAME, str(kill_at), *args, "--work-dir", str(work_dir)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert child.returncode == 137, child.stderr
    assert snapshot(shipped_data) != before  # the kill really happened half-way
    check = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "check",
            "--data-dir",
            str(shipped_data),
            "--work-dir",
            str(work_dir),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert "Rolled back an interrupted publish" in check.stdout
    assert snapshot(shipped_data) == before


def test_publish_creates_and_replaces_files_together(tmp_path):
    publish(tmp_path, {"a.txt": b"one", "sub/b.txt": b"two"})
    publish(tmp_path, {"a.txt": b"three", "c.txt": b"four"})
    assert snapshot(tmp_path) == {"a.txt": b"three", "sub/b.txt": b"two", "c.txt": b"four"}
    assert recover(tmp_path) is False


def test_second_refresh_is_refused_while_the_first_holds_the_lock(shipped_data, work_dir, etl):
    before = snapshot(shipped_data)
    held, release = threading.Event(), threading.Event()

    def first_refresh():
        with exclusive(shipped_data, work_dir / "locks"):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=first_refresh)
    thread.start()
    try:
        assert held.wait(5)
        run = etl(
            "refresh",
            "--from-file",
            str(DOCUMENTS / "list-one-column.pdf"),
            "--data-dir",
            str(shipped_data),
        )
    finally:
        release.set()
        thread.join()
    assert run.code == 1 and "Another refresh of" in run.err and "Wait for it" in run.err
    assert snapshot(shipped_data) == before


def test_lock_is_per_data_directory(tmp_path):
    with (
        exclusive(tmp_path / "a", tmp_path / "locks"),
        exclusive(tmp_path / "b", tmp_path / "locks"),
        pytest.raises(EtlError, match="running"),
        exclusive(tmp_path / "a", tmp_path / "locks"),
    ):
        pass


@pytest.mark.parametrize(
    ("before", "after", "problem"),
    [
        (
            b"NLD,Netherlands (Kingdom of the),true",
            b"NLD,Netherlands (Kingdom of the),false",
            "name_as_listed must be given exactly for endorsers: ['NLD']",
        ),
        (b"\n", b"\r\n", "the table does not match the SHA-256 recorded in its metadata"),
        (b"AFG,Afghanistan,", b"AFG,Afghanistan (tampered),", "name differs from data/reference"),
    ],
    ids=["endorsement flipped", "same table, other bytes", "state renamed"],
)
def test_check_reports_a_tampered_table(shipped_data, etl, before, after, problem):
    table = shipped_data / "endorsements.csv"
    original = table.read_bytes()
    assert before in original
    table.write_bytes(original.replace(before, after))
    run = etl("check", "--data-dir", str(shipped_data))
    assert run.code == 1
    assert problem in run.err


def test_check_reports_missing_files(tmp_path, etl):
    run = etl("check", "--data-dir", str(tmp_path))
    assert run.code == 1 and "missing endorsements.csv" in run.err


def test_shipped_dataset_passes_check(etl):
    run = etl("check")
    assert run.code == 0, run.err
    assert run.out == f"The dataset in {REPO / 'data'} is valid.\n"
