"""What a country profile says of one state: its facts, its listings elsewhere, its groups."""

from collections.abc import Mapping
from datetime import date

import pandas as pd

from i18n.translate import N_, _
from instruments.model import CALL_TO_ACTION, Instrument
from instruments.timeline import dated, precision_word
from store.data_text import web_addresses, without_sources
from store.groups import Group, GroupKind, region_label, un_group_label

# Headers of a state's dated record (``dated_record``), translated where shown.
DATED_HEADERS = {
    "Date": N_("Date"),
    "Instrument": N_("Instrument"),
    "What": N_("What"),
    "How exact": N_("How exact"),
    "Basis": N_("Basis"),
    "Sources": N_("Source"),
}


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


def dated_record(
    iso3: str,
    positions: pd.DataFrame,
    catalogue: Mapping[str, Instrument],
    until: date | None = None,
) -> pd.DataFrame:
    """A state's own commitments and votes, oldest first (then in registry order): the date as
    its precision allows ("January 2024" for a month), the instrument, what the state did
    ("Endorsed", "Voted yes"), how exact the date is, its basis as the research gives it but
    for the sources it cites, and those sources' web addresses (else the instrument's source).

    ``until``: a past day shown; positions evidenced after it are left out (on that day's
    positions, those are the ones still unknown).
    """
    mine = positions[positions["iso3"] == iso3]
    pairs = zip(mine["instrument"], mine["status"], strict=True)
    acts = [catalogue[i].form.is_act(status) for i, status in pairs]
    mine = mine[acts]
    if until is not None:
        mine = mine[mine["date"] <= until.isoformat()]  # ISO dates compare as text
    order = {instrument: i for i, instrument in enumerate(catalogue)}
    mine = mine.assign(order=mine["instrument"].map(order)).sort_values(["date", "order"])
    return pd.DataFrame(
        {  # the keys of DATED_HEADERS
            "Date": [
                dated(d, p) for d, p in zip(mine["date"], mine["date_precision"], strict=True)
            ],
            "Instrument": [catalogue[i].short_title for i in mine["instrument"]],
            "What": [
                catalogue[i].form.act(s)
                for i, s in zip(mine["instrument"], mine["status"], strict=True)
            ],
            "How exact": mine["date_precision"].map(precision_word).to_list(),
            "Basis": mine["date_basis"].map(without_sources).to_list(),
            "Sources": [
                web_addresses(basis) or [url]
                for basis, url in zip(mine["date_basis"], mine["source_url"], strict=True)
            ],
        },
        columns=list(DATED_HEADERS),
    )
