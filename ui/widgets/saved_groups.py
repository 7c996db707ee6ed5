"""Saved groups: a team's named groups of states in the focus picker, for sessions with a role.

A group the user made (``?group=…&group_name=…``) can be saved by an editor under a name, to
the plan database with who and when (plan/groups.py); the saved groups then appear in the focus
picker of every session that may read the plan, each under its id (``saved-<id>``), and can be
renamed or deleted by editors, every change an event. The URL still carries only the codes and
the name, so a shared link works for anyone; a session without a role never sees a saved
group's name, nor learns that one exists. A database failure leaves the picker as it was.
"""

from typing import TYPE_CHECKING

import streamlit as st

from i18n import formats
from i18n.translate import _, ngettext
from plan.groups import MAX_NAME, SavedGroup
from store.focus import Focus
from ui import cache
from ui.text import inert, md
from ui.widgets.plan_session import plan_failures, plan_readers_only

if TYPE_CHECKING:
    from plan.access import Access
    from plan.service import PlanService

PREFIX = "saved-"  # a saved group's option in the focus picker: saved-<id>
SAID = "saved-group-said"  # session key: what the last save, rename or delete did, said once
PICKER = "url-focus"  # the focus picker's widget key (url_controls.select)


def group_focus(group: SavedGroup) -> Focus:
    """The focus a saved group shows: its members and its name, as ``?group=`` writes them."""
    return Focus.of_group(group.codes, group.name)


def _team() -> tuple["PlanService", "Access", list[SavedGroup]] | None:
    """The plan, the session's access and the saved groups, for a session with a role; None
    for anyone else, and when the database fails (the picker then offers the presets)."""
    opened = plan_readers_only()
    if opened is None:
        return None
    service, access = opened
    try:
        return service, access, service.groups()
    except plan_failures():
        return None


def picker_groups(group: Focus | None) -> dict[str, tuple[Focus, str]]:
    """The groups the focus picker offers beside the presets, by option key, each with its
    label: the URL's group (unless a saved group is exactly it), then the saved groups by name,
    for a session with a role."""
    team = _team()
    saved = {
        f"{PREFIX}{g.id}": (group_focus(g), _("Saved group · {name}").format(name=g.name))
        for g in (team[2] if team else [])
    }
    if group is None or group in {focus for focus, _label in saved.values()}:
        return saved
    return {str(group): (group, cache.frame(group).option_label)} | saved


def saved_focus(key: str) -> Focus | None:
    """The focus of the saved group ``saved-<id>``, for a session with a role; else None."""
    team = _team() if key.startswith(PREFIX) else None
    found = [g for g in (team[2] if team else []) if f"{PREFIX}{g.id}" == key]
    return group_focus(found[0]) if found else None


def saved_group_bar(focus: Focus) -> None:
    """Under the focus picker, for a group: who saved it and when, with "Rename or delete" for
    editors; for a group not saved yet, "Save this group" for editors. Nothing for anyone else."""
    said = st.session_state.pop(SAID, None)
    if said is not None:
        kind, text = said
        if kind == "success":
            st.success(text, icon=":material/check:")
        else:
            st.error(text, icon=":material/error:")
    if not focus.is_group:
        return
    team = _team()
    if team is None:
        return
    _service, access, groups = team
    matching = [g for g in groups if group_focus(g) == focus]
    if matching:
        _saved(matching[0], access.can_edit)
    elif access.can_edit:
        _save_form(focus)


def _saved(group: SavedGroup, can_edit: bool) -> None:
    who, when = inert(group.created_by), md(formats.long_date(group.created_at.date()))
    if group.version == 1:
        said = _("Saved group: saved by {who} on {date}.").format(who=who, date=when)
    else:
        said = _("Saved group: saved by {who} on {date}; last changed by {editor} on {day}.")
        said = said.format(
            who=who,
            date=when,
            editor=inert(group.updated_by),
            day=md(formats.long_date(group.updated_at.date())),
        )
    st.caption(said)
    if not can_edit:
        return
    with st.popover(_("Rename or delete"), icon=":material/edit:"):
        key = f"saved-group-rename-{group.id}-{group.version}"
        st.session_state.setdefault(key, group.name)
        st.text_input(_("Name of the saved group"), max_chars=MAX_NAME, key=key)
        left, right = st.columns(2)
        left.button(
            _("Rename"),
            key=f"{key}-button",
            on_click=_rename,
            args=(group, key),
            icon=":material/edit:",
        )
        right.button(
            _("Delete"),
            key=f"{key}-delete",
            on_click=_delete,
            args=(group,),
            icon=":material/delete:",
            help=_(
                "Deletes it for everyone in the team; its history is kept, and this page keeps "
                "showing its states."
            ),
        )


def _save_form(focus: Focus) -> None:
    with st.popover(_("Save this group for the team"), icon=":material/bookmark_add:"):
        st.caption(
            _(
                "Saved groups appear in the focus picker of everyone with a role in the outreach "
                "plan, with who saved them and when; editors can rename and delete them."
            )
        )
        key = f"saved-group-new-{focus.group_id}"
        st.session_state.setdefault(key, focus.name)
        st.text_input(
            _("Name of the saved group"),
            max_chars=MAX_NAME,
            key=key,
            placeholder=_("e.g. Nairobi consultation, March 2027"),
        )
        st.button(
            _("Save"),
            key=f"{key}-button",
            on_click=_save,
            args=(focus, key),
            icon=":material/bookmark_add:",
            type="primary",
        )


# Callbacks: they run before the next run of the page, so the picker draws the change at once.


def _say(kind: str, text: str) -> None:
    st.session_state[SAID] = (kind, text)


def _editor() -> tuple["PlanService", "Access"] | None:
    opened = plan_readers_only()
    if opened is None or not opened[1].can_edit:
        _say("error", _("Only editors of the outreach plan can change saved groups."))
        return None
    return opened


def _show(focus: Focus) -> None:
    """Show ``focus`` in the URL and the picker (a callback, before the page runs again)."""
    from ui.widgets.url_controls import carry  # url_controls draws the picker with this module

    for name in ("focus", "group", "group_name"):
        st.query_params.pop(name, None)
    st.query_params.update(focus.url_params())
    st.session_state.pop(PICKER, None)
    carry(focus=focus)


def _changed(error: Exception, name: str) -> None:
    """Say what a refused change ran into: a name taken, a colleague's change, bad input."""
    from plan.groups import GroupConflictError, GroupNameTakenError
    from plan.model import PlanError, PlanValidationError

    if isinstance(error, GroupNameTakenError):
        _say(
            "error",
            _("A saved group is already named {name}: choose another name.").format(
                name=inert(error.name)
            ),
        )
    elif isinstance(error, GroupConflictError):
        now = error.current
        when, who = md(formats.long_datetime(now.updated_at)), inert(now.updated_by)
        if now.deleted:
            said = _("{name} was deleted by {who} ({when} UTC): nothing was changed.")
        else:
            said = _(
                "{name} was changed by {who} ({when} UTC) after this page showed it: nothing "
                "was changed. Look at it again and try once more."
            )
        _say("error", said.format(name=inert(name), who=who, when=when))
    elif isinstance(error, PlanValidationError):
        _say("error", _("Not saved: {problems}").format(problems=md("; ".join(error.problems))))
    elif isinstance(error, PlanError):  # its message says what went wrong, then what to do
        _say("error", _("Not saved: {problems}").format(problems=md(str(error))))
    else:
        _say("error", _("The saved groups cannot be changed now: the database did not answer."))


def _save(focus: Focus, key: str) -> None:
    opened = _editor()
    if opened is None:
        return
    service, access = opened
    name = str(st.session_state.get(key, ""))
    if not name.strip():
        _say("error", _("Give the group a name first: it is how the team will find it."))
        return
    try:
        saved = service.save_group(name, focus.codes, access.who)
    except plan_failures() as error:
        _changed(error, name)
        return
    _show(group_focus(saved))
    count = len(saved.codes)
    _say(
        "success",
        ngettext(
            "Saved {name} for the team ({count} state).",
            "Saved {name} for the team ({count} states).",
            count,
        ).format(name=inert(saved.name), count=formats.number(count)),
    )


def _rename(group: SavedGroup, key: str) -> None:
    opened = _editor()
    if opened is None:
        return
    service, access = opened
    try:
        renamed = service.rename_group(
            group.id, str(st.session_state.get(key, "")), group.version, access.who
        )
    except plan_failures() as error:
        _changed(error, group.name)
        return
    if renamed.version != group.version:
        _show(group_focus(renamed))
        _say(
            "success",
            _("Renamed {old} to {new}.").format(old=inert(group.name), new=inert(renamed.name)),
        )


def _delete(group: SavedGroup) -> None:
    opened = _editor()
    if opened is None:
        return
    service, access = opened
    try:
        service.delete_group(group.id, group.version, access.who)
    except plan_failures() as error:
        _changed(error, group.name)
        return
    st.session_state.pop(PICKER, None)  # the picker shows the group as the URL has it, unsaved
    _say(
        "success",
        _("Deleted the saved group {name}; its states stay in view, as a group not saved.").format(
            name=inert(group.name)
        ),
    )
