"""The name index: every known name of a state, an entity outside scope or an organisation."""

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from enum import StrEnum
from types import MappingProxyType

from etl.aliases import AliasIndex, load_alias_index
from store import paths
from store.files import memo_by_stamp
from store.normalise import normalise_name
from store.reference import (
    UN_LANGUAGES,
    load_aliases,
    load_other_entities,
    load_participant_names,
    load_participant_organisations,
    load_states,
    load_territory_names,
    load_un_names,
)

# How a line equal to a name matched (LineResult.how, see participants/match.py)
BY_NAME = "name"
BY_ALIAS = "alias"
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def by_un_name(language: str) -> str:
    """How a line equal to a UN name in a language matched: "UN name (fr)"."""
    return f"UN name ({language})"


class Kind(StrEnum):
    """What a name names."""

    STATE = "state"  # one of the 195 states in scope
    OUTSIDE = "outside"  # an entity outside them: Kosovo, the Cook Islands, Taiwan
    AMBIGUOUS = "ambiguous"  # either of two states: "Korea", "Congo"
    ORGANISATION = "organisation"  # the European Union, the ICRC, UNIDIR
    NO_STATE = "no state"  # holds a state's name but names none: "Northern Ireland"


@dataclass(frozen=True)
class Target:
    """What a name names: a state or entity (``code``: ISO3), an organisation (``code``: its id)
    or the states it may mean (``choices``); ``how`` a line equal to it matched; ``capitals``: a
    name written in capitals only ("EU", "DRC"), found among other words only in capitals."""

    kind: Kind
    code: str = ""
    choices: tuple[str, ...] = ()
    how: str = BY_NAME
    capitals: bool = False


@dataclass(frozen=True)
class NameIndex:
    """Normalised name → Target; ``glyphs``: Chinese names, found inside a line of Chinese text
    (it has no spaces between words); ``states``: the codes in scope; ``aliases``: the names of
    states in scope as an alias index, for suggestions."""

    names: Mapping[str, Target]
    glyphs: Mapping[str, Target]
    states: frozenset[str]
    outside: frozenset[str]
    longest: int
    aliases: AliasIndex

    def lookup(self, text: str) -> Target | None:
        """The Target of a name written whole, after normalisation, or None."""
        return self.names.get(normalise_name(text))

    def knows(self, text: str) -> bool:
        """Whether ``text`` is a known name."""
        return self.lookup(text) is not None


def in_capitals(text: str) -> bool:
    """Whether a name is written in capitals only: "EU", "U.S.A." (not "Kenya", not "中国")."""
    return text.isupper()


def without_brackets(name: str) -> str:
    """A UN name without its bracketed part: "Pays-Bas (Royaume des)" → "Pays-Bas"."""
    return name.split("(", 1)[0].strip() if "(" in name else ""


class _Builder:
    """Collects names with their targets; two states under one name make it ambiguous."""

    def __init__(self) -> None:
        self.names: dict[str, Target] = {}

    def add(self, name: str, target: Target, capitals: bool | None = None) -> None:
        """Index ``name``; ``capitals`` says whether it is written in capitals only (by default:
        as ``name`` is written). A name written both ways is found in any case."""
        key = normalise_name(name)
        if not key:
            return
        target = replace(target, capitals=in_capitals(name) if capitals is None else capitals)
        held = self.names.get(key)
        if held is None:
            self.names[key] = target
        elif (held.kind, held.code) == (target.kind, target.code):
            self.names[key] = replace(held, capitals=held.capitals and target.capitals)
        elif held.kind in (Kind.STATE, Kind.AMBIGUOUS) and target.kind == Kind.STATE:
            choices = tuple(sorted({*held.choices, held.code, target.code} - {""}))
            self.names[key] = Target(Kind.AMBIGUOUS, choices=choices)
        else:
            raise ValueError(
                f"the name {name!r} names both {held.kind} {held.code or held.choices} and "
                f"{target.kind} {target.code}"
            )


def _named(codes: tuple[str, ...], in_scope: frozenset[str]) -> Target:
    """What a name of participant_names.csv names: nothing, an entity, or either of states."""
    if not codes:
        return Target(Kind.NO_STATE)
    if len(codes) > 1:
        return Target(Kind.AMBIGUOUS, choices=codes)
    return Target(Kind.STATE if codes[0] in in_scope else Kind.OUTSIDE, codes[0])


def build_name_index() -> NameIndex:
    """The index from the reference data: the 195 states' English names, the alias index, the UN
    names in six languages (with and without a bracketed part), the entities outside scope,
    the organisations, and last participant_names.csv: names of entities outside scope the
    aliases lack, names that may mean either of two states, and those that hold a state's name
    but name none."""
    states = load_states()
    in_scope = frozenset(states["iso3"])
    entities = load_other_entities()
    build = _Builder()
    for iso3, name in zip(states["iso3"], states["name"], strict=True):
        build.add(name, Target(Kind.STATE, iso3, how=BY_NAME))
    aliases = load_aliases()
    lower_case = {normalise_name(a) for a in aliases["alias"] if not in_capitals(a)}
    for key, iso3 in load_alias_index().by_key.items():
        kind = Kind.STATE if iso3 in in_scope else Kind.OUTSIDE
        build.add(key, Target(kind, iso3, how=BY_ALIAS), capitals=key not in lower_case)
    un_names = load_un_names()
    for language in UN_LANGUAGES:
        how = BY_NAME if language == "en" else by_un_name(language)
        for iso3, name in un_names[language].items():
            for form in (name, without_brackets(name)):
                build.add(form, Target(Kind.STATE, iso3, how=how))
    for iso3, name in zip(entities["iso3"], entities["name"], strict=True):
        build.add(name, Target(Kind.OUTSIDE, iso3, how=BY_NAME))
    for iso3, row in load_territory_names().iterrows():
        for name in row:
            build.add(name, Target(Kind.OUTSIDE, iso3, how=BY_NAME))
    for row in load_participant_organisations().to_dict("records"):
        spellings = [row["en"], row["fr"], row["es"], *filter(None, row["spellings"].split("|"))]
        for spelling in spellings:
            build.add(spelling, Target(Kind.ORGANISATION, row["id"]))
    names = build.names
    for row in load_participant_names().to_dict("records"):
        names[normalise_name(row["name"])] = _named(
            tuple(filter(None, row["codes"].split("|"))), in_scope
        )
    state_names = {key: t.code for key, t in names.items() if t.kind == Kind.STATE}
    return NameIndex(
        names=MappingProxyType(names),
        glyphs=MappingProxyType({k: t for k, t in names.items() if _CJK.search(k)}),
        states=in_scope,
        outside=frozenset(entities["iso3"]),
        longest=max(len(key.split()) for key in names),
        aliases=AliasIndex(by_key=MappingProxyType(state_names)),
    )


_FILES = (
    "states.csv",
    "aliases.csv",
    "names.csv",
    "other_entities.csv",
    "territory_names.csv",
    "participant_organisations.csv",
    "participant_names.csv",
)


@memo_by_stamp(lambda: tuple(paths.reference_dir() / name for name in _FILES))
def name_index() -> NameIndex:
    """The name index, built again when a reference file changes."""
    return build_name_index()


@memo_by_stamp(
    lambda: (paths.reference_dir() / "states.csv", paths.reference_dir() / "other_entities.csv")
)
def english_names() -> Mapping[str, str]:
    """ISO3 → the English name of a state in scope or of an entity outside it."""
    names = {}
    for table in (load_other_entities(), load_states()):
        names |= dict(zip(table["iso3"], table["name"], strict=True))
    return MappingProxyType(names)


@memo_by_stamp(lambda: (paths.reference_dir() / "participant_organisations.csv",))
def organisation_names() -> Mapping[str, Mapping[str, str]]:
    """Organisation id → its name in English, French and Spanish (``{"en": …, "fr": …}``)."""
    table = load_participant_organisations()
    return MappingProxyType(
        {
            row["id"]: MappingProxyType({lang: row[lang] for lang in ("en", "fr", "es")})
            for row in table.to_dict("records")
        }
    )
