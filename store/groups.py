"""Groupings of states: M49 regions and sub-regions, UN regional groups, and organisations."""

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import pandas as pd

from i18n.collation import sort_key
from i18n.translate import N_, _, active
from store.data_text import translated
from store.files import read_text_table
from store.glossary import place, term
from store.reference import load_other_entities, local_names


class GroupKind(StrEnum):
    """A kind of group; its value is what URLs, focus keys and tables say ("region", "org", …)."""

    REGION = "region"
    SUBREGION = "subregion"
    UNGROUP = "ungroup"
    ORG = "org"

    @property
    def label(self) -> str:
        """Its name in the active language: "Region (UN M49)", "Organisation", …"""
        return _(KIND_LABELS[self])


KIND_LABELS = {  # translated where shown (GroupKind.label)
    GroupKind.REGION: N_("Region (UN M49)"),
    GroupKind.SUBREGION: N_("Sub-region (UN M49)"),
    GroupKind.UNGROUP: N_("UN regional group"),
    GroupKind.ORG: N_("Organisation"),
}
UN_GROUP_LABELS = {
    "African": "African Group",
    "Asia-Pacific": "Asia-Pacific Group",
    "Eastern European": "Eastern European Group",
    "Latin American and Caribbean": "Latin American and Caribbean Group",
    "Western European and Others": "Western European and Others Group",
}
NO_UN_GROUP = "No regional group (observer States)"  # the glossary gives it in each language
# How "in <region>" reads where the plain "in" + label does not (the glossary has the others' form).
PLACE_NAMES = {"Americas": "in the Americas", "Caribbean": "in the Caribbean"}
CAVEAT_PREFIXES = ("SUSPENDED", "UNVERIFIED")


@dataclass(frozen=True)
class Member:
    """A member of a group; ``caveat`` is the part of its note that qualifies the membership, in
    the language the group was read in (``note`` as the data file gives it)."""

    iso3: str
    name: str
    note: str = ""
    caveat: str = ""

    @property
    def marker(self) -> str:
        """A short qualifier for lists of names: "suspended", "unverified" or nothing."""
        if self.note.startswith("SUSPENDED"):
            return _("suspended")
        return _("membership unverified") if self.note.startswith("UNVERIFIED") else ""


@dataclass(frozen=True)
class Group:
    """A named set of states; members outside the 195-state universe are kept apart."""

    group_id: str
    label: str
    kind: str
    members: tuple[Member, ...]
    outside: tuple[Member, ...] = ()
    as_of: str = ""

    @cached_property
    def codes(self) -> frozenset[str]:
        """ISO3 codes of the members inside the universe."""
        return frozenset(m.iso3 for m in self.members)


def region_label(value: str) -> str:
    """An M49 region or sub-region as the data names it ("Africa"), in the active language."""
    return term("m49-region", value, value)


def un_group_label(value: str) -> str:
    """A UN regional group as the data names it ("African"), in the active language."""
    return term("un-group", value or "none", UN_GROUP_LABELS.get(value, NO_UN_GROUP))


def in_place(label: str) -> str:
    """ "In" and a region's label (in the active language): "in Africa", "in the Americas",
    "dans les Amériques", "en el Caribe"."""
    return place(label) or PLACE_NAMES.get(label) or _("in {place}").format(place=label)


def slug(text: str) -> str:
    """``"Latin America and the Caribbean"`` → ``"latin-america-and-the-caribbean"``."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def by_name(names: pd.Series) -> pd.Series:
    """A sort key for names in the active language (accents and case ignored)."""
    return names.map(sort_key)


def _universe(table: pd.DataFrame) -> pd.DataFrame:
    return table[table["in_universe"]].sort_values("name", key=by_name)


def _by_column(table: pd.DataFrame, column: str, kind: str) -> list[Group]:
    groups = []
    for value, rows in _universe(table).groupby(column, sort=True):
        members = tuple(Member(r.iso3, r.name) for r in rows.itertuples())
        groups.append(Group(slug(value), region_label(value), kind, members))
    return groups


def m49_regions(table: pd.DataFrame) -> list[Group]:
    """The five M49 regions, over the 195 states."""
    return _by_column(table, "m49_region", "region")


def m49_subregions(table: pd.DataFrame) -> list[Group]:
    """The M49 sub-regions, over the 195 states."""
    return _by_column(table, "m49_subregion", "subregion")


def un_regional_groups(table: pd.DataFrame, states: pd.DataFrame) -> list[Group]:
    """The five UN regional groups, then the observer States that belong to none."""
    notes = dict(zip(states["iso3"], states["regional_group_note"], strict=True))  # all caveats
    groups = []
    universe = _universe(table)
    for value in [*UN_GROUP_LABELS, ""]:
        rows = universe[universe["un_regional_group"] == value]
        members = tuple(
            Member(r.iso3, r.name, notes[r.iso3], translated(notes[r.iso3]))
            for r in rows.itertuples()
        )
        group_id = slug(UN_GROUP_LABELS[value]) if value else "none"
        groups.append(Group(group_id, un_group_label(value), "ungroup", members))
    return groups


def load_organisations(groups_dir: Path, table: pd.DataFrame) -> list[Group]:
    """Every organisation of groups/index.csv, members split into universe states and others.

    A member outside the 195 takes its area's name in the language when the group names it as
    the reference data does ("Cook Islands"), else the group's own name, translated.
    """
    names = dict(zip(table["iso3"], table["name"], strict=True))
    universe = set(table.loc[table["in_universe"], "iso3"])
    others = load_other_entities()
    english = dict(zip(others["iso3"], others["name"], strict=True))
    local = local_names(active())
    organisations = []
    for row in read_text_table(groups_dir / "index.csv").itertuples():
        rows = read_text_table(groups_dir / f"{row.group_id}.csv")
        if rows.empty:
            raise ValueError(f"{row.group_id}.csv lists no members")
        inside, outside = [], []
        for member in rows.itertuples():
            caveat = translated(member.note) if member.note.startswith(CAVEAT_PREFIXES) else ""
            if member.iso3 in universe:
                inside.append(Member(member.iso3, names[member.iso3], member.note, caveat))
            else:
                same = english.get(member.iso3) == member.name
                name = local.get(member.iso3, member.name) if same else translated(member.name)
                outside.append(Member(member.iso3, name, member.note, caveat))
        inside.sort(key=lambda m: sort_key(m.name))
        label = term("organisation", row.group_id, row.label)
        organisations.append(
            Group(row.group_id, label, "org", tuple(inside), tuple(outside), row.as_of)
        )
    return organisations
