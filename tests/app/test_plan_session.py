"""The plan's session checks in the app: a page reached under another name, broken secrets."""

from pathlib import Path

import pytest
import streamlit as st
from streamlit import config
from streamlit.runtime.secrets import Secrets

from plan.access import Visit
from ui import cache

from apptest import open_page


def texts(at) -> str:
    kinds = ("markdown", "caption", "info", "error", "warning", "success", "subheader")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


def test_a_page_reached_under_another_name_shows_no_plan(plan_db, monkeypatch):
    """DNS rebinding: the browser asked for evil.example, which resolved to 127.0.0.1."""
    cache.plan_service().save("IND", "reaim-2023-call-to-action", {"notes": "secret"}, 0, "a@x")
    rebound = Visit("evil.example:8501", "http://evil.example:8501", 8501)
    monkeypatch.setattr("ui.widgets.plan_session.browser_visit", lambda: rebound)
    at = open_page("plan")
    assert not at.exception and not at.error
    assert "another host name" in texts(at) and "8501" in texts(at)
    assert not at.dataframe and not at.get("form") and "secret" not in texts(at)
    assert "Plan status" not in open_page("outreach").dataframe[0].value.columns
    country = open_page("country", iso3="IND")
    assert "Plan and history" not in texts(country) and "secret" not in texts(country)


@pytest.fixture
def broken_secrets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A secrets.toml that is not TOML, as the only secrets file the app reads."""
    broken = tmp_path / "secrets.toml"
    broken.write_text('[auth\nclient_id = "reaim"\n', encoding="utf-8")
    saved = config.get_option("secrets.files")
    config.set_option("secrets.files", [str(broken)])
    monkeypatch.setattr(st, "secrets", Secrets())
    yield broken
    config.set_option("secrets.files", saved)


def test_a_malformed_secrets_file_is_one_error_box_not_laptop_mode(plan_db, broken_secrets):
    at = open_page("plan")
    assert not at.exception
    assert [e.value for e in at.error] == [
        "The outreach plan cannot be opened: the server's sign-in settings (secrets.toml) cannot "
        "be read. Whoever runs the server must correct the file (it must be valid TOML) and "
        "restart it; the public pages keep working."
    ]
    assert not at.dataframe and "laptop mode" not in texts(at)
    assert str(broken_secrets.parent) not in texts(at)  # no server path for the browser
    outreach = open_page("outreach")
    assert not outreach.exception and not outreach.error
    assert "Plan status" not in outreach.dataframe[0].value.columns
