"""The plan package stays a library: no Streamlit, no UI, a docstring on every module."""

import ast
from pathlib import Path

PLAN = Path(__file__).resolve().parents[2] / "plan"


def imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_plan_never_imports_streamlit_or_the_ui():
    modules = sorted(PLAN.rglob("*.py"))
    assert len(modules) >= 10
    offenders = [p.name for p in modules if imports(p) & {"streamlit", "ui", "app_pages"}]
    assert offenders == []


def test_every_plan_module_has_a_docstring():
    missing = [
        p.name for p in PLAN.rglob("*.py") if not ast.get_docstring(ast.parse(p.read_text()))
    ]
    assert missing == []
