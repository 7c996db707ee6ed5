"""Pure Plotly figure builders: the maps and the regional breakdown charts."""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ui import mapstyle, palette
from ui.coverage import counted
from ui.focus import PROJECTION, WORLD, Focus
from ui.geometry import Geometry
from ui.mapview import MapView, call_to_action_view
from ui.text import plotly_text

FONT = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'
MAP_HEIGHT = 680
MAP_MARGIN = {"l": 8, "r": 8, "t": 64, "b": 30}
FADED = {palette.ENDORSED: 3, palette.NOT_ENDORSED: 4}  # z codes of states outside the focus


def colourscale(
    colours: list[str] | None = None,
) -> list[list]:
    """A stepped scale, one band per colour; by default the Call to Action's.

    There z 0-2 are the categories and 3-4 the faded endorsed / not endorsed.
    """
    if colours is None:
        colours = [mapstyle.fill(c, faded=False) for c in palette.CATEGORIES]
        colours += [mapstyle.fill(c, faded=True) for c in FADED]
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


def _legend(view: MapView, focus: Focus) -> list[go.Scattergeo]:
    entries = [
        _legend_entry(label, palette.COLOURS[c], palette.FOCUS_BORDER)
        for label, c in zip(view.labels, view.categories, strict=True)
    ]
    if focus.kind != WORLD:
        entries.append(_legend_entry(mapstyle.FADED_LABEL, view.faded_swatch, "#b5b5b5"))
    return entries


def map_figure(
    table: pd.DataFrame,
    geometry: Geometry,
    dots: pd.DataFrame,
    focus: Focus,
    names: Mapping[str, str],
    as_of: str,
    source_line: str,
) -> go.Figure:
    """The Call to Action map of a focus."""
    view = call_to_action_view(table, geometry.codes, focus, names, as_of, source_line)
    return view_figure(view, geometry, dots, focus)


def view_figure(view: MapView, geometry: Geometry, dots: pd.DataFrame, focus: Focus) -> go.Figure:
    """One choropleth over the committed geometry, a dot layer for small states, and a legend."""
    codes = geometry.codes
    focused = focus.kind != WORLD
    faded_fills = view.faded_fills
    index = {c: i for i, c in enumerate(view.categories)}

    def z(code: str) -> int:
        if view.is_faded(code, focus):
            return len(view.categories) + faded_fills.index(view.fill(code, focus))
        return index[view.category_of(code)]

    def strong(code: str) -> bool:
        return focused and mapstyle.in_focus(code, focus)

    colours = [palette.COLOURS[c] for c in view.categories] + faded_fills
    shapes = go.Choropleth(
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
                "color": [palette.FOCUS_BORDER if strong(c) else palette.BORDER for c in codes],
                "width": [0.8 if strong(c) else 0.5 for c in codes],
            }
        },
        unselected={"marker": {"opacity": 1}},
        showlegend=False,
        name="States",
    )
    dot_codes = list(dots["iso3"])
    dot_colours, dot_lines, dot_sizes = [], [], []
    for code in dot_codes:
        faded = view.is_faded(code, focus)
        dot_colours.append(view.fill(code, focus))
        dot_lines.append("#9a9a9a" if faded else palette.DOT_OUTLINE)
        dot_sizes.append(6 if faded else 9)
    small = go.Scattergeo(
        lon=list(dots["lon"]),
        lat=list(dots["lat"]),
        mode="markers",
        marker={
            "size": dot_sizes,
            "color": dot_colours,
            "line": {"color": dot_lines, "width": 1.2},
            "opacity": 1,
        },
        customdata=dot_codes,
        text=[view.hover[code] for code in dot_codes],
        hovertemplate="%{text}<extra></extra>",
        unselected={"marker": {"opacity": 1}},
        showlegend=False,
        name="Small states",
    )
    # The lon/lat dots come first: plotly.js decides from the first trace whether to fetch its
    # topojson, and this map needs none (its shapes are inline). Plotly draws scattergeo above
    # choropleths whatever the order, so the dots stay on top.
    fig = go.Figure([small, shapes, *_legend(view, focus)])
    fig.update_layout(
        template="none",
        height=MAP_HEIGHT,
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
    return fig


def plotly_config(file_stem: str) -> dict:
    """Plotly config: local topojson (never the CDN), modebar image named after the view."""
    return {
        "topojsonURL": "app/static/",
        "displaylogo": False,
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


def breakdown_figure(breakdown: pd.DataFrame, title: str) -> go.Figure:
    """Horizontal stacked bars of endorsed / not yet per group, with counts and shares."""
    rows = breakdown.iloc[::-1]
    labels = [plotly_text(label) for label in rows["Group"]]
    endorsed = go.Bar(
        y=labels,
        x=rows["Endorsed"],
        orientation="h",
        name=palette.ENDORSED,
        marker={"color": palette.COLOURS[palette.ENDORSED]},
        text=rows["Endorsed"],
        textposition="inside",
        insidetextanchor="start",
        textangle=0,
        hovertemplate="%{y}: %{x} endorsed<extra></extra>",
    )
    not_yet = go.Bar(
        y=labels,
        x=rows["Members"] - rows["Endorsed"],
        orientation="h",
        name="Not yet",
        marker={"color": palette.COLOURS[palette.NOT_ENDORSED]},
        text=[f"{share:.0%}" for share in rows["Share"]],
        textposition="outside",
        textangle=0,
        hovertemplate="%{y}: %{x} not yet<extra></extra>",
        cliponaxis=False,
    )
    return _stacked_bars([endorsed, not_yet], len(rows), title, "share endorsed", top=56)


def view_breakdown_figure(breakdown: pd.DataFrame, view: MapView, title: str) -> go.Figure:
    """Horizontal bars stacked by the view's categories per group, with the share of the first."""
    rows = breakdown.iloc[::-1]
    labels = [plotly_text(label) for label in rows["Group"]]
    shown = counted(view)
    no_vote = dict(shown).get(palette.NO_VOTE)

    def share_label(row: pd.Series) -> str:
        """The share of the first category; "no vote" where no member can vote."""
        if no_vote and row[no_vote] == row["Members"]:
            return "no vote"
        return f"{row['Share']:.0%}"

    shares = [share_label(row) for _, row in rows.iterrows()]
    bars = []
    for i, (cat, name) in enumerate(shown):
        last = i == len(shown) - 1
        bars.append(
            go.Bar(
                y=labels,
                x=rows[name],
                orientation="h",
                name=plotly_text(name),
                marker={"color": palette.COLOURS[cat], "line": {"color": "white", "width": 0.5}},
                text=shares if last else rows[name],
                textposition="outside" if last else "inside",
                insidetextanchor="start",
                textangle=0,
                hovertemplate=f"%{{y}}: %{{x}} {plotly_text(name)}<extra></extra>",
                cliponaxis=False,
            )
        )
    axis = f"share “{plotly_text(view.names[0])}”"
    return _stacked_bars(bars, len(rows), title, axis, top=76)


def _stacked_bars(bars: list[go.Bar], groups: int, title: str, share: str, top: int) -> go.Figure:
    """The layout both breakdown charts share: one row per group, legend on top, white paper."""
    fig = go.Figure(bars)
    fig.update_layout(
        barmode="stack",
        height=top + 54 + 30 * groups,
        margin={"l": 8, "r": 48, "t": top, "b": 40},
        font={"family": FONT, "color": palette.TEXT, "size": 14},
        title={"text": plotly_text(title), "x": 0.005, "font": {"size": 17}},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "traceorder": "normal"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"title": {"text": f"States (labels: {share})"}, "gridcolor": "#e6e6e6"},
        yaxis={"automargin": True},
        uniformtext={"minsize": 11, "mode": "hide"},
    )
    return fig
