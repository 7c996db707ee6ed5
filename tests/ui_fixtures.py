"""The shipped dataset loaded the way the packs and the dashboard load it, for UI tests."""

from functools import cache

import plotly.graph_objects as go

from i18n.translate import use
from ui.tables.dataset import Dataset, load_dataset

from conftest import REPO


@cache
def shipped(language: str = "en") -> Dataset:
    """The shipped dataset loaded in ``language``, once a test session (tests only read it)."""
    with use(language):
        return load_dataset(REPO / "data")


def shapes_of(figure: go.Figure) -> go.Choropleth:
    """The one choropleth trace of a map figure."""
    (shapes,) = [t for t in figure.data if t.type == "choropleth"]
    return shapes


def dots_of(figure: go.Figure) -> go.Scattergeo:
    """The small-states dot layer of a map figure (the scattergeo trace that has points)."""
    (dots,) = [t for t in figure.data if t.type == "scattergeo" and t.customdata]
    return dots
