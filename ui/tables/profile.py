"""What a country profile says of one state: its facts, its listings elsewhere, its groups."""

import pandas as pd

from i18n.translate import _
from instruments.model import CALL_TO_ACTION, Instrument
from store.groups import Group, GroupKind, region_label, un_group_label


def facts(iso3: str, state: pd.Series) -> dict[str, str]:
    """Code, UN status, M49 places and UN regional group of a state in scope."""
    return {
        _("ISO 3166 code"): iso3,
        _("UN status"): _("UN member State")
        if state["un_status"] == "member"
        else _("UN non-member observer State"),
        _("Region (UN M49)"): region_label(state["m49_region"]),
        _("Sub-region (UN M49)"): region_label(state["m49_subregion"]),
        _("Intermediate region (UN M49)"): (
            region_label(state["m49_intermediate_region"])
            if state["m49_intermediate_region"]
            else _("none")
        ),
        _("UN regional group"): (
            un_group_label(state["un_regional_group"]) if state["un_regional_group"] else _("none")
        ),
    }


def listed_elsewhere(
    entity: str, positions: pd.DataFrame, catalogue: dict[str, Instrument]
) -> list[str]:
    """Each related instrument that lists an entity, with its status: "US Political …: Endorsed"."""
    mine = positions[(positions["iso3"] == entity) & (positions["instrument"] != CALL_TO_ACTION)]
    return [
        _("{instrument}: {status}").format(
            instrument=catalogue[r.instrument].short_title,
            status=catalogue[r.instrument].word(r.status),
        )
        for r in mine.itertuples()
    ]


def groups_of(iso3: str, groupings: dict[str, list[Group]]) -> list[Group]:
    """The regions, groups and organisations a state belongs to, in that order."""
    return [group for kind in GroupKind for group in groupings[kind] if iso3 in group.codes]
