"""Resolution of names as listed to ISO 3166-1 alpha-3 codes, exact after normalisation."""

import difflib
from collections import defaultdict
from dataclasses import dataclass

from etl.errors import EtlError
from etl.normalise import normalise_name
from etl.reference import AliasIndex


@dataclass(frozen=True)
class ResolvedName:
    """A name as the source printed it and the code it resolves to."""

    name_as_listed: str
    iso3: str


def suggestions(name: str, index: AliasIndex, limit: int = 3) -> list[str]:
    """Close aliases of an unknown name, as "alias (ISO3)" strings, for the error message only."""
    close = difflib.get_close_matches(normalise_name(name), index.by_key, n=limit, cutoff=0.6)
    return [f"{key} ({index.by_key[key]})" for key in close]


def resolve_names(names: list[str], index: AliasIndex) -> list[ResolvedName]:
    """Resolve every name or fail listing each unknown name with suggestions; never guess."""
    unknown = [name for name in names if index.lookup(name) is None]
    if unknown:
        described = "; ".join(
            f"{name!r} (did you mean: {', '.join(suggestions(name, index)) or 'no close match'}?)"
            for name in unknown
        )
        raise EtlError(
            f"{len(unknown)} unknown name(s) in the list: {described}",
            "if a name is a real state or territory, add the spelling to "
            "data/reference/aliases_curated.csv, run scripts/build_reference.py and refresh again",
        )
    resolved = [ResolvedName(name, index.lookup(name)) for name in names]
    listed_as: dict[str, list[str]] = defaultdict(list)
    for item in resolved:
        listed_as[item.iso3].append(item.name_as_listed)
    duplicates = [
        f"{' and '.join(map(repr, names))} ({iso3})"
        for iso3, names in sorted(listed_as.items())
        if len(names) > 1
    ]
    if duplicates:
        raise EtlError(
            f"the list names a state more than once: {'; '.join(duplicates)}",
            "check the source document; a duplicated state usually means a garbled layout",
        )
    return resolved
