"""Coverage per group: members, endorsers, share, who has not, and a sentence to say aloud."""

import pandas as pd

from instruments.prose import capitalised, join_names
from ui.figures import palette
from ui.figures.map_view import MapView
from ui.tables.groups import Group, Member, place_name

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


def tally(group: Group, endorsed: set[str]) -> str:
    """E.g. "30 of 32 NATO members have endorsed (94%)"."""
    total = len(group.members)
    done = sum(m.iso3 in endorsed for m in group.members)
    verb = "has" if done == 1 else "have"
    share = f" ({done / total:.0%})" if total else ""
    return f"{done} of {total} {_who(group)} {verb} endorsed{share}"


def _who(group: Group) -> str:
    """The noun phrase for a group's members, e.g. "European Union members"."""
    if group.kind == "world":
        return "states in scope"
    if group.kind in ("region", "subregion"):
        return f"states in {place_name(group.label)}"
    if group.kind == "ungroup":
        if group.group_id == "none":
            return "observer States outside the regional groups"
        return f"members of the {group.label}"
    return f"{group.label} members"


def _named(member: Member) -> str:
    return f"{member.name} ({member.marker})" if member.marker else member.name


def sentence(group: Group, endorsed: set[str]) -> str:
    """E.g. "12 of 27 European Union members have endorsed (44%); not yet: Austria, …"."""
    total = len(group.members)
    done = [m for m in group.members if m.iso3 in endorsed]
    missing = [m for m in group.members if m.iso3 not in endorsed]
    who = _who(group)
    if total and len(done) == total:
        text = f"All {total} {who} have endorsed."
    elif not done:
        text = f"None of the {total} {who} has endorsed yet."
    else:
        shown = missing if len(missing) <= SENTENCE_NAMES + 1 else missing[:SENTENCE_NAMES]
        names = [_named(m) for m in shown]
        if len(missing) > len(shown):
            names.append(f"{len(missing) - len(shown)} others")
        text = f"{tally(group, endorsed)}; not yet: {join_names(names)}."
    if group.outside:
        outside = join_names([m.name for m in group.outside])
        also = "is also a member" if len(group.outside) == 1 else "are also members"
        text += f" {outside} {also}, outside the 195 states in scope."
    return text


def breakdown(groups: list[Group], table: pd.DataFrame) -> pd.DataFrame:
    """One row per group, in the order given; shares are fractions of in-scope members."""
    endorsed = set(table.loc[table["endorsed"] & table["in_universe"], "iso3"])
    rows = []
    for group in groups:
        done = sum(m.iso3 in endorsed for m in group.members)
        caveats = [f"{m.name}: {m.caveat}" for m in (*group.members, *group.outside) if m.caveat]
        rows.append(
            {
                "Group": group.label,
                "Members": len(group.members),
                "Endorsed": done,
                "Share": done / len(group.members) if group.members else 0.0,
                "Not yet": ", ".join(_named(m) for m in group.members if m.iso3 not in endorsed),
                "Not in scope": ", ".join(m.name for m in group.outside),
                "Caveats": "; ".join(caveats),
                "Sentence": sentence(group, endorsed),
                "group_id": group.group_id,
                "kind": group.kind,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def _have(n: int) -> str:
    return "has" if n == 1 else "have"


def _names(members: list[Member]) -> str:
    shown = members if len(members) <= SENTENCE_NAMES + 1 else members[:SENTENCE_NAMES]
    names = [_named(m) for m in shown]
    if len(members) > len(shown):
        names.append(f"{len(members) - len(shown)} others")
    return join_names(names)


def view_tally(group: Group, view: MapView) -> str:
    """E.g. "26 of 27 (96%) European Union members have voted yes on UNGA 80/57 (2025)"."""
    total = len(group.members)
    lead = [m for m in group.members if view.category_of(m.iso3) == view.categories[0]]
    share = f" ({len(lead) / total:.0%})" if total else ""
    return f"{len(lead)} of {total}{share} {_who(group)} {_have(len(lead))} {view.phrase}"


def view_sentence(group: Group, view: MapView) -> str:
    """E.g. "26 of 27 (96%) European Union members have voted yes on …; Abstain: Hungary."."""
    total = len(group.members)
    if total and all(view.category_of(m.iso3) == palette.NO_VOTE for m in group.members):
        names = join_names([m.name for m in group.members])
        no_vote = "have no vote in the General Assembly: they are not UN members"
        return f"{capitalised(_who(group))} ({names}) {no_vote}."
    lead = [m for m in group.members if view.category_of(m.iso3) == view.categories[0]]
    text = view_tally(group, view)
    if view.categories[0] in view.detail and lead:
        text += f": {_names(lead)}"
    for cat, name in zip(view.categories, view.names, strict=True):
        members = [m for m in group.members if view.category_of(m.iso3) == cat]
        if cat in view.detail and cat != view.categories[0] and members:
            text += f"; {name}: {_names(members)}"
    text += "."
    if view.caveat:
        text += f" {view.caveat}"
    if group.outside:
        outside = join_names([m.name for m in group.outside])
        also = "is also a member" if len(group.outside) == 1 else "are also members"
        text += f" {outside} {also}, outside the 195 states in scope."
    return text


def counted(view: MapView) -> list[tuple[str, str]]:
    """The categories a group's members can fall in (never "not in scope"), with their names."""
    pairs = zip(view.categories, view.names, strict=True)
    return [(c, name) for c, name in pairs if c != palette.NOT_IN_SCOPE]


def view_breakdown(groups: list[Group], view: MapView) -> pd.DataFrame:
    """One row per group: members, a count per category of the view, the share of the first."""
    rows = []
    for group in groups:
        cats = [view.category_of(m.iso3) for m in group.members]
        counts = {name: cats.count(c) for c, name in counted(view)}
        lead = cats.count(view.categories[0])
        caveats = [f"{m.name}: {m.caveat}" for m in (*group.members, *group.outside) if m.caveat]
        rows.append(
            {
                "Group": group.label,
                "Members": len(group.members),
                **counts,
                "Share": lead / len(group.members) if group.members else 0.0,
                "States": "; ".join(
                    f"{name}: {', '.join(_named(m) for m in members)}"
                    for c, name in zip(view.categories, view.names, strict=True)
                    if c in view.detail
                    and (members := [m for m in group.members if view.category_of(m.iso3) == c])
                ),
                "Not in scope": ", ".join(m.name for m in group.outside),
                "Caveats": "; ".join(caveats),
                "Sentence": view_sentence(group, view),
                "group_id": group.group_id,
                "kind": group.kind,
            }
        )
    columns = ["Group", "Members", *(name for _, name in counted(view)), "Share", "States"]
    columns += COLUMNS[5:]
    return pd.DataFrame(rows, columns=columns)
