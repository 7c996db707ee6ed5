"""Meta-tests that keep the architecture honest: one-way imports, no network in the app."""

import ast
from pathlib import Path

import pytest

from conftest import REPO
from source_imports import imported_modules

# Modules that open network connections; urllib.parse and the like are fine.
NETWORK = (
    "requests",
    "urllib3",
    "urllib.request",
    "http.client",
    "http.server",
    "socket",
    "ssl",
    "ftplib",
    "smtplib",
    "httpx",
    "aiohttp",
)


def dotted_imports(source: str) -> set[str]:
    """Full dotted names of what ``source`` imports; ``from a import b`` gives ``a`` and ``a.b``."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def touches_network(source: str) -> bool:
    return any(
        name == module or name.startswith(f"{module}.")
        for name in dotted_imports(source)
        for module in NETWORK
    )


def python_files(*folders: str) -> list[Path]:
    return [path for folder in folders for path in sorted((REPO / folder).rglob("*.py"))]


def test_etl_never_imports_streamlit():
    offenders = [p.name for p in python_files("etl") if "streamlit" in imported_modules(p)]
    assert python_files("etl") and not offenders


def test_only_fetch_touches_the_network():
    users = {p.name for p in python_files("etl") if touches_network(p.read_text(encoding="utf-8"))}
    assert users == {"fetch.py"}


@pytest.mark.parametrize(
    "source",
    [
        "import urllib.request",
        "from urllib import request",
        "from urllib.request import urlopen",
        "import http.client as client",
        "from http import client",
        "import socket",
        "from socket import create_connection",
        "import requests",
        "from requests.adapters import HTTPAdapter",
        "import urllib3",
        "def f():\n    import ssl",
    ],
)
def test_network_imports_are_caught(source):
    assert touches_network(source)


@pytest.mark.parametrize(
    "source",
    [
        "from urllib.parse import urljoin, urlsplit",
        "import urllib.parse",
        "from http import HTTPStatus",
        "import ipaddress",
        "from . import socket",  # a sibling module, not the standard library's
    ],
)
def test_harmless_imports_pass(source):
    assert not touches_network(source)


def test_every_module_has_a_docstring():
    missing = [
        str(p.relative_to(REPO))
        for p in python_files("etl", "scripts")
        if not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))
    ]
    assert not missing
