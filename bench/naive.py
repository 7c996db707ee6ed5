"""The naive coverage map the benchmark compares against: px.choropleth over raw 1:50m geometry."""

import json
from pathlib import Path

import plotly.express as px
import plotly.graph_objects as go

from store import paths
from store.published import table_from_csv


def naive_figure(geojson_path: Path) -> go.Figure:
    """What a first version would do: categorical colour (a trace per category), raw shapes."""
    geometry = json.loads(geojson_path.read_text(encoding="utf-8"))
    table = table_from_csv(paths.data_dir() / "endorsements.csv")
    table["status"] = table["endorsed"].map({True: "Endorsed", False: "Not endorsed"})
    figure = px.choropleth(
        table,
        geojson=geometry,
        locations="m49_code",
        featureidkey="properties.id",
        color="status",
        hover_name="name",
    )
    # Base layers off, as the offline setup requires (the served base map is an empty TopoJSON).
    return figure.update_geos(visible=False)
