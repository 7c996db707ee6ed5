"""Everything the dashboard computes from the published data, loaded once without streamlit.

The briefing packs' command line and the tests use it; the app keeps its finer-grained cache in
``ui/cache.py`` and assembles the same ``Dataset`` from it for the packs.
"""

import json
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TypeVar

import pandas as pd

from i18n.languages import DEFAULT
from i18n.translate import active
from instruments.matrix import status_matrix, supporters
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.model import catalogue as build_catalogue
from instruments.timeline import matrix_on, opened_by, positions_on, removed_since
from store import groups, paths
from store.files import read_text_table
from store.focus import Focus
from store.groups import GroupKind
from store.published import (
    CHANGELOG_FILE,
    META_FILE,
    POSITIONS_FILE,
    TABLE_FILE,
    table_from_csv,
)
from store.reference import (
    load_other_entities,
    load_registry,
    load_states,
    load_territory_names,
    load_un_names,
)
from ui.tables.priority import Term, default_weights, priorities, signals, terms
from ui.tables.provenance import Provenance, provenance_from_meta
from ui.views.focus import FocusFrame, focus_frames, group_frame
from ui.views.geometry import Geometry, dot_states, load_geometry

GEOJSON = "world.geojson"
T = TypeVar("T")


@dataclass(frozen=True)
class Dataset:
    """The published tables with the reference data, geometry, instruments and score inputs."""

    table: pd.DataFrame
    states: pd.DataFrame
    meta: dict
    provenance: Provenance
    positions: pd.DataFrame
    catalogue: dict[str, Instrument]
    matrix: pd.DataFrame
    groupings: dict[str, list[groups.Group]]
    geometry: Geometry
    dots: pd.DataFrame
    focus_frames: dict[Focus, FocusFrame]  # the world first, then every group's
    names: dict[str, str]  # every map feature's display name
    terms: list[Term]
    signals: pd.DataFrame  # the outreach signals of every state in scope that has not endorsed
    endorsers: frozenset[str]  # the states the Call to Action's published list names
    changelog: pd.DataFrame  # the Call to Action's additions and removals, oldest first
    day: date | None = None  # the past day it shows (``on``); None: as published
    # Values computed on first use, by key and interface language (``once``).
    computed: dict[tuple[Hashable, str], object] = field(
        default_factory=dict, init=False, repr=False
    )

    def once(self, key: Hashable, make: Callable[[], T]) -> T:
        """What ``make`` gives, computed on the first call with ``key`` in the active interface
        language and kept with this dataset: for values its callers only read."""
        where = (key, active())
        if where not in self.computed:
            self.computed[where] = make()
        return self.computed[where]  # type: ignore[return-value]

    def ranking(self) -> pd.DataFrame:
        """Every state in scope that has not endorsed, ranked by the default weights, its
        reasons in the active language: computed once a language, a copy to each caller."""
        names = self.table.set_index("iso3")["name"]
        weights = default_weights(self.terms)
        return self.once(
            "ranking", lambda: priorities(self.signals, weights, names, self.terms)
        ).copy()

    def frame(self, focus: Focus) -> FocusFrame:
        """What a focus shows: a preset's frame, or a user group's, framed on demand."""
        if focus in self.focus_frames:
            return self.focus_frames[focus]
        if not focus.is_group:
            raise KeyError(f"unknown focus {focus}")
        points = {r.iso3: (r.lon, r.lat) for r in self.states.itertuples()}
        return group_frame(focus, self.geometry, points)


def groupings_of(table: pd.DataFrame, states: pd.DataFrame) -> dict[GroupKind, list[groups.Group]]:
    """Groups per kind, in the order of GroupKind."""
    return {
        GroupKind.REGION: groups.m49_regions(table),
        GroupKind.SUBREGION: groups.m49_subregions(table),
        GroupKind.UNGROUP: groups.un_regional_groups(table, states),
        GroupKind.ORG: groups.load_organisations(paths.reference_dir() / "groups", table),
    }


def feature_names(geometry: Geometry) -> dict[str, str]:
    """Display names of map features in the active language: the states' UN names, the other
    areas' names from territory_names.csv; in English the geometry's own and the ISO names."""
    others = load_other_entities()
    english = dict(geometry.names) | dict(zip(others["iso3"], others["name"], strict=True))
    language = active()
    if language == DEFAULT:
        return english
    local = load_un_names()[language].to_dict() | load_territory_names()[language].to_dict()
    return {iso3: local.get(iso3, name) for iso3, name in english.items()}


def localised(table: pd.DataFrame, un_names: pd.DataFrame) -> pd.DataFrame:
    """The table with each state's UN name in the active language (English: unchanged)."""
    language = active()
    if language == DEFAULT:
        return table
    names = table["iso3"].map(un_names[language])
    return table.assign(name=names.fillna(table["name"]))


def outreach_signals(
    table: pd.DataFrame,
    matrix: pd.DataFrame,
    endorsed: set[str],
    found: dict[str, list[groups.Group]],
    every: list[Term],
) -> pd.DataFrame:
    """The outreach signals of every state in scope not in ``endorsed`` (the Call to Action's)."""
    universe = table[table["in_universe"]]
    candidates = list(universe.loc[~universe["iso3"].isin(endorsed), "iso3"])
    return signals(
        candidates, matrix, endorsed, found[GroupKind.UNGROUP], found[GroupKind.ORG], every
    )


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Read the published dataset (default ``data/``) and build what the pages show, with names,
    labels and sentences in the active language."""
    directory = data_dir or paths.data_dir()
    table = localised(table_from_csv(directory / TABLE_FILE), load_un_names())
    states = load_states()
    meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
    provenance = provenance_from_meta(meta)
    positions = read_text_table(directory / POSITIONS_FILE)
    catalogue = {i.id: i for i in build_catalogue(load_registry(), meta, provenance.source_line)}
    matrix = status_matrix(positions, list(catalogue.values()), states)
    found = groupings_of(table, states)
    geometry = load_geometry(paths.geo_dir() / GEOJSON)
    points = {r.iso3: (r.lon, r.lat) for r in states.itertuples()}
    every = [g for kind in GroupKind for g in found[kind]]
    score_terms = terms(list(catalogue.values()))
    endorsers = frozenset(supporters(matrix, catalogue[CALL_TO_ACTION]))
    return Dataset(
        table=table,
        states=states,
        meta=meta,
        provenance=provenance,
        positions=positions,
        catalogue=catalogue,
        matrix=matrix,
        groupings=found,
        geometry=geometry,
        dots=dot_states(states, geometry.parts),
        focus_frames=focus_frames(every, geometry, points),
        names=feature_names(geometry),
        terms=score_terms,
        signals=outreach_signals(table, matrix, endorsers, found, score_terms),
        endorsers=endorsers,
        changelog=read_text_table(directory / CHANGELOG_FILE),
    )


def on(data: Dataset, day: date) -> Dataset:
    """The dataset as known on a past ``day``: positions evidenced by then keep their status,
    those evidenced later but possibly taken by then are unknown, the rest not yet taken; an
    instrument that did not exist has no position (``did not exist yet``); a state a later list
    removed from the Call to Action is an endorser on the days its change log shows it listed.
    Names, groups and geometry are today's."""
    removed = removed_since(data.changelog, data.positions, CALL_TO_ACTION, day)
    every = (
        pd.concat([data.positions, removed], ignore_index=True) if len(removed) else data.positions
    )
    positions = positions_on(every, day, opened_by(data.catalogue.values(), day))
    matrix = matrix_on(
        status_matrix(positions, list(data.catalogue.values()), data.states), data.catalogue, day
    )
    endorsers = frozenset(supporters(matrix, data.catalogue[CALL_TO_ACTION]))
    return replace(
        data,
        table=data.table.assign(endorsed=data.table["iso3"].isin(endorsers)),
        positions=positions,
        matrix=matrix,
        signals=outreach_signals(data.table, matrix, endorsers, data.groupings, data.terms),
        endorsers=endorsers,
        day=day,
    )
