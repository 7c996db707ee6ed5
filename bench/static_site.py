"""The static edition's world page as a new reader gets it: served by ``python -m http.server``'s
handler on loopback, opened in a new browser context (no cache), timed to the map's last dot;
its size compressed, and the site's build time."""

import gzip
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.async_api import Browser

from bench.browser import Blocked, open_page, timed_draw
from edition.build import Scope, build
from edition.files import write_site, write_zip
from i18n.languages import LANGUAGES

RUNS = 5
REPO = Path(__file__).resolve().parent.parent
JOBS = 2  # languages built at once, as make site does on this 2-core machine
DOTS = "svg.map circle"  # the map's small states: drawn last, after every shape


class Quiet(SimpleHTTPRequestHandler):
    """The standard library's static file handler, without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing."""


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` served on a free loopback port; its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def world_bytes(site: dict[str, bytes]) -> int:
    """The world page and its stylesheet, gzip-compressed: what a reader transfers."""
    return len(gzip.compress(site["index.html"], 9)) + len(
        gzip.compress(site["assets/style.css"], 9)
    )


async def static_times(browser: Browser, blocked: Blocked) -> dict:
    """Median first visit of the world page, its compressed size, and the build of the world and
    the tables (no focus preset beyond the world)."""
    started = time.perf_counter()
    site = build(Scope(keys=()))
    built = time.perf_counter() - started
    count = site["index.html"].count(b"</circle>")  # the map's dots (the legend's is empty)
    times = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "public"
        write_site(folder, site)
        with served(folder) as url:
            for _run in range(RUNS):
                page = await open_page(browser, blocked)
                try:
                    times.append(await timed_draw(page, url, count, DOTS))
                finally:
                    await page.context.close()
    return {
        "static_first_visit_s": round(statistics.median(times), 3),
        "static_first_visit_runs_s": [round(t, 3) for t in times],
        "static_world_bytes": world_bytes(site),
        "static_world_raw_bytes": len(site["index.html"]) + len(site["assets/style.css"]),
        "static_build_world_s": round(built, 1),
    }


def _packs_all(folder: Path) -> float:
    """``python -m briefing --all`` in every language, deck and handout: its seconds."""
    started = time.perf_counter()
    for language in LANGUAGES:
        for fmt in ("pptx", "pdf"):
            command = ["--all", "--lang", language, "--format", fmt, "--out", str(folder)]
            subprocess.run(
                [sys.executable, "-m", "briefing", *command],
                cwd=REPO,
                check=True,
                capture_output=True,
            )
    return time.perf_counter() - started


def whole_site() -> dict:
    """The whole site's build (every preset, profile and pack, in three languages) against
    ``python -m briefing --all`` for the same presets and languages; the site's size, raw and
    zipped, and its median and largest page compressed."""
    started = time.perf_counter()
    site = build(Scope(packs=None), JOBS)
    built = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as scratch:
        packs = _packs_all(Path(scratch))
        archive = Path(scratch) / "public.zip"
        write_zip(archive, site)
        zipped = archive.stat().st_size
    pages = sorted(len(gzip.compress(c, 9)) for n, c in site.items() if n.endswith(".html"))
    return {
        "static_build_s": round(built, 1),
        "static_build_jobs": JOBS,
        "static_build_packs_all_s": round(packs, 1),
        "static_build_ratio": round(built / packs, 2),
        "static_pages": len(pages),
        "static_files": len(site),
        "static_site_bytes": sum(len(c) for c in site.values()),
        "static_site_zip_bytes": zipped,
        "static_page_median_bytes": pages[len(pages) // 2],
        "static_page_largest_bytes": pages[-1],
    }
