"""The endorsers of each instrument over time, computed exactly from the positions' dates.

For an instrument states join (``form.joinable``), the count of endorsers changes only on the
day each position is evidenced (``date``), and the upper bound only on the first day each can
have been taken (``date_earliest``): a series holds one row per such day from the day the
instrument opened to the last day shown, and that last day itself; no day is sampled.

The band between ``evidenced`` and ``upper`` holds the positions not established on a day: those
evidenced later that may already have been taken (``unknown``, "unknown on this date": their day
is only bounded), and those a source names as endorsing that another does not confirm
(``unconfirmed``). The unconfirmed are counted in the band, not apart: the map draws the two in
one category, the ETL checks the published counts the same way (``etl.positions.check_counts``),
and a source that counted such a state on its day (a signing named by the press, absent from
the later list) then lies within the band, not above it. The two stay in their own columns, so
the hover, the description and the table say which is which.

A recorded vote is one point per vote: the count of its positive status on the day it was held.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import pandas as pd

from i18n import formats
from i18n.translate import N_, _, ngettext
from instruments.model import Instrument
from instruments.timeline import dated, precision_word
from store.data_text import web_addresses

STEP_COLUMNS = ["day", "evidenced", "unknown", "unconfirmed", "upper"]
PUBLISHED_COLUMNS = ["day", "reported", "precision", "as_published", "source"]
POINT_COLUMNS = ["instrument", "title", "day", "supporters", "members", "standing"]
HEADERS = {  # the columns of series_table, translated where shown
    "Instrument": N_("Instrument"),
    "Date": N_("Date"),
    "Evidenced": N_("Endorsers, evidenced"),
    "Unknown on this date": N_("Unknown on this date"),
    "Unconfirmed": N_("Unconfirmed"),
    "At most": N_("At most"),
    "Published count": N_("Published count"),
    "Sources": N_("Source"),
}


@dataclass(frozen=True)
class Series:
    """One instrument's endorsers over time, and the counts its sources published."""

    instrument: Instrument
    steps: pd.DataFrame  # STEP_COLUMNS: one row per day the counts change, then the last day
    published: pd.DataFrame  # PUBLISHED_COLUMNS, oldest first, up to the last day

    def on(self, day: date) -> pd.Series:
        """The counts in effect on ``day`` (within the series)."""
        return self.steps[self.steps["day"] <= day].iloc[-1]


@dataclass(frozen=True)
class Points:
    """The instruments of one form that states do not join (votes): one point each."""

    label: str  # the form's label, in the active language
    status: str  # what is counted: the form's positive status, as readers see it
    rows: pd.DataFrame  # POINT_COLUMNS, oldest first


@dataclass(frozen=True)
class Timeline:
    """Every instrument's endorsers over time up to ``until``: lists first, then the votes."""

    until: date
    series: tuple[Series, ...]
    points: tuple[Points, ...]


def steps(positions: pd.DataFrame, instrument: Instrument, until: date) -> pd.DataFrame:
    """The counts of ``instrument`` on each day they change from its opening to ``until``.

    A position counts as ``unknown`` from its ``date_earliest`` to the day before its ``date``;
    from its ``date`` on, as ``evidenced`` when its status is the positive one, as
    ``unconfirmed`` when it is a status the form leaves undecided; a position naming a state as
    not endorsing is not counted. ``upper`` is the sum of the three.
    """
    opened = date.fromisoformat(instrument.opened)
    mine = positions[positions["instrument"] == instrument.id]
    counted = mine[
        mine["status"].isin(instrument.supporting) | mine["status"].map(instrument.form.undecided)
    ]
    positive = counted["status"].isin(instrument.supporting).to_numpy()
    firsts, taken_on = counted["date_earliest"].to_numpy(), counted["date"].to_numpy()
    changes = {date.fromisoformat(d) for d in (*firsts, *taken_on)}
    rows = []
    for day in sorted({opened, until} | {d for d in changes if opened < d <= until}):
        on = day.isoformat()  # ISO dates compare as text
        taken = taken_on <= on
        evidenced, unconfirmed = int((taken & positive).sum()), int((taken & ~positive).sum())
        unknown = int((~taken & (firsts <= on)).sum())
        rows.append((day, evidenced, unknown, unconfirmed, evidenced + unknown + unconfirmed))
    return pd.DataFrame(rows, columns=STEP_COLUMNS)


def published(counts: pd.DataFrame, instrument: str, until: date) -> pd.DataFrame:
    """The counts the sources published of ``instrument`` (data/instruments/counts.csv) up to
    ``until``, oldest first."""
    mine = counts[(counts["instrument"] == instrument) & (counts["date"] <= until.isoformat())]
    return pd.DataFrame(
        {
            "day": mine["date"].map(date.fromisoformat),
            "reported": mine["reported"].astype(int),
            "precision": mine["date_precision"],
            "as_published": mine["as_published"],
            "source": mine["source"],
        },
        columns=PUBLISHED_COLUMNS,
    ).sort_values("day", ignore_index=True)


def points(positions: pd.DataFrame, instruments: Iterable[Instrument]) -> pd.DataFrame:
    """One row per instrument: the day it was held, how many took its positive position, of
    how many recorded, and that in words (the form's standing)."""
    rows = []
    for instrument in instruments:
        mine = positions[positions["instrument"] == instrument.id]
        supporters = int(mine["status"].isin(instrument.supporting).sum())
        rows.append(
            (
                instrument.id,
                instrument.short_title,
                date.fromisoformat(instrument.opened),
                supporters,
                len(mine),
                instrument.form.standing(supporters, len(mine), instrument.reported_total),
            )
        )
    return pd.DataFrame(rows, columns=POINT_COLUMNS).sort_values("day", ignore_index=True)


def timeline(
    positions: pd.DataFrame,
    catalogue: Mapping[str, Instrument],
    counts: pd.DataFrame,
    until: date,
) -> Timeline:
    """Every instrument states join, and every vote, that existed by ``until``, from the
    published ``positions`` (not a past day's: the dates are needed) and the published
    ``counts``. The co-sponsors of drafts and the joint statements, each one day's fact, are
    not drawn: the profile, the matrix and the instruments page give them."""
    existing = [i for i in catalogue.values() if i.exists_on(until)]
    series = tuple(
        Series(i, steps(positions, i, until), published(counts, i.id, until))
        for i in existing
        if i.form.joinable
    )
    forms = {}
    for instrument in existing:
        if instrument.form.recurring:  # the votes; drafts and statements are not drawn
            forms.setdefault(instrument.form.label, []).append(instrument)
    found = tuple(
        Points(_(label), them[0].form.legend_stem(them[0].positive), points(positions, them))
        for label, them in forms.items()
    )
    return Timeline(until, series, found)


def description(found: Timeline) -> str:
    """The chart in words (its text alternative): each list from its first count to its last,
    the most the band ever adds, the published counts, then each vote's standing."""
    said = []
    for series in found.series:
        first, last = series.steps.iloc[0], series.steps.iloc[-1]
        sentence = ngettext(
            "{instrument}: {first} endorser on {opened}, {last} on {until}",
            "{instrument}: {first} endorsers on {opened}, {last} on {until}",
            int(first["evidenced"]),
        ).format(
            instrument=series.instrument.short_title,
            first=formats.number(first["evidenced"]),
            opened=formats.long_date(first["day"]),
            last=formats.number(last["evidenced"]),
            until=formats.long_date(last["day"]),
        )
        more = int((series.steps["upper"] - series.steps["evidenced"]).max())
        if more:
            sentence += "; " + ngettext(
                "at most {count} more at a time not established (day only bounded, or unconfirmed)",
                "at most {count} more at a time not established (day only bounded, or unconfirmed)",
                more,
            ).format(count=formats.number(more))
        if len(series.published):
            reported = [
                _("{count} ({day})").format(
                    count=formats.number(row.reported),
                    day=dated(row.day.isoformat(), row.precision),
                )
                for row in series.published.itertuples()
            ]
            sentence += "; " + _("published counts: {counts}").format(counts=", ".join(reported))
        named = int(last["evidenced"])
        reported_total = series.instrument.reported_total
        caveat = series.instrument.form.unnamed_caveat(reported_total, named)
        said.append(sentence + "." + (f" {caveat}" if caveat else ""))
    for group in found.points:
        said.append(
            _("{record}: {standings}.").format(
                record=group.label,
                standings=formats.clauses(
                    _("{instrument}, {day}: {standing}").format(
                        instrument=row.title,
                        day=formats.long_date(row.day),
                        standing=row.standing,
                    )
                    for row in group.rows.itertuples()
                ),
            )
        )
    return " ".join(said)


def series_table(found: Timeline) -> pd.DataFrame:
    """The lists' series as a table: a row per day the counts change and per published count,
    each with the counts in effect that day, and the published count's sources (their web
    addresses). Columns: the keys of ``HEADERS``."""
    rows = []
    for series in found.series:
        reported = {row.day: row for row in series.published.itertuples()}
        for day in sorted({*series.steps["day"], *reported}):
            now = series.on(day)
            count = reported.get(day)
            rows.append(
                (
                    series.instrument.short_title,
                    formats.long_date(day),
                    int(now["evidenced"]),
                    int(now["unknown"]),
                    int(now["unconfirmed"]),
                    int(now["upper"]),
                    _("{count} ({precision})").format(
                        count=formats.number(count.reported),
                        precision=precision_word(count.precision),
                    )
                    if count
                    else "",
                    web_addresses(count.source) if count else [],
                )
            )
    return pd.DataFrame(rows, columns=list(HEADERS))
