"""Who may read or change the outreach plan: a signed-in user's role, or laptop mode."""

import ipaddress
from collections.abc import Callable
from dataclasses import dataclass

LAPTOP_USER = "local user (laptop mode)"
EDITORS = frozenset({"editor", "admin"})
READERS = frozenset({"viewer", "editor", "admin"})


def is_loopback(address: str) -> bool:
    """Whether a server address only this machine can reach: localhost, 127.0.0.0/8, ::1."""
    if address.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(address.strip().strip("[]")).is_loopback
    except ValueError:
        return False  # "" (every interface) or a host name: reachable from elsewhere


@dataclass(frozen=True)
class Access:
    """What one browser session may do with the plan, and why."""

    who: str  # the signed-in e-mail, or the laptop-mode user; "" when nobody
    role: str | None
    reason: str  # why the plan is closed, in one sentence ("" when open)

    @property
    def can_read(self) -> bool:
        """Viewers, editors and admins read the plan and its notes."""
        return self.role in READERS

    @property
    def can_edit(self) -> bool:
        """Editors and admins change it."""
        return self.role in EDITORS

    @property
    def is_admin(self) -> bool:
        """Admins manage users and import."""
        return self.role == "admin"


def decide(
    login_configured: bool,
    server_address: str,
    email: str | None,
    role_of: Callable[[str], str | None],
) -> Access:
    """The access of a session: by role when login is set up; laptop mode only on loopback."""
    if login_configured:
        if not email:
            return Access("", None, "Sign in to see the outreach plan.")
        role = role_of(email)
        if role is None:
            return Access(email, None, f"{email} has no role in the outreach plan: ask an admin.")
        return Access(email, role, "")
    if is_loopback(server_address):
        return Access(LAPTOP_USER, "admin", "")
    return Access(
        "",
        None,
        "The outreach plan is closed: this server is reachable from other machines and no "
        "sign-in is configured. Configure [auth] in .streamlit/secrets.toml, or serve on "
        "127.0.0.1 for one person.",
    )
