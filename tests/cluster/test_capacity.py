"""bench/capacity.py's driver against a real Streamlit process on loopback: a few reruns, sane
figures. Bounded: one process, two users, three actions each (a step of at most 20 s)."""

from bench.capacity import open_user, run_step, single_process_figures
from bench.server import streamlit_app

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
