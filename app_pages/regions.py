"""Regional breakdown page: any instrument, or two compared, per region, group or organisation."""

import streamlit as st

from i18n.translate import _, pgettext
from instruments.categories import Comparison
from instruments.model import CALL_TO_ACTION
from instruments.prose import capitalised
from instruments.view import View
from store.focus import WORLD_FOCUS, Focus
from store.groups import GroupKind
from ui import cache
from ui.figures.breakdown_chart import breakdown_figure, view_breakdown_figure
from ui.figures.map_figure import plotly_config
from ui.tables.breakdown_words import COMPARISON_TITLES, HEADERS, INSTRUMENT_TITLES, SCOPES, TITLES
from ui.tables.coverage import of_group
from ui.text import md
from ui.views.map_view import comparison_phrase
from ui.widgets import as_of, pages, url_controls
from ui.widgets.downloads import pack_downloads, table_downloads
from ui.widgets.filters import group_in_view
from ui.widgets.focus_links import focus_links
from ui.widgets.presentation import present, presenting
from ui.widgets.saved_groups import saved_group_bar
from ui.widgets.since import since_section
from ui.widgets.table_columns import long_text
from ui.widgets.your_group import your_group

PAGE = pages.REGIONS.script
source = cache.provenance()
found = cache.catalogue()
titles = cache.view_titles()
focus = url_controls.focus_from_url(cache.focus_frames())
among = focus if focus.is_group else WORLD_FOCUS  # a group the user made: its members only
if presenting():
    by = url_controls.param("by", {kind: kind.label for kind in GroupKind}) or GroupKind.REGION
    shown = url_controls.view_from_url(titles, CALL_TO_ACTION)
else:
    st.header(_("Regional breakdown"), anchor=False)
    grouping, first, second = st.columns([2.2, 1.2, 1.2], vertical_alignment="bottom")
    with grouping:
        by = url_controls.segmented(
            _("Group states by"),
            "by",
            {kind: kind.label for kind in GroupKind},
            GroupKind.REGION,
            start=focus.kind,
        )
    shown = url_controls.instrument_and_comparison(titles, CALL_TO_ACTION, first, second)
    your_group(focus)
    if focus.is_group:
        group_in_view(focus)
        saved_group_bar(focus)
x, y = shown.first, shown.second
as_of.require(shown)
url_controls.show(among, shown)


def titled(title: str) -> str:
    """A title said of the user's group when its members only are counted."""
    return of_group(title, among) if among.is_group else title


if shown == View(CALL_TO_ACTION):
    table = cache.breakdown(by, among)
    title = titled(_(TITLES[by]).format(date=source.as_of))
    figure = breakdown_figure(table, title)
    stem = f"reaim-2023-endorsements-by-{by}-{source.as_of}"
    related, provenance = [], source
    share_label = _("Share")
else:
    view = cache.map_view(shown, WORLD_FOCUS)
    table = cache.view_breakdown(shown, by, among)
    if y:
        what = comparison_phrase(Comparison.ONLY_FIRST, found[x], found[y])
        title = titled(_(COMPARISON_TITLES[by]).format(comparison=capitalised(what)))
        related = [found[x], found[y]]
    else:
        title = titled(
            _(INSTRUMENT_TITLES[by]).format(instrument=found[x].short_title, date=found[x].as_of)
        )
        related = [found[x]]
    figure = view_breakdown_figure(table, view, title)
    stem = f"{x}-not-{y}-by-{by}" if y else f"{x}-by-{by}-{found[x].as_of}"
    provenance = source if CALL_TO_ACTION in (x, y) else None
    share_label = _("Share: {category}").format(category=view.names[0])
    if view.caveat and not presenting():
        st.info(md(view.caveat), icon=":material/info:")

if among.is_group:
    stem = f"{stem}-your-group"
if presenting():
    keep = {"by": by} | shown.url_params() | (among.url_params() if among.is_group else {})
    present(cache.headline(shown, among), figure, plotly_config(stem), PAGE, keep)
    st.stop()
if table.empty:  # a group the user made none of whose members belongs to an organisation listed
    st.info(_("No state of your group belongs to a group of this kind."), icon=":material/info:")
st.plotly_chart(figure, config=plotly_config(stem), theme=None)
if focus.kind == by and focus.group_id in set(table["group_id"]):
    st.markdown(md(table.set_index("group_id").at[focus.group_id, "Sentence"]))
    focus_links(focus, pages.REGIONS, shown.url_params())
elif among.is_group:
    focus_links(among, pages.REGIONS, shown.url_params())

view_param = {"compare": shown} if y else ({"instrument": x} if x != CALL_TO_ACTION else {})
listed = {g.group_id: g for g in cache.groupings()[by]}


def row_focus(group_id: str) -> Focus:
    """The focus a row's "Show on map" opens: the group; for a group the user made, its members
    in that group, named after both ("Nairobi consultation · Africa")."""
    if not among.is_group:
        return Focus(by, group_id)
    group = listed[group_id]
    members = [m.iso3 for m in group.members if m.iso3 in among.codes]
    return Focus.of_group(members, f"{among.name or _('Your group')} · {group.label}")


links = [url_controls.href("./", row_focus(g).url_params() | view_param) for g in table["group_id"]]
endorsed_header = pgettext("number of states", "Endorsed")
shown_table = table.assign(Share=table["Share"] * 100, Map=links)
if by == GroupKind.ORG:
    as_of_day = {g.group_id: g.as_of for g in cache.groupings()[by]}
    shown_table.insert(1, "Members as of", [as_of_day[g] for g in table["group_id"]])
st.dataframe(
    shown_table.drop(columns=["Sentence", "group_id", "kind"]),
    hide_index=True,
    width="stretch",
    column_config={name: _(label) for name, label in HEADERS.items()}
    | {
        "Endorsed": endorsed_header,
        "Share": st.column_config.ProgressColumn(
            share_label, format="%.0f%%", min_value=0, max_value=100
        ),
        "Map": st.column_config.LinkColumn(_("Map"), display_text=_("Show on map")),
        "Group": long_text(_("Group"), width="medium"),
        "Not yet": long_text(_("Not yet")),
        "States": long_text(_("States")),
        "Caveats": long_text(_("Caveats"), width="medium"),
    },
)

export = table.drop(columns=["kind"]).rename(columns={"group_id": "Group id"})
export = export.rename(
    columns={name: _(label) for name, label in HEADERS.items()} | {"Endorsed": endorsed_header}
)
scope = titled(_(SCOPES[by]))
left, right, slides, handout, presenting_link = st.columns(5)
table_downloads((left, right), export, stem, title, provenance, scope, related)
pack_downloads((slides, handout), among, shown)
presenting_link.page_link(
    PAGE,
    label=_("Presentation mode"),
    icon=":material/co_present:",
    query_params=url_controls.link_params(
        {"by": by, "present": "1"}
        | ({"compare": shown} if y else {"instrument": x})
        | (among.url_params() if among.is_group else {})
    ),
)

st.subheader(_("Ready to say"))
st.markdown("\n".join(f"- {md(sentence)}" for sentence in table["Sentence"]))
since_section(focus)

caveats = [c for c in table["Caveats"] if c]
if caveats:
    st.subheader(_("Membership caveats"))
    st.caption(
        _(
            "Suspended members still count as members; a membership marked unverified could not "
            "be confirmed in the sources (Sources and method gives the notes in full). Members "
            "outside the 195 states in scope are listed as not in scope."
        )
    )
    for label, text in zip(table["Group"], table["Caveats"], strict=True):
        if text:
            st.markdown(_("**{label}**: {value}").format(label=md(label), value=md(text)))
