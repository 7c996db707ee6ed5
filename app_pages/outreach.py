"""Outreach gaps page: every state that has not endorsed, filtered, searchable and exportable."""

import streamlit as st

from ui import data, query
from ui.export import csv_bytes, excel_bytes
from ui.groups import UN_GROUP_LABELS
from ui.outreach import Filters, non_endorsers
from ui.text import md

ANY = ""
table = data.table()
source = data.provenance()
universe = table[table["in_universe"]]
organisations = {g.group_id: g for g in data.groupings()["org"]}

st.header("Outreach gaps", anchor=False)
st.caption(
    "Every state in scope that is not on the list of endorsers. This list is the exact complement "
    "of the endorsers on the map."
)

columns = st.columns([1, 1.2, 1.2, 1.2, 1.4])
with columns[0]:
    regions = {ANY: "All regions"} | {r: r for r in sorted(universe["m49_region"].unique())}
    region = query.select("M49 region", "region", regions, ANY)
with columns[1]:
    in_region = universe if region == ANY else universe[universe["m49_region"] == region]
    subregions = {ANY: "All sub-regions"} | {
        s: s for s in sorted(in_region["m49_subregion"].unique())
    }
    stale = st.query_params.get("subregion", ANY)
    if stale not in subregions and stale in set(universe["m49_subregion"]):
        del st.query_params["subregion"]  # the region changed under it: reset without a notice
    subregion = query.select("M49 sub-region", "subregion", subregions, ANY)
with columns[2]:
    ungroups = {ANY: "All UN regional groups"} | dict(UN_GROUP_LABELS)
    ungroup = query.select("UN regional group", "ungroup", ungroups, ANY)
with columns[3]:
    orgs = {ANY: "All organisations"} | {k: g.label for k, g in organisations.items()}
    org = query.select("Organisation", "org", orgs, ANY)
with columns[4]:
    search = query.text("Search names", "q", placeholder="e.g. Türkiye, Ivory Coast, BRA")

filters = Filters(
    region=region or None,
    subregion=subregion or None,
    ungroup=ungroup or None,
    organisation=organisations.get(org),
    query=search,
)
states = data.states()
caveats = dict(zip(states["iso3"], states["regional_group_note"], strict=True))
gaps = non_endorsers(table, list(organisations.values()), data.search_index(), caveats, filters)
total = int((~universe["endorsed"]).sum())

if not filters.active:
    st.markdown(f"**{total} states** in scope have not endorsed.")
else:
    st.markdown(
        f"**{len(gaps)} of the {total} states** that have not endorsed match: "
        f"{md(filters.describe())}."
    )

st.dataframe(
    gaps.assign(Profile=[f"./country?iso3={code}" for code in gaps["ISO3"]]),
    hide_index=True,
    width="stretch",
    column_config={
        "Profile": st.column_config.LinkColumn("Profile", display_text="Open"),
        "Organisations": st.column_config.TextColumn("Organisations", width="large"),
        "Caveats": st.column_config.TextColumn("Caveats", width="medium"),
    },
)
if org and organisations[org].outside:
    outside = ", ".join(m.name for m in organisations[org].outside)
    st.caption(
        md(
            f"Also members of {organisations[org].label}, "
            f"outside the 195 states in scope: {outside}."
        )
    )

title = "States that have not endorsed the REAIM 2023 Call to Action"
stem = f"reaim-2023-not-endorsed-{source.as_of}"
left, right, _ = st.columns([1, 1, 3])
left.download_button(
    "Download CSV",
    csv_bytes(gaps, title, source, filters.describe()),
    file_name=f"{stem}.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
    width="stretch",
)
right.download_button(
    "Download Excel",
    excel_bytes(gaps, title, source, filters.describe()),
    file_name=f"{stem}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
    on_click="ignore",
    width="stretch",
)
