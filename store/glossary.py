"""Official French and Spanish terms for regions, groups, organisations and instruments.

The terms live in ``data/reference/glossary.csv`` with their sources, so that translators and
reviewers work from one file: ``kind`` and ``key`` name what a term stands for (a registry id, a
group id or the English name the reference data uses), ``en``/``fr``/``es`` give it, and
``status_fr``/``status_es`` say whether it is the official term ("official") or a careful
translation of ours ("unofficial", shown as such on the sources page).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from i18n.languages import DEFAULT
from i18n.translate import active
from store import paths
from store.files import memo_by_stamp, read_text_table

GLOSSARY_FILE = paths.reference_dir() / "glossary.csv"
KINDS = (
    "m49-region",  # key: the English M49 name (regions, sub-regions, intermediate regions)
    "un-group",  # key: the English name of a UN regional group as un-regional-groups.csv gives it
    "organisation",  # key: the group id of data/reference/groups/index.csv
    "instrument-title",  # key: the registry id; the full title
    "instrument-short",  # key: the registry id; the short title used in legends and tables
    "instrument-object",  # key: the registry id; the short title after a verb ("the …")
    "place",  # key: an English M49 name; "in" and the region ("in the Americas")
    "members",  # key: an organisation's group id; its members after a count ("… of the 54 …")
)
STATUSES = ("official", "unofficial")


@dataclass(frozen=True)
class Entry:
    """One term in the three interface languages, with its status and source per language."""

    kind: str
    key: str
    names: Mapping[str, str]
    status: Mapping[str, str]
    source: str
    note: str


def read_glossary(path: Path = GLOSSARY_FILE) -> Mapping[tuple[str, str], Entry]:
    """Every entry by (kind, key), read-only; a malformed file is a ValueError naming the row."""
    frame = read_text_table(path)
    found: dict[tuple[str, str], Entry] = {}
    for number, row in enumerate(frame.to_dict("records"), start=2):
        where = f"{path.name} line {number}"
        if row["kind"] not in KINDS:
            raise ValueError(f"{where}: unknown kind {row['kind']!r}")
        if (row["kind"], row["key"]) in found:
            raise ValueError(f"{where}: {row['kind']} {row['key']!r} appears twice")
        statuses = {"fr": row["status_fr"], "es": row["status_es"]}
        if set(statuses.values()) - set(STATUSES):
            raise ValueError(f"{where}: status must be one of {STATUSES}")
        names = {lang: row[lang].strip() for lang in ("en", "fr", "es")}
        if not all(names.values()):
            raise ValueError(f"{where}: a name is empty")
        found[(row["kind"], row["key"])] = Entry(
            row["kind"],
            row["key"],
            MappingProxyType(names),
            MappingProxyType(statuses),
            row["source"],
            row["note"],
        )
    return MappingProxyType(found)


@memo_by_stamp(lambda: (GLOSSARY_FILE,))
def glossary() -> Mapping[tuple[str, str], Entry]:
    """The committed glossary, read again when the file changes."""
    return read_glossary()


def term(kind: str, key: str, english: str) -> str:
    """The term for ``kind``/``key`` in the active language; ``english`` when English is active.

    A term missing from the glossary falls back to ``english``; the glossary test makes sure
    every label the data uses has an entry, so that fallback never shows in French or Spanish.
    """
    language = active()
    if language == DEFAULT:
        return english
    entry = glossary().get((kind, key))
    return entry.names[language] if entry else english


def place(label: str) -> str:
    """ "In" and a region's label (in the active language), when the glossary has the phrase.

    ``"Americas"`` → "in the Americas", ``"Amériques"`` → "dans les Amériques"; else "".
    """
    language = active()
    for (kind, key), entry in glossary().items():
        if kind != "place":
            continue
        region = glossary().get(("m49-region", key))
        shown = key if language == DEFAULT else (region.names[language] if region else key)
        if shown == label:
            return entry.names[language]
    return ""
