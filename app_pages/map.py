"""Coverage map page: the world or a focus, with a click-through to country profiles."""

import streamlit as st

from ui import data, query
from ui.charts import plotly_config
from ui.focus import WORLD
from ui.mapstyle import DOT_AREA_KM2
from ui.provenance import long_date
from ui.text import join_names, md

table = data.table()
source = data.provenance()
presets = data.focuses()

st.header("Coverage map", anchor=False)
picker, downloads = st.columns([3, 2], vertical_alignment="bottom")
with picker:
    key = query.select(
        "Focus",
        "focus",
        {k: f.option_label for k, f in presets.items()},
        WORLD,
        help="Zoom to a region, a UN regional group or an organisation; other states are faded.",
    )
focus = presets[key]

event = st.plotly_chart(
    data.map_figure(key),
    config=plotly_config(focus.file_stem(source.as_of)),
    theme=None,
    key=f"map-{key}",
    on_select="rerun",
    selection_mode="points",
)
universe = set(table.loc[table["in_universe"], "iso3"])
picked = [p.get("customdata") for p in event.selection.points if p.get("customdata")]
if picked:
    if picked[0] in universe:
        st.switch_page("app_pages/country.py", query_params={"iso3": picked[0]})
    st.info(
        f"{md(data.feature_names().get(picked[0], picked[0]))} is not in scope: it is neither a "
        "UN member nor an observer State.",
        icon=":material/info:",
    )

with downloads:
    png, svg = st.columns(2)
    png.download_button(
        "Download map (PNG)",
        data.static_map_maker(key, "png"),
        file_name=f"{focus.file_stem(source.as_of)}.png",
        mime="image/png",
        icon=":material/image:",
        on_click="ignore",
        width="stretch",
    )
    svg.download_button(
        "Download map (SVG)",
        data.static_map_maker(key, "svg"),
        file_name=f"{focus.file_stem(source.as_of)}.svg",
        mime="image/svg+xml",
        icon=":material/draw:",
        on_click="ignore",
        width="stretch",
    )

if focus.kind != WORLD:
    sentences = data.breakdown(focus.kind).set_index("group_id")["Sentence"]
    st.markdown(md(sentences[focus.group_id]))

outsiders = table[~table["in_universe"] & table["endorsed"]]
if len(outsiders):
    st.info(
        "Also listed by the source, outside the 195 states in scope (shown as not in scope): "
        + md(join_names(list(outsiders["name"]))),
        icon=":material/info:",
    )
st.caption(
    f"Click a state to open its profile. States smaller than {DOT_AREA_KM2:,} km², and Tuvalu "
    f"(no outline at this scale), are also drawn as dots. Data as of {md(long_date(source.as_of))}."
)
st.caption(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance. Boundaries follow Natural Earth (de facto) except where listed in "
    "data/geo/README.md; see Sources and method for the boundary policy."
)
