"""Who may read or change the plan: roles when login is set up, laptop mode only on loopback."""

import pytest

from plan.access import LAPTOP_USER, decide, is_loopback

ROLES = {"desk@example.org": "editor", "boss@example.org": "admin", "intern@example.org": "viewer"}


@pytest.mark.parametrize(
    ("address", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("127.4.5.6", True),
        ("::1", True),
        ("[::1]", True),
        ("", False),  # Streamlit's default: every interface
        ("0.0.0.0", False),
        ("10.1.2.3", False),
        ("dashboard.ministry.example", False),
    ],
)
def test_loopback_addresses(address, loopback):
    assert is_loopback(address) is loopback


def test_laptop_mode_is_every_role_but_only_on_loopback():
    local = decide(False, "127.0.0.1", None, ROLES.get)
    assert local.who == LAPTOP_USER and local.can_edit and local.is_admin
    shared = decide(False, "0.0.0.0", None, ROLES.get)
    assert not shared.can_read and "no sign-in is configured" in shared.reason


@pytest.mark.parametrize(
    ("email", "read", "edit", "admin"),
    [
        ("intern@example.org", True, False, False),
        ("desk@example.org", True, True, False),
        ("boss@example.org", True, True, True),
        ("stranger@example.org", False, False, False),
        (None, False, False, False),
    ],
)
def test_signed_in_users_get_their_role_and_nothing_more(email, read, edit, admin):
    access = decide(True, "127.0.0.1", email, ROLES.get)  # loopback does not bypass login
    assert (access.can_read, access.can_edit, access.is_admin) == (read, edit, admin)
    assert bool(access.reason) is not read
