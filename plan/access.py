"""Who may read or change the outreach plan: a signed-in user's role, or laptop mode."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

from i18n.translate import _
from safeio.loopback import is_loopback

LAPTOP_USER = "local user (laptop mode)"
EDITORS = frozenset({"editor", "admin"})
READERS = frozenset({"viewer", "editor", "admin"})
DEFAULT_PORTS = {"http": 80, "https": 443}


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


@dataclass(frozen=True)
class Visit:
    """How a browser reached the app: its websocket's Host and Origin, and the app's port."""

    host: str  # the Host header, "host:port"; "" when there is none
    origin: str | None  # the Origin header ("http://host:port"); None when the client sent none
    port: int  # where browsers reach this app: Streamlit's port, or its proxy's (make cluster)


def _local(authority: str, port: int, default_port: int) -> bool:
    """Whether ``host[:port]`` names this machine by a loopback name or address, at ``port``."""
    try:
        parts = urlsplit(f"//{authority.strip()}")
        named = parts.port or default_port  # ValueError when not a number in range
    except ValueError:
        return False
    plain = not (parts.username or parts.password or parts.path or parts.query or parts.fragment)
    return plain and is_loopback(parts.hostname or "") and named == port


def is_local_visit(visit: Visit) -> bool:
    """Whether the page was opened at a loopback name and the app's port, and the websocket
    comes from that page: not a name rebound to 127.0.0.1, nor a page of another local port."""
    if not _local(visit.host, visit.port, DEFAULT_PORTS["http"]):
        return False
    if visit.origin is None:  # not a browser: browsers always send Origin with a websocket
        return True
    origin = urlsplit(visit.origin.strip())
    return (
        origin.scheme in DEFAULT_PORTS
        and f"{origin.scheme}://{origin.netloc}".lower() == visit.origin.strip().lower()
        and _local(origin.netloc, visit.port, DEFAULT_PORTS[origin.scheme])
    )


def verified_email(claims: Mapping[str, object]) -> str | None:
    """The e-mail of a sign-in whose identity provider says it verified it; None otherwise."""
    email = claims.get("email")
    verified = claims.get("email_verified")
    if isinstance(verified, str):  # some providers send the claim as the string "true"
        verified = verified.strip().lower() == "true"
    return email.strip() if isinstance(email, str) and email.strip() and verified is True else None


def _signed_in(user: Mapping[str, object] | None, role_of: Callable[[str], str | None]) -> Access:
    if user is None:
        return Access("", None, _("Sign in to see the outreach plan."))
    email = verified_email(user)
    if email is None:
        who = str(user.get("email") or user.get("sub") or "?")
        return Access(
            who,
            None,
            _(
                "{who} signed in without an e-mail address verified by the identity provider: the "
                "outreach plan lets in verified addresses only. Sign in with another account, or "
                "ask the provider's administrator to verify the address."
            ).format(who=who),
        )
    role = role_of(email)
    if role is None:
        return Access(
            email,
            None,
            _("{email} has no role in the outreach plan: ask an admin.").format(email=email),
        )
    return Access(email, role, "")


def decide(
    login_configured: bool,
    server_address: str,
    visit: Visit,
    user: Mapping[str, object] | None,
    role_of: Callable[[str], str | None],
) -> Access:
    """The access of a session: by role when login is set up (``user`` holds the signed-in
    user's OpenID Connect claims, None when nobody is); laptop mode only on loopback, for a
    page opened at a loopback name and the app's own port."""
    if login_configured:
        return _signed_in(user, role_of)
    if not is_loopback(server_address):
        return Access(
            "",
            None,
            _(
                "The outreach plan is closed: this server is reachable from other machines and "
                "no sign-in is configured. Configure [auth] in .streamlit/secrets.toml, or serve "
                "on 127.0.0.1 for one person."
            ),
        )
    if not is_local_visit(visit):
        return Access(
            "",
            None,
            _(
                "The outreach plan is closed: without sign-in it opens only at this computer's "
                "own address, http://localhost:{port}, and this page was reached another way "
                "(under another host name, or from a page of another port). Open the dashboard "
                "at http://localhost:{port}."
            ).format(port=visit.port),
        )
    return Access(LAPTOP_USER, "admin", "")
