"""The plan's progress per group as stacked bars, each status in its colour on the scale."""

import pandas as pd
import plotly.graph_objects as go

from i18n.translate import _
from ui.figures.map_figure import FONT
from ui.tables.plan_scale import SCALE
from ui.tables.plan_words import plan_word
from ui.text import plotly_text
from ui.views import palette

TICK_STEPS = (1, 2, 5, 10, 20)  # a group has at most 195 members: at most ten ticks


def progress_figure(counts: pd.DataFrame) -> go.Figure:
    """One bar per group of ``counts`` (``ui.tables.plan_table.progress``), its members stacked
    by status in the scale's order; each segment holds its count, in a colour that reads on it."""
    rows = counts.iloc[::-1]  # the first group on top
    groups = [plotly_text(group) for group in rows["Group"]]
    bars = [
        go.Bar(
            y=groups,
            x=rows[status],
            orientation="h",
            name=plotly_text(plan_word(status)),
            marker={"color": shade.fill, "line": {"color": "white", "width": 1}},
            text=[str(n) if n else "" for n in rows[status]],
            textposition="inside",
            insidetextanchor="middle",
            textfont={"color": shade.text},
            textangle=0,
            hovertemplate=_("{group}: {count} {category}").format(
                group="%{y}", count="%{x}", category=plotly_text(plan_word(status))
            )
            + "<extra></extra>",
        )
        for status, shade in SCALE.items()
    ]
    most = int(rows[list(SCALE)].sum(axis=1).max())  # the widest bar sets the step: whole states
    step = next(n for n in TICK_STEPS if most <= 10 * n)
    figure = go.Figure(bars)
    figure.update_layout(
        barmode="stack",
        height=100 + 36 * len(rows),
        margin={"l": 8, "r": 16, "t": 60, "b": 40},
        font={"family": FONT, "color": palette.TEXT, "size": 14},
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "traceorder": "normal"},
        paper_bgcolor="white",
        plot_bgcolor="white",
        xaxis={"title": {"text": _("States")}, "gridcolor": "#e6e6e6", "dtick": step},
        yaxis={"automargin": True},
        uniformtext={"minsize": 11, "mode": "hide"},
    )
    return figure
