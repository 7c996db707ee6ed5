"""The alias index: every known way of writing a state's name, normalised, to its ISO3 code."""

from dataclasses import dataclass
from types import MappingProxyType

from store.normalise import normalise_name
from store.reference import load_aliases


@dataclass(frozen=True)
class AliasIndex:
    """Normalised name → ISO3."""

    by_key: MappingProxyType

    def lookup(self, name: str) -> str | None:
        """The ISO3 code whose alias matches ``name`` exactly after normalisation, or None."""
        return self.by_key.get(normalise_name(name))

    def knows(self, name: str) -> bool:
        """Whether some alias matches ``name`` exactly after normalisation."""
        return self.lookup(name) is not None


def load_alias_index() -> AliasIndex:
    """The alias table as a lookup index; fails if two codes claim one normalised alias."""
    aliases = load_aliases()
    by_key: dict[str, str] = {}
    for iso3, alias in zip(aliases["iso3"], aliases["alias"], strict=True):
        key = normalise_name(alias)
        if by_key.setdefault(key, iso3) != iso3:
            raise ValueError(f"alias {alias!r} names both {by_key[key]} and {iso3}")
    return AliasIndex(by_key=MappingProxyType(by_key))
