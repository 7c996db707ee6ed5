"""make cluster: two Streamlit processes behind nginx, one dataset and one PostgreSQL plan.

One cluster serves the whole module (starting one costs two cold Streamlit processes on a busy
machine), so the tests run in file order and the last one kills a process. Sessions speak
Streamlit's websocket protocol (bench/streamlit_client.py) rather than driving a browser: lighter,
and every message a page sends is there to check. Everything listens on 127.0.0.1.
"""

import contextlib
import os
import re
import shutil
import signal
import threading
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import feedparser
import pytest

from plan.database import engine_for
from plan.known import known_instruments, known_iso3
from plan.model import DEFAULT_INSTRUMENT
from plan.service import PlanService
from serve.cluster import NGINX_HINT, Cluster, ClusterError, cluster, free_port, nginx_binary
from serve.streamlit_client import STICKY_COOKIE, Session, first_visit
from watch.__main__ import main as watch_main

from conftest import DOCUMENTS, REPO, copy_shipped_data
from postgres import postgres_url
from watch_data import published, refresh

PAGE = "sources"  # a light page: every page shows the headline under the title
HEADLINE = re.compile(r"States that endorsed, of the 195 in scope: (\d+) of 195")
OVERDUE = re.compile(r"\*\*(\d+)\*\* with an overdue next step")
START_TIMEOUT = 240  # two cold Streamlit processes on two cores shared with browser tests


@dataclass
class Served:
    """The running cluster, its shared data directory and plan database."""

    cluster: Cluster
    data: Path
    database_url: str


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    if nginx_binary() is None:
        pytest.fail(NGINX_HINT)  # like chromium for the browser tests: a failure, never a skip
    data = copy_shipped_data(tmp_path_factory.mktemp("cluster") / "data")
    database_url = postgres_url()
    env = {**os.environ, "REAIM_DATA_DIR": str(data), "REAIM_DATABASE_URL": database_url}
    try:
        with cluster(2, free_port(), env=env, timeout=START_TIMEOUT) as running:
            yield Served(running, data, database_url)
    except ClusterError as error:
        pytest.fail(str(error))


def get(url: str, cookies: dict[str, str] | None = None) -> tuple[int, bytes]:
    headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())}
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(urllib.request.Request(url, headers=headers), timeout=60) as response:
        return response.status, response.read()


def routes(running: Cluster, node: str, path: str) -> list[str]:
    """The process (host:port) of each logged request with sticky value ``node`` to ``path``."""
    pattern = re.compile(rf'"GET {re.escape(path)}[ ?].* upstream=(.*) node={node}$')
    return [
        match[1].split(", ")[-1]  # when a process was down, the last one tried answered
        for line in running.access_log.read_text().splitlines()
        if (match := pattern.search(line))
    ]


def logged(running: Cluster, node: str, path: str, count: int, timeout: float = 10) -> list[str]:
    """``routes`` once at least ``count`` are logged: nginx logs a request after answering it
    (a websocket when it closes), so the client may read the answer before the line is there."""
    deadline = time.monotonic() + timeout
    while len(found := routes(running, node, path)) < count:
        assert time.monotonic() < deadline, f"{path} with node={node} not logged"
        time.sleep(0.1)
    return found


def upstream_of(running: Cluster, node: str) -> str:
    """The process (host:port) nginx routes the sticky value ``node`` to now."""
    before = len(routes(running, node, "/_stcore/health"))
    get(f"{running.url}/_stcore/health", {STICKY_COOKIE: node})
    return logged(running, node, "/_stcore/health", before + 1)[-1]


def headline(run) -> int:
    found = HEADLINE.findall(run.text())
    assert found, run.text()[:500]
    return int(found[0])


def test_pages_and_a_websocket_session_through_nginx(served: Served) -> None:
    running = served.cluster
    assert len(running.apps) == 2
    status, body = get(f"{running.url}/_stcore/health")
    assert (status, body) == (200, b"ok")
    cookies = first_visit(running.url, "/")
    assert re.fullmatch(r"[0-9a-f]{32}", cookies[STICKY_COOKIE])

    with Session(running.url, cookies) as session:
        run = session.run("")  # the map, as a browser opening / runs it
    assert run.status == "FINISHED_SUCCESSFULLY" and not run.exceptions and not run.errors
    assert headline(run) == 58

    # The page and its websocket went to one process.
    node = cookies[STICKY_COOKIE]
    page, stream = logged(running, node, "/", 1), logged(running, node, "/_stcore/stream", 1)
    assert len(page) == len(stream) == 1 and page == stream
    # Browsers without the cookie spread over both processes, though all come from 127.0.0.1.
    spread = {upstream_of(running, uuid.uuid4().hex) for _ in range(20)}
    assert spread == {f"127.0.0.1:{app.port}" for app in running.apps}


def test_the_watch_feeds_are_served_as_atom_through_nginx(served: Served, tmp_path) -> None:
    # The watch writes its feeds where every process's static serving finds them (a folder of
    # this test's own under static/watch/, from its own data and database), as `watch run` does.
    data = published(tmp_path / "data")
    folder = REPO / "static" / "watch" / f"test-{uuid.uuid4().hex}"
    args = ["--database-url", f"sqlite:///{tmp_path / 'watch.sqlite'}", "run"]
    args += ["--data-dir", str(data), "--work-dir", str(tmp_path / "work")]
    args += ["--feeds-dir", str(folder / "feeds")]
    try:
        assert watch_main(args) == 0
        refresh(data, removed=["FRA"], added=["KEN", "NGA", "GHA"], as_of="2026-12-01")
        assert watch_main(args) == 0
        path = f"/app/static/watch/{folder.name}/feeds/fr/focus/org-african-union.xml"
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(f"{served.cluster.url}{path}", timeout=60) as response:
            headers, body = response.headers, response.read()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        with contextlib.suppress(OSError):
            folder.parent.rmdir()  # static/watch/, unless a real watch wrote feeds there
    assert headers.get_all("Content-Type") == ["application/atom+xml; charset=utf-8"]
    assert headers["Set-Cookie"] is None  # a feed reader keeps no session
    feed = feedparser.parse(body)
    assert not feed.bozo and feed.version == "atom10" and feed.feed.language == "fr"
    [entry] = feed.entries
    assert "Ont rejoint : Ghana, Kenya, Nigéria" in entry.content[0].value
    assert "France" not in entry.content[0].value and "as_of=2026-12-01" in entry.link


def test_a_refresh_published_while_serving_reaches_every_process(served: Served, etl) -> None:
    sessions = [Session(app.url, {}) for app in served.cluster.apps]  # each process directly
    try:
        before = [session.run(PAGE) for session in sessions]
        assert [headline(run) for run in before] == [58, 58]

        published = etl(
            "refresh",
            "--from-file",
            str(DOCUMENTS / "list-variant-spellings.pdf"),
            "--data-dir",
            str(served.data),
            "--allow-shrink",
        )
        assert published.code == 0, published.err
        counts = re.search(r"endorsers: (\d+) UN members, (\d+) observer", published.out)
        expected = int(counts[1]) + int(counts[2])
        assert expected != 58

        after = [session.run(PAGE) for session in sessions]  # a rerun, as a click would
    finally:
        for session in sessions:
            session.close()
    for run in before + after:
        assert run.status == "FINISHED_SUCCESSFULLY" and not run.exceptions and not run.errors
    assert [headline(run) for run in after] == [expected, expected]


@dataclass
class Load:
    """A session rerunning a page until told to stop, counting rounds and failures."""

    session: Session
    process: str
    rounds: int = 0
    errors: list[str] = field(default_factory=list)

    def loop(self, stop: threading.Event) -> None:
        while not stop.is_set():
            try:
                run = self.session.run(PAGE)
            except Exception as exc:  # a load loop counts every failure, whatever its type
                self.errors.append(f"{type(exc).__name__}: {exc}")
                return
            self.errors += run.exceptions + run.errors
            self.rounds += 1


def wait_for(condition, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.2)


def test_a_killed_process_leaves_the_other_serving_and_the_plan_shared(served: Served) -> None:
    running = served.cluster
    addresses = {f"127.0.0.1:{app.port}": app for app in running.apps}
    nodes: dict[str, list[str]] = {address: [] for address in addresses}
    for _ in range(40):  # two sticky values routed to each process
        node = uuid.uuid4().hex
        if len(nodes[address := upstream_of(running, node)]) < 2:
            nodes[address].append(node)
        if all(len(found) == 2 for found in nodes.values()):
            break
    assert all(len(found) == 2 for found in nodes.values()), nodes
    victim, survivor = list(addresses)

    loads = [
        Load(Session(running.url, {STICKY_COOKIE: node}), address)
        for address, found in nodes.items()
        for node in found
    ]
    stop = threading.Event()
    threads = [threading.Thread(target=load.loop, args=(stop,), daemon=True) for load in loads]
    try:
        for thread in threads:
            thread.start()
        wait_for(lambda: all(load.rounds >= 1 for load in loads), 180, "a first round each")
        addresses[victim].process.send_signal(signal.SIGKILL)
        addresses[victim].process.wait(timeout=30)
        rounds_at_kill = {id(load): load.rounds for load in loads}
        survivors = [load for load in loads if load.process == survivor]
        wait_for(
            lambda: (
                all(load.rounds >= rounds_at_kill[id(load)] + 3 for load in survivors)
                or any(load.errors for load in survivors)
            ),
            180,
            "three more rounds on the survivor",
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        for load in loads:
            load.session.close()
    for load in loads:
        if load.process == survivor:
            assert load.errors == [], load.errors
        else:
            assert load.errors, "a session on the killed process should have lost its websocket"

    # A new browser, and a browser of the killed process reconnecting, both reach the survivor.
    newcomer = first_visit(running.url, "/")
    returning = {STICKY_COOKIE: nodes[victim][0]}
    for cookies in (newcomer, returning):
        assert upstream_of(running, cookies[STICKY_COOKIE]) == survivor
        with Session(running.url, cookies) as session:
            run = session.run(PAGE)
        assert run.status == "FINISHED_SUCCESSFULLY" and not run.exceptions and not run.errors

    # The plan lives in the shared PostgreSQL: a change saved by the plan service (the code the
    # plan editor calls) shows on the survivor's /plan page on its next run.
    with Session(running.url, newcomer) as session:
        assert OVERDUE.findall(session.run("plan").text()) == ["0"]
        engine = engine_for(served.database_url)
        try:
            PlanService(engine, known_iso3(), known_instruments()).save(
                "KEN",
                DEFAULT_INSTRUMENT,
                {"status": "planned", "next_step": "démarche", "due": "2020-01-15"},
                0,
                "desk@ministry.example",
            )
        finally:
            engine.dispose()
        run = session.run("plan")
    assert not run.exceptions and not run.errors
    assert OVERDUE.findall(run.text()) == ["1"]
