"""The headline of a view in a focus: its key figures and the sentence that leads, as the
presentation mode shows them and the briefing pack prints them."""

from dataclasses import dataclass

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _
from instruments.prose import capitalised
from store.groups import Group, Member
from ui.tables.coverage import counted, view_tally
from ui.tables.dataset import Dataset
from ui.views.focus import FocusFrame
from ui.views.map_view import MapView


@dataclass(frozen=True)
class Headline:
    """The key figures (label, value) and the leading sentence of a view in a focus."""

    key_figures: tuple[tuple[str, str], ...]
    lead: str


def share_text(part: int, whole: int) -> str:
    """A share in the active language: "7 of 27 (26%)", "7 sur 27 (26 %)"."""
    return _("{count} of {total} ({share})").format(
        count=formats.number(part), total=formats.number(whole), share=formats.percent(part / whole)
    )


def focus_group(data: Dataset, focus: FocusFrame) -> Group:
    """The focus as a group of states in scope: the world, the preset's region or group, or the
    group the user made."""
    if focus.is_world or focus.focus.is_group:
        universe = data.table[data.table["in_universe"]].sort_values(
            "name",
            key=lambda names: names.map(sort_key),  # accent-blind: Égypte among the E's
        )
        if focus.focus.is_group:  # a group the user made: its members in scope
            universe = universe[universe["iso3"].isin(focus.members)]
            members = tuple(Member(r.iso3, r.name) for r in universe.itertuples())
            return Group(focus.group_id, focus.label, focus.kind, members)
        members = tuple(Member(r.iso3, r.name) for r in universe.itertuples())
        return Group("world", _("the world"), "world", members)
    return next(g for g in data.groupings[focus.kind] if g.group_id == focus.group_id)


def key_figures(data: Dataset, view: MapView, group: Group) -> tuple[tuple[str, str], ...]:
    """N of M in the first category (share) against the world share, then each other category
    that has members."""
    first = view.categories[0]
    total = len(group.members)
    lead = sum(view.category_of(m.iso3) == first for m in group.members)
    universe = list(data.table.loc[data.table["in_universe"], "iso3"])
    world = sum(view.category_of(c) == first for c in universe)
    label = _("{category}: {group}").format(category=view.names[0], group=group.label)
    figures = [(label, share_text(lead, total))]
    if group.kind != "world":
        world_label = _("{category}: the world").format(category=view.names[0])
        figures.append((world_label, share_text(world, len(universe))))
    for category, name in counted(view)[1:]:
        count = sum(view.category_of(m.iso3) == category for m in group.members)
        if count:  # an empty category is not a figure to show ("Abstain: 0")
            figures.append((name, formats.number(count)))
    return tuple(figures)


def lead_sentence(group: Group, view: MapView) -> str:
    """The sentence that leads: "3 of the 5 G7 members have endorsed …"."""
    return f"{capitalised(view_tally(group, view))}."


def headline(data: Dataset, view: MapView, focus: FocusFrame) -> Headline:
    """The headline of ``view`` (the map of a focus) for the focus's group of states."""
    group = focus_group(data, focus)
    return Headline(key_figures(data, view, group), lead_sentence(group, view))
