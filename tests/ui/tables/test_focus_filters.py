"""A focus chosen on one page becomes the outreach filters, and the filters give it back."""

import pytest

from store.focus import WORLD_FOCUS
from store.groups import GroupKind
from ui.tables.outreach import Filters, filter_params, focus_of

from ui_fixtures import shipped

DATA = shipped()
UNIVERSE = DATA.table[DATA.table["in_universe"]]
ORGANISATIONS = {g.group_id: g for g in DATA.groupings[GroupKind.ORG]}


def filters_from(params: dict[str, str]) -> Filters:
    """The filters the outreach widgets read from these URL parameters."""
    return Filters(
        region=params.get("region"),
        subregion=params.get("subregion"),
        ungroup=params.get("ungroup"),
        organisation=ORGANISATIONS.get(params.get("org", "")),
    )


@pytest.mark.parametrize(
    "focus", [f for f in DATA.focus_frames if str(f) != "ungroup-none"], ids=str
)
def test_every_preset_focus_survives_the_outreach_filters(focus):
    params = filter_params(focus, UNIVERSE)
    assert focus_of(filters_from(params), DATA.groupings) == focus
    assert bool(params) != focus.is_world


def test_the_filters_select_the_focus_members_and_no_one_else():
    focus = next(f for f in DATA.focus_frames if str(f) == "subregion-sub-saharan-africa")
    params = filter_params(focus, UNIVERSE)
    assert params == {"region": "Africa", "subregion": "Sub-Saharan Africa"}
    picked = set(UNIVERSE.loc[UNIVERSE["m49_subregion"] == params["subregion"], "iso3"])
    assert picked == set(DATA.focus_frames[focus].members) & set(UNIVERSE["iso3"])
    assert filter_params(WORLD_FOCUS, UNIVERSE) == {}
