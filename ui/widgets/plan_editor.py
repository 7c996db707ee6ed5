"""The edit form of one state's plan: saves only what the user changed, and never loses a write.

The form remembers the record it was filled from, for as long as its widgets live: a save is
conditioned on that version, so a colleague's change in between is refused with who and when,
and the user can re-apply their own changes (and only those) over it. Reruns never move the
form's starting point; only a save, a re-apply or "Load their version" do, and each of them
refills the form (new widget keys) from the record it now starts from. A last contact after
today is questioned before anything is saved; pressing Save again with that date keeps it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import streamlit as st

from i18n import formats
from i18n.translate import N_, _
from plan.access import Access
from plan.model import (
    CHANNELS,
    MAX_LENGTH,
    STATUSES,
    PlanConflictError,
    PlanRecord,
    PlanValidationError,
)
from plan.service import PlanService
from ui.tables.plan_table import edited, future_contact
from ui.tables.plan_words import plan_word
from ui.text import inert, md

LABELS = {
    "status": N_("Status"),
    "owner": N_("Owner (desk, embassy or person)"),
    "last_contact": N_("Last contact"),
    "channel": N_("Channel"),
    "next_step": N_("Next step"),
    "due": N_("Due"),
    "notes": N_("Notes (sensitive)"),
}


@dataclass(frozen=True)
class FormStart:
    """The record a form was filled from, and the generation of its widgets' keys."""

    base: PlanRecord
    generation: int

    def key(self, field: str) -> str:
        """The widget key of one field of this form."""
        return f"{field}-{self.base.instrument}-{self.base.iso3}-{self.generation}"

    def refilled(self, record: PlanRecord) -> "FormStart":
        """A new form filled from ``record`` (new widgets, so no value of this one survives)."""
        return FormStart(record, self.generation + 1)


@dataclass(frozen=True)
class Pending:
    """Changes refused by a conflict, and the version of the colleague's record shown beside."""

    changes: dict[str, object]
    theirs: int


def _form(start: FormStart) -> tuple[dict[str, object], bool]:
    """The fields as the user left them, and whether they pressed Save."""
    record, key = start.base, start.key
    with st.form(key("form")):
        left, right = st.columns(2)
        values = {
            "status": left.selectbox(
                _(LABELS["status"]),
                STATUSES,
                index=STATUSES.index(record.status),
                format_func=plan_word,
                key=key("status"),
            ),
            "owner": right.text_input(
                _(LABELS["owner"]), record.owner, max_chars=MAX_LENGTH["owner"], key=key("owner")
            ),
            "last_contact": left.date_input(
                _(LABELS["last_contact"]),
                record.last_contact,
                format="YYYY-MM-DD",
                key=key("contact"),
            ),
            "channel": right.selectbox(
                _(LABELS["channel"]),
                ["", *CHANNELS],
                index=["", *CHANNELS].index(record.channel),
                format_func=plan_word,
                key=key("channel"),
            ),
            "next_step": left.text_input(
                _(LABELS["next_step"]),
                record.next_step,
                max_chars=MAX_LENGTH["next_step"],
                key=key("next_step"),
            ),
            "due": right.date_input(
                _(LABELS["due"]), record.due, format="YYYY-MM-DD", key=key("due")
            ),
            "notes": st.text_area(
                _(LABELS["notes"]), record.notes, max_chars=MAX_LENGTH["notes"], key=key("notes")
            ),
        }
        return values, st.form_submit_button(_("Save"), icon=":material/save:")


def _changed_by(record: PlanRecord) -> str:
    when = f"{record.updated_at:%Y-%m-%d %H:%M:%S} UTC" if record.updated_at else ""
    return _("changed by {who} at {when}").format(who=inert(record.updated_by), when=when)


def plan_editor(
    service: PlanService, access: Access, iso3: str, instrument: str, name: str
) -> None:
    """Edit one state's plan for one instrument, as ``access.who``."""
    state = f"plan-form-{instrument}-{iso3}"
    pending_key = f"plan-pending-{instrument}-{iso3}"
    if done := st.session_state.pop(f"plan-done-{instrument}-{iso3}", ""):
        st.success(done, icon=":material/check:")

    def start_from(record: PlanRecord, message: str = "") -> None:
        """Refill the form from ``record``; say ``message`` on the next run."""
        st.session_state[state] = st.session_state[state].refilled(record)
        st.session_state.pop(pending_key, None)
        if message:
            st.session_state[f"plan-done-{instrument}-{iso3}"] = message

    current = service.record(iso3, instrument)
    start: FormStart | None = st.session_state.get(state)
    if start is None or start.key("notes") not in st.session_state:  # no form alive: a new one
        start = FormStart(current, start.generation + 1 if start else 0)
        st.session_state[state] = start
    pending: Pending | None = st.session_state.get(pending_key)
    notice = st.empty()  # cleared when a save is refused: the refusal says it all
    if pending is None and current.version != start.base.version:
        said = notice.container()
        said.warning(
            _(
                "{name} was {changed} after this form was filled. Saving will show both "
                "versions; or load theirs first (your unsaved edits here are dropped)."
            ).format(name=md(name), changed=_changed_by(current)),
            icon=":material/sync_problem:",
        )
        said.button(
            _("Load their version"),
            icon=":material/refresh:",
            key=f"plan-load-{instrument}-{iso3}",
            on_click=start_from,
            args=(current,),
        )
    values, saved = _form(start)
    changes = edited(start.base, values)
    ahead = future_contact(changes, date.today())
    if saved and not changes:
        st.info(_("Nothing changed."), icon=":material/info:")
    elif saved and ahead and st.session_state.get(start.key("ahead")) != ahead:
        st.session_state[start.key("ahead")] = ahead  # the same date saved again: kept
        st.warning(
            _(
                "Not saved yet: the last contact, {date}, is after today. Correct it, or press "
                "Save again to keep it."
            ).format(date=formats.long_date(ahead)),
            icon=":material/event_upcoming:",
        )
    elif saved:
        try:
            stored = service.save(iso3, instrument, changes, start.base.version, access.who)
            start_from(stored, _("Saved {name}.").format(name=md(name)))
            st.rerun()  # every table above the form shows the change
        except PlanValidationError as exc:
            st.error(_("Not saved: {problems}").format(problems=md("; ".join(exc.problems))))
        except PlanConflictError as exc:
            current = exc.current
            pending = Pending(changes, current.version)
            st.session_state[pending_key] = pending
            notice.empty()
            st.error(
                _(
                    "Not saved: {name} was {changed}. Their version and your changes are below."
                ).format(name=md(name), changed=_changed_by(current)),
            )
    if pending:
        _conflict(service, access, current, pending, name, start_from)


def _conflict(
    service: PlanService,
    access: Access,
    current: PlanRecord,
    pending: Pending,
    name: str,
    start_from: Callable[..., None],
) -> None:
    """Their record beside the user's refused changes, with "re-apply mine" and "keep theirs"."""
    st.table(
        {
            _("Field"): [_(LABELS[field]) for field in pending.changes],
            _("Theirs"): [str(getattr(current, f) or "") for f in pending.changes],
            _("Yours"): [str(v or "") for v in pending.changes.values()],
        }
    )
    iso3, instrument = current.iso3, current.instrument
    redo, keep = st.columns(2)
    if redo.button(
        _("Re-apply my changes over theirs"),
        icon=":material/redo:",
        key=f"redo-{instrument}-{iso3}",
    ):
        try:  # over the version shown in the table, not one saved since
            stored = service.save(iso3, instrument, pending.changes, pending.theirs, access.who)
        except PlanConflictError as exc:
            st.session_state[f"plan-pending-{instrument}-{iso3}"] = Pending(
                pending.changes, exc.current.version
            )
            st.rerun()  # show the newer version beside the changes
        start_from(stored, _("Re-applied your changes to {name}.").format(name=md(name)))
        st.rerun()
    if current.version != pending.theirs:  # the table now shows a newer version: the next
        st.session_state[f"plan-pending-{instrument}-{iso3}"] = Pending(  # click is over it
            pending.changes, current.version
        )
    keep.button(
        _("Keep theirs"),
        icon=":material/undo:",
        key=f"keep-{instrument}-{iso3}",
        on_click=start_from,
        args=(current,),
    )
