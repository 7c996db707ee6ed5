"""Meta-tests for the dashboard: caching in one module, pure builders, every page registered."""

import ast
import re
from pathlib import Path

from test_architecture import imported_modules

from conftest import REPO

UI = sorted((REPO / "ui").glob("*.py"))
PAGES = sorted((REPO / "app_pages").glob("*.py"))
PURE = [
    "charts",
    "coverage",
    "outreach",
    "groups",
    "focus",
    "geometry",
    "palette",
    "mapstyle",
    "export",
    "static_map",
    "provenance",
    "text",
    "docs",
    "mapview",
    "statuses",
    "catalogue",
    "positions",
    "priority",
]


def source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_only_ui_data_caches():
    cachers = {
        p.relative_to(REPO).as_posix()
        for p in [*UI, *PAGES, REPO / "dashboard.py"]
        if "cache_" in source(p)
    }
    assert cachers == {"ui/data.py"}


def test_builders_and_table_logic_never_import_streamlit():
    offenders = [
        name for name in PURE if "streamlit" in imported_modules(REPO / "ui" / f"{name}.py")
    ]
    assert not offenders


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
        "country",
        "instruments",
        "outreach",
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
