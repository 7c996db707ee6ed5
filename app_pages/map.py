"""Coverage map page: any instrument, or two compared, worldwide or in a focus."""

import streamlit as st

from instruments.facts import caveats
from instruments.model import CALL_TO_ACTION
from instruments.prose import join_names, long_date
from ui import cache
from ui.figures.focus import WORLD
from ui.figures.geometry import DOT_AREA_KM2
from ui.figures.map_figure import plotly_config
from ui.figures.map_view import BOUNDARY_NOTE, DISCLAIMER, comparison
from ui.tables.map_summary import comparison_summary
from ui.text import link, md
from ui.widgets import url_controls
from ui.widgets.downloads import pack_downloads
from ui.widgets.presentation import PRESENT_HEIGHT, present, presenting

PAGE = "app_pages/map.py"
table = cache.table()
source = cache.provenance()
presets = cache.focuses()
found = cache.catalogue()
everyone = cache.all_states()
names = dict(zip(everyone["iso3"], everyone["name"], strict=True))
universe = set(table.loc[table["in_universe"], "iso3"])
titles = {k: i.short_title for k, i in found.items()}

if presenting():
    x, y = url_controls.view_from_url(titles, CALL_TO_ACTION)
    key = url_controls.param("focus", presets) or WORLD
    shown = f"{x},{y}" if y else x
    keep = {"focus": key, "compare": shown} if y else {"focus": key, "instrument": x}
    figure = cache.map_figure(key, shown, PRESENT_HEIGHT)
    config = plotly_config(cache.map_view(shown, key).file_stem)
    present(cache.pack(key, shown), figure, config, PAGE, keep)
    st.stop()

st.header("Coverage map", anchor=False)
first, second, picker, downloads = st.columns([1.2, 1.2, 1.5, 1.7], vertical_alignment="bottom")
x, y = url_controls.instrument_and_comparison(titles, CALL_TO_ACTION, first, second)
shown = f"{x},{y}" if y else x
with picker:
    key = url_controls.select(
        "Focus",
        "focus",
        {k: f.option_label for k, f in presets.items()},
        WORLD,
        help="Zoom to a region, a UN regional group or an organisation; other states are faded.",
    )
focus = presets[key]
view = cache.map_view(shown, key)


def source_caption(instrument_id: str) -> str:
    """Where an instrument's positions come from, in one line."""
    i = found[instrument_id]
    return (
        f"{md(i.short_title)}: {link(i.title, i.source_url)}, as of {md(long_date(i.as_of))}; "
        f"licence: {md(i.licence)}; confidence: {md(i.confidence)}."
    )


def listed(state_names: list[str]) -> str:
    """Names of states, escaped."""
    return md(join_names(state_names))


if y:
    said = comparison_summary(
        view,
        comparison(cache.matrix(), found[x], found[y]),
        focus,
        universe,
        names,
        found[x],
        found[y],
    )
    count = f"{len(said.only)} {'state' if len(said.only) == 1 else 'states'}"
    text = f"**{count}**{md(said.where)} {md(said.phrase)}"
    st.markdown(text + (f": {listed(said.only)}." if said.only else "."))
    if said.outside:
        st.caption(
            f"Also {listed(said.outside)}, outside the 195 states in scope (shown as not in scope)."
        )
    st.markdown(
        f"**{len(said.unsure)} more** {md(said.supporter)} but cannot be placed on the second "
        f"instrument ({md(said.undecidable)})"
        + (f": {listed(said.unsure)}." if said.unsure else ".")
    )
    st.caption(f"Sources: {source_caption(x)} {source_caption(y)}")
else:
    st.caption(f"Source: {source_caption(x)}")
    notes = caveats(found[x], cache.positions())
    if notes:
        st.info("\n".join(f"- {md(n)}" for n in notes), icon=":material/info:")

event = st.plotly_chart(
    cache.map_figure(key, shown),
    config=plotly_config(view.file_stem),
    theme=None,
    key=f"map-{shown}-{key}",
    on_select="rerun",
    selection_mode="points",
)
picked = [p.get("customdata") for p in event.selection.points if p.get("customdata")]
if picked:
    if picked[0] in universe:
        st.switch_page("app_pages/country.py", query_params={"iso3": picked[0]})
    st.info(
        f"{md(cache.feature_names().get(picked[0], picked[0]))} is not in scope: it is neither a "
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
            cache.static_map_maker(key, fmt, shown),
            file_name=f"{view.file_stem}.{fmt}",
            mime=mime,
            icon=icon,
            on_click="ignore",
            width="stretch",
        )

briefing, slides, presenting_link, _ = st.columns([1, 1, 1, 2])
pack_downloads((briefing, slides), key, shown)
here = {"focus": key} | ({"compare": shown} if y else {"instrument": x})
presenting_link.page_link(
    PAGE,
    label="Presentation mode",
    icon=":material/co_present:",
    query_params=here | {"present": "1"},
)

if focus.kind != WORLD and not y:
    if shown == CALL_TO_ACTION:
        sentences = cache.breakdown(focus.kind).set_index("group_id")["Sentence"]
    else:
        sentences = cache.view_breakdown(shown, focus.kind).set_index("group_id")["Sentence"]
    st.markdown(md(sentences[focus.group_id]))

as_of = long_date(found[x].as_of)
st.caption(
    f"Click a state to open its profile. States smaller than {DOT_AREA_KM2:,} km², and Tuvalu "
    f"(no outline at this scale), are also drawn as dots."
    + (f" Data as of {md(as_of)}." if not y else "")
)
st.caption(f"{DISCLAIMER} {BOUNDARY_NOTE} See Sources and method for the boundary policy.")
