"""Shared test fixtures: a copy of the shipped dataset, snapshots, and an in-process ETL runner;
the tier of each test (pytest markers, see TIERS)."""

import gc
import json
import os
import shutil
import stat
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from streamlit import config
from streamlit.components.v2 import manifest_scanner
from streamlit.runtime.scriptrunner.script_cache import ScriptCache

from etl.__main__ import main as etl_main
from etl.aliases import AliasIndex, load_alias_index

# plan databases; the browser and its app; the packs the briefing command line builds
pytest_plugins = ["plan_fixtures", "browser_fixtures", "pack_fixtures"]

REPO = Path(__file__).resolve().parent.parent
TESTS = REPO / "tests"
FIXTURES = REPO / "tests" / "fixtures"
DOCUMENTS = FIXTURES / "documents"
SHIPPED_FILES = (
    "endorsements.csv",
    "endorsements.meta.json",
    "changelog.csv",
    "positions.csv",
    "sources",
)


def manifest() -> dict[str, dict]:
    """What each synthetic fixture document holds (written by tests/fixtures/make_fixtures.py)."""
    return json.loads((FIXTURES / "manifest.json").read_text(encoding="utf-8"))


def project_version() -> str:
    """The version in pyproject.toml, read independently of the code under test."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


@cache
def alias_index() -> AliasIndex:
    """The shipped alias index, built once per test process for the tests' many look-ups."""
    return load_alias_index()


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory`` with its bytes, to compare before and after."""
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


@dataclass
class EtlRun:
    """Exit code and output of one ``python -m etl`` invocation."""

    code: int
    out: str
    err: str


def copy_shipped_data(target: Path) -> Path:
    """Copy the shipped (transcribed) dataset into the new directory ``target``; return it."""
    target.mkdir()
    for name in SHIPPED_FILES:
        source = REPO / "data" / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copyfile(source, target / name)
    return target


@pytest.fixture(scope="session", autouse=True)
def components_scanned_once() -> Iterator[None]:
    """AppTest scans every installed package for Streamlit components on each new app (0.1 s,
    about 300 apps); the packages stay the same through a session, so it scans them once."""
    scan = cache(manifest_scanner.scan_component_manifests)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(manifest_scanner, "scan_component_manifests", scan)
        yield


@pytest.fixture(scope="session", autouse=True)
def scripts_compiled_once() -> Iterator[None]:
    """Each AppTest app compiles every page it runs afresh (with Streamlit's magic, through the
    AST: 5 % of an app test); a page's code is the same while its file is, so it is compiled
    once a session and again whenever the file changes (its size or modification time)."""
    compiled: dict[tuple, object] = {}
    compile_page = ScriptCache.get_bytecode

    def get_bytecode(cache: ScriptCache, script_path: str):
        path = Path(script_path).absolute()
        found = path.stat()
        magic = config.get_option("runner.magicEnabled")
        key = (str(path), found.st_mtime_ns, found.st_size, magic)
        if key not in compiled:
            compiled[key] = compile_page(cache, script_path)
        return compiled[key]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ScriptCache, "get_bytecode", get_bytecode)
        yield


@pytest.fixture
def shipped_data(tmp_path: Path) -> Path:
    """A data directory holding a copy of the shipped (transcribed) dataset."""
    return copy_shipped_data(tmp_path / "data")


@pytest.fixture
def work_dir(tmp_path: Path) -> Path:
    return tmp_path / "work"


@pytest.fixture
def etl(capsys, work_dir):
    """Run the ETL command line in-process: ``etl("refresh", "--from-file", ...)``."""

    def run(*args: str) -> EtlRun:
        code = etl_main([*args, "--work-dir", str(work_dir)])
        captured = capsys.readouterr()
        return EtlRun(code, captured.out, captured.err)

    return run


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """The umask of most accounts, which leaves new files readable by everyone."""
    saved = os.umask(0o022)
    yield
    os.umask(saved)


def file_mode(path: Path) -> int:
    """A file's permission bits, of the link itself where ``path`` is one."""
    return stat.S_IMODE(path.lstat().st_mode)


# The collector's first generation collected every 50,000 new objects, not 700: the suite keeps
# datasets, packs and pages alive, which the default thresholds scan again and again (tests/briefing
# and tests/app: 111 CPU-s instead of 134, measured on 7 December 2026).
GC_THRESHOLDS = (50_000, 20, 50)


def pytest_configure(config: pytest.Config) -> None:
    """Collect garbage less often in each test process (see GC_THRESHOLDS)."""
    gc.set_threshold(*GC_THRESHOLDS)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what collection made (modules, test items) out of every later collection of
    garbage: it lives as long as the session (about 4% of tests/briefing and tests/app)."""
    gc.collect()
    gc.freeze()


# Tiers ------------------------------------------------------------------------------------------
# Each test gets exactly one tier marker (registered in pyproject.toml), from the first rule that
# applies; `make test-fast` runs unit and app, which need no Debian package. A marker written on
# the test itself wins.
TIERS = ("unit", "app", "browser", "cluster", "postgres")
FOLDER_TIERS = {"browser": "browser", "cluster": "cluster", "app": "app"}  # tests/<folder>/
# A test that takes one of these fixtures: the browser and its served app; an AppTest page's plan.
FIXTURE_TIERS = {"app": "browser", "browser": "browser", "page": "browser", "plan_db": "app"}
# A test whose own code calls one of these runs the dashboard: in AppTest, or as a server.
APP_RUNNERS = {"AppTest", "open_page", "streamlit_app"}
# Debian's programs behind the office_tool fixture, and the package of each.
OFFICE_PACKAGES = {
    "soffice": "libreoffice-writer, libreoffice-impress",
    "pdftoppm": "poppler-utils",
    "pdftotext": "poppler-utils",
}


def tier(item: pytest.Item) -> str:
    """The tier of one collected test (see TIERS)."""
    marked = [mark.name for mark in item.iter_markers() if mark.name in TIERS]
    if marked:
        return marked[0]
    folder = Path(item.path).relative_to(TESTS).parts[0]
    if folder in FOLDER_TIERS:
        return FOLDER_TIERS[folder]
    params = (getattr(item, "callspec", None) and item.callspec.params) or {}
    if params.get("backend") == "postgresql":
        return "postgres"
    # A parameter of the test's own (@pytest.mark.parametrize("page", ...)) is not the fixture.
    fixtures = set(getattr(item, "fixturenames", ())) - set(params)
    for fixture, fixture_tier in FIXTURE_TIERS.items():
        if fixture in fixtures:
            return fixture_tier
    code = getattr(getattr(item, "function", None), "__code__", None)
    if code and APP_RUNNERS & set(code.co_names):
        return "app"
    return "unit"


# Every test the session collected, before -m or -k left any out (for tests/test_tiers.py).
COLLECTED = pytest.StashKey[list[pytest.Item]]()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its tier, and with ``office`` when it uses the office_tool fixture;
    keep the whole collection as COLLECTED (this hook runs before pytest's own, which select)."""
    for item in items:
        if not item.get_closest_marker(tier(item)):  # a marker written on the test stays
            item.add_marker(tier(item))
        if "office_tool" in getattr(item, "fixturenames", ()):
            item.add_marker("office")
    config.stash[COLLECTED] = list(items)


@pytest.fixture(scope="session")
def office_tool() -> Callable[[str], str]:
    """``office_tool("soffice")``: the path of a program of Debian's LibreOffice or poppler-utils.

    A test that uses it is marked ``office`` (`make test-fast` leaves it out). A missing program
    skips the test, and fails it under CI, where the packages must be installed.
    """

    def find(name: str) -> str:
        found = shutil.which(name)
        if found is None:
            message = f"{name} is not installed (Debian: {OFFICE_PACKAGES[name]})"
            if os.environ.get("CI"):
                pytest.fail(message)
            pytest.skip(message)
        return found

    return find
