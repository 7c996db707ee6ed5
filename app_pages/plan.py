"""Outreach plan page: who approaches which state, when, with what result; for signed-in roles."""

from datetime import date
from functools import partial

import streamlit as st

from i18n import formats
from i18n.translate import N_, _, ngettext
from instruments.matrix import supporters
from plan.model import OPEN_STEP_FLAG
from store.groups import GroupKind
from ui import cache
from ui.figures.map_figure import plotly_config
from ui.figures.plan_progress import progress_figure
from ui.tables.export import excel_bytes
from ui.tables.outreach import matching, ranks
from ui.tables.plan_scale import status_css
from ui.tables.plan_table import OVERDUE, internal_workbook, plan_rows, progress, published_days
from ui.tables.plan_words import plan_word
from ui.tables.priority import default_weights, priorities
from ui.text import inert, md
from ui.widgets import url_controls
from ui.widgets.downloads import XLSX
from ui.widgets.filters import filter_widgets
from ui.widgets.plan_editor import plan_editor
from ui.widgets.plan_history import history_table
from ui.widgets.plan_pick import TABLE, follow_click, state_box
from ui.widgets.plan_session import failures_shown, login_configured, open_plan
from ui.widgets.private_download import private_download
from ui.widgets.watch_admin import watch_admin

GROUPINGS = (GroupKind.REGION, GroupKind.UNGROUP, GroupKind.ORG)  # progress by these
# Headers of the plan table's columns with a fixed English name, shown in the active language.
HEADERS = {
    "State": N_("State"),
    "ISO3": N_("ISO3"),
    "Status": N_("Status"),
    "Owner": N_("Owner"),
    "Last contact": N_("Last contact"),
    "Channel": N_("Channel"),
    "Next step": N_("Next step"),
    "Due": N_("Due"),
    "Group": N_("Group"),
}

st.header(_("Outreach plan"), anchor=False)
opened = open_plan()
if opened is None:
    st.stop()
service, access = opened
if not access.can_read:
    st.info(inert(access.reason), icon=":material/lock:")  # it may quote a signed-in address
    if login_configured() and not access.who:
        st.button(_("Sign in"), on_click=st.login, icon=":material/login:")
    elif login_configured():  # signed in without a role: let them try another account
        st.button(_("Sign out"), on_click=st.logout, icon=":material/logout:")
    st.stop()

with failures_shown():  # a database failure while working: one error box
    table = cache.table()
    source = cache.provenance()
    found = cache.catalogue()
    endorsable = {k: i.short_title for k, i in found.items() if k in service.known_instruments}
    st.caption(
        _(
            "Signed in as **{who}** ({role}). The notes are sensitive: internal use only. Every "
            "change is recorded with who made it and when."
        ).format(who=inert(access.who), role=md(access.role))
    )
    if login_configured():
        st.button(_("Sign out"), on_click=st.logout, icon=":material/logout:")
    with st.columns([2, 3])[0]:
        instrument = url_controls.select(
            _("Instrument"), "instrument", endorsable, next(iter(endorsable))
        )
    organisations = {g.group_id: g for g in cache.groupings()[GroupKind.ORG]}
    filters = filter_widgets(table, organisations)
    mine = st.toggle(_("My states only"), key="plan-mine", help=_("States whose owner names you."))

    universe = table[table["in_universe"]]
    shown_states = matching(universe, cache.search_index(), filters)
    weights = default_weights(cache.score_terms())
    names = table.set_index("iso3")["name"]
    ranked = priorities(cache.signals(), weights, names, cache.score_terms())
    records = service.records(instrument)
    rows = plan_rows(
        shown_states,
        records,
        supporters(cache.matrix(), found[instrument]),
        ranked,
        ranks(ranked),
        found[instrument].as_of,
        date.today(),
        published_days(cache.positions(), instrument),
    )
    owned = rows["Owner"].str.casefold().str.contains(access.who.casefold(), regex=False)
    waiting = int((owned & (rows["Check"] == OPEN_STEP_FLAG)).sum())
    if waiting:  # states of this user's that endorsed while its plan still has a step open
        st.info(
            ngettext(
                "**{count}** of your states endorsed on the published list while its next step "
                "is still open: close it or keep it.",
                "**{count}** of your states endorsed on the published list while their next "
                "steps are still open: close them or keep them.",
                waiting,
            ).format(count=formats.number(waiting)),
            icon=":material/flag:",
        )
    if mine:
        rows = rows[owned]
    late = int((rows["Overdue"] == _(OVERDUE)).sum())
    st.markdown(
        ngettext(
            "**{count} state** in this view; **{late}** with an overdue next step; "
            "**{disagree}** whose plan disagrees with the published list.",
            "**{count} states** in this view; **{late}** with an overdue next step; "
            "**{disagree}** whose plan disagrees with the published list.",
            len(rows),
        ).format(
            count=formats.number(len(rows)),
            late=formats.number(late),
            disagree=formats.number(int((rows["Check"] != "").sum())),
        )
    )
    if access.can_edit:
        st.caption(_("Click a row to open that state's plan in the form below."))
    statuses = rows["Status"]  # stored words, for the colours; the table says them in the language
    worded = rows.assign(**{c: rows[c].map(plan_word) for c in ("Status", "Check", "Channel")})
    picked = st.dataframe(
        worded.style.apply(lambda _words: statuses.map(status_css), subset=["Status"]),
        hide_index=True,
        width="stretch",
        height=min(38 * len(rows) + 40, 560),
        placeholder="",  # an empty cell, not "None"
        key=TABLE,
        on_select="rerun" if access.can_edit else "ignore",
        selection_mode="single-row",
        column_config={name: _(label) for name, label in HEADERS.items()}
        | {
            "Rank": st.column_config.NumberColumn(_("Rank"), format="%d", width="small"),
            "Score": st.column_config.NumberColumn(_("Score"), format="%.1f", width="small"),
            "Check": st.column_config.TextColumn(_("Check against the published list")),
            "Overdue": st.column_config.TextColumn(
                _("Overdue"), help=_("Due date passed, not endorsed")
            ),
            "Notes": st.column_config.TextColumn(_("Notes"), width="large"),
        },
    )
    if access.can_edit:
        follow_click(picked.selection.rows, list(rows["ISO3"]))
    stem = f"INTERNAL-outreach-plan-{instrument}-{date.today().isoformat()}"
    as_csv, as_excel, _spare = st.columns([1, 1, 3])
    with as_csv:
        private_download(
            _("Download plan (CSV, internal)"),
            partial(service.records_csv, instrument),
            f"{stem}.csv",
            "text/csv",
            key="plan-csv",
            icon=":material/lock:",
            help=_("The format the import reads back; its first line marks it internal."),
        )
    with as_excel:
        private_download(
            _("Download plan (Excel, internal)"),
            lambda: internal_workbook(
                excel_bytes(
                    worded,
                    _("INTERNAL: outreach plan, {instrument} (sensitive notes)").format(
                        instrument=endorsable[instrument]
                    ),
                    source,
                    filters.describe(),
                )
            ),
            f"{stem}.xlsx",
            XLSX,
            key="plan-xlsx",
            icon=":material/lock:",
        )

    st.subheader(_("Progress"), anchor=False)
    by = url_controls.segmented(
        _("By"), "by", {kind: kind.label for kind in GROUPINGS}, GroupKind.UNGROUP
    )
    counts = progress(cache.groupings()[by], rows)
    if len(counts):
        st.plotly_chart(
            progress_figure(counts), config=plotly_config(f"plan-progress-{by}"), theme=None
        )
        st.dataframe(
            counts.rename(columns=plan_word),  # statuses in the active language
            hide_index=True,
            width="stretch",
            column_config={name: _(label) for name, label in HEADERS.items()},
        )

    if access.can_edit:
        st.subheader(_("Edit a state's plan"), anchor=False)
        options = dict(zip(rows["ISO3"], rows["State"], strict=True))
        if options:
            iso3 = state_box(options, dict(zip(universe["iso3"], universe["name"], strict=True)))
            plan_editor(service, access, iso3, instrument, names[iso3])
            with st.expander(_("History of this plan"), icon=":material/history:"):
                history_table(service.events(iso3=iso3, instrument=instrument))

        if access.is_admin:
            st.subheader(_("Import the plan from CSV"), anchor=False)
            imports = st.session_state.setdefault("plan-imports", 0)  # a new uploader per import
            if done := st.session_state.pop("plan-imported", ""):
                st.success(done, icon=":material/check:")
            upload = st.file_uploader(
                _("CSV in the export's format"), type=["csv"], key=f"plan-import-{imports}"
            )
            if upload is not None:
                report = service.import_records_csv(upload.getvalue(), instrument, access.who, True)
                st.markdown(
                    "\n".join(f"- {md(line)}" for line in report.changes) or _("No changes.")
                )
                if report.errors:
                    st.error(
                        _("Nothing will be imported:")
                        + "\n\n"
                        + "\n".join(f"- {md(e)}" for e in report.errors)
                    )
                elif st.button(_("Apply the import"), icon=":material/upload:"):
                    applied = service.import_records_csv(
                        upload.getvalue(), instrument, access.who, False
                    )
                    if applied.errors:  # someone saved in between: nothing was written
                        st.error(
                            _("Nothing was imported:")
                            + "\n\n"
                            + "\n".join(f"- {md(e)}" for e in applied.errors)
                        )
                    else:  # the file is done with: the next run starts with an empty uploader
                        st.session_state["plan-imports"] = imports + 1
                        st.session_state["plan-imported"] = _("Imported.")
                        st.rerun()

    if access.is_admin:
        watch_admin(service, access.who)
