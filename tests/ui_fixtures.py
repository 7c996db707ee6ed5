"""The shipped dataset and reference data loaded the way the dashboard loads them, for UI tests."""

import json
from dataclasses import dataclass
from functools import cache

import pandas as pd
import plotly.graph_objects as go

from etl.positions import load_registry
from etl.reference import load_states, read_text_table
from etl.table import table_from_csv
from instruments.matrix import status_matrix
from instruments.model import Instrument
from instruments.model import catalogue as build_catalogue
from ui.figures.focus import Focus, focus_presets
from ui.figures.geometry import Geometry, dot_states, load_geometry
from ui.tables import groups
from ui.tables.priority import Term, terms
from ui.tables.provenance import Provenance, provenance_from_meta

from conftest import REPO


@dataclass(frozen=True)
class Shipped:
    """Everything the figure builders and table logic take as input."""

    table: pd.DataFrame
    states: pd.DataFrame
    geometry: Geometry
    dots: pd.DataFrame
    groupings: dict[str, list[groups.Group]]
    focuses: dict[str, Focus]
    provenance: Provenance
    names: dict[str, str]
    positions: pd.DataFrame
    catalogue: dict[str, Instrument]
    matrix: pd.DataFrame
    terms: list[Term]


@cache
def shipped() -> Shipped:
    """Load once per test session."""
    table = table_from_csv(REPO / "data" / "endorsements.csv")
    states = load_states()
    geometry = load_geometry(REPO / "data" / "geo" / "world.geojson")
    groupings = {
        "region": groups.m49_regions(table),
        "subregion": groups.m49_subregions(table),
        "ungroup": groups.un_regional_groups(table, states),
        "org": groups.load_organisations(REPO / "data" / "reference" / "groups", table),
    }
    points = {r.iso3: (r.lon, r.lat) for r in states.itertuples()}
    every = [g for kind in groupings.values() for g in kind]
    meta = json.loads((REPO / "data" / "endorsements.meta.json").read_text(encoding="utf-8"))
    others = read_text_table(REPO / "data" / "reference" / "other_entities.csv")
    names = dict(geometry.names) | dict(zip(others["iso3"], others["name"], strict=True))
    positions = read_text_table(REPO / "data" / "positions.csv")
    provenance = provenance_from_meta(meta)
    catalogue = {i.id: i for i in build_catalogue(load_registry(), meta, provenance.source_line)}
    return Shipped(
        table=table,
        states=states,
        geometry=geometry,
        dots=dot_states(states, geometry.parts),
        groupings=groupings,
        focuses=focus_presets(every, geometry, points),
        provenance=provenance,
        names=names,
        positions=positions,
        catalogue=catalogue,
        matrix=status_matrix(positions, list(catalogue.values()), states),
        terms=terms(list(catalogue.values())),
    )


def shapes_of(figure: go.Figure) -> go.Choropleth:
    """The one choropleth trace of a map figure."""
    (shapes,) = [t for t in figure.data if t.type == "choropleth"]
    return shapes


def dots_of(figure: go.Figure) -> go.Scattergeo:
    """The small-states dot layer of a map figure (the scattergeo trace that has points)."""
    (dots,) = [t for t in figure.data if t.type == "scattergeo" and t.customdata]
    return dots
