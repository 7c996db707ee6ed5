"""Every cached load and build of the dashboard; the only module that uses ``st.cache_*``.

Loaders are keyed by a stamp of the dataset files (path, size, modification time), so a new
publish by the ETL is picked up on the next rerun without restarting the app. The stamp also
carries the interface language: names, labels and sentences are built in it, so a result made
for one language is never served in another.
"""

import json
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
from instruments.matrix import status_matrix, supporters
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.model import catalogue as build_catalogue
from instruments.view import DEFAULT_VIEW, View
from store import groups, paths
from store.files import read_text_table
from store.groups import GroupKind
from store.published import (
    CHANGELOG_FILE,
    META_FILE,
    POSITIONS_FILE,
    PUBLISHED_FILES,
    TABLE_FILE,
    table_from_csv,
)
from store.reference import (
    load_aliases,
    load_group_index,
    load_registry,
    load_states,
    load_un_names,
)
from ui.figures.map_figure import MAP_HEIGHT
from ui.figures.map_figure import map_figure as build_map_figure
from ui.tables import coverage, priority
from ui.tables.dataset import (
    GEOJSON,
    Dataset,
    groupings_of,
    localised,
    outreach_signals,
)
from ui.tables.dataset import feature_names as dataset_feature_names
from ui.tables.instrument_tables import states_table
from ui.tables.map_table import map_table as build_map_table
from ui.tables.outreach import search_keys
from ui.tables.provenance import Provenance, provenance_from_meta
from ui.views.focus import WORLD, Focus, focus_presets
from ui.views.geometry import Geometry, dot_states, load_geometry
from ui.views.map_view import MapView, view_of

if TYPE_CHECKING:
    from plan.service import PlanService

Stamp = tuple[str, tuple[tuple[str, int, int], ...], str]
FIX = N_(
    "Run `python -m etl check` to see every problem (it also rolls back an interrupted update), "
    "or `python -m etl bundle` to rebuild the bundled dataset."
)


def _stamp() -> Stamp:
    directory = paths.data_dir()
    files = []
    for name in PUBLISHED_FILES:
        path = directory / name
        stat = path.stat() if path.is_file() else None
        files.append((name, stat.st_size if stat else -1, stat.st_mtime_ns if stat else -1))
    return str(directory), tuple(files), active()


@st.cache_data(show_spinner=False)
def _problems(stamp: Stamp) -> list[str]:
    try:
        found = problems(Path(stamp[0]))
        if not found:
            load_states()
            load_geometry(paths.geo_dir() / GEOJSON)
            groups.load_organisations(paths.reference_dir() / "groups", _table(stamp))
            provenance_from_meta(_meta(stamp))
            _matrix(stamp)
    except (OSError, ValueError) as exc:  # unreadable or malformed data; a bug is not caught
        return [f"{type(exc).__name__}: {exc}"]
    return found


def dataset_problems() -> list[str]:
    """What is wrong with the dataset or the reference data; empty when the app can run."""
    return _problems(_stamp())


@st.cache_data(show_spinner=False)
def _table(stamp: Stamp) -> pd.DataFrame:
    return localised(table_from_csv(Path(stamp[0]) / TABLE_FILE), load_un_names())


def table() -> pd.DataFrame:
    """The published endorsements table (one row per universe state, plus any listed outsider),
    with the states' names in the interface language."""
    return _table(_stamp())


@st.cache_data(show_spinner=False)
def _meta(stamp: Stamp) -> dict:
    return json.loads((Path(stamp[0]) / META_FILE).read_text(encoding="utf-8"))


def meta() -> dict:
    """The dataset's metadata (endorsements.meta.json)."""
    return _meta(_stamp())


def provenance() -> Provenance:
    """The dataset's provenance, as every page and export states it."""
    return provenance_from_meta(meta())


@st.cache_data(show_spinner=False)
def _changelog(stamp: Stamp) -> pd.DataFrame:
    return read_text_table(Path(stamp[0]) / CHANGELOG_FILE)


def changelog() -> pd.DataFrame:
    """Every detected addition and removal, oldest first."""
    return _changelog(_stamp())


@st.cache_data(show_spinner=False)
def states() -> pd.DataFrame:
    """The universe reference table (data/reference/states.csv)."""
    return load_states().copy()


@st.cache_data(show_spinner=False)
def group_index() -> pd.DataFrame:
    """data/reference/groups/index.csv: one row per organisation, with its as-of date."""
    return load_group_index()


@st.cache_data(show_spinner=False)
def _groupings(stamp: Stamp) -> dict[str, list[groups.Group]]:
    return groupings_of(_table(stamp), load_states())


def groupings() -> dict[str, list[groups.Group]]:
    """Groups per kind: "region", "subregion", "ungroup" and "org"."""
    return _groupings(_stamp())


@st.cache_data(show_spinner=False)
def _breakdown(stamp: Stamp, kind: str) -> pd.DataFrame:
    return coverage.breakdown(_groupings(stamp)[kind], _endorsers(stamp))


def breakdown(kind: str) -> pd.DataFrame:
    """Coverage per group of one kind."""
    return _breakdown(_stamp(), kind)


@st.cache_data(show_spinner=False)
def _search_keys(stamp: Stamp) -> dict[str, str]:
    return search_keys(states_table(_table(stamp), _positions(stamp)), load_aliases(), un_names())


def search_index() -> dict[str, str]:
    """ISO3 → normalised names in the six UN languages and aliases, for the search boxes."""
    return _search_keys(_stamp())


@st.cache_data(show_spinner=False)
def un_names() -> pd.DataFrame:
    """The UN names of the 195 states in Arabic, Chinese, English, French, Russian and Spanish."""
    return load_un_names()


@st.cache_data(show_spinner=False)
def _positions(stamp: Stamp) -> pd.DataFrame:
    return read_text_table(Path(stamp[0]) / POSITIONS_FILE)


def positions() -> pd.DataFrame:
    """data/positions.csv: every listed position on every instrument, as text."""
    return _positions(_stamp())


def positions_file() -> bytes:
    """The published positions.csv, byte for byte, for download."""
    return (paths.data_dir() / POSITIONS_FILE).read_bytes()


@st.cache_data(show_spinner=False)
def _catalogue(stamp: Stamp) -> dict[str, Instrument]:
    line = provenance_from_meta(_meta(stamp)).source_line
    return {i.id: i for i in build_catalogue(load_registry(), _meta(stamp), line)}


def catalogue() -> dict[str, Instrument]:
    """The instruments by id, in registry order (the Call to Action first)."""
    return _catalogue(_stamp())


@st.cache_data(show_spinner=False)
def _matrix(stamp: Stamp) -> pd.DataFrame:
    return status_matrix(_positions(stamp), list(_catalogue(stamp).values()), load_states())


def matrix() -> pd.DataFrame:
    """Status of every state (and listed outsider) on every instrument."""
    return _matrix(_stamp())


@st.cache_data(show_spinner=False)
def _endorsers(stamp: Stamp) -> set[str]:
    return supporters(_matrix(stamp), _catalogue(stamp)[CALL_TO_ACTION])


def all_states() -> pd.DataFrame:
    """The endorsements table plus the entities outside the universe that any instrument lists."""
    stamp = _stamp()
    return states_table(_table(stamp), _positions(stamp))


@st.cache_resource(show_spinner=False)
def _terms(stamp: Stamp) -> list[priority.Term]:
    return priority.terms(list(_catalogue(stamp).values()))


def score_terms() -> list[priority.Term]:
    """The terms of the outreach priority score, from the instrument registry."""
    return _terms(_stamp())


@st.cache_data(show_spinner=False)
def _signals(stamp: Stamp) -> pd.DataFrame:
    return outreach_signals(
        _table(stamp), _matrix(stamp), _endorsers(stamp), _groupings(stamp), _terms(stamp)
    )


def signals() -> pd.DataFrame:
    """The outreach signals of every state in scope that has not endorsed (index ISO3)."""
    return _signals(_stamp())


@st.cache_resource(show_spinner=False)
def geometry() -> Geometry:
    """The committed map geometry, measured."""
    return load_geometry(paths.geo_dir() / GEOJSON)


@st.cache_data(show_spinner=False)
def _feature_names(language: str) -> dict[str, str]:  # the language keys the cache; it is active
    return dataset_feature_names(geometry())


def feature_names() -> dict[str, str]:
    """Display names of map features outside the table, in the interface language."""
    return _feature_names(active())


@st.cache_data(show_spinner=False)
def dots() -> pd.DataFrame:
    """States drawn as a dot on the map."""
    return dot_states(load_states(), geometry().parts)


@st.cache_resource(show_spinner=False)
def _focuses(stamp: Stamp) -> dict[str, Focus]:
    every = [g for kind in GroupKind for g in _groupings(stamp)[kind]]
    points = {r.iso3: (r.lon, r.lat) for r in load_states().itertuples()}
    return focus_presets(every, geometry(), points)


def focuses() -> dict[str, Focus]:
    """Every map focus preset by key, the world first."""
    return _focuses(_stamp())


@st.cache_resource(show_spinner=False, max_entries=64)
def _view(stamp: Stamp, shown: View, key: str) -> MapView:
    return view_of(
        shown,
        _catalogue(stamp),
        _matrix(stamp),
        _positions(stamp),
        _table(stamp),
        geometry().codes,
        _focuses(stamp)[key],
        feature_names(),
    )


def map_view(view: View, key: str) -> MapView:
    """What the map of a view (an instrument, or a comparison) and a focus key shows."""
    return _view(_stamp(), view, key)


@st.cache_data(show_spinner=False, max_entries=64)
def _map_table(stamp: Stamp, view: View, key: str) -> pd.DataFrame:
    focus = _focuses(stamp)[key]
    return build_map_table(
        _view(stamp, view, key), _table(stamp), geometry().codes, focus, feature_names()
    )


def map_table(view: View, key: str) -> pd.DataFrame:
    """The map of a view and a focus key as a table: a row per state or area the legend counts."""
    return _map_table(_stamp(), view, key)


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_figure(stamp: Stamp, view: View, key: str, height: int) -> go.Figure:
    focus = _focuses(stamp)[key]
    return build_map_figure(_view(stamp, view, key), geometry(), dots(), focus, height)


def map_figure(key: str, view: View = DEFAULT_VIEW, height: int = MAP_HEIGHT) -> go.Figure:
    """The map of a view and a focus key; shared between sessions, so never modify it."""
    return _map_figure(_stamp(), view, key, height)


@st.cache_resource(show_spinner=False, max_entries=64)
def _map_json(stamp: Stamp, view: View, key: str, height: int) -> str:
    return _map_figure(stamp, view, key, height).to_json()


def map_json(key: str, view: View = DEFAULT_VIEW, height: int = MAP_HEIGHT) -> str:
    """``map_figure`` as the JSON the browser draws: written once, not on every rerun (30 ms)."""
    return _map_json(_stamp(), view, key, height)


def dataset() -> Dataset:
    """Everything the pages compute, from this cache, as the briefing packs take it."""
    stamp = _stamp()
    return Dataset(
        table=_table(stamp),
        states=states(),
        meta=_meta(stamp),
        provenance=provenance(),
        positions=_positions(stamp),
        catalogue=_catalogue(stamp),
        matrix=_matrix(stamp),
        groupings=_groupings(stamp),
        geometry=geometry(),
        dots=dots(),
        focuses=_focuses(stamp),
        names=feature_names(),
        terms=_terms(stamp),
        signals=_signals(stamp),
    )


@st.cache_resource(show_spinner=False, max_entries=64)
def _pack(stamp: Stamp, key: str, view: View, top: int, today: str) -> Pack:
    return build_pack(dataset(), key, view, top, date.fromisoformat(today))


def pack(key: str, view: View, top: int = DEFAULT_TOP) -> Pack:
    """The briefing pack of a focus and a view, as of today."""
    return _pack(_stamp(), key, view, top, date.today().isoformat())


@st.cache_data(show_spinner=False, max_entries=16)
def _pack_file(stamp: Stamp, key: str, view: View, fmt: str, top: int, today: str) -> bytes:
    from briefing.files import pack_file  # the renderers load when a pack is asked for

    with use(stamp[2]):  # Streamlit may call a download's maker outside the script run
        content, _ = pack_file(dataset(), _pack(stamp, key, view, top, today), fmt)
    return content


def pack_file_maker(key: str, view: View, fmt: str, top: int = DEFAULT_TOP) -> partial:
    """A callable building the pack file on demand (st.download_button), on the default template."""
    return partial(_pack_file, _stamp(), key, view, fmt, top, date.today().isoformat())


@st.cache_data(show_spinner=False, max_entries=32)
def _static_map(stamp: Stamp, key: str, fmt: str, view: View) -> bytes:
    from ui.figures.print_map import render_map  # matplotlib loads when a map is downloaded

    with use(stamp[2]):  # Streamlit may call a download's maker outside the script run
        focus = _focuses(stamp)[key]
        return render_map(_view(stamp, view, key), geometry(), dots(), focus, fmt)


def static_map_maker(key: str, fmt: str, view: View = DEFAULT_VIEW) -> partial:
    """A callable drawing the printable map of a view and focus on demand (st.download_button)."""
    return partial(_static_map, _stamp(), key, fmt, view)


@st.cache_data(show_spinner=False)
def _view_breakdown(stamp: Stamp, view: View, kind: str) -> pd.DataFrame:
    return coverage.view_breakdown(_groupings(stamp)[kind], _view(stamp, view, WORLD))


def view_breakdown(view: View, kind: str) -> pd.DataFrame:
    """Counts per category of a view (not the Call to Action's own) for every group of a kind."""
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
