"""Start a Streamlit script on a free loopback port, wait until healthy, measure, stop."""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from serve.cluster import free_port

REPO = Path(__file__).resolve().parent.parent


@dataclass
class RunningApp:
    """A Streamlit server process and its base URL."""

    process: subprocess.Popen
    url: str

    def cpu_s(self) -> float:
        """CPU seconds (user + system) the server process has used so far (from /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rss_mb(self) -> float:
        """Resident memory of the server process in MB (from /proc)."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        kilobytes = next(
            int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")
        )
        return kilobytes / 1024


@contextmanager
def streamlit_app(
    script: str = "dashboard.py",
    env: dict[str, str] | None = None,
    timeout: float = 60,
    port: int | None = None,
    extra_args: Sequence[str] = (),
) -> Iterator[RunningApp]:
    """Run ``streamlit run script`` headless on 127.0.0.1 for the duration of the block.

    The app reads the repository's data unless ``env`` sets REAIM_DATA_DIR; its log goes to a
    temporary file (a pipe nobody reads would stall a busy server) and is shown if it fails.
    ``port`` (default: a free one) is for a caller that must name the URL beforehand, such as a
    login redirect; ``extra_args`` are more ``streamlit run`` options, such as ``--secrets.files``.
    """
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", script,
        "--server.headless", "true",
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--server.enableStaticServing", "true",
        *extra_args,
    ]  # fmt: skip
    environment = {k: v for k, v in os.environ.items() if k != "REAIM_DATA_DIR"}
    with tempfile.TemporaryFile("w+") as log:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env={**environment, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            text=True,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_healthy(process, url, timeout, log)
            yield RunningApp(process=process, url=url)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_healthy(process: subprocess.Popen, url: str, timeout: float, log) -> None:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxies
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            log.seek(0)
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read()}")
        try:
            with opener.open(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    log.seek(0)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout} s:\n{log.read()}")
