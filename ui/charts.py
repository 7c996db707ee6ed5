"""Pure Plotly figure builders: the coverage map and the regional breakdown chart."""

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from ui import mapstyle, palette
from ui.focus import PROJECTION, WORLD, Focus
from ui.geometry import Geometry
from ui.text import plotly_text

FONT = '"Source Sans", "Source Sans Pro", "Helvetica Neue", Arial, sans-serif'
MAP_HEIGHT = 680
MAP_MARGIN = {"l": 8, "r": 8, "t": 64, "b": 30}
CATEGORY_INDEX = {c: i for i, c in enumerate(palette.CATEGORIES)}
FADED = {palette.ENDORSED: 3, palette.NOT_ENDORSED: 4}  # z codes of states outside the focus
STATUS_TEXT = {"member": "UN member State", "observer": "UN non-member observer State"}


def colourscale() -> list[list]:
    """A stepped scale: z 0-2 are the categories, 3-4 the faded endorsed / not endorsed."""
    colours = [mapstyle.fill(c, faded=False) for c in palette.CATEGORIES]
    colours += [mapstyle.fill(c, faded=True) for c in FADED]
    n = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / n, colour], [(i + 1) / n, colour]]
    return scale


def hover_text(code: str, row: pd.Series | None, names: Mapping[str, str], as_of: str) -> str:
    """The tooltip of one state or territory, escaped for Plotly."""
    if row is None or not row["in_universe"]:
        name = row["name"] if row is not None else names.get(code, code)
        lines = [f"<b>{plotly_text(name)}</b>", "Not in scope: not a UN member or observer State"]
        if row is not None and row["endorsed"]:
            lines.append(f"Listed by the source as “{plotly_text(row['name_as_listed'])}”")
        return "<br>".join(lines)
    if row["endorsed"]:
        status = f"<b>Endorsed</b>, listed as “{plotly_text(row['name_as_listed'])}”"
    else:
        status = f"<b>Not endorsed</b> (not on the list as of {plotly_text(as_of)})"
    region = " · ".join(v for v in (row["m49_region"], row["m49_subregion"]) if v)
    group = row["un_regional_group"] or "none (observer State)"
    return "<br>".join(
        [
            f"<b>{plotly_text(row['name'])}</b>",
            status,
            STATUS_TEXT.get(row["un_status"], plotly_text(row["un_status"])),
            f"M49 region: {plotly_text(region)}",
            f"UN regional group: {plotly_text(group)}",
        ]
    )


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


def _legend(table: pd.DataFrame, geometry: Geometry, focus: Focus) -> list[go.Scattergeo]:
    labels = mapstyle.legend_labels(table, geometry.codes, focus)
    entries = [
        _legend_entry(label, palette.COLOURS[c], palette.FOCUS_BORDER)
        for label, c in zip(labels, palette.CATEGORIES, strict=True)
    ]
    if focus.kind != WORLD:
        faded = mapstyle.fill(palette.NOT_ENDORSED, faded=True)
        entries.append(_legend_entry(mapstyle.FADED_LABEL, faded, "#b5b5b5"))
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
    """One choropleth over the committed geometry, a dot layer for small states, and a legend."""
    rows = {row["iso3"]: row for _, row in table.iterrows()}
    codes = geometry.codes
    focused = focus.kind != WORLD

    def z(code: str) -> int:
        cat = mapstyle.category(rows.get(code))
        return FADED[cat] if mapstyle.is_faded(cat, code, focus) else CATEGORY_INDEX[cat]

    def strong(code: str) -> bool:
        return focused and mapstyle.in_focus(code, focus)

    shapes = go.Choropleth(
        geojson=geometry.geojson,
        featureidkey="properties.iso3",
        locations=codes,
        z=[z(code) for code in codes],
        zmin=-0.5,
        zmax=len(FADED) + len(palette.CATEGORIES) - 0.5,
        colorscale=colourscale(),
        showscale=False,
        customdata=codes,
        text=[hover_text(code, rows.get(code), names, as_of) for code in codes],
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
        cat = mapstyle.category(rows.get(code))
        faded = mapstyle.is_faded(cat, code, focus)
        dot_colours.append(mapstyle.fill(cat, faded))
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
        text=[hover_text(code, rows.get(code), names, as_of) for code in dot_codes],
        hovertemplate="%{text}<extra></extra>",
        unselected={"marker": {"opacity": 1}},
        showlegend=False,
        name="Small states",
    )
    fig = go.Figure([shapes, small, *_legend(table, geometry, focus)])
    fig.update_layout(
        template="none",
        height=MAP_HEIGHT,
        margin=MAP_MARGIN,
        paper_bgcolor=palette.OCEAN,
        plot_bgcolor=palette.OCEAN,
        font={"family": FONT, "color": palette.TEXT, "size": 14},
        title={
            "text": plotly_text(focus.title),
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
                "text": plotly_text(source_line),
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
    fig = go.Figure([endorsed, not_yet])
    fig.update_layout(
        barmode="stack",
        height=110 + 30 * len(rows),
        margin={"l": 8, "r": 48, "t": 56, "b": 40},
        font={"family": FONT, "color": palette.TEXT, "size": 14},
        title={"text": plotly_text(title), "x": 0.005, "font": {"size": 17}},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "traceorder": "normal"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"title": {"text": "States (labels: share endorsed)"}, "gridcolor": "#e6e6e6"},
        yaxis={"automargin": True},
        uniformtext={"minsize": 11, "mode": "hide"},
    )
    return fig
