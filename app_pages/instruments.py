"""Related instruments page: each one's figures and sources; the state × instrument matrix."""

import streamlit as st

from i18n import formats
from i18n.translate import _
from instruments.facts import caveats, figures, headline
from instruments.forms import FORMS, status_word
from instruments.wording import MATRIX_NOTE, RELATED_INTRO, TIMELINE_NOTE
from store.groups import GroupKind
from ui import cache
from ui.figures.map_figure import plotly_config
from ui.tables.endorser_series import HEADERS as SERIES_HEADERS
from ui.tables.instrument_tables import matrix_table
from ui.tables.outreach import focus_of, matching
from ui.text import link, md
from ui.views import palette
from ui.widgets import pages, url_controls
from ui.widgets.downloads import table_downloads
from ui.widgets.filters import filter_widgets
from ui.widgets.table_columns import long_text, source_links

# Each status word on a tint of its map colour (the colour faded as outside a focus); a status
# drawn in its map's background (a vote's "no vote") is left plain, as the map leaves it.
TINTS = {
    status_word(status): palette.dimmed(palette.COLOURS[form.category(status)])
    for form in FORMS.values()
    for status in form.statuses
    if form.category(status) != form.background
}

table = cache.table()
source = cache.provenance()
found = cache.catalogue()
positions = cache.positions()
day = cache.shown_day()

st.header(_("Related instruments"), anchor=False)
st.caption(_(RELATED_INTRO))

for instrument in found.values():
    label, colour = _(instrument.form.label), instrument.form.badge_colour
    with st.container(border=True):
        about, numbers, notes = st.columns([2.2, 2, 2.6], gap="medium")
        about.markdown(f"**{md(instrument.short_title)}**")
        about.badge(label, color=colour)
        about.caption(
            f"{md(instrument.title)}  \n"
            + _(
                "As of **{date}** · {source} · Licence: {licence} · Confidence: {confidence}"
            ).format(
                date=md(formats.long_date(instrument.as_of)),
                source=link(_("Source"), instrument.source_url),
                licence=md(instrument.licence),
                confidence=md(instrument.confidence),
            )
        )
        if not instrument.exists_on(day):
            numbers.info(instrument.absent_on(day), icon=":material/event_busy:")
            continue
        for column, (name, value) in zip(
            numbers.columns(len(figures(instrument, positions))),
            figures(instrument, positions),
            strict=True,
        ):
            column.metric(name, value)
        numbers.caption(md(headline(instrument, positions)))
        listed = caveats(instrument, positions)
        if listed:
            notes.markdown("\n".join(f"- {md(n)}" for n in listed))
        else:  # the source in words; its notes in full are on the Sources page
            notes.caption(md(instrument.source_line))
        if not instrument.form.names_supporters:  # no map of a record naming no supporter
            continue
        show, split = notes.columns(2)
        show.page_link(
            pages.MAP.script,
            label=_("Show on map"),
            icon=":material/public:",
            query_params=url_controls.link_params({"instrument": instrument.id}),
        )
        split.page_link(
            pages.REGIONS.script,
            label=_("By region"),
            icon=":material/bar_chart:",
            query_params=url_controls.link_params({"instrument": instrument.id}),
        )

st.subheader(_("Endorsers over time"), anchor=False)
st.caption(_(TIMELINE_NOTE))
until = cache.timeline().until
st.plotly_chart(
    cache.timeline_chart(
        _("Endorsers of each instrument over time, to {day}").format(day=formats.long_date(until))
    ),
    config=plotly_config(f"reaim-endorsers-over-time-{until}"),
    theme=None,
)
described, steps = cache.timeline_words()
st.caption(_("**The chart in words:** {description}").format(description=md(described)))
with st.expander(_("Show as table"), icon=":material/table_rows:"):
    st.table(  # a static table: each published count's sources as links, every other cell escaped
        steps.drop(columns=["Sources"])
        .map(md)
        .assign(Sources=steps["Sources"].map(source_links))
        .rename(columns={name: _(label) for name, label in SERIES_HEADERS.items()}),
        hide_index=True,
    )

st.subheader(_("Every state on every instrument"), anchor=False)
st.caption(_(MATRIX_NOTE))
organisations = {g.group_id: g for g in cache.groupings()[GroupKind.ORG]}
filters = filter_widgets(table, organisations, url_controls.focus_from_url(cache.focus_frames()))
url_controls.carry(focus=focus_of(filters, cache.groupings()))
everyone = cache.all_states()
rows = matching(everyone, cache.search_index(), filters)
catalogue = list(found.values())
shown = matrix_table(rows, cache.matrix(), catalogue)
if filters.active:
    said = _("**{count} of {total}** states and entities match: {filters}.")
else:
    said = _("**{count} of {total}** states and entities.")
st.markdown(
    said.format(
        count=formats.number(len(shown)),
        total=formats.number(len(everyone)),
        filters=md(filters.describe()),
    )
)
status_columns = [i.short_title for i in catalogue]
st.dataframe(
    shown.style.map(
        lambda v: f"background-color: {TINTS[v]}" if v in TINTS else "", subset=status_columns
    ),
    hide_index=True,
    width="stretch",
    height=min(38 * len(shown) + 40, 640),
    column_config={
        "State": long_text(_("State"), width="medium", pinned=True),
        "ISO3": st.column_config.TextColumn(_("ISO3"), width="small"),
        "M49 region": _("Region (UN M49)"),
        "M49 sub-region": _("Sub-region (UN M49)"),
        "UN regional group": _("UN regional group"),
        "In scope": _("In scope"),
    },
)

title = _("Positions of states on the instruments on military AI")
stem = f"reaim-positions-matrix-{source.as_of}"
csv, excel, raw, _spare = st.columns([1, 1, 1.3, 1.7])
table_downloads((csv, excel), shown, stem, title, source, filters.describe(), catalogue)
raw.download_button(
    _("Download every position (CSV)"),
    cache.positions_file(),
    file_name="positions.csv",
    mime="text/csv",
    icon=":material/dataset:",
    on_click="ignore",
    width="stretch",
    help=_(
        "Every state's position on every instrument, one per line (instrument, state, status, "
        "as of, source), exactly as published."
    ),
)
