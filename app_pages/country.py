"""Country profile page (``/country?iso3=NLD``): a card with the ask, every instrument, peers."""

from typing import TYPE_CHECKING

import streamlit as st

from i18n import formats
from i18n.translate import N_, _
from instruments.matrix import supporters
from instruments.model import CALL_TO_ACTION
from instruments.wording import (
    DATED_HEADING,
    DATED_NONE,
    DATED_NOTE,
    POSITIONS_HEADING,
    POSITIONS_NOTE,
)
from plan.model import reconcile
from plan.service import PlanService
from store.data_text import translated
from store.focus import Focus
from store.groups import GroupKind, by_name
from store.reference import UN_LANGUAGES
from ui import cache
from ui.tables.comparison import closest_peers
from ui.tables.coverage import tally
from ui.tables.instrument_tables import position_rows
from ui.tables.outreach import found
from ui.tables.plan_table import published_days
from ui.tables.profile import DATED_HEADERS, dated_record, facts, groups_of
from ui.tables.profile import listed_elsewhere as listed_on
from ui.tables.profile_card import badge, peer_lines, rank_sentence, supporting_peers
from ui.text import code, inert, link, md
from ui.widgets import pages, url_controls
from ui.widgets.compare_links import peers_link
from ui.widgets.plan_history import history_table
from ui.widgets.plan_session import plan_readers_only, plan_word
from ui.widgets.table_columns import source_links

if TYPE_CHECKING:
    from plan.access import Access

# Headers of the table of instruments and votes.
POSITION_HEADERS = {
    "Instrument": N_("Instrument"),
    "Status": N_("Status"),
    "As of": N_("As of"),
    "Note": N_("Note"),
    "Source": N_("Source"),
    "Confidence": N_("Confidence"),
}

table = cache.table()
source = cache.provenance()
rows = table.set_index("iso3")
catalogue = cache.catalogue()
endorsed = supporters(cache.matrix(), catalogue[CALL_TO_ACTION])
universe = table[table["in_universe"]].sort_values("name", key=by_name)
options = {"": _("Choose a state…")} | dict(zip(universe["iso3"], universe["name"], strict=True))


def listed_elsewhere(entity: str) -> str:
    """Which related instruments list an entity outside the universe, as a sentence."""
    said = listed_on(entity, cache.positions(), catalogue)
    return (
        " " + _("Also listed on {instruments}.").format(instruments=md("; ".join(said)))
        if said
        else ""
    )


st.header(_("Country profile"), anchor=False)
raw = st.query_params.get("iso3", "")
wanted = raw.strip().upper()
if wanted != raw and wanted in options:
    st.query_params["iso3"] = wanted
elif raw and wanted not in options:
    outside = rows.loc[wanted] if wanted in rows.index else None
    name = outside["name"] if outside is not None else cache.feature_names().get(wanted)
    if name:
        st.info(
            _(
                "{name} ({code}) is not in scope: the dashboard covers the 193 UN member States "
                "and the 2 observer States."
            ).format(name=md(name), code=code(wanted))
            + (" " + _("The source lists it as endorsing.") if wanted in endorsed else "")
            + listed_elsewhere(wanted),
            icon=":material/info:",
        )
        del st.query_params["iso3"]

find, pick, _spare = st.columns([2, 2, 1])
with find:
    query = st.text_input(
        _("Find a state in any UN language"),
        key="country-find",
        placeholder="Côte d’Ivoire, Кот-д’Ивуар, 科特迪瓦, كوت ديفوار…",
        help=_(
            "Searches the names in Arabic, Chinese, English, French, Russian and Spanish, "
            "ignoring accents and case."
        ),
    )
    hits = found(query, cache.search_index())
    narrowed = {k: v for k, v in options.items() if not k or k in hits or k == wanted}
    if len(narrowed) == 1:
        st.caption(_("No state has that name in any of the six UN languages."))
with pick:
    iso3 = url_controls.select(_("State"), "iso3", narrowed, "")
shown = url_controls.view_from_url(cache.view_titles(), CALL_TO_ACTION)


def plan_line(service: PlanService, access: "Access", iso3: str, endorsed: bool) -> None:
    """The state's plan for the Call to Action in one line, and a link to edit it for editors."""
    record = service.record(iso3, CALL_TO_ACTION)
    day = published_days(cache.positions(), CALL_TO_ACTION).get(iso3)
    status, flag = reconcile(record, endorsed, day or formats.long_date(source.as_of))
    check = flag and record.version
    st.caption(
        _("Internal. Call to Action plan: **{status}**{check}{owner}{step}.").format(
            status=md(plan_word(status)),
            check=_(" (check: {flag})").format(flag=md(plan_word(flag))) if check else "",
            owner=_(", owner {owner}").format(owner=inert(record.owner)) if record.owner else "",
            step=(
                _(", next step {step} due {due}").format(
                    step=inert(record.next_step), due=md(formats.long_date(record.due))
                )
                if record.due
                else _(", next step {step}").format(step=inert(record.next_step))
            )
            if record.next_step
            else "",
        )
    )
    if access.can_edit:
        st.page_link(
            pages.PLAN.script,
            label=_("Edit in the outreach plan"),
            icon=":material/edit:",
            query_params=url_controls.link_params({"iso3": iso3}),
        )


def plan_history(service: PlanService, iso3: str) -> None:
    """Every change to the state's plans, newest first, in readable words and dates."""
    st.subheader(_("Plan and history"), anchor=False)
    titles = {k: i.short_title for k, i in cache.catalogue().items()}
    history_table(service.events(iso3=iso3), titles)


def card(
    iso3: str, positions: dict[str, dict], planned: "tuple[PlanService, Access] | None"
) -> None:
    """What a desk officer comes for, first: the suggested ask, the status in view, the plan
    (for its readers), the outreach rank and why, and the peers in each group that support the
    instrument."""
    matrix = cache.matrix()
    with st.container(border=True):
        st.subheader(md(rows.loc[iso3, "name"]), anchor=False)
        asked = cache.ask(iso3)
        st.markdown(
            _("**Suggested ask.** {ask}").format(ask=md(asked.text))
            if asked
            else _("**Suggested ask.** None: it supports every instrument it could join.")
        )
        lead, peers = st.columns([1.3, 1], gap="large")  # the rank and why: fewer lines
        for instrument in (catalogue[i] for i in shown.ids):
            row = positions[instrument.id]
            supported = iso3 in supporters(matrix, instrument)
            said = row["Note"] or _("Source as of {date}.").format(
                date=formats.long_date(row["As of"])
            )
            lead.markdown(
                f"**{md(instrument.title)}**  \n"
                f"{badge(instrument, matrix.loc[iso3, instrument.id], supported)} {md(said)}"
            )
        if planned is not None:  # under the status: the plan's owner and its edit link
            with lead:
                plan_line(planned[0], planned[1], iso3, iso3 in endorsed)
        if rank := rank_sentence(
            iso3, cache.default_ranking()
        ):  # none for a state that has endorsed
            lead.markdown(rank)
        first = catalogue[shown.first]
        peers.markdown(
            _("**Peers that have {phrase}**").format(phrase=md(first.form.have_done(first.object)))
        )
        near = supporting_peers(iso3, groups_of(iso3, cache.groupings()), supporters(matrix, first))
        peers.markdown("\n".join(f"- {line}" for line in peer_lines(near)))
        closest = closest_peers(iso3, cache.dataset())
        peers_link(peers, iso3, closest, rows["name"].to_dict())


def profile(iso3: str) -> None:
    """The card, then names, facts, every instrument, the plan's history and the peers."""
    state = rows.loc[iso3]
    positions = position_rows(iso3, cache.matrix(), cache.positions(), list(catalogue.values()))
    planned = plan_readers_only()
    card(iso3, dict(zip(catalogue, positions.to_dict("records"), strict=True)), planned)
    un_names = cache.un_names().loc[iso3]
    with st.expander(_("Names in the six UN languages"), icon=":material/translate:"):
        st.markdown(
            "| {language} | {name} |\n|---|---|\n".format(language=_("Language"), name=_("UN name"))
            + "\n".join(
                f"| {md(_(label))} | {md(un_names[lang])} |" for lang, label in UN_LANGUAGES.items()
            )
        )
    st.markdown(
        "\n".join(
            "- " + _("**{label}**: {value}").format(label=k, value=md(v))
            for k, v in facts(iso3, state).items()
        )
    )

    st.subheader(_(POSITIONS_HEADING), anchor=False)
    st.table(  # a static table wraps the notes; every cell from data is escaped as Markdown
        positions.assign(
            Instrument=positions["Instrument"].map(md),
            Status=[f"**{md(s)}**" for s in positions["Status"]],
            **{"As of": positions["As of"].map(lambda d: md(formats.long_date(d)))},
            Note=positions["Note"].map(md),
            Confidence=positions["Confidence"].map(md),
            Source=[
                _("{label}: {text}").format(label=link(_("Source"), url), text=md(note))
                if note
                else link(_("Source"), url)
                for url, note in zip(positions["Source"], positions["Source note"], strict=True)
            ],
        )
        .drop(columns=["Source note"])
        .rename(columns={name: _(label) for name, label in POSITION_HEADERS.items()}),
        hide_index=True,
    )
    st.caption(_(POSITIONS_NOTE))

    st.subheader(_(DATED_HEADING), anchor=False)
    record = dated_record(iso3, cache.positions(), catalogue, cache.shown_day())
    if len(record):
        st.table(  # every cell from data escaped as Markdown; the basis wraps
            record.drop(columns=["Sources"])
            .map(md)
            .assign(Sources=record["Sources"].map(source_links))
            .rename(columns={n: _(label) for n, label in DATED_HEADERS.items()}),
            hide_index=True,
        )
        st.caption(_(DATED_NOTE))
    else:
        st.caption(_(DATED_NONE))

    if planned is not None:
        plan_history(planned[0], iso3)

    st.subheader(_("How its peers stand"), anchor=False)
    for group in groups_of(iso3, cache.groupings()):
        with st.container(border=True):
            text, on_map, breakdown = st.columns([4, 1, 1], vertical_alignment="center")
            member = next(m for m in group.members if m.iso3 == iso3)
            text.markdown(
                _("**{kind}: {group}**").format(
                    kind=md(GroupKind(group.kind).label), group=md(group.label)
                )
                + f"  \n{md(tally(group, endorsed))}."
            )
            if member.note:
                text.caption(md(_("Membership note: {note}").format(note=translated(member.note))))
            on_map.page_link(
                pages.MAP.script,
                label=_("Show on map"),
                icon=":material/public:",
                query_params=url_controls.link_params(
                    Focus(group.kind, group.group_id).url_params()
                ),
            )
            breakdown.page_link(
                pages.REGIONS.script,
                label=_("Breakdown"),
                icon=":material/bar_chart:",
                query_params=url_controls.link_params({"by": group.kind}),
            )


if iso3:
    profile(iso3)
else:
    st.caption(_("Pick a state above, or click one on the coverage map."))
