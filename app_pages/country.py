"""Country profile page (``/country?iso3=NLD``): status, every instrument and vote, peers."""

import streamlit as st

from instruments.model import CALL_TO_ACTION
from instruments.prose import long_date
from plan.model import reconcile
from plan.service import PlanService
from ui import cache
from ui.figures.focus import focus_key
from ui.tables.coverage import tally
from ui.tables.dataset import UN_LANGUAGES
from ui.tables.groups import KIND_LABELS
from ui.tables.instrument_tables import position_rows
from ui.tables.outreach import found
from ui.tables.profile import facts, groups_of
from ui.tables.profile import listed_elsewhere as listed_on
from ui.text import code, link, md
from ui.widgets import url_controls
from ui.widgets.plan_session import plan_readers_only

table = cache.table()
source = cache.provenance()
rows = table.set_index("iso3")
universe = table[table["in_universe"]].sort_values("name", key=lambda s: s.str.casefold())
options = {"": "Choose a state…"} | dict(zip(universe["iso3"], universe["name"], strict=True))


def listed_elsewhere(entity: str) -> str:
    """Which related instruments list an entity outside the universe, as a sentence."""
    said = listed_on(entity, cache.positions(), cache.catalogue())
    return f" Also listed on {md('; '.join(said))}." if said else ""


st.header("Country profile", anchor=False)
raw = st.query_params.get("iso3", "")
wanted = raw.strip().upper()
if wanted != raw and wanted in options:
    st.query_params["iso3"] = wanted
elif raw and wanted not in options:
    outside = rows.loc[wanted] if wanted in rows.index else None
    name = outside["name"] if outside is not None else cache.feature_names().get(wanted)
    if name:
        st.info(
            f"{md(name)} ({code(wanted)}) is not in scope: the dashboard covers the 193 UN member "
            "States and the 2 observer States."
            + (
                " The source lists it as endorsing."
                if outside is not None and outside["endorsed"]
                else ""
            )
            + listed_elsewhere(wanted),
            icon=":material/info:",
        )
        del st.query_params["iso3"]

with st.columns([2, 3])[0]:
    query = st.text_input(
        "Find a state in any UN language",
        key="country-find",
        placeholder="Côte d’Ivoire, Кот-д’Ивуар, 科特迪瓦, كوت ديفوار…",
        help="Searches the names in Arabic, Chinese, English, French, Russian and Spanish, "
        "ignoring accents and case.",
    )
    hits = found(query, cache.search_index())
    narrowed = {k: v for k, v in options.items() if not k or k in hits or k == wanted}
    if len(narrowed) == 1:
        st.caption("No state has that name in any of the six UN languages.")
    iso3 = url_controls.select("State", "iso3", narrowed, "")


def plan_history(service: PlanService, iso3: str, endorsed: bool) -> None:
    """The state's plan for the Call to Action and every change to its plans, newest first."""
    st.subheader("Plan and history", anchor=False)
    record = service.record(iso3, CALL_TO_ACTION)
    status, flag = reconcile(record, endorsed, long_date(source.as_of))
    st.caption(
        f"Internal. Call to Action plan: **{md(status)}**"
        + (f" (check: {md(flag)})" if flag and record.version else "")
        + (f", owner {md(record.owner)}" if record.owner else "")
        + (f", next step {md(record.next_step)} due {md(record.due)}" if record.next_step else "")
        + "."
    )
    events = service.events(iso3=iso3)
    if events:
        st.dataframe(
            [
                {
                    "When": e.at,
                    "Who": e.who,
                    "Instrument": e.instrument,
                    "Field": e.field,
                    "Old": e.old,
                    "New": e.new,
                }
                for e in events
            ],
            hide_index=True,
            width="stretch",
        )
    else:
        st.caption("No change recorded yet.")


def profile(iso3: str) -> None:
    """Status, listing, facts and peers of one state."""
    state = rows.loc[iso3]
    endorsed = set(table.loc[table["endorsed"] & table["in_universe"], "iso3"])
    st.subheader(md(state["name"]), anchor=False)
    un_names = cache.un_names().loc[iso3]
    st.markdown(
        "| Language | UN name |\n|---|---|\n"
        + "\n".join(
            f"| {md(label)} | {md(un_names[lang])} |" for lang, label in UN_LANGUAGES.items()
        )
    )
    if state["endorsed"]:
        st.badge("Endorsed", icon=":material/check_circle:", color="blue")
        st.markdown(
            f"Listed by the source as **{md(state['name_as_listed'])}** "
            f"(list as of {md(long_date(source.as_of))})."
        )
    else:
        st.badge("Not endorsed", icon=":material/radio_button_unchecked:", color="orange")
        st.markdown(f"Not on the list of endorsing states as of {md(long_date(source.as_of))}.")

    st.markdown("\n".join(f"- **{k}**: {md(v)}" for k, v in facts(iso3, state).items()))

    st.subheader("All instruments and votes", anchor=False)
    positions = position_rows(
        iso3, cache.matrix(), cache.positions(), list(cache.catalogue().values())
    )
    st.table(  # a static table wraps the notes; every cell from data is escaped as Markdown
        positions.assign(
            Instrument=positions["Instrument"].map(md),
            Status=[f"**{md(s)}**" for s in positions["Status"]],
            **{"As of": positions["As of"].map(lambda d: md(long_date(d)))},
            Source=[link("Source", url) for url in positions["Source"]],
            Note=positions["Note"].map(md),
        ),
        hide_index=True,
    )
    st.caption(
        "Statuses as listed by each source on its date. A partial list (the Blueprint) leaves "
        "states it does not name unknown, never “not endorsed”. More on each instrument under "
        "Related instruments."
    )

    planned = plan_readers_only()
    if planned is not None:
        plan_history(planned[0], iso3, bool(state["endorsed"]))

    st.subheader("How its peers stand", anchor=False)
    for group in groups_of(iso3, cache.groupings()):
        with st.container(border=True):
            text, on_map, breakdown = st.columns([4, 1, 1], vertical_alignment="center")
            member = next(m for m in group.members if m.iso3 == iso3)
            text.markdown(
                f"**{md(KIND_LABELS[group.kind])}: {md(group.label)}**  \n"
                f"{md(tally(group, endorsed))}."
            )
            if member.note:
                text.caption(md(f"Membership note: {member.note}"))
            on_map.page_link(
                "app_pages/map.py",
                label="Show on map",
                icon=":material/public:",
                query_params={"focus": focus_key(group.kind, group.group_id)},
            )
            breakdown.page_link(
                "app_pages/regions.py",
                label="Breakdown",
                icon=":material/bar_chart:",
                query_params={"by": group.kind},
            )


if iso3:
    profile(iso3)
else:
    st.caption("Pick a state above, or click one on the coverage map.")
