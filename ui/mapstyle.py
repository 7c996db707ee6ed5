"""How each map feature is drawn, shared by the interactive and the printable map."""

from collections.abc import Iterable

import pandas as pd

from ui import palette
from ui.focus import WORLD, Focus

# A state smaller than this is a speck of 1-3 px on a world map 1,200-1,900 px wide (about 3.5-5 px
# per degree): hard to see and impossible to hover, so it also gets a dot. 20,000 km² is a square of
# 140 km, about 4 px; it catches Qatar, Lebanon, Cyprus, Palestine, Jamaica, the Bahamas, Fiji,
# Eswatini and Kuwait but not Israel, Slovenia or El Salvador, which stay visible as shapes.
DOT_AREA_KM2 = 20_000
FADED_LABEL = "Outside this focus (faded)"


def category(row: pd.Series | None) -> str:
    """A map category: universe states by whether they endorsed, everything else not in scope."""
    if row is None or not row["in_universe"]:
        return palette.NOT_IN_SCOPE
    return palette.ENDORSED if row["endorsed"] else palette.NOT_ENDORSED


def in_focus(code: str, focus: Focus) -> bool:
    """Whether a feature is drawn at full strength: everything on the world view, else members."""
    return focus.kind == WORLD or code in focus.members


def is_faded(cat: str, code: str, focus: Focus) -> bool:
    """States outside the focus are faded; territories not in scope always stay as they are."""
    return cat != palette.NOT_IN_SCOPE and not in_focus(code, focus)


def fill(cat: str, faded: bool) -> str:
    """The fill colour of a feature or dot."""
    colour = palette.COLOURS[cat]
    return palette.dimmed(colour) if faded else colour


def dot_states(states: pd.DataFrame, shaped: Iterable[str]) -> pd.DataFrame:
    """Universe states drawn as a dot: smaller than DOT_AREA_KM2, or without a shape (Tuvalu)."""
    small = (states["area_km2"] < DOT_AREA_KM2) | ~states["iso3"].isin(set(shaped))
    return states.loc[small, ["iso3", "name", "lat", "lon", "area_km2"]].reset_index(drop=True)


def legend_labels(table: pd.DataFrame, codes: Iterable[str], focus: Focus) -> list[str]:
    """Legend labels with counts, one per category, for the whole world or the focus members."""
    universe = table[table["in_universe"]]
    if focus.kind == WORLD:
        endorsed = int(universe["endorsed"].sum())
        outside = len(set(codes) - set(universe["iso3"]))
        return [
            f"Endorsed ({endorsed})",
            f"Not endorsed ({len(universe) - endorsed})",
            f"Not in scope ({outside} territories and areas)",
        ]
    members = universe[universe["iso3"].isin(focus.members)]
    endorsed = int(members["endorsed"].sum())
    outside = len(focus.members - set(universe["iso3"]))
    return [
        f"Endorsed ({endorsed} of {len(members)})",
        f"Not endorsed ({len(members) - endorsed} of {len(members)})",
        f"Not in scope ({outside} {'member' if outside == 1 else 'members'})"
        if outside
        else "Not in scope",
    ]
