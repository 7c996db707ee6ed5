"""`make test-fast` selects the tiers that need no Debian package, and leaves out nothing else."""

import re
import subprocess
import sys

from conftest import REPO

# Tests that start a Debian program: chromium, nginx, PostgreSQL, LibreOffice, poppler.
NEEDS_DEBIAN = re.compile(
    r"^tests/(browser|cluster)/|\[postgresql|^tests/plan/test_postgres_cluster\.py|"
    r"::(test_libreoffice_opens_and_converts_the_deck|test_pages_render_to_png_previews|"
    r"test_regenerated_document_reads_as_the_committed_one)\["
)
COLLECT = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"]


def fast_selection() -> str:
    """The marker expression of `make test-fast`, read from the Makefile."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"^test-fast:.*\n((?:\t.*\n)+)", makefile, re.M)
    (expression,) = re.findall(r'-m "([^"]+)"', recipe)
    return expression


def collect(selection: str) -> subprocess.Popen:
    """``pytest --collect-only`` of the tests ``selection`` picks, started (both run at once)."""
    return subprocess.Popen(
        [*COLLECT, "-m", selection],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def collected(process: subprocess.Popen) -> list[str]:
    """The test ids a collection printed; it must have succeeded."""
    out, _ = process.communicate(timeout=120)
    assert process.returncode == 0, out[-3000:]
    return [line for line in out.splitlines() if line.startswith("tests/")]


def test_make_test_fast_leaves_out_every_test_that_needs_a_debian_package_and_no_other():
    fast, rest = collect(fast_selection()), collect(f"not ({fast_selection()})")
    fast, rest = collected(fast), collected(rest)
    assert fast and not [test for test in fast if NEEDS_DEBIAN.search(test)]
    assert rest and [test for test in rest if not NEEDS_DEBIAN.search(test)] == []
