"""Meta-tests for the dashboard: caching in one module, pure builders, every page registered."""

import ast
import re
from pathlib import Path

import pytest

from conftest import REPO
from source_imports import imported_modules

UI = sorted((REPO / "ui").rglob("*.py"))
PAGES = sorted((REPO / "app_pages").glob("*.py"))
# Where streamlit may be imported: the cache, the widgets, the pages and the entry point.
STREAMLIT_ALLOWED = {REPO / "ui" / "cache.py", *(REPO / "ui" / "widgets").glob("*.py")}
PURE_PACKAGES = ["ui/figures", "ui/tables", "instruments", "briefing", "i18n"]


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


def registered_pages() -> dict[str, str | None]:
    """Page file → url_path of every ``st.Page(...)`` call in dashboard.py."""
    pages = {}
    for node in ast.walk(ast.parse(source(REPO / "dashboard.py"))):
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page":
            keywords = {k.arg: k.value for k in node.keywords}
            url = keywords.get("url_path")
            default = keywords.get("default")
            pages[node.args[0].value] = "" if default is not None else url.value
    return pages


def test_every_page_file_is_registered_with_its_url_path():
    pages = registered_pages()
    assert set(pages) == {p.relative_to(REPO).as_posix() for p in PAGES}
    assert sorted(pages.values()) == [
        "",
        "briefing",
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


FORM_WORDS = re.compile(
    r"COMPLETE_LIST|PARTIAL_LIST|RECORDED_VOTE|complete-list|partial-list|"
    r"recorded-vote|\.kind == \"vote\"|coverage == \"partial\""
)


def test_only_the_instrument_model_knows_forms_and_ids():
    registry = (REPO / "data" / "instruments" / "instruments.csv").read_text(encoding="utf-8")
    ids = {line.split(",")[0] for line in registry.splitlines()[1:]} - {"reaim-2023-call-to-action"}
    code = [
        p
        for folder in ("ui", "app_pages", "etl", "bench")
        for p in sorted((REPO / folder).rglob("*.py"))
    ] + [REPO / "dashboard.py"]
    offenders = [
        p.relative_to(REPO).as_posix()
        for p in code
        if FORM_WORDS.search(source(p)) or any(i in source(p) for i in ids)
    ]
    assert len(ids) >= 6 and not offenders
