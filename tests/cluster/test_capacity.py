"""bench/capacity.py's driver against a real Streamlit process on loopback: a few reruns, sane
figures. Bounded: one process, two users, three actions each (a step of at most 20 s)."""

from bench.capacity import Step, open_user, run_step, single_process_figures
from harness.server import streamlit_app

ACTIONS = 3


def test_capacity_driver_counts_and_times_reruns() -> None:
    with streamlit_app(timeout=120) as app:
        users = [open_user(app.url, warm=False) for _ in range(2)]
        try:
            assert all(len(user.options) >= 2 for user in users)  # the focus selectbox was found
            step = run_step(users, 20.0, 0.0, [app.process.pid], max_actions=ACTIONS)
        finally:
            for user in users:
                user.close()
    assert step.sent == step.finished == len(step.latencies) == 2 * ACTIONS
    assert step.failed == 0
    assert all(0 < latency < 60 for latency in step.latencies)
    assert 0 < step.p50_s <= step.p95_s
    assert step.reruns_per_s > 0 and step.server_cpu_s > 0 and step.server_rss_mb > 50
    # every other action changed the focus: each user moved on from the first option
    assert all(user.current != user.options[0] for user in users)
    figures = single_process_figures([step])
    assert figures["capacity_sessions_per_process_p95_1s"] in (0, 2)
    assert figures["capacity_reruns_per_s_per_core"] > 0


def test_capacity_figures_read_the_ramp() -> None:
    """Sessions at p95 <= 1 s come from the last step within it; memory from the 20-session step."""
    steps = [
        Step(sessions=1, finished=10, server_cpu_s=2.0, server_rss_mb=200.0, p95_s=0.2),
        Step(sessions=4, finished=40, server_cpu_s=8.0, server_rss_mb=206.0, p95_s=0.6),
        Step(sessions=20, finished=60, server_cpu_s=16.0, server_rss_mb=238.0, p95_s=2.5),
    ]
    figures = single_process_figures(steps)
    assert figures["capacity_sessions_per_process_p95_1s"] == 4
    assert figures["capacity_reruns_per_s_per_core"] == 5.0
    assert figures["capacity_rss_mb_per_session"] == 2.0
    assert figures["server_rss_mb_20_sessions"] == 238.0
    assert "server_rss_mb_20_sessions" not in single_process_figures(steps[:2])
