"""Loading of the reference tables: the universe of states, other entities and the alias index."""

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd

from etl import paths
from etl.normalise import normalise_name


def read_text_table(path: Path) -> pd.DataFrame:
    """Read a reference CSV with every column as text and empty cells as empty strings."""
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")


@cache
def load_states() -> pd.DataFrame:
    """The universe: 193 UN member states and 2 observer states, one row each, sorted by ISO3."""
    states = read_text_table(paths.reference_dir() / "states.csv")
    for column in ("lat", "lon", "area_km2"):
        states[column] = pd.to_numeric(states[column])
    return states


@cache
def load_other_entities() -> pd.DataFrame:
    """Entities outside the universe a source may list (ISO 3166-1 territories, Kosovo)."""
    return read_text_table(paths.reference_dir() / "other_entities.csv")


@dataclass(frozen=True)
class AliasIndex:
    """Normalised name → ISO3."""

    by_key: dict[str, str]

    def lookup(self, name: str) -> str | None:
        """The ISO3 code whose alias matches ``name`` exactly after normalisation, or None."""
        return self.by_key.get(normalise_name(name))


@cache
def load_alias_index() -> AliasIndex:
    """The alias table as a lookup index; fails if two codes claim one normalised alias."""
    aliases = read_text_table(paths.reference_dir() / "aliases.csv")
    by_key: dict[str, str] = {}
    for iso3, alias in zip(aliases["iso3"], aliases["alias"], strict=True):
        key = normalise_name(alias)
        if by_key.setdefault(key, iso3) != iso3:
            raise ValueError(f"alias {alias!r} names both {by_key[key]} and {iso3}")
    return AliasIndex(by_key=by_key)
