"""Meta-tests for the dashboard: caching in one module, pure builders, every page registered."""

import ast
import csv
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO
from source_imports import imported_modules

UI = sorted((REPO / "ui").rglob("*.py"))
PAGES = sorted((REPO / "app_pages").glob("*.py"))
# Where streamlit may be imported: the cache, the widgets, the pages and the entry point.
STREAMLIT_ALLOWED = {REPO / "ui" / "cache.py", *(REPO / "ui" / "widgets").glob("*.py")}
PURE_PACKAGES = ["ui/views", "ui/figures", "ui/tables", "store", "instruments", "briefing", "i18n"]


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_only_ui_cache_caches():
    cachers = {
        p.relative_to(REPO).as_posix()
        for p in [*UI, *PAGES, REPO / "dashboard.py"]
        if "cache_data" in source(p) or "cache_resource" in source(p)
    }
    assert cachers == {"ui/cache.py"}


def test_ui_is_in_packages_by_job():
    top = {p.name for p in (REPO / "ui").glob("*.py")}
    assert top == {"__init__.py", "cache.py", "text.py"}
    assert {p.name for p in (REPO / "ui").iterdir() if p.is_dir() and p.name != "__pycache__"} == {
        "figures",
        "tables",
        "views",
        "widgets",
    }


@pytest.mark.parametrize("package", PURE_PACKAGES)
def test_pure_packages_never_import_streamlit(package):
    modules = sorted((REPO / package).rglob("*.py"))
    assert len(modules) > 3
    assert not [p.name for p in modules if "streamlit" in imported_modules(p)]


def test_streamlit_only_in_cache_widgets_and_pages():
    users = {p for p in UI if "streamlit" in imported_modules(p)}
    assert users and users <= STREAMLIT_ALLOWED


def registered_pages() -> dict[str, str]:
    """Page file → url_path of every ``PageSpec(...)`` in ui/widgets/pages.py, the one list the
    router (dashboard.py) and every link take their pages from."""
    pages = {}
    for node in ast.walk(ast.parse(source(REPO / "ui" / "widgets" / "pages.py"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "PageSpec":
            pages[node.args[0].value] = node.args[3].value
    return pages


def test_pages_are_named_only_in_the_pages_module():
    named = [
        p.relative_to(REPO).as_posix()
        for p in [*UI, *PAGES, REPO / "dashboard.py"]
        if '"app_pages/' in source(p) and p.name != "pages.py"
    ]
    assert not named


def test_every_page_file_is_registered_with_its_url_path():
    pages = registered_pages()
    assert set(pages) == {p.relative_to(REPO).as_posix() for p in PAGES}
    assert sorted(pages.values()) == [
        "",
        "briefing",
        "compare",
        "country",
        "instruments",
        "outreach",
        "plan",
        "regions",
        "sources",
    ]


def test_every_ui_module_and_page_has_a_docstring():
    missing = [
        p.name
        for p in [*UI, *PAGES, REPO / "dashboard.py"]
        if not ast.get_docstring(ast.parse(source(p)))
    ]
    assert not missing


def test_no_unsafe_html():
    offenders = [
        p.name for p in [*UI, *PAGES, REPO / "dashboard.py"] if "unsafe_allow_html" in source(p)
    ]
    assert not offenders


def test_offline_settings():
    config = source(REPO / ".streamlit" / "config.toml")
    assert re.search(r"^enableStaticServing = true$", config, re.M)
    assert re.search(r"^gatherUsageStats = false$", config, re.M)
    assert re.search(r'^address = "localhost"$', config, re.M)
    assert source(REPO / "static" / "world_110m.json").startswith('{"type":"Topology"')


# Code that tells one form of record from another, outside instruments/forms.py: a form's
# constant, class or registry value, a vote's category, or a status compared to pick a form.
FORM_WORDS = re.compile(
    r"COMPLETE_LIST|PARTIAL_LIST|RECORDED_VOTE|CompleteList|PartialList|RecordedVote|"
    r"complete-list|partial-list|recorded-vote|\bis_vote\b|\bNO_VOTE\b|form\.key\b|"
    r"\.positive ==|form [!=]= |\.kind == \"vote\"|coverage == \"partial\""
)
# Where the project may name forms or instruments, and why. Tests are not scanned: they check
# the instruments by name. The Call to Action's id is not looked for: it names the dashboard's
# subject, its default view and the files of its list (instruments.model.CALL_TO_ACTION).
KNOWS_FORMS = {
    "instruments/forms.py": "defines the forms",
    "instruments/categories.py": "names every form's map categories, a vote's 'no vote' too",
    "ui/views/palette.py": "gives each map category, a vote's 'no vote' too, its colour",
}
KNOWS_IDS = {
    "scripts/build_instruments.py": "converts each instrument's source files into the registry's",
}
# Page titles and prose never name an instrument or a form: such sentences live in
# instruments/wording.py, and a page says an instrument's name through its title fields.
PROSE_WORDS = re.compile(
    r"\bvot(?:e|es|ed|ing)\b|General Assembly|\bUNGA\b|\bresolution|partial list|"
    r"complete list|Declaration|Blueprint|Pathways|REAIM 202[4-9]",
    re.IGNORECASE,
)


def project_code() -> list[str]:
    """Every Python file of the project but the tests, as the repository tracks it."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.py"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.split()
    return [p for p in tracked if not p.startswith("tests/") and (REPO / p).exists()]


def registry() -> list[dict[str, str]]:
    with (REPO / "data" / "instruments" / "instruments.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def prose(path: Path) -> list[str]:
    """The string literals of a file that are not docstrings: what it may show."""
    tree = ast.parse(source(path))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and ast.get_docstring(node, clean=False) is not None
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        if id(node) not in docstrings
    ]


def test_only_the_instrument_model_knows_forms():
    code = project_code()
    assert {
        "briefing/pack.py",
        "plan/known.py",
        "serve/cluster.py",
        "scripts/build_names.py",
    } < set(code)
    assert set(KNOWS_FORMS) <= set(code)
    offenders = [p for p in code if p not in KNOWS_FORMS and FORM_WORDS.search(source(REPO / p))]
    assert not offenders


def test_only_the_registry_names_instruments():
    ids = {row["id"] for row in registry()} - {"reaim-2023-call-to-action"}
    code = project_code()
    assert len(ids) >= 6 and set(KNOWS_IDS) <= set(code)
    offenders = [p for p in code if p not in KNOWS_IDS and any(i in source(REPO / p) for i in ids)]
    assert not offenders


def test_the_call_to_actions_status_comes_from_the_matrix():
    """The published endorsed column is the ETL's data: the app asks the matrix, like for any
    instrument (instruments.matrix.supporters)."""
    reads = re.compile(r"\[\"endorsed\"\]|\.endorsed\b")
    naive = "bench/naive.py"  # the benchmark's naive map reads the file as a first version would
    code = [p for p in project_code() if not p.startswith("etl/") and p != naive]
    assert naive in project_code()
    assert not [p for p in code if reads.search(source(REPO / p))]


def test_pages_never_name_an_instrument_or_a_form():
    names = {
        name
        for row in registry()
        if row["id"] != "reaim-2023-call-to-action"
        for name in (row["title"], row["short_title"], row["short_title"].split(" (")[0])
    }
    said = [
        (p.relative_to(REPO).as_posix(), text)
        for p in [*PAGES, REPO / "dashboard.py"]
        for text in prose(p)
    ]
    offenders = [
        (page, text)
        for page, text in said
        if PROSE_WORDS.search(text) or any(name in text for name in names)
    ]
    assert len(said) > 200 and not offenders
