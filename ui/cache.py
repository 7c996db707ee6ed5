"""Every cached load and build of the dashboard; the only module that uses ``st.cache_*``.

A thin Streamlit wrapper over ``load_dataset``, the one builder of the Dataset: one Dataset per
stamp of every data file (store.files.data_stamp: path, size, modification time), so a new
publish by the ETL, or a changed registry or glossary, is picked up on the next rerun without
restarting the app. The stamp also carries the interface language: names, labels and sentences
are built in it, so a result made for one language is never served in another; and the past day
the reader looks at (``?as_of=``, ``show_day``): every cached value below is then computed as
known on that day, from the day's Dataset (``ui.tables.dataset.on``), itself cached. The Dataset
is shared between sessions; its tables reach each caller as copies, so nobody changes another's.
"""

import copy
from dataclasses import fields, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from briefing.pack import DEFAULT_TOP, Pack, build_pack
from etl.check import problems
from i18n.translate import N_, active, use
from instruments.model import Instrument
from instruments.view import DEFAULT_VIEW, View
from store import groups, paths
from store.files import data_stamp, read_text_table
from store.focus import WORLD_FOCUS, Focus
from store.published import (
    CHANGELOG_FILE,
    POSITIONS_FILE,
)
from store.reference import (
    load_aliases,
    load_corrections,
    load_counts,
    load_group_index,
    load_un_names,
)
from ui.figures.map_figure import MAP_HEIGHT
from ui.figures.map_figure import map_figure as build_map_figure
from ui.figures.projector import projected
from ui.figures.timeline_chart import timeline_figure
from ui.tables import coverage, priority
from ui.tables.ask import Ask, suggested_ask
from ui.tables.dataset import Dataset, load_dataset, on
from ui.tables.endorser_series import Timeline, description, series_table
from ui.tables.endorser_series import timeline as build_timeline
from ui.tables.headline import Headline
from ui.tables.headline import focus_group as build_focus_group
from ui.tables.headline import headline as build_headline
from ui.tables.instrument_tables import states_table
from ui.tables.map_table import map_table as build_map_table
from ui.tables.movers import in_focus, movers
from ui.tables.outreach import search_keys
from ui.tables.provenance import Provenance
from ui.views.focus import FocusFrame
from ui.views.geometry import Geometry
from ui.views.map_view import MapView, on_day, view_of

if TYPE_CHECKING:
    from plan.service import PlanService

# data folder, digest of every data file, interface language, the past day shown ("": none)
Stamp = tuple[str, str, str, str]
DAY = "as-of-day"  # session key: the past day every page shows; absent or None: as published
FIX = N_(
    "Run `python -m etl check` to see every problem (it also rolls back an interrupted update), "
    "or `python -m etl bundle` to rebuild the bundled dataset."
)


def show_day(day: date | None) -> None:
    """Show every page as known on ``day`` (None: as published), for the rest of the session."""
    st.session_state[DAY] = day


def shown_day() -> date | None:
    """The past day the pages show, or None when they show the data as published."""
    return st.session_state.get(DAY)


def _stamp() -> Stamp:
    """The published dataset's folder, the stamp of every data file, the interface language and
    the past day shown."""
    day = shown_day()
    return str(paths.data_dir()), data_stamp(), active(), day.isoformat() if day else ""


@st.cache_resource(show_spinner=False, max_entries=16)
def _data(stamp: Stamp) -> Dataset:
    if stamp[3]:  # a past day: the published Dataset, as known then
        return on(_data((*stamp[:3], "")), date.fromisoformat(stamp[3]))
    return load_dataset(Path(stamp[0]))  # in the active language, which the stamp carries


def _private(data: Dataset) -> Dataset:
    """The shared Dataset with copies of its tables: no caller can change another's."""
    return replace(
        data,
        **{
            field.name: getattr(data, field.name).copy()
            for field in fields(data)
            if isinstance(getattr(data, field.name), pd.DataFrame)
        },
    )


@st.cache_data(show_spinner=False)
def _problems(stamp: Stamp) -> list[str]:
    try:
        found = problems(Path(stamp[0]))
        if not found:
            _data((*stamp[:3], ""))  # everything the pages read, built once
    except (OSError, ValueError) as exc:  # unreadable or malformed data; a bug is not caught
        return [f"{type(exc).__name__}: {exc}"]
    return found


def dataset_problems() -> list[str]:
    """What is wrong with the dataset or the reference data; empty when the app can run."""
    return _problems((*_stamp()[:3], ""))


def dataset() -> Dataset:
    """Everything the pages compute (load_dataset, the one builder), cached per data stamp and
    language; its tables are the caller's own copies."""
    return _private(_data(_stamp()))


def table() -> pd.DataFrame:
    """The published endorsements table (one row per universe state, plus any listed outsider),
    with the states' names in the interface language."""
    return _data(_stamp()).table.copy()


def meta() -> dict:
    """The dataset's metadata (endorsements.meta.json)."""
    return copy.deepcopy(_data(_stamp()).meta)


def provenance() -> Provenance:
    """The dataset's provenance, as every page and export states it."""
    return _data(_stamp()).provenance


@st.cache_data(show_spinner=False)
def _changelog(stamp: Stamp) -> pd.DataFrame:
    return read_text_table(Path(stamp[0]) / CHANGELOG_FILE)


def changelog() -> pd.DataFrame:
    """Every detected addition and removal, oldest first."""
    return _changelog(_stamp())


@st.cache_data(show_spinner=False, max_entries=32)
def _movers(stamp: Stamp, since: str) -> pd.DataFrame:
    return movers(_data((*stamp[:3], since)), _data(stamp), date.fromisoformat(since))


def movers_since(since: date) -> pd.DataFrame:
    """Every join and vote change between ``since`` and the day shown (today, or ``as_of``)."""
    return _movers(_stamp(), since.isoformat())


@st.cache_data(show_spinner=False, max_entries=64)
def _since_in(stamp: Stamp, since: str, focus: Focus) -> tuple[str, pd.DataFrame]:
    frame = _data(stamp).frame(focus)
    return in_focus(_movers(stamp, since), _data(stamp), frame, date.fromisoformat(since))


def since_in(since: date, focus: Focus) -> tuple[str, pd.DataFrame]:
    """What moved in a focus since a day: the ready-to-say sentence and the movers table."""
    return _since_in(_stamp(), since.isoformat(), focus)


@st.cache_resource(show_spinner=False, max_entries=16)
def _timeline(stamp: Stamp, today: str) -> Timeline:
    published = _data((*stamp[:3], ""))  # the dates of every position, not a day's statuses
    until = _data(stamp).day or date.fromisoformat(today)
    return build_timeline(published.positions, published.catalogue, load_counts(), until)


def timeline() -> Timeline:
    """Every instrument's endorsers over time to the day shown (today, or ``as_of``), with the
    published counts; shared between sessions (frozen, never modify its tables)."""
    return _timeline(_stamp(), date.today().isoformat())


@st.cache_resource(show_spinner=False, max_entries=16)
def _timeline_figure(stamp: Stamp, today: str, title: str) -> go.Figure:
    return timeline_figure(_timeline(stamp, today), title)


def timeline_chart(title: str) -> go.Figure:
    """``timeline()`` drawn (ui.figures.timeline_chart), built once a day shown and language;
    shared between sessions, so never modify it (st.plotly_chart copies it)."""
    return _timeline_figure(_stamp(), date.today().isoformat(), title)


@st.cache_data(show_spinner=False, max_entries=16)
def _timeline_words(stamp: Stamp, today: str) -> tuple[str, pd.DataFrame]:
    found = _timeline(stamp, today)
    return description(found), series_table(found)


def timeline_words() -> tuple[str, pd.DataFrame]:
    """``timeline()`` in words and as a table: the chart's text alternative."""
    return _timeline_words(_stamp(), date.today().isoformat())


@st.cache_data(show_spinner=False)
def _corrections(stamp: Stamp) -> pd.DataFrame:
    return load_corrections()


def corrections() -> pd.DataFrame:
    """data/instruments/corrections.csv: the changes to facts, each with its reason and source."""
    return _corrections((*_stamp()[:3], ""))


def states() -> pd.DataFrame:
    """The universe reference table (data/reference/states.csv)."""
    return _data(_stamp()).states.copy()


@st.cache_data(show_spinner=False)
def _group_index(stamp: Stamp) -> pd.DataFrame:
    return load_group_index()


def group_index() -> pd.DataFrame:
    """data/reference/groups/index.csv: one row per organisation, with its as-of date."""
    return _group_index(_stamp())


def groupings() -> dict[str, list[groups.Group]]:
    """Groups per kind: "region", "subregion", "ungroup" and "org"."""
    return {kind: list(found) for kind, found in _data(_stamp()).groupings.items()}


@st.cache_data(show_spinner=False)
def _breakdown(stamp: Stamp, kind: str) -> pd.DataFrame:
    data = _data(stamp)
    return coverage.breakdown(data.groupings[kind], data.endorsers)


@st.cache_data(show_spinner=False, max_entries=64)
def _group_breakdown(stamp: Stamp, kind: str, focus: Focus) -> pd.DataFrame:
    data = _data(stamp)
    among = coverage.within(data.groupings[kind], frozenset(focus.codes))
    return coverage.breakdown(among, data.endorsers, focus)


def breakdown(kind: str, focus: Focus = WORLD_FOCUS) -> pd.DataFrame:
    """Coverage per group of one kind; for a group the user made, of its members only."""
    if focus.is_group:
        return _group_breakdown(_stamp(), kind, focus)
    return _breakdown(_stamp(), kind)


@st.cache_data(show_spinner=False)
def _search_keys(stamp: Stamp) -> dict[str, str]:
    data = _data(stamp)
    every = states_table(data.table, data.positions)
    return search_keys(every, load_aliases(), _un_names(stamp))


def search_index() -> dict[str, str]:
    """ISO3 → normalised names in the six UN languages and aliases, for the search boxes."""
    return _search_keys(_stamp())


@st.cache_data(show_spinner=False)
def _un_names(stamp: Stamp) -> pd.DataFrame:
    return load_un_names()


def un_names() -> pd.DataFrame:
    """The UN names of the 195 states in Arabic, Chinese, English, French, Russian and Spanish."""
    return _un_names(_stamp())


def positions() -> pd.DataFrame:
    """data/positions.csv: every listed position on every instrument, as text."""
    return _data(_stamp()).positions.copy()


def positions_file() -> bytes:
    """The published positions.csv, byte for byte, for download."""
    return (paths.data_dir() / POSITIONS_FILE).read_bytes()


def catalogue() -> dict[str, Instrument]:
    """The instruments by id, in registry order (the Call to Action first)."""
    return dict(_data(_stamp()).catalogue)


def view_titles() -> dict[str, str]:
    """The short titles of the instruments a map can show (their record names supporters), by
    id: what the instrument pickers offer."""
    return {k: i.short_title for k, i in catalogue().items() if i.form.names_supporters}


def matrix() -> pd.DataFrame:
    """Status of every state (and listed outsider) on every instrument."""
    return _data(_stamp()).matrix.copy()


def endorsers() -> frozenset[str]:
    """The states the Call to Action's published list names."""
    return _data(_stamp()).endorsers


@st.cache_resource(show_spinner=False, max_entries=256)
def _ask(stamp: Stamp, iso3: str) -> Ask | None:
    return suggested_ask(_data(stamp), iso3)  # frozen: shared as it is


def ask(iso3: str) -> Ask | None:
    """The suggested ask for a state (ui.tables.ask), in the interface language, as of the day
    shown; None outside scope or when it supports every instrument it could join."""
    return _ask(_stamp(), iso3)


@st.cache_data(show_spinner=False)
def _all_states(stamp: Stamp) -> pd.DataFrame:
    data = _data(stamp)
    return states_table(data.table, data.positions)


def all_states() -> pd.DataFrame:
    """The endorsements table plus the entities outside the universe that any instrument lists."""
    return _all_states(_stamp())


def score_terms() -> list[priority.Term]:
    """The terms of the outreach priority score, from the instrument registry."""
    return list(_data(_stamp()).terms)


@st.cache_data(show_spinner=False)
def _default_ranking(stamp: Stamp) -> pd.DataFrame:
    data = _data(stamp)
    names = data.table.set_index("iso3")["name"]
    return priority.priorities(
        data.signals, priority.default_weights(data.terms), names, data.terms
    )


def default_ranking() -> pd.DataFrame:
    """Every state that has not endorsed in outreach priority order at the default weights (the
    outreach page's before a slider moves), with its score and why; the caller's own copy."""
    return _default_ranking(_stamp())


def signals() -> pd.DataFrame:
    """The outreach signals of every state in scope that has not endorsed (index ISO3)."""
    return _data(_stamp()).signals.copy()


def geometry() -> Geometry:
    """The committed map geometry, measured; shared between sessions, so never modify it."""
    return _data(_stamp()).geometry


def feature_names() -> dict[str, str]:
    """Display names of map features outside the table, in the interface language."""
    return dict(_data(_stamp()).names)


def dots() -> pd.DataFrame:
    """States drawn as a dot on the map."""
    return _data(_stamp()).dots.copy()


def focus_frames() -> dict[Focus, FocusFrame]:
    """What every preset focus shows on the map, the world first."""
    return dict(_data(_stamp()).focus_frames)


@st.cache_resource(show_spinner=False, max_entries=64)
def _frame(stamp: Stamp, focus: Focus) -> FocusFrame:
    return _data(stamp).frame(focus)


def frame(focus: Focus) -> FocusFrame:
    """What a focus shows: a preset's frame, or the user's group's; shared, never modify it."""
    return _frame(_stamp(), focus)


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(stamp: Stamp, shown: View, focus: Focus) -> MapView:
    data = _data(stamp)
    view = view_of(
        shown,
        data.catalogue,
        data.matrix,
        data.positions,
        data.table,
        data.geometry.codes,
        data.frame(focus),
        data.names,
    )
    return on_day(view, data.day) if data.day else view


def map_view(view: View, focus: Focus) -> MapView:
    """What the map of a view (an instrument, or a comparison) and a focus shows."""
    return _view(_stamp(), view, focus)


@st.cache_data(show_spinner=False, max_entries=64)
def _map_table(stamp: Stamp, view: View, focus: Focus) -> pd.DataFrame:
    data = _data(stamp)
    return build_map_table(
        _view(stamp, view, focus),
        data.table,
        data.geometry.codes,
        data.frame(focus),
        data.names,
    )


def map_table(view: View, focus: Focus) -> pd.DataFrame:
    """The map of a view and a focus as a table: a row per state or area the legend counts."""
    return _map_table(_stamp(), view, focus)


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_figure(stamp: Stamp, view: View, focus: Focus, height: int) -> go.Figure:
    data = _data(stamp)
    return build_map_figure(
        _view(stamp, view, focus), data.geometry, data.dots, data.frame(focus), height
    )


def map_figure(focus: Focus, view: View = DEFAULT_VIEW, height: int = MAP_HEIGHT) -> go.Figure:
    """The map of a view and a focus; shared between sessions, so never modify it."""
    return _map_figure(_stamp(), view, focus, height)


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_json(stamp: Stamp, view: View, focus: Focus, height: int) -> str:
    return _map_figure(stamp, view, focus, height).to_json()


def map_json(focus: Focus, view: View = DEFAULT_VIEW, height: int = MAP_HEIGHT) -> str:
    """``map_figure`` as the JSON the browser draws: written once, not on every rerun (30 ms)."""
    return _map_json(_stamp(), view, focus, height)


@st.cache_resource(show_spinner=False, max_entries=64)
def _projector_json(stamp: Stamp, view: View, focus: Focus) -> str:
    return projected(_map_json(stamp, view, focus, MAP_HEIGHT), _data(stamp).frame(focus))


def projector_json(focus: Focus, view: View) -> str:
    """``map_json`` reframed for a projector (presentation mode): written once, not each rerun."""
    return _projector_json(_stamp(), view, focus)


@st.cache_resource(show_spinner=False, max_entries=64)
def _group(stamp: Stamp, focus: Focus) -> groups.Group:
    data = _data(stamp)
    return build_focus_group(data, data.frame(focus))


def focus_group(focus: Focus) -> groups.Group:
    """The focus as a group of states in scope; shared between sessions (a frozen value)."""
    return _group(_stamp(), focus)


@st.cache_resource(show_spinner=False, max_entries=64)
def _headline(stamp: Stamp, view: View, focus: Focus) -> Headline:
    data = _data(stamp)
    return build_headline(data, _view(stamp, view, focus), data.frame(focus))


def headline(view: View, focus: Focus) -> Headline:
    """The key figures and leading sentence of a view in a focus (presentation mode)."""
    return _headline(_stamp(), view, focus)


@st.cache_resource(show_spinner=False, max_entries=64)
def _pack(stamp: Stamp, focus: Focus, view: View, top: int, today: str, since: str) -> Pack:
    then = _data((*stamp[:3], since)) if since else None  # the published data, as known then
    return build_pack(_private(_data(stamp)), focus, view, top, date.fromisoformat(today), then)


def pack(focus: Focus, view: View, top: int = DEFAULT_TOP, since: date | None = None) -> Pack:
    """The briefing pack of a focus and a view, as of today (or the day shown), with what moved
    since ``since`` when given."""
    return _pack(_stamp(), focus, view, top, date.today().isoformat(), _day(since))


@st.cache_data(show_spinner=False, max_entries=16)
def _pack_file(
    stamp: Stamp, focus: Focus, view: View, fmt: str, top: int, today: str, since: str
) -> bytes:
    from briefing.files import pack_file  # the renderers load when a pack is asked for

    with use(stamp[2]):  # Streamlit may call a download's maker outside the script run
        pack = _pack(stamp, focus, view, top, today, since)
        content, _ = pack_file(_private(_data(stamp)), pack, fmt)
    return content


def pack_file_maker(
    focus: Focus, view: View, fmt: str, top: int = DEFAULT_TOP, since: date | None = None
) -> partial:
    """A callable building the pack file on demand (st.download_button), on the default template,
    with what moved since ``since`` when given."""
    today = date.today().isoformat()
    return partial(_pack_file, _stamp(), focus, view, fmt, top, today, _day(since))


def _day(day: date | None) -> str:
    """A day as a cache key: its ISO date, "" for none."""
    return day.isoformat() if day else ""


@st.cache_data(show_spinner=False, max_entries=32)
def _static_map(stamp: Stamp, focus: Focus, fmt: str, view: View) -> bytes:
    from ui.figures.print_map import render_map  # matplotlib loads when a map is downloaded

    with use(stamp[2]):  # Streamlit may call a download's maker outside the script run
        data = _data(stamp)
        return render_map(
            _view(stamp, view, focus), data.geometry, data.dots, data.frame(focus), fmt
        )


def static_map_maker(focus: Focus, fmt: str, view: View = DEFAULT_VIEW) -> partial:
    """A callable drawing the printable map of a view and focus on demand (st.download_button)."""
    return partial(_static_map, _stamp(), focus, fmt, view)


@st.cache_data(show_spinner=False)
def _view_breakdown(stamp: Stamp, view: View, kind: str) -> pd.DataFrame:
    return coverage.view_breakdown(_data(stamp).groupings[kind], _view(stamp, view, WORLD_FOCUS))


@st.cache_data(show_spinner=False, max_entries=64)
def _group_view_breakdown(stamp: Stamp, view: View, kind: str, focus: Focus) -> pd.DataFrame:
    among = coverage.within(_data(stamp).groupings[kind], frozenset(focus.codes))
    return coverage.view_breakdown(among, _view(stamp, view, WORLD_FOCUS), focus)


def view_breakdown(view: View, kind: str, focus: Focus = WORLD_FOCUS) -> pd.DataFrame:
    """Counts per category of a view (not the Call to Action's own) for every group of a kind;
    for a group the user made, of its members only."""
    if focus.is_group:
        return _group_view_breakdown(_stamp(), view, kind, focus)
    return _view_breakdown(_stamp(), view, kind)


@st.cache_data(show_spinner=False)
def documentation() -> dict[str, str]:
    """The READMEs of the reference data and the geometry, and the group sources, as Markdown."""
    docs = {
        "reference": paths.reference_dir() / "README.md",
        "groups": paths.reference_dir() / "groups" / "SOURCES.md",
        "geometry": paths.geo_dir() / "README.md",
    }
    return {name: path.read_text(encoding="utf-8") for name, path in docs.items() if path.is_file()}


@st.cache_resource(show_spinner=False)
def plan_service() -> "PlanService":
    """The outreach plan on the configured database, migrated to the current schema at start."""
    from plan.database import database_url, engine_for, upgrade  # loaded when the plan is used
    from plan.known import known_instruments, known_iso3
    from plan.service import PlanService

    engine = engine_for(database_url())
    upgrade(engine)
    return PlanService(engine, known_iso3(), known_instruments())
