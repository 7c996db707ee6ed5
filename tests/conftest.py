"""Shared test fixtures: a copy of the shipped dataset, snapshots, and an in-process ETL runner."""

import json
import os
import shutil
import stat
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from etl.__main__ import main as etl_main

pytest_plugins = ["plan_fixtures", "browser_fixtures"]  # plan databases; the browser and its app

REPO = Path(__file__).resolve().parent.parent
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
