"""A map in words and as a table: its text alternative and the rows it draws (WCAG 2.1 AA).

Both come from the ``MapView`` the figure is drawn from, so they say what the map shows: the
description repeats the legend with its counts, and the table has one row per state or area the
legend counts, in the category the map draws it in.
"""

from collections.abc import Iterable, Mapping

import pandas as pd

from i18n import formats
from i18n.collation import sort_key
from i18n.translate import _
from store.groups import region_label, un_group_label
from ui.tables.headers import shown_columns
from ui.views.focus import FocusFrame
from ui.views.map_view import MapView, in_view

# The first three columns are for code (keys, in scope or not); the others are read, under
# their headers in the active language (``ui.tables.headers``).
KEYS = ("iso3", "category", "in_scope")
SHOWN = ("State or area", "Status", "M49 region", "UN regional group")


def legend_entries(view: MapView, focus: FocusFrame) -> list[str]:
    """The legend of the map as the figure draws it: each category with its count, then the
    swatch of the faded states outside a focus."""
    entries = list(view.labels)
    if not focus.is_world:
        entries += [label for label, _fill in view.faded]
    return entries


def map_description(view: MapView, focus: FocusFrame) -> str:
    """The map in one paragraph: what it shows and where (its title), the legend with the same
    counts, and the date of the source (with the caveat of a partial list)."""
    return _("{title}. Map legend, with counts: {legend}. {source}").format(
        title=view.title, legend=formats.clauses(legend_entries(view, focus)), source=view.subtitle
    )


def map_table(
    view: MapView,
    table: pd.DataFrame,
    codes: Iterable[str],
    focus: FocusFrame,
    names: Mapping[str, str],
) -> pd.DataFrame:
    """One row per state or area the legend counts, in legend order, then by name.

    ``table`` is the endorsements table (names in the active language), ``codes`` the features
    of the geometry and ``names`` every feature's display name. The states in scope come first in
    each category; the areas outside the 195 follow in the category the map draws them in.
    """
    rows = table.set_index("iso3")
    universe = rows[rows["in_universe"]]
    states, others = in_view(universe.index, codes, focus)
    called = dict(zip(view.categories, view.names, strict=True))
    records = []
    for code in states:
        row = universe.loc[code]
        category = view.category_of(code)
        records.append(
            (
                code,
                category,
                True,
                row["name"],
                called[category],
                region_label(row["m49_region"]) if row["m49_region"] else "",
                un_group_label(row["un_regional_group"]),
            )
        )
    for code in others:
        category = view.category_of(code)
        name = rows.loc[code, "name"] if code in rows.index else names.get(code, code)
        records.append((code, category, False, name, called[category], "", ""))
    frame = pd.DataFrame(records, columns=[*KEYS, *SHOWN])
    order = {c: i for i, c in enumerate(view.categories)}
    keys = pd.DataFrame(
        {
            "order": frame["category"].map(order),
            "outside": ~frame["in_scope"].astype(bool),
            "name": frame["State or area"].map(sort_key),
        }
    )
    return frame.loc[keys.sort_values(["order", "outside", "name"]).index].reset_index(drop=True)


def shown_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The columns a person reads, under their headers in the active language."""
    return shown_columns(frame[list(SHOWN)])
