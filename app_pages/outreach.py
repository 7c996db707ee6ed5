"""Outreach page: the states that have not endorsed, ranked by a weighted score and explained."""

import streamlit as st
from babel.numbers import format_decimal

from i18n import formats
from i18n.translate import N_, _, ngettext
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.view import DEFAULT_VIEW
from instruments.wording import OUTREACH_INTRO, WEIGHTS_NOTE
from store.data_text import translated
from store.groups import GroupKind
from ui import cache
from ui.tables.outreach import (
    focus_of,
    formula,
    non_endorsers,
    priority_table,
    ranks,
    score_terms,
    view_ranks,
)
from ui.tables.priority import default_weights, priorities, weights_from
from ui.text import md
from ui.widgets import as_of, url_controls
from ui.widgets.compare_links import selected_link
from ui.widgets.downloads import pack_downloads, table_downloads
from ui.widgets.filters import filter_widgets
from ui.widgets.plan_session import plan_readers_only, plan_word
from ui.widgets.saved_groups import saved_group_bar
from ui.widgets.since import since_section
from ui.widgets.table_columns import long_text, profile_links, state_links
from ui.widgets.your_group import your_group

ORDERS = {"score": N_("Priority score"), "name": N_("Name")}
# Headers of the columns with a fixed English name, shown in the active language.
HEADERS = {
    "ISO3": N_("ISO3"),
    "Plan status": N_("Plan status"),
    "Best organisation": N_("Best organisation"),
    "M49 region": N_("Region (UN M49)"),
    "M49 sub-region": N_("Sub-region (UN M49)"),
    "UN regional group": N_("UN regional group"),
}
WEIGHT_RANGE = (0.0, 5.0)

table = cache.table()
source = cache.provenance()
organisations = {g.group_id: g for g in cache.groupings()[GroupKind.ORG]}
related = [i for i in cache.catalogue().values() if i.id != CALL_TO_ACTION]
terms = cache.score_terms()
DEFAULTS = default_weights(terms)


def decimal(value: float, digits: int) -> str:
    """``value`` with exactly ``digits`` decimals, in the active language ("3.5", "3,5")."""
    return format_decimal(value, format="#,##0." + "0" * digits, locale=formats.locale())


st.header(_("Outreach gaps"), anchor=False)
st.caption(_(OUTREACH_INTRO))
as_of.require(DEFAULT_VIEW)

filters = filter_widgets(table, organisations, url_controls.focus_from_url(cache.focus_frames()))
focus = focus_of(filters, cache.groupings())
url_controls.carry(focus=focus)
your_group(focus)
url_controls.show(focus, DEFAULT_VIEW)
saved_group_bar(focus)
states = cache.states()
notes = zip(states["iso3"], states["regional_group_note"], strict=True)
caveats = {code: translated(note) for code, note in notes}
endorsed = supporters(cache.matrix(), cache.catalogue()[CALL_TO_ACTION])
gaps = non_endorsers(
    table, endorsed, list(organisations.values()), cache.search_index(), caveats, filters
)
total = int((~table.loc[table["in_universe"], "iso3"].isin(endorsed)).sum())


def reset_weights() -> None:
    """Put every slider back to its documented default."""
    for name, value in DEFAULTS.items():
        st.session_state[f"weight-{name}"] = value


start = url_controls.numbers("weights", DEFAULTS, *WEIGHT_RANGE)
with st.expander(_("Priority score: weights"), icon=":material/tune:"):
    st.caption(_(WEIGHTS_NOTE))
    chosen = {}
    columns = st.columns(4)
    for i, term in enumerate(terms):
        chosen[term.key] = columns[i % 4].slider(
            term.label,
            *WEIGHT_RANGE,
            value=start[term.key],
            step=0.5,
            help=term.help,
            key=f"weight-{term.key}",
        )
    columns[-1].button(_("Reset to the defaults"), on_click=reset_weights, icon=":material/undo:")
url_controls.write_numbers("weights", chosen, DEFAULTS)
weights = weights_from(chosen, terms)
st.caption(_("**Score** = {formula}.").format(formula=md(formula(weights, terms))))

names = table.set_index("iso3")["name"]
ranked = priorities(cache.signals(), weights, names, terms)
rows = priority_table(gaps, ranked, weights, cache.matrix(), related, terms)
if filters.active:  # ranks within the view, the world rank beside them
    rows = view_ranks(rows)
planned = plan_readers_only()  # the plan's status, for signed-in users with a role only
if planned is not None:
    statuses = {c: r.status for c, r in planned[0].records(CALL_TO_ACTION).items()}
    rows.insert(2, "Plan status", [plan_word(statuses.get(c, "not started")) for c in rows["ISO3"]])
order = url_controls.segmented(_("Sort by"), "sort", {k: _(v) for k, v in ORDERS.items()}, "score")
if order == "score":
    rows = rows.sort_values("Rank", kind="stable", ignore_index=True)  # ties stay by name

if not filters.active:
    st.markdown(
        ngettext(
            "**{count} state** in scope has not endorsed.",
            "**{count} states** in scope have not endorsed.",
            total,
        ).format(count=formats.number(total))
    )
else:
    st.markdown(
        _("**{count} of the {total} states** that have not endorsed match: {filters}.").format(
            count=formats.number(len(gaps)),
            total=formats.number(total),
            filters=md(filters.describe()),
        )
    )

percent = {"format": "percent", "width": "small"}
shown = st.dataframe(
    rows.assign(State=profile_links(rows["ISO3"], rows["State"])),
    hide_index=True,
    key="outreach-table",
    on_select="rerun",
    selection_mode="multi-row",
    width="stretch",
    height=min(38 * len(rows) + 40, 720),
    column_config={name: _(label) for name, label in HEADERS.items()}
    | {
        "Rank": st.column_config.NumberColumn(_("Rank"), width="small", pinned=True),
        "World rank": st.column_config.NumberColumn(
            _("World rank"),
            width="small",
            help=_("Rank among every state in scope that has not endorsed."),
        ),
        "State": state_links(_("State")),
        "Score": st.column_config.NumberColumn(_("Score"), format="%.1f", width="small"),
        "Why": long_text(_("Why (signals that count)")),
        "Points": long_text(_("Points (weight × signal)"), width="medium"),
        "Regional group share": st.column_config.NumberColumn(_("Regional group share"), **percent),
        "Organisation share": st.column_config.NumberColumn(_("Organisation share"), **percent),
        "Organisations": long_text(_("Organisations")),
        "Caveats": long_text(_("Caveats"), width="medium"),
    },
)
st.caption(_("A state's name opens its profile; double-click a cell to read all of it."))
selected_link([rows["ISO3"].iloc[i] for i in shown.selection.rows])
if filters.organisation and filters.organisation.outside:
    outside = ", ".join(m.name for m in filters.organisation.outside)
    st.caption(
        _("Also members of {organisation}, outside the 195 states in scope: {names}.").format(
            organisation=md(filters.organisation.label), names=md(outside)
        )
    )

title = _("States that have not endorsed the REAIM 2023 Call to Action, by outreach priority")
stem = f"reaim-2023-not-endorsed-{source.as_of}"
about = [
    (_("Priority weights"), ", ".join(f"{k} {formats.number(v)}" for k, v in weights.items())),
    (
        _("Score"),
        _("{formula} (rank 1 = highest score; ties share a rank)").format(
            formula=formula(weights, terms)
        ),
    ),
]
left, right, slides, handout, _spare = st.columns([1, 1, 1, 1, 1])
table_downloads((left, right), rows, stem, title, source, filters.describe(), related, about)
pack_downloads((slides, handout), focus, DEFAULT_VIEW)
since_section(focus)

st.subheader(_("Why a state ranks where it does"), anchor=False)
world_rank = ranks(ranked)
in_view = rows.sort_values("Rank", kind="stable")["ISO3"] if len(rows) else ranked.index[:1]
position = dict(zip(rows["ISO3"], rows["Rank"], strict=True)) if len(rows) else world_rank
ordinal = {c: f"{position[c]}. {names[c]}" for c in in_view}
if st.query_params.get("explain") in set(ranked.index) - set(ordinal):
    del st.query_params["explain"]  # the filters changed under it: the first row, without a notice
with st.columns([2, 3])[0]:
    explained = url_controls.select(
        _("State"),
        "explain",
        ordinal,
        next(iter(ordinal)),
        help=_("Any state of the list above, by rank."),
    )
row = ranked.loc[explained]
facts = {
    "name": md(names[explained]),
    "world": formats.number(world_rank[explained]),
    "total": formats.number(len(ranked)),
    "score": decimal(row["score"], 1),
    "why": md(row["why"]),
}
if filters.active and len(rows):
    said = _(
        "**{name}** is ranked **{rank}** of the {count} states that have not endorsed and match "
        "the filters ({filters}), and **{world}** of all {total}, with a score of **{score}**: "
        "{why}."
    ).format(
        rank=formats.number(position[explained]),
        count=formats.number(len(rows)),
        filters=md(filters.describe()),
        **facts,
    )
else:
    said = _(
        "**{name}** is ranked **{rank}** of the {total} states that have not endorsed, with a "
        "score of **{score}**: {why}."
    ).format(rank=facts["world"], **facts)
st.markdown(said)
if asked := cache.ask(explained):  # every state of the list has one
    st.markdown(_("**Suggested ask.** {ask}").format(ask=md(asked.text)))
breakdown = score_terms(row, weights, terms)
st.dataframe(
    breakdown.drop(columns=["Short"]),
    hide_index=True,
    column_config={
        "Signal": st.column_config.TextColumn(_("Signal"), width="large"),
        "Value": _("Value"),
        "Weight": st.column_config.NumberColumn(_("Weight"), format="%g"),
        "Points": st.column_config.NumberColumn(_("Points"), format="%.2f"),
    },
)
st.caption(
    _(
        "The points add up to {total}, shown rounded as {score}. Change the weights above to see "
        "the ranking and this breakdown move."
    ).format(total=decimal(breakdown["Points"].sum(), 2), score=decimal(row["score"], 1))
)
