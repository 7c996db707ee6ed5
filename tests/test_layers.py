"""The packages' layers, as docs/architecture.md's table gives them, hold for every Python file."""

import ast
import re
import subprocess
from pathlib import Path

from conftest import REPO

ROW = re.compile(r"^\| `([a-z0-9_.]+)` \| ([^|]+) \|", re.MULTILINE)


def layers() -> dict[str, set[str]]:
    """Package → the packages it may import, read from the table in docs/architecture.md."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    return {
        name: set(re.findall(r"`([a-z0-9_.]+)`", allowed)) for name, allowed in ROW.findall(table)
    }


def unit(path: Path) -> str:
    """The package of a file as the table names it: ``ui.tables``, ``etl``, ``dashboard``."""
    parts = path.relative_to(REPO).with_suffix("").parts
    if parts[0] == "ui" and len(parts) > 1:
        return f"ui.{parts[1]}"
    return parts[0]


def imported_units(path: Path, known: set[str]) -> set[str]:
    """The known packages a file imports (``from ui import cache`` is ``ui.cache``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for module in modules:
            parts = module.split(".")
            name = ".".join(parts[:2]) if parts[0] == "ui" else parts[0]
            if name in known:
                found.add(name)
    return found


def python_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [
        REPO / name
        for name in listed
        if (REPO / name).is_file() and name != "ui/__init__.py"  # the namespace's empty marker
    ]


def test_the_table_is_read():
    table = layers()
    assert table["i18n"] == set() and table["store"] == {"i18n"} and len(table) > 15


def test_every_file_imports_only_what_its_layer_may():
    table = layers()
    known = set(table)
    wrong = []
    for path in python_files():
        own = unit(path)
        assert own in table, f"{path.relative_to(REPO)}: package {own} has no row in the table"
        if "every package" in " ".join(table[own]) or own == "tests":
            continue
        for other in sorted(imported_units(path, known) - table[own] - {own}):
            wrong.append(f"{path.relative_to(REPO)} ({own}) imports {other}")
    assert not wrong, "\n".join(wrong)


def test_a_lower_layer_importing_a_higher_one_is_caught(tmp_path):
    probe = REPO / "store" / "_probe_for_test_layers.py"
    probe.write_text("from ui import cache\n", encoding="utf-8")
    try:
        assert imported_units(probe, set(layers())) == {"ui.cache"}
        assert "ui.cache" not in layers()["store"]
    finally:
        probe.unlink()
