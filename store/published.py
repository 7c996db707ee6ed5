"""The dataset the ETL publishes in ``data/`` (REAIM_DATA_DIR): its files and how they are read."""

from io import StringIO
from pathlib import Path

import pandas as pd

TABLE_FILE = "endorsements.csv"
META_FILE = "endorsements.meta.json"
CHANGELOG_FILE = "changelog.csv"
POSITIONS_FILE = "positions.csv"
PUBLISHED_FILES = (TABLE_FILE, META_FILE, CHANGELOG_FILE, POSITIONS_FILE)
COLUMNS = [
    "iso3",
    "name",
    "endorsed",
    "name_as_listed",
    "in_universe",
    "un_status",
    "m49_code",
    "m49_region",
    "m49_subregion",
    "m49_intermediate_region",
    "un_regional_group",
]
BOOLEAN_COLUMNS = ("endorsed", "in_universe")


def table_from_csv(data: bytes | str | Path) -> pd.DataFrame:
    """Read a published table; booleans become bool, everything else text."""
    source = StringIO(data.decode("utf-8")) if isinstance(data, bytes) else data
    table = pd.read_csv(source, dtype=str, keep_default_na=False)
    for column in BOOLEAN_COLUMNS:
        if column in table.columns:
            table[column] = table[column].map({"true": True, "false": False})
    return table
