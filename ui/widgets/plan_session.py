"""This browser session and the outreach plan: the service, who is signed in, what they may do."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING

import streamlit as st

from i18n.translate import _
from plan.access import Access, Visit, decide
from safeio import secrets_file
from safeio.secrets_file import SecretsError
from ui import cache
from ui.tables.plan_words import plan_word as plan_word  # the pages take it from here
from ui.text import md

if TYPE_CHECKING:
    from plan.service import PlanService


def login_configured() -> bool:
    """Whether an OpenID Connect provider is configured under [auth] in Streamlit's secrets.

    No secrets file means no; a file that cannot be read or parsed is a SecretsError, never
    laptop mode.
    """
    return secrets_file.login_configured(st.get_option("secrets.files"))


def server_address() -> str:
    """The address this server listens on ("" is every interface)."""
    return str(st.get_option("server.address") or "")


def browser_visit() -> Visit:
    """How this session's browser reached the app: the Host and Origin of its websocket, and
    the port browsers use (Streamlit's, or nginx's under ``make cluster``)."""
    headers = st.context.headers
    return Visit(
        headers.get("Host", ""), headers.get("Origin"), int(st.get_option("browser.serverPort"))
    )


def signed_in_user() -> Mapping[str, object] | None:
    """The signed-in user's OpenID Connect claims, when login is configured and someone is."""
    return st.user.to_dict() if login_configured() and st.user.is_logged_in else None


def session_access(service: "PlanService") -> Access:
    """What this session may do with the plan."""
    return decide(
        login_configured(), server_address(), browser_visit(), signed_in_user(), service.role_of
    )


def plan_failures() -> tuple[type[Exception], ...]:
    """What a plan database can fail with: unreachable, locked, or a newer schema."""
    from sqlalchemy.exc import SQLAlchemyError  # loaded with the plan, not by every page

    from plan.model import PlanError

    return PlanError, SQLAlchemyError, SecretsError


def _error_box(exc: Exception) -> None:
    if isinstance(exc, SecretsError):  # its text names a server path: not for the browser
        st.error(
            _(
                "The outreach plan cannot be opened: the server's sign-in settings "
                "(secrets.toml) cannot be read. Whoever runs the server must correct the file "
                "(it must be valid TOML) and restart it; the public pages keep working."
            ),
            icon=":material/lock:",
        )
        return
    from plan.model import PlanError

    if isinstance(exc, PlanError):  # its message says what went wrong, then what to do
        st.error(
            _("The outreach plan cannot be opened. {reason} The public pages keep working.").format(
                reason=md(str(exc).strip())
            ),
            icon=":material/database:",
        )
        return
    first_line = str(exc).strip().splitlines()[0][:300].rstrip(".") if str(exc).strip() else ""
    st.error(
        _(
            "The outreach plan cannot be opened: the database did not answer ({reason}). Check "
            "`REAIM_DATABASE_URL` and that the database server runs; the public pages keep working."
        ).format(reason=md(first_line or type(exc).__name__)),
        icon=":material/database:",
    )


@contextmanager
def failures_shown() -> Iterator[None]:
    """A database failure inside the block becomes the one error box, never a traceback."""
    try:
        yield
    except plan_failures() as exc:  # evaluated only when something was raised
        _error_box(exc)


def open_plan() -> tuple["PlanService", Access] | None:
    """The service and this session's access, or None after one error box when it fails."""
    with failures_shown():
        service = cache.plan_service()
        return service, session_access(service)
    return None


def plan_readers_only() -> tuple["PlanService", Access] | None:
    """The plan for a session entitled to read it; None (and nothing shown) for anyone else.

    The database is opened only for a session that may have a role: a visitor who is not
    signed in, or a server without sign-in off loopback, costs the public pages nothing.
    """
    try:
        access = decide(
            login_configured(),
            server_address(),
            browser_visit(),
            signed_in_user(),
            lambda email: cache.plan_service().role_of(email),
        )
        return (cache.plan_service(), access) if access.can_read else None
    except plan_failures():
        return None
