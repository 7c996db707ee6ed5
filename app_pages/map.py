"""Coverage map page: any instrument, or two compared, worldwide or in a focus."""

import streamlit as st

from briefing.pack import view_sentence
from edition.layout import DARK, embed_page
from edition.scope import has_page
from edition.snippet import how_to, iframe
from i18n import formats
from i18n.translate import _, active
from instruments.facts import caveats
from instruments.model import CALL_TO_ACTION
from instruments.view import View
from ui import cache
from ui.figures.map_figure import plotly_config
from ui.tables.map_summary import comparison_sentences, comparison_summary
from ui.tables.map_table import map_description, shown_table
from ui.text import link, md
from ui.views.geometry import DOT_AREA_KM2
from ui.views.map_view import BOUNDARY_NOTE, DISCLAIMER, comparison
from ui.widgets import as_of, pages, url_controls
from ui.widgets.downloads import pack_downloads
from ui.widgets.focus_links import focus_links
from ui.widgets.geo_chart import geo_chart
from ui.widgets.presentation import present_map, presenting
from ui.widgets.saved_groups import saved_group_bar
from ui.widgets.since import since_section
from ui.widgets.your_group import your_group

PAGE = pages.MAP.script
table = cache.table()
source = cache.provenance()
frames = cache.focus_frames()
found = cache.catalogue()
everyone = cache.all_states()
names = dict(zip(everyone["iso3"], everyone["name"], strict=True))
universe = set(table.loc[table["in_universe"], "iso3"])
titles = cache.view_titles()

if presenting():
    shown = url_controls.view_from_url(titles, CALL_TO_ACTION)
    as_of.require(shown)
    present_map(shown, url_controls.focus_from_url(frames), PAGE)
    st.stop()

st.header(_("Coverage map"), anchor=False)
first, second, picker = st.columns([1.2, 1.2, 1.5], vertical_alignment="bottom")
shown = url_controls.instrument_and_comparison(titles, CALL_TO_ACTION, first, second)
x, y = shown.first, shown.second
with picker:
    chosen = url_controls.focus_select(
        _("Focus"),
        frames,
        help=_("Zoom to a region, a UN regional group or an organisation; other states are faded."),
    )
your_group(chosen)
focus = cache.frame(chosen)
as_of.require(shown)
url_controls.show(chosen, shown)
saved_group_bar(chosen)
view = cache.map_view(shown, chosen)


def source_caption(instrument_id: str) -> str:
    """Where an instrument's positions come from, in one line."""
    i = found[instrument_id]
    return _(
        "{instrument}: {source}, as of {date}; licence: {licence}; confidence: {confidence}."
    ).format(
        instrument=md(i.short_title),
        source=link(i.title, i.source_url),
        date=md(formats.long_date(i.as_of)),
        licence=md(i.licence),
        confidence=md(i.confidence),
    )


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
    only, outside, unsure = comparison_sentences(said)
    st.markdown(only)
    if outside:
        st.caption(outside)
    if unsure:
        st.markdown(unsure)
    sources = _("Sources: {first} {second}").format(
        first=source_caption(x), second=source_caption(y)
    )
else:
    sources = _("Source: {source}").format(source=source_caption(x))
    notes = caveats(found[x], cache.positions())
    if notes:
        st.info("\n".join(f"- {md(n)}" for n in notes), icon=":material/info:")

described = map_description(view, focus)
clicked = geo_chart(cache.map_json(chosen, shown), plotly_config(view.file_stem), "map", view.title)
st.caption(_("**The map in words:** {description}").format(description=md(described)))
st.caption(sources)  # under the map: on a phone, the map comes first
since_section(chosen)
keys, country_link = st.columns([3, 1], vertical_alignment="center")
keys.caption(
    _(
        "A state’s profile opens when you click it on the map or, without a mouse, when you "
        "choose it in the country profile’s picker."
    )
)
country_link.page_link(
    pages.COUNTRY.script,
    label=_("Choose a state"),
    icon=":material/keyboard:",
    query_params=url_controls.link_params({}),
)
# The table is sent once opened, so the grid's code does not load on the way to the map.
with st.expander(
    _("Show as table"), icon=":material/table_rows:", key="map-table", on_change="rerun"
) as table_box:
    if table_box.open:
        st.dataframe(shown_table(cache.map_table(shown, chosen)), hide_index=True, width="stretch")

if clicked:
    if clicked in universe:
        st.switch_page(
            pages.COUNTRY.script, query_params=url_controls.link_params({"iso3": clicked})
        )
    st.info(
        _("{name} is not in scope: it is neither a UN member nor an observer State.").format(
            name=md(cache.feature_names().get(clicked, clicked))
        ),
        icon=":material/info:",
    )

png, svg, briefing, slides, presenting_link = st.columns(5)
for column, (fmt, mime, icon) in zip(
    (png, svg),
    [("png", "image/png", ":material/image:"), ("svg", "image/svg+xml", ":material/draw:")],
    strict=True,
):
    column.download_button(
        _("Download map ({format})").format(format=fmt.upper()),
        cache.static_map_maker(chosen, fmt, shown),
        file_name=f"{view.file_stem}.{fmt}",
        mime=mime,
        icon=icon,
        on_click="ignore",
        width="stretch",
    )

pack_downloads((briefing, slides), chosen, shown)
here = chosen.url_params() | shown.url_params()
presenting_link.page_link(
    PAGE,
    label=_("Presentation mode"),
    icon=":material/co_present:",
    query_params=url_controls.link_params(here | {"present": "1"}),
)
# The static edition's embed of this view (docs/publishing.md): as published, not a past day.
if has_page(found, shown, focus) and cache.shown_day() is None:
    with st.expander(_("Embed this map"), icon=":material/code:"):
        embed = embed_page(active(), shown, chosen)
        st.caption(how_to(absolute=False))
        for label, address in (
            (_("Light background"), embed),
            (_("Dark background"), embed + DARK),
        ):
            st.caption(label)
            st.code(iframe(address, view.title), language="html", wrap_lines=True)

if focus.focus.is_group and not y:  # a group the user made: no preset breakdown names it
    st.markdown(md(view_sentence(cache.focus_group(chosen), view)))
elif not focus.is_world and not y:
    if shown == View(CALL_TO_ACTION):
        sentences = cache.breakdown(focus.kind).set_index("group_id")["Sentence"]
    else:
        sentences = cache.view_breakdown(shown, focus.kind).set_index("group_id")["Sentence"]
    st.markdown(md(sentences[focus.group_id]))
if not focus.is_world:
    focus_links(chosen, pages.MAP, shown.url_params())

if y:
    how = _(
        "Click a state to open its profile. States smaller than {area} km², and Tuvalu "
        "(no outline at this scale), are also drawn as dots."
    )
else:
    how = _(
        "Click a state to open its profile. States smaller than {area} km², and Tuvalu "
        "(no outline at this scale), are also drawn as dots. Data as of {date}."
    )
st.caption(
    how.format(area=formats.number(DOT_AREA_KM2), date=md(formats.long_date(found[x].as_of)))
)
st.caption(f"{_(DISCLAIMER)} {_(BOUNDARY_NOTE)}")
