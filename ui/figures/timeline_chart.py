"""The endorsers of each instrument over time: one panel each, on one time axis (Plotly).

Each list is a step line of its endorsers by the day each is evidenced (blue), over a grey band
up to those not established that day (day only bounded, or unconfirmed), with the counts its
sources published as outlined ochre diamonds; each form that states do not join (a vote) is a
panel of points. Shapes and lightness tell them apart as much as hue does: the palette's blue,
the faded mid grey and ochre lie far apart in lightness, and the published counts are diamonds.
The ticks are years, the same in every language; every hover is written in the active one.
"""

import textwrap
from datetime import date

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from i18n import formats
from i18n.translate import _, ngettext
from instruments.timeline import dated, precision_word
from store.data_text import site, web_addresses
from ui.figures.map_figure import FONT
from ui.tables.endorser_series import Points, Series, Timeline
from ui.text import plotly_text
from ui.views import palette

PANEL_HEIGHT = 150  # pixels per instrument
SOURCE_WIDTH = 64  # characters per line of a source in a hover
SOURCE_LENGTH = 120  # characters at most of a source without a web address, in a hover


def _step_hover(row) -> str:
    """One day of a series in words: evidenced, and what the band adds."""
    lines = [
        ngettext(
            "{day}: {count} endorser evidenced", "{day}: {count} endorsers evidenced", row.evidenced
        ).format(day=formats.long_date(row.day), count=formats.number(row.evidenced))
    ]
    if row.upper > row.evidenced:
        lines.append(
            _("at most {upper}: {unknown} unknown on this date, {unconfirmed} unconfirmed").format(
                upper=formats.number(row.upper),
                unknown=formats.number(row.unknown),
                unconfirmed=formats.number(row.unconfirmed),
            )
        )
    return "<br>".join(plotly_text(line) for line in lines)


def _published_hover(row) -> str:
    """A published count, its day and how exact it is, what the source said, and the source."""
    lines = [
        _("{count} published, {day} ({precision})").format(
            count=formats.number(row.reported),
            day=dated(row.day.isoformat(), row.precision),
            precision=precision_word(row.precision),
        ),
        _("As published: {text}").format(text=row.as_published),
        *textwrap.wrap(
            _("Source: {source}").format(
                source=", ".join(site(a) for a in web_addresses(row.source))
                or textwrap.shorten(row.source, SOURCE_LENGTH, placeholder=" …")
            ),
            SOURCE_WIDTH,
        ),
    ]
    return "<br>".join(plotly_text(line) for line in lines)


def _series_traces(series: Series, shown: set[str]) -> list[go.Scatter]:
    """The band (its floor, then its ceiling filled down to it), the line, the published counts;
    each kind named in the legend once (``shown`` keeps which are)."""
    steps = {column: series.steps[column].to_list() for column in series.steps}  # plain JSON
    band = steps["upper"] != steps["evidenced"]
    hover = [_step_hover(row) for row in series.steps.itertuples()]
    traces = []
    if band:
        traces += [
            go.Scatter(
                x=steps["day"],
                y=steps["evidenced"],
                mode="lines",
                line={"shape": "hv", "width": 0},
                hoverinfo="skip",
                showlegend=False,
            ),
            go.Scatter(
                x=steps["day"],
                y=steps["upper"],
                mode="lines",
                line={"shape": "hv", "width": 1, "color": palette.MID_GREY, "dash": "dot"},
                fill="tonexty",
                fillcolor=palette.BAND,
                name=plotly_text(
                    _("At most: with those whose day is only bounded, or unconfirmed")
                ),
                legendgroup="band",
                showlegend="band" not in shown,
                hoverinfo="skip",
            ),
        ]
        shown.add("band")
    traces.append(
        go.Scatter(
            x=steps["day"],
            y=steps["evidenced"],
            mode="lines",
            line={"shape": "hv", "width": 2.5, "color": palette.BLUE},
            name=plotly_text(_("Endorsers, by the day each is evidenced")),
            legendgroup="evidenced",
            showlegend="evidenced" not in shown,
            customdata=hover,
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    shown.add("evidenced")
    if len(series.published):
        traces.append(
            go.Scatter(
                x=series.published["day"].to_list(),
                y=series.published["reported"].to_list(),
                mode="markers",
                marker={
                    "symbol": "diamond",
                    "size": 11,
                    "color": palette.OCHRE,
                    "line": {"color": palette.TEXT, "width": 1.5},
                },
                name=plotly_text(_("Count published by a source")),
                legendgroup="published",
                showlegend="published" not in shown,
                customdata=[_published_hover(row) for row in series.published.itertuples()],
                hovertemplate="%{customdata}<extra></extra>",
            )
        )
        shown.add("published")
    return traces


def _points_trace(group: Points) -> go.Scatter:
    """One point per vote: its count of the positive status, labelled with its short title."""
    rows = group.rows
    return go.Scatter(
        x=rows["day"].to_list(),
        y=rows["supporters"].to_list(),
        mode="markers+text",
        marker={"symbol": "circle", "size": 11, "color": palette.BLUE},
        text=[plotly_text(t) for t in rows["title"]],
        textposition="bottom center",
        showlegend=False,
        customdata=[
            plotly_text(
                _("{instrument}, {day}: {standing}").format(
                    instrument=row.title, day=formats.long_date(row.day), standing=row.standing
                )
            )
            for row in rows.itertuples()
        ],
        hovertemplate="%{customdata}<extra></extra>",
        cliponaxis=False,
    )


def timeline_figure(found: Timeline, title: str) -> go.Figure:
    """Every instrument of ``found`` in its own panel, oldest first, on one time axis."""
    titles = [s.instrument.short_title for s in found.series] + [
        _("{record}: count of “{status}”").format(record=g.label, status=g.status)
        for g in found.points
    ]
    panels = len(titles)
    figure = make_subplots(
        rows=panels,
        cols=1,
        shared_xaxes=True,
        vertical_spacing=min(0.32 / panels, 0.09),
        subplot_titles=[plotly_text(t) for t in titles],
    )
    shown: set[str] = set()
    for row, series in enumerate(found.series, start=1):
        for trace in _series_traces(series, shown):
            figure.add_trace(trace, row=row, col=1)
        highest = max([*series.steps["upper"], *series.published["reported"]])
        figure.update_yaxes(range=[0, highest * 1.18 + 1], row=row, col=1)
    for row, group in enumerate(found.points, start=len(found.series) + 1):
        figure.add_trace(_points_trace(group), row=row, col=1)
        highest = group.rows["members"].max()
        figure.update_yaxes(range=[0, highest * 1.1], row=row, col=1)
    first = min(
        [s.steps["day"].iloc[0] for s in found.series]
        + [g.rows["day"].iloc[0] for g in found.points]
    )
    ticks = [  # January and July, named in the active language
        date(y, m, 1)
        for y in range(first.year, found.until.year + 1)
        for m in (1, 7)
        if first <= date(y, m, 1) <= found.until
    ]
    pad = (found.until - first) / 60  # the first and last points whole, not cut by the frame
    figure.update_xaxes(
        range=[first - pad, found.until + pad],
        tickvals=ticks,
        ticktext=[formats.month(day, short=True) for day in ticks],
        gridcolor="#d9d9d9",
        minor={"dtick": "M3", "showgrid": True, "gridcolor": "#f0f0f0"},  # quarters
        showline=True,
        linecolor=palette.MUTED_TEXT,
    )
    figure.update_yaxes(gridcolor="#e6e6e6", nticks=4, zeroline=False, automargin=True)
    for annotation in figure.layout.annotations:  # the panels' titles, on the left
        annotation.update(x=0, xanchor="left", font={"size": 14, "color": palette.TEXT})
    height = 130 + PANEL_HEIGHT * panels
    figure.update_layout(
        height=height,
        margin={"l": 8, "r": 24, "t": 110, "b": 36, "autoexpand": True},
        font={"family": FONT, "color": palette.TEXT, "size": 13},
        title={
            "text": plotly_text(title),
            "x": 0.005,
            "y": 1 - 10 / height,  # 10 px from the top, the legend under it
            "yanchor": "top",
            "font": {"size": 17},
        },
        legend={
            "orientation": "h",
            "x": 0,
            "y": 1 - 42 / height,
            "yanchor": "top",
            "yref": "container",
        },
        paper_bgcolor="white",
        plot_bgcolor="white",
        hovermode="closest",
    )
    return figure
