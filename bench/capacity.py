"""How many sessions one Streamlit process serves, and what a second process behind nginx adds.

Protocol-level load: each simulated user is a websocket session (bench/streamlit_client.py) that
opens the map page, then alternates a plain rerun and a change of the focus selectbox, waiting for
each script run to finish and recording its latency. No browser draws anything, so this is the
server's capacity (script runs, figure serialisation, websocket writes), not the page's draw time.

- Ramp: 1, 2, 4, 8, 20 concurrent sessions against one process (harness/server.py), each step a
  bounded number of seconds; the sessions stay open from step to step, as tabs left open do. Each
  user waits ``think`` seconds between actions (a reader clicking, not a benchmark loop).
- Figures at a p95 rerun latency of 1 s: the most sessions whose p95 stays within it, the reruns
  per second then, the reruns per CPU-second of the server process (per core: a process runs its
  scripts under one interpreter lock), and the resident memory each added session costs (the
  slope of VmRSS over the steps), and the process's memory with 20 sessions open. CPU and memory
  are read from /proc (psutil is not installed).
- Cluster: the same users without think time (closed loop, saturating) through ``serve.cluster``'s
  nginx with 1 and then 2 Streamlit processes; the ratio of reruns per second, 2 over 1.

``python -m bench.capacity`` prints the figures; ``bench.run`` (``make bench``) records them.
Everything listens on 127.0.0.1; every loop is bounded in time and count.
"""

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from harness.server import streamlit_app
from serve.streamlit_client import Session, first_visit

PAGE = ""  # the map, the landing page
FOCUS_KEY = "url-focus"  # the focus selectbox's key (ui/widgets/url_controls.select)
FOCUS_CYCLE = 4  # the focuses a user cycles through: world and three presets, all warm
RAMP = (1, 2, 4, 8, 20)  # 20: the sessions the memory target names
STEP_S = 20.0
THINK_S = 1.0
MEMORY_SESSIONS = 20  # server memory is reported with this many sessions open
P95_LIMIT_S = 1.0
CLUSTER_USERS = 8
CLUSTER_STEP_S = 20.0
MAX_ACTIONS = 10_000  # per user and step: a second bound besides the step's duration
RUN_TIMEOUT_S = 60.0
START_TIMEOUT_S = 180.0
CLK_TCK = os.sysconf("SC_CLK_TCK")


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) process ``pid`` has used (from /proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def rss_mb(pid: int) -> float:
    """Resident memory of process ``pid`` in MB (VmRSS in /proc/<pid>/status)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    return 0.0


def machine_busy_s() -> float:
    """CPU seconds the whole machine has been busy, all cores (from /proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / CLK_TCK


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q`` quantile (0-1) of ``values``, nearest rank; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered) + 0.5) - 1))]


@dataclass
class User:
    """One simulated browser tab on the map page, with its focus selectbox."""

    session: Session
    focus_id: str
    options: list[str]
    current: str
    actions: int = 0

    def act(self) -> tuple[float, bool]:
        """A plain rerun or (every other action) the next focus; its latency and success."""
        if self.actions % 2:
            index = self.options.index(self.current)
            self.current = self.options[(index + 1) % len(self.options)]
        self.actions += 1
        start = time.perf_counter()
        run = self.session.run(PAGE, widgets={self.focus_id: self.current})
        elapsed = time.perf_counter() - start
        return elapsed, run.status == "FINISHED_SUCCESSFULLY" and not run.exceptions

    def close(self) -> None:
        self.session.close()


def open_user(url: str, warm: bool = True) -> User:
    """A browser's first visit to ``url`` (the sticky cookie), its session, the map run once.

    ``warm`` also runs each focus of the cycle once, so the measured reruns find warm caches.
    """
    session = Session(url, first_visit(url, "/"), timeout=RUN_TIMEOUT_S)
    run = session.run(PAGE)
    if run.status != "FINISHED_SUCCESSFULLY" or run.exceptions:
        session.close()
        raise RuntimeError(f"the map page did not run: {run.status} {run.exceptions}")
    focus_id = next((i for i in run.selectboxes if i.endswith(FOCUS_KEY)), None)
    if focus_id is None:
        session.close()
        raise RuntimeError(f"no focus selectbox among {list(run.selectboxes)}")
    options = run.selectboxes[focus_id][:FOCUS_CYCLE]
    user = User(session, focus_id, options, options[0])
    if warm:
        for label in options:
            session.run(PAGE, widgets={focus_id: label})
    return user


@dataclass
class Step:
    """One load step: what the users did and what the server spent."""

    sessions: int
    sent: int = 0
    finished: int = 0
    failed: int = 0
    wall_s: float = 0.0
    p50_s: float = 0.0
    p95_s: float = 0.0
    reruns_per_s: float = 0.0
    server_cpu_s: float = 0.0
    server_rss_mb: float = 0.0
    loadgen_cpu_s: float = 0.0
    machine_busy_cores: float = 0.0
    sessions_per_upstream: dict[str, int] = field(default_factory=dict)
    latencies: list[float] = field(default_factory=list, repr=False)

    def summary(self) -> dict:
        return {k: v for k, v in asdict(self).items() if k != "latencies"}


def run_step(
    users: list[User],
    duration: float,
    think: float,
    server_pids: Iterable[int],
    max_actions: int = MAX_ACTIONS,
) -> Step:
    """Every user acts for ``duration`` seconds (at most ``max_actions`` times) in its thread."""
    pids = list(server_pids)
    step = Step(sessions=len(users))
    lock = threading.Lock()
    errors: list[BaseException] = []

    def loop(user: User) -> None:
        deadline = time.monotonic() + duration
        for _ in range(max_actions):
            if time.monotonic() >= deadline:
                return
            with lock:
                step.sent += 1
            try:
                latency, ok = user.act()
            except Exception as error:  # a timeout or a closed socket ends this user's step
                with lock:
                    step.failed += 1
                    errors.append(error)
                return
            with lock:
                step.finished += ok
                step.failed += not ok
                step.latencies.append(latency)
            pause = min(think, deadline - time.monotonic())
            if pause > 0:
                time.sleep(pause)

    cpu_before = sum(cpu_s(pid) for pid in pids)
    busy_before, loadgen_before = machine_busy_s(), time.process_time()
    start = time.monotonic()
    threads = [threading.Thread(target=loop, args=(user,), daemon=True) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + RUN_TIMEOUT_S + 5)
    step.wall_s = round(time.monotonic() - start, 2)
    step.server_cpu_s = round(sum(cpu_s(pid) for pid in pids) - cpu_before, 2)
    step.loadgen_cpu_s = round(time.process_time() - loadgen_before, 2)
    step.machine_busy_cores = round((machine_busy_s() - busy_before) / step.wall_s, 2)
    step.server_rss_mb = round(sum(rss_mb(pid) for pid in pids), 1)
    step.p50_s = round(percentile(step.latencies, 0.5), 3)
    step.p95_s = round(percentile(step.latencies, 0.95), 3)
    step.reruns_per_s = round(step.finished / step.wall_s, 2)
    if errors and not step.finished:
        raise RuntimeError(f"every user failed; first error: {errors[0]!r}")
    return step


def slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Least-squares slope of ys over xs (0 with fewer than two distinct xs)."""
    if len(set(xs)) < 2:
        return 0.0
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


def ramp(
    url: str,
    pid: int,
    counts: Sequence[int] = RAMP,
    duration: float = STEP_S,
    think: float = THINK_S,
) -> list[Step]:
    """Open sessions up to each count in turn and load the process at ``url`` for ``duration``."""
    users: list[User] = []
    steps = []
    try:
        for count in counts:
            while len(users) < count:
                users.append(open_user(url))
            steps.append(run_step(users, duration, think, [pid]))
            print(f"  {count:3} sessions: {steps[-1].summary()}", file=sys.stderr)
    finally:
        for user in users:
            user.close()
    return steps


def single_process_figures(steps: list[Step], limit: float = P95_LIMIT_S) -> dict:
    """The capacity figures of a ramp: sessions, reruns/s, per core and MB per session at p95."""
    within = [s for s in steps if s.p95_s <= limit and not s.failed] or [steps[0]]
    best = max(within, key=lambda s: s.sessions)
    met = best.p95_s <= limit and not best.failed
    return {
        "capacity_sessions_per_process_p95_1s": best.sessions if met else 0,
        "capacity_reruns_per_s": best.reruns_per_s,
        "capacity_reruns_per_s_per_core": round(best.finished / best.server_cpu_s, 2)
        if best.server_cpu_s
        else 0.0,
        "capacity_rss_mb_per_session": round(
            slope([s.sessions for s in steps], [s.server_rss_mb for s in steps]), 2
        ),
        "capacity_p95_limit_s": limit,
        "capacity_think_s": THINK_S,
        "capacity_ramp_top_reached": best.sessions == steps[-1].sessions,
        "capacity_steps": [s.summary() for s in steps],
        **{
            f"server_rss_mb_{s.sessions}_sessions": s.server_rss_mb
            for s in steps
            if s.sessions == MEMORY_SESSIONS
        },
    }


def cluster_throughput(
    processes: int, users: int = CLUSTER_USERS, duration: float = CLUSTER_STEP_S
) -> Step:
    """Closed-loop throughput of ``users`` through nginx in front of ``processes`` processes."""
    from serve.cluster import cluster, free_port

    with tempfile.TemporaryDirectory(prefix="reaim-capacity-") as folder:
        env = {**os.environ, "REAIM_DATABASE_URL": f"sqlite:///{folder}/plan.sqlite"}
        with cluster(processes, free_port(), env=env, timeout=START_TIMEOUT_S) as running:
            opened: list[User] = []
            try:
                for _ in range(users):
                    opened.append(open_user(running.url))
                pids = [app.process.pid for app in running.apps]
                step = run_step(opened, duration, 0.0, pids)
                step.sessions_per_upstream = _routes(running.access_log.read_text())
                print(f"  {processes} process(es): {step.summary()}", file=sys.stderr)
                return step
            finally:
                for user in opened:
                    user.close()


def _routes(log: str) -> dict[str, int]:
    """Sessions per upstream from nginx's access log. A websocket is logged only when it closes,
    so the first visits' page GETs (one per user, same sticky cookie) are counted instead."""
    counts: dict[str, int] = {}
    for match in re.finditer(r'"GET / .* upstream=(.*) node=', log):
        upstream = match[1].split(", ")[-1]
        counts[upstream] = counts.get(upstream, 0) + 1
    return counts


def cluster_figures(users: int = CLUSTER_USERS, duration: float = CLUSTER_STEP_S) -> dict:
    """Reruns per second through nginx with 1 and 2 processes, and their ratio."""
    one = cluster_throughput(1, users, duration)
    two = cluster_throughput(2, users, duration)
    return {
        "cluster_reruns_per_s_1": one.reruns_per_s,
        "cluster_reruns_per_s_2": two.reruns_per_s,
        "cluster_throughput_ratio_2_vs_1": round(two.reruns_per_s / one.reruns_per_s, 2)
        if one.reruns_per_s
        else 0.0,
        "cluster_users": users,
        "cluster_steps": {"1": one.summary(), "2": two.summary()},
    }


def measure(
    counts: Sequence[int] = RAMP,
    duration: float = STEP_S,
    cluster_users: int = CLUSTER_USERS,
    with_cluster: bool = True,
) -> dict:
    """Every capacity figure: the one-process ramp, then (optionally) the cluster ratio."""
    with streamlit_app(timeout=START_TIMEOUT_S) as app:
        results = single_process_figures(ramp(app.url, app.process.pid, counts, duration))
    if with_cluster:
        results.update(cluster_figures(cluster_users, duration))
    return results


def report(r: dict) -> str:
    """The figures as lines of text."""
    lines = [
        f"sessions per process at p95 <= {r['capacity_p95_limit_s']} s: "
        f"{r['capacity_sessions_per_process_p95_1s']}"
        + (" (the top of the ramp: a lower bound)" if r["capacity_ramp_top_reached"] else ""),
        f"reruns per second then: {r['capacity_reruns_per_s']}",
        f"reruns per CPU-second of the server (per core): {r['capacity_reruns_per_s_per_core']}",
        f"server memory per added session: {r['capacity_rss_mb_per_session']} MB",
        *(
            [f"server memory with {MEMORY_SESSIONS} sessions open: {r[memory]} MB"]
            if (memory := f"server_rss_mb_{MEMORY_SESSIONS}_sessions") in r
            else []
        ),
        "",
        f"{'sessions':>8} {'reruns/s':>9} {'p50 s':>7} {'p95 s':>7} {'srv cpu s':>9} "
        f"{'loadgen cpu s':>13} {'busy cores':>10} {'RSS MB':>8}",
    ]
    for s in r["capacity_steps"]:
        lines.append(
            f"{s['sessions']:>8} {s['reruns_per_s']:>9} {s['p50_s']:>7} {s['p95_s']:>7} "
            f"{s['server_cpu_s']:>9} {s['loadgen_cpu_s']:>13} {s['machine_busy_cores']:>10} "
            f"{s['server_rss_mb']:>8}"
        )
    if "cluster_throughput_ratio_2_vs_1" in r:
        lines += ["", f"cluster, {r['cluster_users']} closed-loop users through nginx:"]
        for n, s in r["cluster_steps"].items():
            lines.append(
                f"  {n} process(es): {s['reruns_per_s']} reruns/s, p95 {s['p95_s']} s, "
                f"server CPU {s['server_cpu_s']} s, load generator CPU {s['loadgen_cpu_s']} s, "
                f"machine busy {s['machine_busy_cores']} cores of {os.cpu_count()}, "
                f"{s['wall_s']} s wall"
            )
        lines.append(f"ratio 2 vs 1: {r['cluster_throughput_ratio_2_vs_1']}x (target >= 1.6x)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.capacity``: measure and print (and optionally write JSON)."""
    parser = argparse.ArgumentParser(prog="python -m bench.capacity", description=__doc__)
    parser.add_argument("--ramp", default=",".join(map(str, RAMP)), help="session counts")
    parser.add_argument("--seconds", type=float, default=STEP_S, help="seconds per step")
    parser.add_argument("--cluster-users", type=int, default=CLUSTER_USERS)
    parser.add_argument("--no-cluster", action="store_true", help="skip the 1 vs 2 processes")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    counts = [int(c) for c in args.ramp.split(",")]
    if not counts or max(counts) > 64 or args.seconds > 120:
        parser.error("at most 64 sessions and 120 s per step")
    results = measure(counts, args.seconds, args.cluster_users, not args.no_cluster)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
