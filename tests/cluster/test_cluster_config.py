"""The nginx templates pass ``nginx -t``; the cluster refuses an unsafe front, stops on Ctrl-C."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from serve import cluster as serve_cluster
from serve.cluster import (
    NGINX_HINT,
    SITE_TEMPLATE,
    ClusterError,
    cluster,
    free_port,
    nginx_binary,
    render,
    write_nginx_config,
)

from conftest import REPO


def test_only_the_reaim_placeholders_are_replaced_and_each_needs_a_value() -> None:
    template = "listen ${REAIM_LISTEN}; proxy_set_header Host $http_host; map ${host} x {}"
    assert render(template, {"REAIM_LISTEN": "80"}) == (
        "listen 80; proxy_set_header Host $http_host; map ${host} x {}"
    )
    with pytest.raises(ClusterError, match="REAIM_UPSTREAM_SERVERS"):
        render(SITE_TEMPLATE.read_text(), {"REAIM_LISTEN": "80"})


@pytest.mark.parametrize(
    "servers",
    [
        ["server 127.0.0.1:8501 max_fails=1 fail_timeout=10s;"],
        # as deploy/compose.yaml folds them: several on one line
        [
            "server 127.0.0.1:8501 max_fails=1 fail_timeout=10s; "
            "server 127.0.0.1:8502 max_fails=1 fail_timeout=10s;"
        ],
    ],
)
def test_the_generated_configuration_passes_nginx_t(tmp_path: Path, monkeypatch, servers) -> None:
    nginx = nginx_binary()
    if nginx is None:
        pytest.fail(NGINX_HINT)
    monkeypatch.setattr(serve_cluster, "upstream_servers", lambda _ports: "\n".join(servers))
    runtime = tmp_path / "runtime"
    runtime.mkdir()
    config = write_nginx_config(runtime, "127.0.0.1:8080", [8501])  # -t binds nothing
    checked = subprocess.run(
        [nginx, "-e", "stderr", "-p", str(runtime), "-c", str(config), "-t"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr


def test_a_front_off_loopback_without_login_is_refused(monkeypatch) -> None:
    """The processes run in laptop mode on loopback: exposed without login, so would the plan."""
    monkeypatch.setattr(serve_cluster, "login_configured", lambda: False)
    monkeypatch.setattr(serve_cluster, "nginx_binary", lambda: "/usr/sbin/nginx")
    with pytest.raises(ClusterError, match="without login"), cluster(host="0.0.0.0"):
        pass


def listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def test_ctrl_c_stops_nginx_and_every_process(tmp_path: Path) -> None:
    """``make cluster`` as a user runs it (one process, to stay light), then Ctrl-C."""
    if nginx_binary() is None:
        pytest.fail(NGINX_HINT)
    port = free_port()
    env = {**os.environ, "REAIM_DATABASE_URL": f"sqlite:///{tmp_path / 'plan.sqlite'}"}
    env.pop("REAIM_DATA_DIR", None)
    with (tmp_path / "out.txt").open("w+") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "serve.cluster", "--processes", "1", "--port", str(port)],
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            deadline = time.monotonic() + 240
            while "Serving" not in (text := (tmp_path / "out.txt").read_text()):
                assert process.poll() is None and time.monotonic() < deadline, text
                time.sleep(0.3)
            app_port = int(re.search(r"ports (\d+)", text)[1])
            assert listening(port) and listening(app_port)
            runtime = Path(re.search(r"logs in (\S+)\.", text)[1])
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=60) == 0
        finally:
            if process.poll() is None:
                process.kill()
        assert "Stopped." in (tmp_path / "out.txt").read_text()
    assert not listening(port) and not listening(app_port)
    assert not runtime.exists()
