"""The edit form of one state's plan: saves only what the user changed, and never loses a write.

The form remembers the record it started from: a save is conditioned on that version, so a
colleague's change in between is refused with who and when, and the user can re-apply their own
changes (and only those) over it.
"""

import streamlit as st

from plan.access import Access
from plan.model import CHANNELS, STATUSES, PlanConflictError, PlanRecord, PlanValidationError
from plan.service import PlanService
from ui.tables.plan_table import edited
from ui.text import md


def _form(record: PlanRecord, key: str) -> tuple[dict[str, object], bool]:
    """The fields as the user left them, and whether they pressed Save."""
    with st.form(f"form-{key}"):
        left, right = st.columns(2)
        values = {
            "status": left.selectbox(
                "Status", STATUSES, index=STATUSES.index(record.status), key=f"status-{key}"
            ),
            "owner": right.text_input(
                "Owner (desk, embassy or person)", record.owner, max_chars=120, key=f"owner-{key}"
            ),
            "last_contact": left.date_input(
                "Last contact", record.last_contact, format="YYYY-MM-DD", key=f"contact-{key}"
            ),
            "channel": right.selectbox(
                "Channel",
                ["", *CHANNELS],
                index=["", *CHANNELS].index(record.channel),
                key=f"channel-{key}",
            ),
            "next_step": left.text_input(
                "Next step", record.next_step, max_chars=500, key=f"step-{key}"
            ),
            "due": right.date_input("Due", record.due, format="YYYY-MM-DD", key=f"due-{key}"),
            "notes": st.text_area(
                "Notes (sensitive)", record.notes, max_chars=5000, key=f"notes-{key}"
            ),
        }
        return values, st.form_submit_button("Save", icon=":material/save:")


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
        st.info("Nothing changed.", icon=":material/info:")
    elif saved:
        try:
            stored = service.save(iso3, instrument, changes, base.version, access.who)
            _saved(key, stored, f"Saved {md(name)}.")
        except PlanValidationError as exc:
            st.error("Not saved: " + md("; ".join(exc.problems)))
        except PlanConflictError as exc:
            st.error(f"Not saved: {md(exc)}. Their version and your changes are below.")
            st.session_state[f"pending-{key}"] = changes
    pending = st.session_state.get(f"pending-{key}")
    if pending:
        current = service.record(iso3, instrument)
        st.table(
            {
                "Field": list(pending),
                "Theirs": [str(getattr(current, f) or "") for f in pending],
                "Yours": [str(v or "") for v in pending.values()],
            }
        )
        if st.button("Re-apply my changes over theirs", icon=":material/redo:", key=f"redo-{key}"):
            stored = service.save(iso3, instrument, pending, current.version, access.who)
            del st.session_state[f"pending-{key}"]
            _saved(key, stored, f"Re-applied your changes to {md(name)}.")
    if stored is not None:
        st.session_state[f"base-{key}"] = stored
