"""What a Python source file imports, read from its syntax tree (for the architecture tests)."""

import ast
from pathlib import Path


def imported_modules(path: Path) -> set[str]:
    """Top-level names of the packages a file imports (``os`` for ``os.path``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names
