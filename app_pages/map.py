"""Coverage map page: any instrument, or two compared, worldwide or in a focus."""

import streamlit as st

from ui import data, palette, query, statuses
from ui.catalogue import caveats
from ui.charts import plotly_config
from ui.focus import WORLD
from ui.mapstyle import DOT_AREA_KM2
from ui.mapview import comparison, in_category, undecidable_phrase
from ui.positions import CALL_TO_ACTION
from ui.provenance import long_date
from ui.text import join_names, link, md

table = data.table()
source = data.provenance()
presets = data.focuses()
found = data.catalogue()
everyone = data.all_states()
names = dict(zip(everyone["iso3"], everyone["name"], strict=True))
universe = set(table.loc[table["in_universe"], "iso3"])

st.header("Coverage map", anchor=False)
first, second, picker, downloads = st.columns([1.2, 1.2, 1.5, 1.7], vertical_alignment="bottom")
x, y = query.instrument_and_comparison(
    {k: i.short_title for k, i in found.items()}, CALL_TO_ACTION, first, second
)
shown = f"{x},{y}" if y else x
with picker:
    key = query.select(
        "Focus",
        "focus",
        {k: f.option_label for k, f in presets.items()},
        WORLD,
        help="Zoom to a region, a UN regional group or an organisation; other states are faded.",
    )
focus = presets[key]
view = data.map_view(shown, key)


def source_caption(instrument_id: str) -> str:
    """Where an instrument's positions come from, in one line."""
    i = found[instrument_id]
    return (
        f"{md(i.short_title)}: {link(i.title, i.source_url)}, as of {md(long_date(i.as_of))}; "
        f"licence: {md(i.licence)}; confidence: {md(i.confidence)}."
    )


def listed(codes: list[str]) -> str:
    """Names of states, escaped, in alphabetical order."""
    return md(join_names(sorted((names.get(c, c) for c in codes), key=str.casefold)))


if y:
    every = comparison(data.matrix(), found[x], found[y])
    only = in_category(view, palette.ONLY_X, focus, universe)
    unsure = in_category(view, palette.UNDECIDABLE, focus, universe)
    where = "" if focus.kind == WORLD else f" {focus.where}"
    phrase = f"{statuses.did(found[x])} but {statuses.did_not(found[y])}"
    text = f"**{len(only)} {'state' if len(only) == 1 else 'states'}**{md(where)} {md(phrase)}"
    st.markdown(text + (f": {listed(only)}." if only else "."))
    outside = [
        c
        for c, cat in every.items()
        if cat == palette.ONLY_X
        and c not in universe
        and (focus.kind == WORLD or c in focus.members)
    ]
    if outside:
        st.caption(
            f"Also {listed(outside)}, outside the 195 states in scope (shown as not in scope)."
        )
    st.markdown(
        f"**{len(unsure)} more** {md(statuses.did(found[x]))} but cannot be placed on the second "
        f"instrument ({md(undecidable_phrase(found[y]))})"
        + (f": {listed(unsure)}." if unsure else ".")
    )
    st.caption(f"Sources: {source_caption(x)} {source_caption(y)}")
elif x != CALL_TO_ACTION:
    st.caption(f"Source: {source_caption(x)}")
    notes = caveats(found[x], data.positions())
    if notes:
        st.info("\n".join(f"- {md(n)}" for n in notes), icon=":material/info:")

event = st.plotly_chart(
    data.map_figure(key, shown),
    config=plotly_config(view.file_stem),
    theme=None,
    key=f"map-{key}" if shown == CALL_TO_ACTION else f"map-{shown}-{key}",
    on_select="rerun",
    selection_mode="points",
)
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
    for column, (fmt, mime, icon) in zip(
        st.columns(2),
        [("png", "image/png", ":material/image:"), ("svg", "image/svg+xml", ":material/draw:")],
        strict=True,
    ):
        column.download_button(
            f"Download map ({fmt.upper()})",
            data.static_map_maker(key, fmt, shown),
            file_name=f"{view.file_stem}.{fmt}",
            mime=mime,
            icon=icon,
            on_click="ignore",
            width="stretch",
        )

if focus.kind != WORLD and not y:
    if shown == CALL_TO_ACTION:
        sentences = data.breakdown(focus.kind).set_index("group_id")["Sentence"]
    else:
        sentences = data.view_breakdown(shown, focus.kind).set_index("group_id")["Sentence"]
    st.markdown(md(sentences[focus.group_id]))

if shown == CALL_TO_ACTION:
    outsiders = table[~table["in_universe"] & table["endorsed"]]
    if len(outsiders):
        st.info(
            "Also listed by the source, outside the 195 states in scope (shown as not in scope): "
            + md(join_names(list(outsiders["name"]))),
            icon=":material/info:",
        )
as_of = long_date(source.as_of if shown == CALL_TO_ACTION else found[x].as_of)
st.caption(
    f"Click a state to open its profile. States smaller than {DOT_AREA_KM2:,} km², and Tuvalu "
    f"(no outline at this scale), are also drawn as dots."
    + (f" Data as of {md(as_of)}." if not y else "")
)
st.caption(
    "The boundaries and names shown and the designations used on this map do not imply official "
    "endorsement or acceptance. Boundaries follow Natural Earth (de facto) except where listed in "
    "data/geo/README.md; see Sources and method for the boundary policy."
)
