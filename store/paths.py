"""Filesystem locations of the project, anchored to this file and overridable by environment."""

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """The published dataset directory (``REAIM_DATA_DIR`` overrides the repo's ``data/``)."""
    return Path(os.environ.get("REAIM_DATA_DIR", REPO_ROOT / "data"))


def reference_dir() -> Path:
    """Reference data: the universe of states, aliases and group memberships."""
    return REPO_ROOT / "data" / "reference"


def geo_dir() -> Path:
    """Map geometry derived once by ``scripts/build_geometry.py``."""
    return REPO_ROOT / "data" / "geo"


def instruments_dir() -> Path:
    """Related instruments: the registry and one positions file per instrument."""
    return REPO_ROOT / "data" / "instruments"


def sources_dir() -> Path:
    """Transcribed source documents that the bundled dataset is built from."""
    return REPO_ROOT / "data" / "sources"


def work_dir() -> Path:
    """Scratch space outside the published data: locks and rejected downloads."""
    return Path(os.environ.get("REAIM_ETL_WORK_DIR", REPO_ROOT / ".etl-work"))
