"""Pure Plotly figure builders: the maps and the regional breakdown charts."""

import pandas as pd
import plotly.graph_objects as go

from ui.text import plotly_text
from ui.views import palette
from ui.views.focus import PROJECTION, FocusFrame
from ui.views.geometry import Geometry
from ui.views.map_view import MapView

FONT = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'
MAP_HEIGHT = 680
MAP_MARGIN = {"l": 8, "r": 8, "t": 64, "b": 30}


def colourscale(colours: list[str]) -> list[list]:
    """A stepped scale, one band per colour (z 0, 1, 2, … each take one)."""
    n = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    return scale


def _legend_entry(name: str, colour: str, outline: str) -> go.Scattergeo:
    return go.Scattergeo(
        lon=[None],
        lat=[None],
        mode="markers",
        name=name,
        marker={
            "symbol": "square",
            "size": 15,
            "color": colour,
            "line": {"color": outline, "width": 1},
        },
        hoverinfo="skip",
        showlegend=True,
    )


def _legend(view: MapView, focus: FocusFrame) -> list[go.Scattergeo]:
    entries = [
        _legend_entry(label, palette.COLOURS[c], palette.FOCUS_BORDER)
        for label, c in zip(view.labels, view.categories, strict=True)
    ]
    if not focus.is_world:
        entries += [_legend_entry(label, fill, palette.FADED_BORDER) for label, fill in view.faded]
    return entries


def _shapes(view: MapView, geometry: Geometry, focus: FocusFrame) -> go.Choropleth:
    """One choropleth of every shape: a z band per category, then one per faded fill."""
    codes = geometry.codes
    faded_fills = view.faded_fills
    index = {c: i for i, c in enumerate(view.categories)}

    def z(code: str) -> int:
        if view.is_faded(code, focus):
            return len(view.categories) + faded_fills.index(view.fill(code, focus))
        return index[view.category_of(code)]

    def strong(code: str) -> bool:
        return not focus.is_world and focus.highlights(code)

    colours = [palette.COLOURS[c] for c in view.categories] + faded_fills
    return go.Choropleth(
        geojson=geometry.geojson,
        featureidkey="properties.iso3",
        locations=codes,
        z=[z(code) for code in codes],
        zmin=-0.5,
        zmax=len(colours) - 0.5,
        colorscale=colourscale(colours),
        showscale=False,
        customdata=codes,
        text=[view.hover[code] for code in codes],
        hovertemplate="%{text}<extra></extra>",
        marker={
            "line": {
                "color": [_border(view, focus, c) for c in codes],
                "width": [0.8 if strong(c) else 0.5 for c in codes],
            }
        },
        unselected={"marker": {"opacity": 1}},
        showlegend=False,
        name="States",
    )


def _border(view: MapView, focus: FocusFrame, code: str) -> str:
    """A focus member's dark outline, a faded state's grey one, else white between states."""
    if not focus.is_world and focus.highlights(code):
        return palette.FOCUS_BORDER
    return palette.FADED_BORDER if view.is_faded(code, focus) else palette.BORDER


def _dots(view: MapView, dots: pd.DataFrame, focus: FocusFrame) -> go.Scattergeo:
    """A dot for each small state, in its category's fill; faded dots are smaller."""
    codes = list(dots["iso3"])
    faded = [view.is_faded(code, focus) for code in codes]
    return go.Scattergeo(
        lon=list(dots["lon"]),
        lat=list(dots["lat"]),
        mode="markers",
        marker={
            "size": [6 if f else 9 for f in faded],
            "color": [view.fill(code, focus) for code in codes],
            "line": {
                "color": ["#9a9a9a" if f else palette.DOT_OUTLINE for f in faded],
                "width": 1.2,
            },
            "opacity": 1,
        },
        customdata=codes,
        text=[view.hover[code] for code in codes],
        hovertemplate="%{text}<extra></extra>",
        unselected={"marker": {"opacity": 1}},
        showlegend=False,
        name="Small states",
    )


def map_figure(
    view: MapView,
    geometry: Geometry,
    dots: pd.DataFrame,
    focus: FocusFrame,
    height: int = MAP_HEIGHT,
) -> go.Figure:
    """One choropleth over the committed geometry, a dot layer for small states, and a legend."""
    # The lon/lat dots come first: plotly.js decides from the first trace whether to fetch its
    # topojson, and this map needs none (its shapes are inline). Plotly draws scattergeo above
    # choropleths whatever the order, so the dots stay on top.
    fig = go.Figure(
        [_dots(view, dots, focus), _shapes(view, geometry, focus), *_legend(view, focus)]
    )
    fig.update_layout(_layout(view, focus), height=height)
    return fig


def _layout(view: MapView, focus: FocusFrame) -> dict:
    """Title, legend, source line, hover style and the geo frame of the focus."""
    return dict(
        template="none",
        margin=MAP_MARGIN,
        paper_bgcolor=palette.OCEAN,
        plot_bgcolor=palette.OCEAN,
        font={"family": FONT, "color": palette.TEXT, "size": 14},
        title={
            "text": plotly_text(view.title),
            "x": 0.005,
            "xanchor": "left",
            "y": 0.985,
            "yanchor": "top",
            "font": {"size": 19},
        },
        legend={
            "orientation": "h",
            "x": 0.005,
            "xanchor": "left",
            "y": 1.0,
            "yanchor": "bottom",
            "itemclick": False,
            "itemdoubleclick": False,
            "font": {"size": 14},
            "bgcolor": "rgba(255,255,255,0)",
        },
        hoverlabel={
            "bgcolor": "white",
            "bordercolor": "#8a8a8a",
            "font": {"size": 14, "family": FONT},
        },
        clickmode="event+select",
        dragmode="pan",
        uirevision=focus.key,
        annotations=[
            {
                "text": plotly_text(view.source_line),
                "x": 0.005,
                "xref": "paper",
                "xanchor": "left",
                "y": 0,
                "yref": "paper",
                "yanchor": "top",
                "yshift": -6,
                "showarrow": False,
                "font": {"size": 11, "color": palette.MUTED_TEXT},
            }
        ],
        geo={
            "projection": {"type": PROJECTION, "rotation": {"lon": focus.centre_lon}},
            "center": {
                "lon": focus.centre_lon,
                "lat": (focus.lat_range[0] + focus.lat_range[1]) / 2,
            },
            "lonaxis": {"range": list(focus.lon_range)},
            "lataxis": {"range": list(focus.lat_range)},
            "fitbounds": False,
            "visible": False,
            "showframe": False,
            "showcoastlines": False,
            "showcountries": False,
            "showland": False,
            "showocean": False,
            "showlakes": False,
            "showrivers": False,
            "showsubunits": False,
            "bgcolor": palette.OCEAN,
        },
    )


def plotly_config(file_stem: str) -> dict:
    """Plotly config: local topojson (never the CDN), modebar image named after the view."""
    return {
        "topojsonURL": "app/static/",
        "displaylogo": False,
        "showSendToCloud": False,  # plotly.js 4 shows "Share chart…" (uploads to Plotly Cloud)
        "scrollZoom": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d"],
        "toImageButtonOptions": {
            "format": "png",
            "filename": file_stem,
            "width": 1600,
            "height": 800,
            "scale": 2,
        },
    }
