"""`make test-fast` selects the tiers that need no Debian package, and leaves out nothing else."""

import re
import subprocess
import sys

import pytest
from _pytest.mark import MarkMatcher
from _pytest.mark.expression import Expression

from conftest import COLLECTED, REPO, TESTS, TIERS

# Tests that start a Debian program: chromium, nginx, PostgreSQL, LibreOffice, poppler.
NEEDS_DEBIAN = re.compile(
    r"^tests/(browser|cluster)/|\[postgresql|^tests/plan/test_postgres_cluster\.py|"
    r"::(test_libreoffice_opens_and_converts_the_deck|test_pages_render_to_png_previews|"
    r"test_regenerated_document_reads_as_the_committed_one|"
    r"test_what_libreoffice_makes_again_reads_as_the_committed_file)\["
)
# A new collection, with the selection of `make test-fast`: what it keeps and what it leaves out,
# and the tier markers of each test (when this session collected only some of the tests).
COLLECT = """
import sys, pytest

class Report:
    def pytest_deselected(self, items):
        for item in items:
            print("out", tiers(item), item.nodeid, sep="\\t")

    def pytest_collection_finish(self, session):
        for item in session.items:
            print("in", tiers(item), item.nodeid, sep="\\t")

def tiers(item):
    from conftest import TIERS  # importable once pytest has put tests/ on the path
    return ",".join(mark.name for mark in item.iter_markers() if mark.name in TIERS)

options = ["--collect-only", "-q", "-p", "no:cacheprovider", "-m", sys.argv[1]]
sys.exit(pytest.main(options, plugins=[Report()]))
"""


def fast_selection() -> str:
    """The marker expression of `make test-fast`, read from the Makefile."""
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"^test-fast:.*\n((?:\t.*\n)+)", makefile, re.M)
    (expression,) = re.findall(r'-m "([^"]+)"', recipe)
    return expression


def tiers(item: pytest.Item) -> str:
    return ",".join(mark.name for mark in item.iter_markers() if mark.name in TIERS)


def selected(items: list[pytest.Item], selection: str) -> dict[str, list[tuple[str, str]]]:
    """What ``-m selection`` keeps of ``items`` and leaves out, tested as pytest's -m tests each
    item (_pytest.mark.deselect_by_mark): its markers against the compiled expression."""
    expression = Expression.compile(selection)
    found: dict[str, list[tuple[str, str]]] = {"in": [], "out": []}
    for item in items:
        kept = expression.evaluate(MarkMatcher.from_markers(item.iter_markers()))
        found["in" if kept else "out"].append((item.nodeid, tiers(item)))
    return found


def collected(config: pytest.Config, selection: str) -> dict[str, list[tuple[str, str]]]:
    """The tests ``selection`` keeps ("in") and leaves out ("out"), each (test id, its tiers):
    of this session's collection when it holds every test file, else of a new one."""
    items = config.stash[COLLECTED]
    if {item.path for item in items} == set(TESTS.rglob("test_*.py")):
        return selected(items, selection)
    run = subprocess.run(
        [sys.executable, "-c", COLLECT, selection],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    found: dict[str, list[tuple[str, str]]] = {"in": [], "out": []}
    for line in run.stdout.splitlines():
        fields = line.split("\t", 2)
        if len(fields) == 3 and fields[0] in found:
            found[fields[0]].append((fields[2], fields[1]))
    return found


def test_make_test_fast_leaves_out_every_test_that_needs_a_debian_package_and_no_other(
    pytestconfig,
):
    found = collected(pytestconfig, fast_selection())
    fast, rest = [test for test, _ in found["in"]], [test for test, _ in found["out"]]
    assert fast and not [test for test in fast if NEEDS_DEBIAN.search(test)]
    assert rest and [test for test in rest if not NEEDS_DEBIAN.search(test)] == []
    every = found["in"] + found["out"]
    assert [test for test, tiers in every if tiers not in TIERS] == []  # one tier each
