"""Synthetic published data for the watch tests: the shipped dataset, then a refresh's changes."""

import json
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from instruments.model import CALL_TO_ACTION
from store.published import META_FILE, POSITIONS_FILE

from conftest import copy_shipped_data


def published(target: Path) -> Path:
    """A copy of the shipped dataset, retrieved today (so no refresh is failing)."""
    data = copy_shipped_data(target)
    set_meta(data, retrieved_at=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    return data


def set_meta(data: Path, **values: str) -> None:
    """Change fields of the published metadata."""
    meta = json.loads((data / META_FILE).read_text(encoding="utf-8"))
    meta.update(values)
    (data / META_FILE).write_text(json.dumps(meta, indent=2), encoding="utf-8")


def refresh(data: Path, removed: list[str], added: list[str], as_of: str) -> None:
    """A new Call to Action list: ``removed`` leave it, ``added`` join it, all as of ``as_of``."""
    positions = pd.read_csv(data / POSITIONS_FILE, dtype=str, keep_default_na=False)
    ours = positions["instrument"] == CALL_TO_ACTION
    positions = positions[~(ours & positions["iso3"].isin(removed))]
    template = positions[positions["instrument"] == CALL_TO_ACTION].iloc[0]
    rows = [
        template.to_dict() | {"iso3": iso3, "name": iso3, "name_as_listed": iso3} for iso3 in added
    ]
    positions = pd.concat([positions, pd.DataFrame(rows)], ignore_index=True)
    positions.loc[positions["instrument"] == CALL_TO_ACTION, "as_of"] = as_of
    positions.to_csv(data / POSITIONS_FILE, index=False)
    set_meta(data, source_as_of=as_of, document_sha256="ab" * 32)
