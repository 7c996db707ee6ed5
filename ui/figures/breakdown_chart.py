"""Pure Plotly builders of the regional breakdown charts: one stacked bar per group."""

import pandas as pd
import plotly.graph_objects as go

from i18n import formats
from i18n.translate import _
from instruments.categories import Category
from ui.figures.map_figure import FONT
from ui.tables.coverage import counted
from ui.text import plotly_text
from ui.views import palette
from ui.views.map_view import MapView


def breakdown_figure(breakdown: pd.DataFrame, title: str) -> go.Figure:
    """Horizontal stacked bars of endorsed / not yet per group, with counts and shares."""
    rows = breakdown.iloc[::-1]
    labels = [plotly_text(label) for label in rows["Group"]]
    endorsed = go.Bar(
        y=labels,
        x=rows["Endorsed"],
        orientation="h",
        name=Category(Category.ENDORSED).label,
        marker={"color": palette.COLOURS[Category.ENDORSED]},
        text=rows["Endorsed"],
        textposition="inside",
        insidetextanchor="start",
        textangle=0,
        hovertemplate=_("{group}: {count} endorsed").format(group="%{y}", count="%{x}")
        + "<extra></extra>",
    )
    not_yet = go.Bar(
        y=labels,
        x=rows["Members"] - rows["Endorsed"],
        orientation="h",
        name=_("Not yet"),
        marker={"color": palette.COLOURS[Category.NOT_ENDORSED]},
        text=[formats.percent(share) for share in rows["Share"]],
        textposition="outside",
        textangle=0,
        hovertemplate=_("{group}: {count} not yet").format(group="%{y}", count="%{x}")
        + "<extra></extra>",
        cliponaxis=False,
    )
    return _stacked_bars([endorsed, not_yet], len(rows), title, _("share endorsed"), top=56)


def view_breakdown_figure(breakdown: pd.DataFrame, view: MapView, title: str) -> go.Figure:
    """Horizontal bars stacked by the view's categories per group, with the share of the first."""
    rows = breakdown.iloc[::-1]
    labels = [plotly_text(label) for label in rows["Group"]]
    shown = counted(view)
    apart = dict(shown).get(view.background) if view.background_share else None

    def share_label(row: pd.Series) -> str:
        """The share of the first category; "no vote" where no member can take part."""
        if apart and row[apart] == row["Members"]:
            return view.background_share
        return formats.percent(row["Share"])

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
                hovertemplate=_("{group}: {count} {category}").format(
                    group="%{y}", count="%{x}", category=plotly_text(name)
                )
                + "<extra></extra>",
                cliponaxis=False,
            )
        )
    axis = _("share “{category}”").format(category=plotly_text(view.names[0]))
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
        xaxis={
            "title": {"text": _("States (labels: {share})").format(share=share)},
            "gridcolor": "#e6e6e6",
        },
        yaxis={"automargin": True},
        uniformtext={"minsize": 11, "mode": "hide"},
    )
    return fig
