"""Fill a new server's caches before the first visitor: one session runs the map page once.

The first script run of a process imports the page modules and loads the dataset, the geometry,
the focus presets and the world map (about 1.3 s on 2 cores); run at start-up, that is not paid by
the first diplomat who opens the page. ``python -m serve.warm URL`` waits for the server's health
check, runs the page in each interface language, and says how long it took.
"""

import argparse
import sys
import time
import urllib.request

from i18n.languages import LANGUAGES
from serve.streamlit_client import Session

HEALTH_TIMEOUT_S = 120


def wait_until_up(url: str, timeout: float = HEALTH_TIMEOUT_S) -> None:
    """Return when ``url``/_stcore/health answers 200; TimeoutError after ``timeout`` seconds."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    deadline = time.monotonic() + timeout
    while True:
        try:
            with opener.open(f"{url}/_stcore/health", timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer its health check in {timeout:.0f} s")
        time.sleep(0.2)


def warm(url: str) -> float:
    """Run the map page once per interface language; the seconds it took. Raises on an error."""
    started = time.perf_counter()
    with Session(url, {}) as session:
        for language in LANGUAGES:
            run = session.run(query="" if language == "en" else f"lang={language}")
            if run.exceptions or run.errors:
                raise RuntimeError(f"the page failed while warming: {run.exceptions or run.errors}")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Wait for the server, warm it, print one line; exit 1 (the server goes on) if it fails."""
    parser = argparse.ArgumentParser(prog="python -m serve.warm", description=__doc__)
    parser.add_argument("url", help="the server, e.g. http://localhost:8501")
    parser.add_argument(
        "--timeout", type=float, default=HEALTH_TIMEOUT_S, help="seconds to wait for the server"
    )
    args = parser.parse_args(argv)
    try:
        wait_until_up(args.url, args.timeout)
        seconds = warm(args.url)
    except (OSError, TimeoutError, RuntimeError) as exc:
        print(
            f"warm-up of {args.url} failed, the first visit will be slower: {exc}", file=sys.stderr
        )
        return 1
    print(f"warm-up: {args.url} ready in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
