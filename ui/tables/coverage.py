"""Coverage per group: members, endorsers, share, who has not, and a sentence to say aloud."""

from collections.abc import Collection
from dataclasses import replace

import pandas as pd

from i18n import formats
from i18n.translate import _, ngettext
from instruments.categories import Category
from instruments.prose import capitalised, join_names
from store.focus import GROUP, Focus
from store.glossary import term
from store.groups import Group, Member, in_place
from ui.views.map_view import MapView

SENTENCE_NAMES = 12  # a sentence names at most this many states that have not endorsed
COLUMNS = [
    "Group",
    "Members",
    "Endorsed",
    "Share",
    "Not yet",
    "Not in scope",
    "Caveats",
    "Sentence",
    "group_id",
    "kind",
]


def tally(group: Group, endorsed: set[str], among: Focus | None = None) -> str:
    """E.g. "30 of 32 NATO members have endorsed (94%)"; ``among``: see ``within``."""
    total = len(group.members)
    done = sum(m.iso3 in endorsed for m in group.members)
    return ngettext(
        "{done} of {total} {who} has endorsed{share}",
        "{done} of {total} {who} have endorsed{share}",
        done,
    ).format(
        done=formats.number(done),
        total=formats.number(total),
        who=_who(group, among),
        share=_share(done, total),
    )


def _share(done: int, total: int) -> str:
    """ " (94%)" after a count, "" when the group is empty."""
    return f" ({formats.percent(done / total)})" if total else ""


def _who(group: Group, among: Focus | None = None) -> str:
    """The noun phrase for a group's members, e.g. "European Union members"; those of a group
    the user made (``among``) in it: "members of your group (European Union)"."""
    if among is not None:
        if among.name:
            return _("members of the group “{group}” ({within})").format(
                group=among.name, within=group.label
            )
        return _("members of your group ({within})").format(within=group.label)
    if group.kind == GROUP:  # the focus is a group the user made: its label is its name
        if group.label == _("Your group"):  # not named (ui.views.focus labels it so)
            return _("states in your group")
        return _("states in the group “{group}”").format(group=group.label)
    if group.kind == "world":
        return _("states in scope")
    if group.kind in ("region", "subregion"):
        return _("states {in_place}").format(in_place=in_place(group.label))
    if group.kind == "ungroup":
        if group.group_id == "none":
            return _("observer States outside the regional groups")
        return _("members of the {group}").format(group=group.label)
    english = _("{organisation} members").format(organisation=group.label)
    return term("members", group.group_id, english)  # with the article French and Spanish need


def _named(member: Member) -> str:
    return f"{member.name} ({member.marker})" if member.marker else member.name


def _labelled(label: str, text: str) -> str:
    """ "Label: text" with the language's spacing ("Label : text" in French)."""
    return _("{label}: {text}").format(label=label, text=text)


def _also_members(group: Group) -> str:
    """ "Kosovo is also a member, outside the 195 states in scope."; "" when none is outside."""
    if not group.outside:
        return ""
    return ngettext(
        "{names} is also a member, outside the 195 states in scope.",
        "{names} are also members, outside the 195 states in scope.",
        len(group.outside),
    ).format(names=join_names([m.name for m in group.outside]))


def _others(n: int) -> str:
    return ngettext("{count} other", "{count} others", n).format(count=formats.number(n))


def sentence(group: Group, endorsed: set[str], among: Focus | None = None) -> str:
    """E.g. "12 of 27 European Union members have endorsed (44%); not yet: Austria, …"."""
    total = len(group.members)
    done = [m for m in group.members if m.iso3 in endorsed]
    missing = [m for m in group.members if m.iso3 not in endorsed]
    who = _who(group, among)
    if among is not None and total == 1:
        return _one_member(group, bool(done), among)
    if total and len(done) == total:
        text = _("All {total} {who} have endorsed.").format(total=formats.number(total), who=who)
    elif not done:
        text = _("None of the {total} {who} has endorsed yet.").format(
            total=formats.number(total), who=who
        )
    elif len(done) <= SENTENCE_NAMES:  # few: say who
        text = _("{tally}: {names}; not yet: {missing}.").format(
            tally=tally(group, endorsed, among), names=_names(done), missing=_names(missing)
        )
    else:
        text = _("{tally}; not yet: {names}.").format(
            tally=tally(group, endorsed, among), names=_names(missing)
        )
    return " ".join(filter(None, (text, _also_members(group))))


def _one_member(group: Group, done: bool, among: Focus) -> str:
    """The sentence of a group one member of the user's group belongs to: "Asia: Republic of
    Korea, the one member of the group “Nairobi consultation”, has endorsed."."""
    if among.name:
        said = (
            _("{within}: {name}, the one member of the group “{group}”, has endorsed.")
            if done
            else _("{within}: {name}, the one member of the group “{group}”, has not endorsed yet.")
        )
    else:
        said = (
            _("{within}: {name}, the one member of your group, has endorsed.")
            if done
            else _("{within}: {name}, the one member of your group, has not endorsed yet.")
        )
    return said.format(within=group.label, name=_named(group.members[0]), group=among.name)


def within(groups: list[Group], codes: Collection[str]) -> list[Group]:
    """The groups restricted to the members among ``codes`` (a group the user made), those with
    none left out: the regional breakdown of its members. Members outside scope are left out too
    (a group the user made holds states in scope only)."""
    found = []
    for group in groups:
        members = tuple(m for m in group.members if m.iso3 in codes)
        if members:
            found.append(replace(group, members=members, outside=()))
    return found


def of_group(title: str, among: Focus) -> str:
    """A title or scope said of a group the user made: "…: members of your group only"."""
    if among.name:
        return _("{title}: members of the group “{group}” only").format(
            title=title, group=among.name
        )
    return _("{title}: members of your group only").format(title=title)


def breakdown(groups: list[Group], endorsed: set[str], among: Focus | None = None) -> pd.DataFrame:
    """One row per group, in the order given; shares are fractions of in-scope members. With
    ``among`` (a group the user made; ``groups`` restricted to it by ``within``), the sentences
    say they count its members."""
    rows = []
    for group in groups:
        done = sum(m.iso3 in endorsed for m in group.members)
        caveats = [
            _labelled(m.name, m.caveat) for m in (*group.members, *group.outside) if m.caveat
        ]
        rows.append(
            {
                "Group": group.label,
                "Members": len(group.members),
                "Endorsed": done,
                "Share": done / len(group.members) if group.members else 0.0,
                "Not yet": ", ".join(_named(m) for m in group.members if m.iso3 not in endorsed),
                "Not in scope": ", ".join(m.name for m in group.outside),
                "Caveats": formats.clauses(caveats),
                "Sentence": sentence(group, endorsed, among),
                "group_id": group.group_id,
                "kind": group.kind,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _names(members: list[Member]) -> str:
    shown = members if len(members) <= SENTENCE_NAMES + 1 else members[:SENTENCE_NAMES]
    names = [_named(m) for m in shown]
    if len(members) > len(shown):
        names.append(_others(len(members) - len(shown)))
    return join_names(names)


def view_tally(group: Group, view: MapView, among: Focus | None = None) -> str:
    """E.g. "26 of 27 (96%) European Union members have voted yes on UNGA 80/57 (2025)"."""
    total = len(group.members)
    lead = [m for m in group.members if view.category_of(m.iso3) == view.categories[0]]
    if total and not lead:  # never "0 of 11 (0%) … have"
        return _("none of the {total} {who} has {phrase}").format(
            total=formats.number(total), who=_who(group, among), phrase=view.phrase
        )
    return ngettext(
        "{done} of {total}{share} {who} has {phrase}",
        "{done} of {total}{share} {who} have {phrase}",
        len(lead),
    ).format(
        done=formats.number(len(lead)),
        total=formats.number(total),
        share=_share(len(lead), total),
        who=_who(group, among),
        phrase=view.phrase,
    )


def view_sentence(group: Group, view: MapView, among: Focus | None = None) -> str:
    """E.g. "26 of 27 (96%) European Union members have voted yes on …; Abstain: Hungary."."""
    total = len(group.members)
    if (
        total
        and view.background_group
        and all(view.category_of(m.iso3) == view.background for m in group.members)
    ):
        names = join_names([m.name for m in group.members])
        return capitalised(view.background_group.format(who=_who(group, among), names=names))
    lead = [m for m in group.members if view.category_of(m.iso3) == view.categories[0]]
    parts = [view_tally(group, view, among)]
    if lead and (view.categories[0] in view.detail or len(lead) <= min(SENTENCE_NAMES, total - 1)):
        parts[0] = _labelled(parts[0], _names(lead))
    for cat, name in zip(view.categories, view.names, strict=True):
        members = [m for m in group.members if view.category_of(m.iso3) == cat]
        if cat in view.detail and cat != view.categories[0] and members:
            parts.append(_labelled(name, _names(members)))
    text = capitalised(formats.clauses(parts)) + "."
    return " ".join(filter(None, (text, view.caveat, _also_members(group))))


def counted(view: MapView) -> list[tuple[str, str]]:
    """The categories a group's members can fall in (never "not in scope"), with their names."""
    pairs = zip(view.categories, view.names, strict=True)
    return [(c, name) for c, name in pairs if c != Category.NOT_IN_SCOPE]


def view_breakdown(groups: list[Group], view: MapView, among: Focus | None = None) -> pd.DataFrame:
    """One row per group: members, a count per category of the view, the share of the first
    (``among``: as for ``breakdown``)."""
    rows = []
    for group in groups:
        cats = [view.category_of(m.iso3) for m in group.members]
        counts = {name: cats.count(c) for c, name in counted(view)}
        lead = cats.count(view.categories[0])
        caveats = [
            _labelled(m.name, m.caveat) for m in (*group.members, *group.outside) if m.caveat
        ]
        rows.append(
            {
                "Group": group.label,
                "Members": len(group.members),
                **counts,
                "Share": lead / len(group.members) if group.members else 0.0,
                "States": formats.clauses(
                    _labelled(name, ", ".join(_named(m) for m in members))
                    for c, name in zip(view.categories, view.names, strict=True)
                    if c in view.detail
                    and (members := [m for m in group.members if view.category_of(m.iso3) == c])
                ),
                "Not in scope": ", ".join(m.name for m in group.outside),
                "Caveats": formats.clauses(caveats),
                "Sentence": view_sentence(group, view, among),
                "group_id": group.group_id,
                "kind": group.kind,
            }
        )
    columns = ["Group", "Members", *(name for _, name in counted(view)), "Share", "States"]
    columns += COLUMNS[5:]
    return pd.DataFrame(rows, columns=columns)
