"""Git never offers to commit a secret, a backup of one, or an export of the plan's notes."""

import shutil
import subprocess

import pytest

from conftest import REPO

IGNORED = [
    ".streamlit/secrets.toml",
    "deploy/secrets.toml",
    "deploy/.env",
    ".streamlit/secrets.toml~",  # emacs, nano
    ".streamlit/.secrets.toml.swp",  # vim
    ".streamlit/.secrets.toml.swo",
    ".streamlit/secrets.toml.bak",
    ".streamlit/#secrets.toml#",
    "deploy/secrets.toml.orig",
    "notes.bak",
    "plan.json",  # python -m plan export --out plan.json, as docs/plan.md shows
    "state/plan.sqlite",
    "state/plan.sqlite-wal",
    "INTERNAL-outreach-plan-reaim-2023-call-to-action-2025-01-31.csv",
    "INTERNAL-outreach-plan-reaim-2023-call-to-action-2025-01-31.xlsx",
]
KEPT = ["deploy/env.example", "data/endorsements.csv", "docs/plan.md", ".streamlit/config.toml"]


def ignored(path: str) -> bool:
    """Whether git ignores ``path`` (tracked or not, existing or not)."""
    done = subprocess.run(
        ["git", "-C", str(REPO), "check-ignore", "--quiet", "--no-index", path],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.returncode == 0


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("path", IGNORED)
def test_secrets_their_backups_and_plan_exports_are_ignored(path):
    assert ignored(path)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("path", KEPT)
def test_the_shipped_files_are_not(path):
    assert not ignored(path)
