"""Regional breakdown page: coverage per M49 region, sub-region, UN group or organisation."""

import streamlit as st

from ui import data, query
from ui.charts import breakdown_figure, plotly_config
from ui.export import csv_bytes, excel_bytes
from ui.focus import focus_key
from ui.groups import KIND_LABELS
from ui.text import md

source = data.provenance()
st.header("Regional breakdown", anchor=False)
by = query.segmented("Group states by", "by", KIND_LABELS, "region")
table = data.breakdown(by)

phrase = "organisation" if by == "org" else KIND_LABELS[by]
title = f"Endorsements by {phrase}, source as of {source.as_of}"
st.plotly_chart(
    breakdown_figure(table, title),
    config=plotly_config(f"reaim-2023-endorsements-by-{by}-{source.as_of}"),
    theme=None,
)

shown = table.assign(
    Share=table["Share"] * 100, Map=[f"./?focus={focus_key(by, g)}" for g in table["group_id"]]
)
if by == "org":
    shown.insert(1, "Members as of", [g.as_of for g in data.groupings()["org"]])
st.dataframe(
    shown.drop(columns=["Sentence", "group_id", "kind"]),
    hide_index=True,
    width="stretch",
    column_config={
        "Share": st.column_config.ProgressColumn(
            "Share", format="%.0f%%", min_value=0, max_value=100
        ),
        "Map": st.column_config.LinkColumn("Map", display_text="Show on map"),
        "Not yet": st.column_config.TextColumn("Not yet", width="large"),
        "Caveats": st.column_config.TextColumn("Caveats", width="medium"),
    },
)

export = table.drop(columns=["kind"]).rename(columns={"group_id": "Group id"})
scope = f"grouped by {phrase}"
left, right, _ = st.columns([1, 1, 3])
left.download_button(
    "Download CSV",
    csv_bytes(export, title, source, scope),
    file_name=f"reaim-2023-endorsements-by-{by}-{source.as_of}.csv",
    mime="text/csv",
    icon=":material/download:",
    on_click="ignore",
    width="stretch",
)
right.download_button(
    "Download Excel",
    excel_bytes(export, title, source, scope),
    file_name=f"reaim-2023-endorsements-by-{by}-{source.as_of}.xlsx",
    mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    icon=":material/table:",
    on_click="ignore",
    width="stretch",
)

st.subheader("Ready to say")
st.markdown("\n".join(f"- {md(sentence)}" for sentence in table["Sentence"]))

caveats = [c for c in table["Caveats"] if c]
if caveats:
    st.subheader("Membership caveats")
    st.caption(
        "Suspended members still count as members; rows marked UNVERIFIED could not be confirmed "
        "in the sources. Members outside the 195 states in scope are listed as not in scope."
    )
    for label, text in zip(table["Group"], table["Caveats"], strict=True):
        if text:
            st.markdown(f"**{md(label)}**: {md(text)}")
