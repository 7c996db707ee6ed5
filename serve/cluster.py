"""``make cluster``: N Streamlit processes on loopback behind Debian's nginx, sessions sticky."""

import argparse
import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from safeio import secrets_file
from safeio.loopback import is_loopback
from serve.warm import warm

REPO = Path(__file__).resolve().parent.parent
TEMPLATES = REPO / "deploy" / "nginx"
SITE_TEMPLATE = TEMPLATES / "reaim.conf.template"  # shared with deploy/compose.yaml
MAIN_TEMPLATE = TEMPLATES / "cluster.conf.template"
NGINX_CANDIDATES = ("/usr/sbin/nginx",)
NGINX_HINT = "nginx is missing: apt-get install nginx (bash scripts/install-system-deps.sh does)"
APP_HOST = "127.0.0.1"  # the Streamlit processes are reachable only through nginx
WORKER_USER = "nobody nogroup"  # nginx's workers when the master runs as root
STOP_TIMEOUT = 10.0
PLACEHOLDER = re.compile(r"\$\{(REAIM_[A-Z_]+)\}")


class ClusterError(RuntimeError):
    """The cluster could not start; the message says why, with the end of the failing log."""


def nginx_binary() -> str | None:
    """Debian's nginx, if installed."""
    return shutil.which("nginx") or next(
        (path for path in NGINX_CANDIDATES if Path(path).is_file()), None
    )


def render(template: str, values: Mapping[str, str]) -> str:
    """Replace the ``${REAIM_*}`` placeholders, as the nginx image's envsubst does; nothing else.

    A placeholder without a value is an error rather than an empty string in the configuration.
    """
    missing = sorted(set(PLACEHOLDER.findall(template)) - set(values))
    if missing:
        raise ClusterError(f"no value for {', '.join(missing)} in the nginx template")
    return PLACEHOLDER.sub(lambda match: values[match.group(1)], template)


def upstream_servers(ports: list[int]) -> str:
    """The ``server`` lines of the upstream block, one per Streamlit process."""
    return "\n    ".join(
        f"server {APP_HOST}:{port} max_fails=1 fail_timeout=10s;" for port in ports
    )


def free_port(host: str = APP_HOST) -> int:
    """A TCP port on ``host`` that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def login_configured(repo: Path = REPO) -> bool:
    """Whether Streamlit's secrets (the project's or the user's) configure ``[auth]`` (st.login).

    A secrets file that cannot be read or is not TOML is a ClusterError naming it.
    """
    try:
        return secrets_file.login_configured(
            (Path.home() / ".streamlit" / "secrets.toml", repo / ".streamlit" / "secrets.toml")
        )
    except secrets_file.SecretsError as error:
        raise ClusterError(
            f"{error}. Correct it (it must be valid TOML, see docs/deploying.md) or move it away, "
            "then start again."
        ) from None


@dataclass
class AppProcess:
    """One ``streamlit run dashboard.py`` on a loopback port, its log in the runtime folder."""

    port: int
    process: subprocess.Popen
    log: Path

    @property
    def url(self) -> str:
        return f"http://{APP_HOST}:{self.port}"


@dataclass
class Cluster:
    """The running processes, the nginx front and the folder holding config, logs and pid."""

    url: str
    runtime: Path
    apps: list[AppProcess]
    nginx: subprocess.Popen
    exited: set[int] = field(default_factory=set)

    @property
    def access_log(self) -> Path:
        return self.runtime / "access.log"

    @property
    def error_log(self) -> Path:
        return self.runtime / "nginx-error.log"


def tail(path: Path, lines: int = 30) -> str:
    """The last lines of a log file ('' if there is none)."""
    if not path.is_file():
        return ""
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: no proxies


def wait_healthy(url: str, alive, deadline: float, what: str, log: Path) -> None:
    """Poll ``url``/_stcore/health until it answers 200; ClusterError if ``alive()`` turns false."""
    opener = _opener()
    while time.monotonic() < deadline:
        if not alive():
            raise ClusterError(f"{what} exited while starting:\n{tail(log)}")
        with (
            contextlib.suppress(OSError),
            opener.open(f"{url}/_stcore/health", timeout=5) as response,
        ):
            if response.status == 200:
                return
        time.sleep(0.3)
    raise ClusterError(f"{what} did not answer on {url} in time:\n{tail(log)}")


def migrate(env: Mapping[str, str]) -> None:
    """Migrate the plan database once, before the processes start (they would race to do it)."""
    done = subprocess.run(
        [sys.executable, "-m", "plan", "db", "upgrade"],
        cwd=REPO,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=120,
    )
    if done.returncode:
        raise ClusterError(f"the plan database could not be migrated:\n{done.stderr.strip()}")


def start_app(port: int, runtime: Path, env: Mapping[str, str], public_port: int) -> AppProcess:
    """Start one headless Streamlit process on the loopback port, in its own process group.

    ``public_port`` is nginx's: the port browsers use, which the plan's laptop mode checks.
    """
    log = runtime / f"streamlit-{port}.log"
    command = [
        sys.executable, "-m", "streamlit", "run", "dashboard.py",
        "--server.headless", "true",
        "--server.address", APP_HOST,
        "--server.port", str(port),
        "--browser.serverPort", str(public_port),
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("w") as handle:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=dict(env),
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the supervisor, which stops everyone in order
        )
    return AppProcess(port=port, process=process, log=log)


def write_nginx_config(runtime: Path, listen: str, ports: list[int]) -> Path:
    """Render both templates into ``runtime``; return the main configuration's path."""
    (runtime / "temp").mkdir()
    user = ""
    if os.geteuid() == 0:  # the master stays root only to bind; workers drop to nobody
        user = f"user {WORKER_USER};"
        runtime.chmod(0o711)  # workers must reach their temp folders, not list the logs
    site = render(
        SITE_TEMPLATE.read_text(),
        {"REAIM_LISTEN": listen, "REAIM_UPSTREAM_SERVERS": upstream_servers(ports)},
    )
    (runtime / "reaim.conf").write_text(site)
    main = render(MAIN_TEMPLATE.read_text(), {"REAIM_USER": user, "REAIM_RUNTIME": str(runtime)})
    config = runtime / "nginx.conf"
    config.write_text(main)
    return config


def start_nginx(nginx: str, config: Path, runtime: Path) -> subprocess.Popen:
    """Check the configuration, then start nginx as a foreground master (no root-only paths)."""
    base = [nginx, "-e", "stderr", "-p", str(runtime), "-c", str(config)]
    checked = subprocess.run([*base, "-t", "-q"], capture_output=True, text=True, timeout=30)
    if checked.returncode:
        raise ClusterError(f"nginx refused the configuration:\n{checked.stderr.strip()}")
    with (runtime / "nginx-stderr.log").open("w") as handle:
        return subprocess.Popen(
            base, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )


def stop(processes: list[subprocess.Popen], timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM to each (nginx: fast shutdown; Streamlit: clean exit); SIGKILL stragglers."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + timeout
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextlib.contextmanager
def cluster(
    processes: int = 2,
    port: int = 8080,
    host: str = "127.0.0.1",
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> Iterator[Cluster]:
    """Run ``processes`` Streamlit processes behind nginx on ``host:port`` for the block.

    ``env`` (default: this process's environment) is what every process sees: REAIM_DATA_DIR and
    REAIM_DATABASE_URL, when set, make them share one dataset and one plan database.
    """
    if processes < 1:
        raise ClusterError("at least one Streamlit process is needed")
    nginx = nginx_binary()
    if nginx is None:
        raise ClusterError(NGINX_HINT)
    if not is_loopback(host) and not login_configured():
        raise ClusterError(
            f"refusing to serve on {host} without login: the processes listen on loopback, where "
            "the outreach plan opens without sign-in (laptop mode). Configure [auth] in "
            ".streamlit/secrets.toml first (docs/deploying.md), or serve on 127.0.0.1."
        )
    environment = dict(os.environ if env is None else env)
    runtime = Path(tempfile.mkdtemp(prefix="reaim-cluster-"))
    started: list[subprocess.Popen] = []
    try:
        migrate(environment)
        apps = [start_app(free_port(), runtime, environment, port) for _ in range(processes)]
        started += [app.process for app in apps]
        deadline = time.monotonic() + timeout
        for app in apps:
            alive = app.process.poll
            wait_healthy(
                app.url, lambda a=alive: a() is None, deadline, f"streamlit :{app.port}", app.log
            )
            try:
                warm(app.url)  # its caches filled before nginx sends it anyone
            except (OSError, RuntimeError) as exc:  # TimeoutError is an OSError
                raise ClusterError(f"streamlit :{app.port} failed its first run: {exc}") from exc
        config = write_nginx_config(runtime, f"{host}:{port}", [app.port for app in apps])
        front = start_nginx(nginx, config, runtime)
        started.insert(0, front)  # stopped first: no new request reaches a stopping process
        url = f"http://{host}:{port}"
        wait_healthy(
            url, lambda: front.poll() is None, deadline, "nginx", runtime / "nginx-stderr.log"
        )
        yield Cluster(url=url, runtime=runtime, apps=apps, nginx=front)
    finally:
        stop(started)
        shutil.rmtree(runtime, ignore_errors=True)


def supervise(running: Cluster) -> int:
    """Report processes that exit; return when nginx or every Streamlit process has gone."""
    while True:
        if running.nginx.poll() is not None:
            print(f"nginx exited ({running.nginx.returncode}):\n{tail(running.error_log)}")
            return 1
        for app in running.apps:
            if app.process.poll() is not None and app.port not in running.exited:
                running.exited.add(app.port)
                print(
                    f"streamlit :{app.port} exited ({app.process.returncode}); the others "
                    f"serve its browsers from now on. Its log:\n{tail(app.log, 10)}"
                )
        if len(running.exited) == len(running.apps):
            print("every Streamlit process has exited")
            return 1
        time.sleep(1)


def _stop_on_sigterm(_signum, _frame) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    """Start the cluster and serve until Ctrl-C (or SIGTERM); then stop everything."""
    parser = argparse.ArgumentParser(prog="python -m serve.cluster", description=__doc__)
    parser.add_argument("--processes", "-n", type=int, default=2, help="Streamlit processes")
    parser.add_argument("--port", type=int, default=8080, help="nginx's port (default 8080)")
    parser.add_argument(
        "--host", default="127.0.0.1", help="nginx's address (another needs [auth] configured)"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        with cluster(args.processes, args.port, args.host) as running:
            ports = ", ".join(str(app.port) for app in running.apps)
            print(
                f"Serving {running.url} through nginx: {len(running.apps)} Streamlit processes "
                f"on {APP_HOST} ports {ports}; logs in {running.runtime}. Ctrl-C stops all."
            )
            return supervise(running)
    except ClusterError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Stopped.")
        return 0


if __name__ == "__main__":
    sys.exit(main())
