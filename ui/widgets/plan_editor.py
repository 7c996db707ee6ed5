"""The edit form of one state's plan: saves only what the user changed, and never loses a write.

The form remembers the record it started from: a save is conditioned on that version, so a
colleague's change in between is refused with who and when, and the user can re-apply their own
changes (and only those) over it.
"""

import streamlit as st

from i18n.translate import _
from plan.access import Access
from plan.model import CHANNELS, STATUSES, PlanConflictError, PlanRecord, PlanValidationError
from plan.service import PlanService
from ui.tables.plan_table import edited
from ui.text import md
from ui.widgets.plan_session import plan_word


def _form(record: PlanRecord, key: str) -> tuple[dict[str, object], bool]:
    """The fields as the user left them, and whether they pressed Save."""
    with st.form(f"form-{key}"):
        left, right = st.columns(2)
        values = {
            "status": left.selectbox(
                _("Status"),
                STATUSES,
                index=STATUSES.index(record.status),
                format_func=plan_word,
                key=f"status-{key}",
            ),
            "owner": right.text_input(
                _("Owner (desk, embassy or person)"),
                record.owner,
                max_chars=120,
                key=f"owner-{key}",
            ),
            "last_contact": left.date_input(
                _("Last contact"), record.last_contact, format="YYYY-MM-DD", key=f"contact-{key}"
            ),
            "channel": right.selectbox(
                _("Channel"),
                ["", *CHANNELS],
                index=["", *CHANNELS].index(record.channel),
                format_func=plan_word,
                key=f"channel-{key}",
            ),
            "next_step": left.text_input(
                _("Next step"), record.next_step, max_chars=500, key=f"step-{key}"
            ),
            "due": right.date_input(_("Due"), record.due, format="YYYY-MM-DD", key=f"due-{key}"),
            "notes": st.text_area(
                _("Notes (sensitive)"), record.notes, max_chars=5000, key=f"notes-{key}"
            ),
        }
        return values, st.form_submit_button(_("Save"), icon=":material/save:")


def _saved(key: str, stored: PlanRecord, message: str) -> None:
    """Start the next form from the stored record and run the page again, so that every table
    above the form shows the change; the message is shown on that run.
    """
    st.session_state[f"base-{key}"] = stored
    st.session_state[f"done-{key}"] = message
    st.rerun()


def plan_editor(
    service: PlanService, access: Access, iso3: str, instrument: str, name: str
) -> None:
    """Edit one state's plan for one instrument, as ``access.who``."""
    key = f"{instrument}-{iso3}"
    if done := st.session_state.pop(f"done-{key}", ""):
        st.success(done, icon=":material/check:")
    base = st.session_state.get(f"base-{key}") or service.record(iso3, instrument)
    values, saved = _form(base, key)
    changes = edited(base, values)
    stored = None if saved else service.record(iso3, instrument)  # what the next form starts from
    if saved and not changes:
        st.info(_("Nothing changed."), icon=":material/info:")
    elif saved:
        try:
            stored = service.save(iso3, instrument, changes, base.version, access.who)
            _saved(key, stored, _("Saved {name}.").format(name=md(name)))
        except PlanValidationError as exc:
            st.error(_("Not saved: {problems}").format(problems=md("; ".join(exc.problems))))
        except PlanConflictError as exc:
            st.error(
                _("Not saved: {reason}. Their version and your changes are below.").format(
                    reason=md(exc)
                )
            )
            st.session_state[f"pending-{key}"] = changes
    pending = st.session_state.get(f"pending-{key}")
    if pending:
        current = service.record(iso3, instrument)
        st.table(
            {
                _("Field"): list(pending),
                _("Theirs"): [str(getattr(current, f) or "") for f in pending],
                _("Yours"): [str(v or "") for v in pending.values()],
            }
        )
        if st.button(
            _("Re-apply my changes over theirs"), icon=":material/redo:", key=f"redo-{key}"
        ):
            stored = service.save(iso3, instrument, pending, current.version, access.who)
            del st.session_state[f"pending-{key}"]
            _saved(key, stored, _("Re-applied your changes to {name}.").format(name=md(name)))
    if stored is not None:
        st.session_state[f"base-{key}"] = stored
