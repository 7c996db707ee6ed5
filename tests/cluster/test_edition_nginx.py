"""The static edition behind Debian's nginx with the shipped server block: pages served with the
strict Content Security Policy, revalidated, and compressed; embed pages framable by any site,
no other page; share cards kept a day."""

import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

from edition.files import write_site
from serve.cluster import free_port

from conftest import REPO

CONFIG = REPO / "deploy" / "static" / "nginx.conf"
MAIN = """pid {run}/nginx.pid;
error_log {run}/error.log;
events {{}}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {run}; proxy_temp_path {run}; fastcgi_temp_path {run};
  uwsgi_temp_path {run}; scgi_temp_path {run};
  include {run}/site.conf;
}}
"""


def test_nginx_serves_the_site_with_its_policy_and_compression(tmp_path: Path):
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(nginx).is_file():
        pytest.fail("nginx is missing: apt-get install nginx (make system-deps does)")
    public = tempfile.TemporaryDirectory()  # outside pytest's 0700 folders: workers run as nobody
    Path(public.name).chmod(0o755)
    site = Path(public.name) / "public"
    page = b"<!DOCTYPE html><html lang='en'><title>t</title>" + b"<p>coverage</p>" * 200
    card = b"\x89PNG\r\n\x1a\n" + bytes(100)
    write_site(
        site,
        {
            "index.html": page,
            "assets/style.css": b"body{}",
            "fr/embed/reaim-2023-call-to-action/world.html": page,
            "fr/cards/reaim-2023-call-to-action/world.png": card,
        },
    )
    port = free_port()
    server = CONFIG.read_text().replace("listen 8090;", f"listen 127.0.0.1:{port};")
    server = server.replace("root /srv/reaim-edition/public;", f"root {site};")
    (tmp_path / "site.conf").write_text(server)
    (tmp_path / "nginx.conf").write_text(MAIN.format(run=tmp_path))
    started = subprocess.Popen(
        [nginx, "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"], stderr=subprocess.PIPE
    )
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/index.html", headers={"Accept-Encoding": "gzip"}
        )
        for _attempt in range(50):
            try:
                response = urllib.request.urlopen(request, timeout=5)
                break
            except OSError:
                time.sleep(0.1)
        headers = response.headers
        assert "default-src 'none'" in headers["Content-Security-Policy"]
        assert "script-src" not in headers["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert headers["Cache-Control"] == "no-cache"
        assert headers["Content-Encoding"] == "gzip"
        assert len(response.read()) < len(page)
        base = f"http://127.0.0.1:{port}/fr"
        embed = urllib.request.urlopen(f"{base}/embed/reaim-2023-call-to-action/world.html")
        policy = embed.headers["Content-Security-Policy"]
        assert "frame-ancestors *" in policy and "default-src 'none'" in policy
        assert "script-src" not in policy and embed.headers["Cache-Control"] == "no-cache"
        shared = urllib.request.urlopen(f"{base}/cards/reaim-2023-call-to-action/world.png")
        assert shared.headers["Content-Type"] == "image/png"
        assert shared.headers["Cache-Control"] == "public, max-age=86400"
        assert shared.read() == card
    finally:
        started.terminate()
        started.wait(timeout=10)
        public.cleanup()
