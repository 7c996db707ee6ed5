"""This browser session and the outreach plan: the service, who is signed in, what they may do."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import streamlit as st

from i18n.translate import N_, _
from plan.access import Access, decide
from ui import cache
from ui.text import md

if TYPE_CHECKING:
    from plan.service import PlanService

# The plan's statuses and channels as shown; the stored values stay the English words of plan.model.
LABELS = {
    "not started": N_("not started"),
    "planned": N_("planned"),
    "approached": N_("approached"),
    "positive signal": N_("positive signal"),
    "declined": N_("declined"),
    "on hold": N_("on hold"),
    "endorsed": N_("endorsed"),
    "endorsed (published)": N_("endorsed (published)"),
    "démarche": N_("démarche"),
    "bilateral meeting": N_("bilateral meeting"),
    "regional meeting": N_("regional meeting"),
    "letter": N_("letter"),
    "other": N_("other"),
}


def plan_word(value: str) -> str:
    """A status or channel of the plan in the active language (stored values stay English)."""
    return _(LABELS[value]) if value in LABELS else value


def login_configured() -> bool:
    """Whether an OpenID Connect provider is configured under [auth] in the secrets."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:  # no secrets file at all
        return False


def server_address() -> str:
    """The address this server listens on ("" is every interface)."""
    return str(st.get_option("server.address") or "")


def signed_in_email() -> str | None:
    """The signed-in user's e-mail, when login is configured and someone is signed in."""
    return st.user.get("email") if login_configured() and st.user.is_logged_in else None


def session_access(service: "PlanService") -> Access:
    """What this session may do with the plan."""
    return decide(login_configured(), server_address(), signed_in_email(), service.role_of)


def _failures() -> tuple[type[Exception], ...]:
    """What a plan database can fail with: unreachable, locked, or a newer schema."""
    from sqlalchemy.exc import SQLAlchemyError  # loaded with the plan, not by every page

    from plan.model import PlanError

    return PlanError, SQLAlchemyError


def _error_box(exc: Exception) -> None:
    reason = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
    st.error(
        _(
            "The outreach plan cannot be opened: {reason}. Check `REAIM_DATABASE_URL` and run "
            "`python -m plan db upgrade`; the public pages keep working."
        ).format(reason=md(reason)),
        icon=":material/database:",
    )


@contextmanager
def failures_shown() -> Iterator[None]:
    """A database failure inside the block becomes the one error box, never a traceback."""
    try:
        yield
    except _failures() as exc:  # evaluated only when something was raised
        _error_box(exc)


def open_plan() -> tuple["PlanService", Access] | None:
    """The service and this session's access, or None after one error box when it fails."""
    with failures_shown():
        service = cache.plan_service()
        return service, session_access(service)
    return None


def plan_readers_only() -> tuple["PlanService", Access] | None:
    """The plan for a session entitled to read it; None (and nothing shown) for anyone else."""
    try:
        service = cache.plan_service()
        access = session_access(service)
    except _failures():
        return None
    return (service, access) if access.can_read else None
