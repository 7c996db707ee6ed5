"""The filter row shared by the outreach list and the instruments matrix (URL-backed widgets),
and the line that says a page shows only the user's group."""

import pandas as pd
import streamlit as st

from i18n import formats
from i18n.translate import _, ngettext
from store.focus import WORLD_FOCUS, Focus
from store.groups import UN_GROUP_LABELS, Group, region_label, un_group_label
from ui.tables.outreach import Filters, filter_params
from ui.text import md
from ui.widgets import url_controls

ANY = ""


def filter_widgets(
    table: pd.DataFrame, organisations: dict[str, Group], focus: Focus = WORLD_FOCUS
) -> Filters:
    """Region, sub-region, UN regional group, organisation and a name search, in one row.

    A URL that sets none of them starts from ``focus`` (the reader's focus on another page). A
    group the user made (``?group=``) restricts the list to its members, the other filters
    within it, with a line to show every state again.
    """
    universe = table[table["in_universe"]]
    if not any(name in st.query_params for name in (*url_controls.FILTER_PARAMS, "group")):
        for name, value in filter_params(focus, universe).items():
            st.query_params[name] = value
    st.query_params.pop("focus", None)  # the filters say it now
    group = focus if focus.is_group and "group" in st.query_params else None
    if group is None:  # a URL's filters say what is shown, not a group the session remembers
        for name in url_controls.GROUP_PARAMS:
            st.query_params.pop(name, None)
    else:
        group_in_view(group)
    columns = st.columns([1, 1.2, 1.2, 1.2, 1.4])
    with columns[0]:
        regions = {ANY: _("All regions")} | {
            r: region_label(r) for r in sorted(universe["m49_region"].unique())
        }
        region = url_controls.select(_("Region (UN M49)"), "region", regions, ANY)
    with columns[1]:
        in_region = universe if region == ANY else universe[universe["m49_region"] == region]
        subregions = {ANY: _("All sub-regions")} | {
            s: region_label(s) for s in sorted(in_region["m49_subregion"].unique())
        }
        stale = st.query_params.get("subregion", ANY)
        if stale not in subregions and stale in set(universe["m49_subregion"]):
            del st.query_params["subregion"]  # the region changed under it: reset without a notice
        subregion = url_controls.select(_("Sub-region (UN M49)"), "subregion", subregions, ANY)
    with columns[2]:
        ungroups = {ANY: _("All UN regional groups")} | {
            g: un_group_label(g) for g in UN_GROUP_LABELS
        }
        ungroup = url_controls.select(_("UN regional group"), "ungroup", ungroups, ANY)
    with columns[3]:
        orgs = {ANY: _("All organisations")} | {k: g.label for k, g in organisations.items()}
        org = url_controls.select(_("Organisation"), "org", orgs, ANY)
    with columns[4]:
        search = url_controls.text(
            _("Search names"), "q", placeholder=_("e.g. Türkiye, Ivory Coast, BRA")
        )
    return Filters(
        region=region or None,
        subregion=subregion or None,
        ungroup=ungroup or None,
        organisation=organisations.get(org),
        query=search,
        group=group,
    )


def group_in_view(group: Focus) -> None:
    """A line saying that only the user's group is shown, and a button to show every state."""
    said, leave = st.columns([4, 1], vertical_alignment="center")
    count = len(group.codes)
    text = ngettext(
        "Only “{group}” is shown: {count} state.",
        "Only “{group}” is shown: {count} states.",
        count,
    ).format(group=md(group.name or _("Your group")), count=formats.number(count))
    said.markdown(f":material/groups: {text}")
    leave.button(
        _("Show every state"),
        icon=":material/public:",
        key="your-group-leave",
        on_click=url_controls.leave_group,
        width="stretch",
    )
