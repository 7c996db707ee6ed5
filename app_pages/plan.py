"""Outreach plan page: who approaches which state, when, with what result; for signed-in roles."""

from datetime import date

import streamlit as st

from plan.model import CHANNELS, STATUSES, PlanConflictError, PlanValidationError
from ui import cache
from ui.tables.outreach import matching, ranks
from ui.tables.plan_table import plan_rows, progress
from ui.tables.priority import default_weights, priorities
from ui.text import md
from ui.widgets import url_controls
from ui.widgets.filters import filter_widgets
from ui.widgets.plan_session import login_configured, open_plan

GROUPINGS = {"region": "M49 region", "ungroup": "UN regional group", "org": "Organisation"}

st.header("Outreach plan", anchor=False)
opened = open_plan()
if opened is None:
    st.stop()
service, access = opened
if not access.can_read:
    st.info(md(access.reason), icon=":material/lock:")
    if login_configured() and not access.who:
        st.button("Sign in", on_click=st.login, icon=":material/login:")
    elif login_configured():  # signed in without a role: let them try another account
        st.button("Sign out", on_click=st.logout, icon=":material/logout:")
    st.stop()

table = cache.table()
source = cache.provenance()
found = cache.catalogue()
endorsable = {k: i.short_title for k, i in found.items() if k in service.known_instruments}
st.caption(
    f"Signed in as **{md(access.who)}** ({md(access.role)}). The notes are sensitive: internal "
    "use only. Every change is recorded with who made it and when."
)
if login_configured():
    st.button("Sign out", on_click=st.logout, icon=":material/logout:")
with st.columns([2, 3])[0]:
    instrument = url_controls.select("Instrument", "instrument", endorsable, next(iter(endorsable)))
organisations = {g.group_id: g for g in cache.groupings()["org"]}
filters = filter_widgets(table, organisations)
mine = st.toggle("My states only", key="plan-mine", help="States whose owner names you.")

universe = table[table["in_universe"]]
shown_states = matching(universe, cache.search_index(), filters)
weights = default_weights(cache.score_terms())
names = table.set_index("iso3")["name"]
ranked = priorities(cache.signals(), weights, names, cache.score_terms())
records = service.records(instrument)
published = set(universe.loc[universe["endorsed"], "iso3"]) if instrument in found else set()
rows = plan_rows(
    shown_states.assign(endorsed=shown_states["iso3"].isin(published)),
    records,
    ranked,
    ranks(ranked),
    source.as_of,
    date.today(),
)
if mine:
    rows = rows[rows["Owner"].str.casefold().str.contains(access.who.casefold(), regex=False)]
late = int((rows["Overdue"] == "overdue").sum())
st.markdown(
    f"**{len(rows)} states** in this view; **{late}** with an overdue next step; "
    f"**{int((rows['Check'] != '').sum())}** whose plan disagrees with the published list."
)
st.dataframe(
    rows,
    hide_index=True,
    width="stretch",
    height=min(38 * len(rows) + 40, 560),
    column_config={
        "Rank": st.column_config.NumberColumn("Rank", width="small"),
        "Score": st.column_config.NumberColumn("Score", format="%.1f", width="small"),
        "Check": st.column_config.TextColumn("Check against the published list"),
        "Overdue": st.column_config.TextColumn("Overdue", help="Due date passed, not endorsed"),
        "Notes": st.column_config.TextColumn("Notes", width="large"),
    },
)
export, _ = st.columns([1, 4])
export.download_button(
    "Download plan (CSV, internal)",
    service.records_csv(instrument),
    file_name=f"INTERNAL-outreach-plan-{instrument}-{date.today().isoformat()}.csv",
    mime="text/csv",
    icon=":material/lock:",
    on_click="ignore",
)

st.subheader("Progress", anchor=False)
by = url_controls.segmented("By", "by", GROUPINGS, "ungroup")
counts = progress(cache.groupings()[by], rows)
if len(counts):
    st.bar_chart(counts.set_index("Group"), horizontal=True, stack=True)
    st.dataframe(counts, hide_index=True, width="stretch")

if access.can_edit:
    st.subheader("Edit a state's plan", anchor=False)
    options = dict(zip(rows["ISO3"], rows["State"], strict=True))
    if options:
        iso3 = st.selectbox(
            "State", list(options), format_func=options.__getitem__, key="plan-state"
        )
        record = service.record(iso3, instrument)
        with st.form(f"plan-{iso3}-{instrument}"):
            left, right = st.columns(2)
            status = left.selectbox("Status", STATUSES, index=STATUSES.index(record.status))
            owner = right.text_input(
                "Owner (desk, embassy or person)", record.owner, max_chars=120, key=f"owner-{iso3}"
            )
            contact = left.date_input("Last contact", record.last_contact, format="YYYY-MM-DD")
            channel = right.selectbox(
                "Channel", ["", *CHANNELS], index=["", *CHANNELS].index(record.channel)
            )
            step = left.text_input("Next step", record.next_step, max_chars=500)
            due = right.date_input("Due", record.due, format="YYYY-MM-DD")
            notes = st.text_area(
                "Notes (sensitive)", record.notes, max_chars=5000, key=f"notes-{iso3}"
            )
            saved = st.form_submit_button("Save", icon=":material/save:")
        changes = {
            "status": status,
            "owner": owner,
            "last_contact": contact,
            "channel": channel,
            "next_step": step,
            "due": due,
            "notes": notes,
        }
        if saved:
            try:
                service.save(iso3, instrument, changes, record.version, access.who)
                st.success(f"Saved {md(options[iso3])}.", icon=":material/check:")
            except PlanValidationError as exc:
                st.error("Not saved: " + md("; ".join(exc.problems)))
            except PlanConflictError as exc:
                st.error(f"Not saved: {md(exc)}. Their version is shown below; yours is kept.")
                st.table({"Field": list(changes), "Yours": [str(v) for v in changes.values()]})
                st.session_state["plan-reapply"] = (iso3, instrument, changes)
        if st.session_state.get("plan-reapply", (None,))[0] == iso3 and st.button(
            "Re-apply my changes over theirs", icon=":material/redo:"
        ):
            _, _, mine_changes = st.session_state.pop("plan-reapply")
            current = service.record(iso3, instrument)
            service.save(iso3, instrument, mine_changes, current.version, access.who)
            st.success("Re-applied.", icon=":material/check:")

    if access.is_admin:
        st.subheader("Import the plan from CSV", anchor=False)
        upload = st.file_uploader("CSV in the export's format", type=["csv"])
        if upload is not None:
            report = service.import_records_csv(upload.getvalue(), instrument, access.who, True)
            st.markdown("\n".join(f"- {md(line)}" for line in report.changes) or "No changes.")
            if report.errors:
                st.error(
                    "Nothing will be imported:\n\n" + "\n".join(f"- {md(e)}" for e in report.errors)
                )
            elif st.button("Apply the import", icon=":material/upload:"):
                service.import_records_csv(upload.getvalue(), instrument, access.who, False)
                st.success("Imported.", icon=":material/check:")
