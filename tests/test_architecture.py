"""Meta-tests that keep the architecture honest: one-way imports, no network in the app."""

import ast
from pathlib import Path

from conftest import REPO


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((REPO / folder).rglob("*.py"))]


def test_etl_never_imports_streamlit():
    offenders = [p.name for p in python_files("etl") if "streamlit" in imported_modules(p)]
    assert python_files("etl") and not offenders


def test_only_fetch_touches_the_network():
    network = {"requests", "urllib3", "http", "socket", "urllib"}
    users = {p.name for p in python_files("etl") if imported_modules(p) & network - {"urllib"}}
    assert users == {"fetch.py"}


def test_every_module_has_a_docstring():
    missing = [
        str(p.relative_to(REPO))
        for p in python_files("etl", "scripts")
        if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not missing
