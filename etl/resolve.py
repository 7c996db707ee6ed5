"""Resolution of names as listed to ISO 3166-1 alpha-3 codes, exact after normalisation."""

import difflib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from etl.aliases import AliasIndex
from etl.errors import EtlError
from etl.misread import diagnose
from store.normalise import normalise_name


@dataclass(frozen=True)
class ResolvedName:
    """A name as the source printed it and the code it resolves to."""

    name_as_listed: str
    iso3: str


def suggestions(name: str, index: AliasIndex, limit: int = 3) -> list[str]:
    """Close aliases of an unknown name, as "alias (ISO3)" strings, for the error message only."""
    close = difflib.get_close_matches(normalise_name(name), index.by_key, n=limit, cutoff=0.6)
    return [f"{key} ({index.by_key[key]})" for key in close]


def _unknown_error(unknown: list[str], index: AliasIndex, set_aside: Sequence[str]) -> EtlError:
    """The error for unknown names: a misread layout first, the alias table only for the rest."""
    described = [
        f"{name!r} (did you mean: {', '.join(suggestions(name, index)) or 'no close match'}?)"
        for name in unknown
    ]
    misread = [diagnose(name, index, set_aside) for name in unknown]
    if not any(misread):
        return EtlError(
            f"{len(unknown)} unknown name(s) in the list: {'; '.join(described)}",
            "if a name is a real state or territory, add the spelling to "
            "data/reference/aliases_curated.csv, run scripts/build_reference.py and refresh again",
        )
    truly = [text for text, diagnosis in zip(described, misread, strict=True) if not diagnosis]
    return EtlError(
        f"the layout of the list was misread: {'; '.join(d for d in misread if d)}"
        + (f"; also {len(truly)} unknown name(s): {'; '.join(truly)}" if truly else ""),
        "do not add these to the alias table: report the document's layout so that the reader "
        "can be fixed, or transcribe the list as an HTML list and pass it with --from-file",
    )


def resolve_names(
    names: list[str], index: AliasIndex, set_aside: Sequence[str] = ()
) -> list[ResolvedName]:
    """Resolve every name or fail; never guess.

    An unknown name that is a misread layout (names run together, a list marker, words of the
    set-aside text ``set_aside``) is reported as such; any other is listed with suggestions.
    """
    unknown = [name for name in names if index.lookup(name) is None]
    if unknown:
        raise _unknown_error(unknown, index, set_aside)
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
