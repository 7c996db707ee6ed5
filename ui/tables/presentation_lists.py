"""What presentation mode lists beside the map: the focus's endorsers and whom to approach first."""

import pandas as pd

from i18n.collation import sort_key
from store.groups import Group
from ui.tables.priority import Term, default_weights, priorities
from ui.views.map_view import MapView


def leading_names(view: MapView, group: Group) -> tuple[str, ...]:
    """The members of ``group`` in the view's first category (the endorsers, the yes votes), in
    alphabetical order, each with its membership marker ("suspended") where it has one."""
    first = view.categories[0]
    members = sorted(
        (m for m in group.members if view.category_of(m.iso3) == first),
        key=lambda m: sort_key(m.name),
    )
    return tuple(f"{m.name} ({m.marker})" if m.marker else m.name for m in members)


def first_priorities(
    signals: pd.DataFrame, every: list[Term], names: pd.Series, group: Group, top: int
) -> tuple[str, ...]:
    """The names of the ``top`` members of ``group`` in outreach priority order, at the default
    weights (the outreach page's order, the briefing pack's list); ``signals`` as
    ``priority.signals`` gives them, for the states that have not endorsed."""
    mine = signals[signals.index.isin(group.codes)]
    ranked = priorities(mine, default_weights(every), names, every)
    return tuple(ranked["name"].head(top))
