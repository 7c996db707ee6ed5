"""The watch's subscriptions on /plan: an admin adds and stops one; others never see them."""

from datetime import UTC, datetime

from ui import cache
from ui.text import inert
from watch.runs import record_failure
from watch.subscribers import subscribers

from apptest import open_page


def test_an_admin_subscribes_a_desk_and_stops_it(plan_db):
    at = open_page("plan")
    assert "Notifications of changes" in [h.value for h in at.subheader]
    at.text_input(key="watch-url").input("json://user:secret@127.0.0.1:9/hook")
    at.selectbox(key="watch-focus").set_value("org-african-union")
    next(b for b in at.button if b.label == "Subscribe").click().run()
    assert not at.exception and not at.error, at.error
    [sub] = subscribers(cache.plan_service().engine)
    assert (sub.focus, sub.language, sub.created_by) == (
        "org-african-union",
        "en",
        "local user (laptop mode)",
    )
    table = at.dataframe[-1].value
    assert list(table["Receiver"]) == ["json://127.0.0.1/…"] and "secret" not in table.to_string()
    at.button(key="watch-stop-it").click().run()
    assert subscribers(cache.plan_service().engine) == []


def test_a_refused_url_says_why_and_stores_nothing(plan_db):
    at = open_page("plan")
    at.text_input(key="watch-url").input("nonsense://x")
    next(b for b in at.button if b.label == "Subscribe").click().run()
    assert any("Not subscribed" in e.value for e in at.error)
    assert subscribers(cache.plan_service().engine) == []


def test_a_viewer_never_sees_the_subscriptions(plan_db, monkeypatch):
    cache.plan_service().add_user("viewer@example.org", "viewer")
    monkeypatch.setattr("ui.widgets.plan_session.login_configured", lambda: True)
    claims = {"email": "viewer@example.org", "email_verified": True}
    monkeypatch.setattr("ui.widgets.plan_session.signed_in_user", lambda: claims)
    at = open_page("plan")
    assert at.dataframe and "Notifications of changes" not in [h.value for h in at.subheader]


def test_the_sources_page_tells_a_plan_reader_how_the_watch_goes(plan_db):
    at = open_page("sources")
    assert "The watch" in [h.value for h in at.subheader]
    assert any("has not run yet" in c.value for c in at.caption)
    started = datetime.now(UTC)
    record_failure(cache.plan_service().engine, started, "Cannot read the published data")
    at = open_page("sources")
    reason = inert("Cannot read the published data")
    assert any(f"failed: {reason}" in w.value for w in at.warning)


def test_the_sources_page_says_nothing_of_the_watch_to_the_public():
    at = open_page("sources")
    assert not at.exception and "The watch" not in [h.value for h in at.subheader]
