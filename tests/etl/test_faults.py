"""Network faults a refresh can meet: each fails in one line, keeps what it got, changes nothing."""

import socket
import subprocess
import sys
import threading
import time

import pytest

from conftest import DOCUMENTS, REPO, snapshot
from loopback_server import Route, serving

PAGE = "/documents/publications/2023/02/16/reaim-2023-endorsing-countries"


@pytest.fixture(autouse=True)
def no_backoff_sleep(monkeypatch):
    monkeypatch.setattr("etl.fetch._pause", lambda seconds: None)


def refused(etl, data_dir, url, *extra) -> str:
    before = snapshot(data_dir)
    run = etl("refresh", "--url", url, "--data-dir", str(data_dir), *extra)
    assert run.code == 1
    assert run.err.startswith("error: ") and run.err.count("\n") == 1
    assert snapshot(data_dir) == before
    return run.err


def test_connect_timeout(shipped_data, etl):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    backlog = []
    for _ in range(4):  # fill the accept queue so that further connections hang
        client = socket.socket()
        client.setblocking(False)
        client.connect_ex(("127.0.0.1", port))
        backlog.append(client)
    time.sleep(0.1)
    try:
        err = refused(etl, shipped_data, f"http://127.0.0.1:{port}/", "--timeout", "0.4")
    finally:
        for client in backlog:
            client.close()
        listener.close()
    assert "Connecting to 127.0.0.1 timed out after 0.4 s" in err


def test_name_that_does_not_resolve(shipped_data, etl, monkeypatch):
    looked_up = []

    def no_dns(host, *args, **kwargs):
        looked_up.append(host)
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_dns)
    err = refused(etl, shipped_data, "https://reaim-list.invalid/page")
    assert "The host name reaim-list.invalid does not resolve" in err
    assert looked_up == ["reaim-list.invalid"]  # not retried: a name error is not transient


def test_body_past_the_size_cap(shipped_data, etl):
    with serving() as server:
        server.routes["/huge.pdf"] = Route(body=b"%PDF-1.7\n" + b"0" * (26 * 2**20))
        err = refused(etl, shipped_data, server.url("/huge.pdf"))
    assert "over the 26,214,400-byte cap" in err


def test_rejected_download_is_kept_outside_the_data(shipped_data, etl, work_dir):
    corrupt = (DOCUMENTS / "truncated.pdf").read_bytes()
    with serving() as server:
        server.routes["/list.pdf"] = Route(body=corrupt, content_type="application/pdf")
        err = refused(etl, shipped_data, server.url("/list.pdf"))
    assert "corrupt or truncated" in err
    [kept] = [p for p in (work_dir / "rejected").rglob("*.pdf")]
    assert kept.read_bytes() == corrupt and str(kept.parent) in err
    assert "corrupt or truncated" in (kept.parent / "reason.txt").read_text()
    assert not kept.is_relative_to(shipped_data)


def test_two_refresh_processes_at_once(shipped_data, work_dir):
    """The second refresh refuses while the first (its download held open) holds the lock."""
    pdf = (DOCUMENTS / "list-one-column.pdf").read_bytes()
    command = [sys.executable, "-m", "etl", "refresh", "--data-dir", str(shipped_data)]
    command += ["--work-dir", str(work_dir)]
    held = threading.Event()
    with serving() as server:
        server.routes["/slow.pdf"] = Route(body=pdf, content_type="application/pdf", hold=held)
        first = subprocess.Popen(
            [*command, "--url", server.url("/slow.pdf")],
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 20
        while server.routes["/slow.pdf"].hits == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        try:  # were the lock broken, the second download would be held too: it times out
            second = subprocess.run(
                [*command, "--url", server.url("/slow.pdf")],
                cwd=REPO,
                capture_output=True,
                text=True,
                check=False,
                timeout=25,
            )
        finally:
            held.set()
        first_out, first_err = first.communicate(timeout=60)
    assert second.returncode == 1 and "Another refresh of" in second.stderr
    assert first.returncode == 0, first_err
    assert "Published 58 entries" in first_out
