"""The locks `make` installs from agree with the pins people edit (requirements*.txt)."""

import re
from pathlib import Path

import pytest

from conftest import REPO

PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[^]]*\])?==([^\s;\\]+)", re.MULTILINE)


def pins(path: Path) -> dict[str, str]:
    """Package name (normalised as pip does) → version, of every ``name==version`` line."""
    return {
        re.sub(r"[-_.]+", "-", name).lower(): version
        for name, version in PIN.findall(path.read_text(encoding="utf-8"))
    }


@pytest.mark.parametrize("stem", ["requirements", "requirements-dev"])
def test_every_pin_is_locked_at_its_version(stem: str):
    wanted, locked = pins(REPO / f"{stem}.txt"), pins(REPO / f"{stem}.lock")
    assert wanted and {name: locked.get(name) for name in wanted} == wanted, "run `make lock`"


def test_the_app_runs_on_the_versions_the_tests_run():
    app, tests = pins(REPO / "requirements.lock"), pins(REPO / "requirements-dev.lock")
    assert app and {name: tests.get(name) for name in app} == app


@pytest.mark.parametrize("stem", ["requirements", "requirements-dev"])
def test_every_locked_package_carries_its_hashes(stem: str):
    text = (REPO / f"{stem}.lock").read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
    unhashed = [e.split()[0] for e in entries if "==" in e and "--hash=sha256:" not in e]
    assert len(entries) > 50 and not unhashed
