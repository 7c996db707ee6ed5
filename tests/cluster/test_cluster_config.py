"""The nginx templates render and pass ``nginx -t``; the cluster refuses an unsafe front."""

import subprocess
from pathlib import Path

import pytest

from serve import cluster as serve_cluster
from serve.cluster import (
    NGINX_HINT,
    SITE_TEMPLATE,
    ClusterError,
    cluster,
    nginx_binary,
    render,
    write_nginx_config,
)


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
