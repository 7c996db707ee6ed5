"""Who may read or change the plan: roles when login is set up, laptop mode only on loopback,
for a page opened at a loopback name and the app's port, and a verified e-mail only."""

import pytest

from plan.access import LAPTOP_USER, Visit, decide, verified_email

ROLES = {"desk@example.org": "editor", "boss@example.org": "admin", "intern@example.org": "viewer"}
LOCAL = Visit("127.0.0.1:8501", "http://127.0.0.1:8501", 8501)


def user(email: str | None, verified: object = True) -> dict[str, object]:
    """The claims of a sign-in, as st.user gives them."""
    return {"is_logged_in": True, "sub": "0123", "email": email, "email_verified": verified}


def test_laptop_mode_is_every_role_but_only_on_loopback():
    local = decide(False, "127.0.0.1", LOCAL, None, ROLES.get)
    assert local.who == LAPTOP_USER and local.can_edit and local.is_admin
    shared = decide(False, "0.0.0.0", LOCAL, None, ROLES.get)
    assert not shared.can_read and "no sign-in is configured" in shared.reason


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("127.0.0.1:8501", "http://127.0.0.1:8501"),
        ("localhost:8501", "http://localhost:8501"),
        ("LOCALHOST:8501", "http://localhost:8501"),
        ("[::1]:8501", "http://[::1]:8501"),
        ("127.0.0.1:8501", "http://localhost:8501"),  # another loopback name, the same port
        ("localhost:8501", None),  # no Origin: not a browser, and on this machine
    ],
)
def test_laptop_mode_opens_at_a_loopback_name_and_the_apps_port(host, origin):
    access = decide(False, "localhost", Visit(host, origin, 8501), None, ROLES.get)
    assert access.is_admin and access.reason == ""


@pytest.mark.parametrize(
    ("host", "origin"),
    [
        ("evil.example:8501", "http://evil.example:8501"),  # DNS rebinding
        ("evil.example:8501", None),
        ("localhost:8502", "http://localhost:8502"),  # another port
        ("localhost", "http://localhost"),
        ("127.0.0.1:8501", "http://127.0.0.1:8502"),  # a page of another local port
        ("127.0.0.1:8501", "http://localhost:9000"),
        ("127.0.0.1:8501", "http://evil.example:8501"),
        ("127.0.0.1:8501", "null"),  # a sandboxed frame or a file
        ("127.0.0.1:8501", "file://"),
        ("127.0.0.1:8501", "http://127.0.0.1:8501/plan"),
        ("[::1]:8501", "http://[::1]:8502"),
        ("0.0.0.0:8501", "http://0.0.0.0:8501"),
        ("127.0.0.1:8501@evil.example", None),
        ("127.0.0.1:port", None),
        ("127.0.0.1:99999", None),
        ("", None),  # no Host header at all
    ],
)
def test_laptop_mode_refuses_another_name_or_port(host, origin):
    access = decide(False, "127.0.0.1", Visit(host, origin, 8501), None, ROLES.get)
    assert access.role is None and not access.can_read and access.who == ""
    assert "http://localhost:8501" in access.reason and "another host name" in access.reason


def test_the_port_is_the_one_browsers_use():
    """Under make cluster the browser's port is nginx's, not the Streamlit process's."""
    behind_nginx = Visit("127.0.0.1:8080", "http://127.0.0.1:8080", 8080)
    assert decide(False, "127.0.0.1", behind_nginx, None, ROLES.get).is_admin


@pytest.mark.parametrize(
    ("email", "read", "edit", "admin"),
    [
        ("intern@example.org", True, False, False),
        ("desk@example.org", True, True, False),
        ("boss@example.org", True, True, True),
        ("stranger@example.org", False, False, False),
    ],
)
def test_signed_in_users_get_their_role_and_nothing_more(email, read, edit, admin):
    access = decide(True, "127.0.0.1", LOCAL, user(email), ROLES.get)  # no bypass on loopback
    assert (access.can_read, access.can_edit, access.is_admin) == (read, edit, admin)
    assert bool(access.reason) is not read


def test_nobody_signed_in_is_asked_to_sign_in():
    access = decide(True, "127.0.0.1", LOCAL, None, ROLES.get)
    assert (access.who, access.role) == ("", None)
    assert access.reason == "Sign in to see the outreach plan."


@pytest.mark.parametrize("verified", [False, None, "false", "", 1, "yes"])
def test_an_unverified_email_gets_no_role(verified):
    claims = user("desk@example.org", verified)
    if verified is None:
        del claims["email_verified"]  # a provider that does not say
    access = decide(True, "127.0.0.1", LOCAL, claims, ROLES.get)
    assert access.role is None and not access.can_read
    assert access.who == "desk@example.org"  # signed in: the page offers to sign out
    assert "verified addresses only" in access.reason


def test_a_sign_in_without_email_gets_no_role():
    access = decide(True, "127.0.0.1", LOCAL, user(None), ROLES.get)
    assert access.role is None and access.who == "0123" and "verified" in access.reason


@pytest.mark.parametrize(
    ("claims", "email"),
    [
        ({"email": "a@x.org", "email_verified": True}, "a@x.org"),
        ({"email": "a@x.org", "email_verified": "true"}, "a@x.org"),  # a string, as some send
        ({"email": " a@x.org ", "email_verified": "True"}, "a@x.org"),
        ({"email": "a@x.org", "email_verified": False}, None),
        ({"email": "a@x.org"}, None),
        ({"email_verified": True}, None),
        ({"email": "", "email_verified": True}, None),
        ({"email": ["a@x.org"], "email_verified": True}, None),
    ],
)
def test_verified_email(claims, email):
    assert verified_email(claims) == email
