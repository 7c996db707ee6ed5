"""What presentation mode lists beside the map: the focus's endorsers, by name."""

from i18n.collation import sort_key
from store.groups import Group
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
