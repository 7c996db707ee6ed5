"""Real login in the real browser: st.login against a local OpenID Connect provider, per role.

A mock provider (oidc-provider-mock) runs in this process on 127.0.0.1; the dashboard runs with
[auth] pointing at it. Chromium opens /plan, clicks "Sign in", types an e-mail into the provider's
form and comes back signed in; an editor saves a change (checked in the database), a viewer reads,
a user with no role sees nothing of the plan, nor does a sign-in whose provider has not verified
its e-mail (an editor's address). Fails (never skips) when chromium is missing.
Screenshots land in test-artifacts/screenshots/login-<role>.png.
"""

import threading
from collections.abc import Iterator
from dataclasses import dataclass

import jinja2
import oidc_provider_mock
import pytest
import werkzeug.serving
from playwright.sync_api import Browser, Page, Request, Route

from harness.browser import is_local
from harness.server import streamlit_app
from plan.database import engine_for, upgrade
from plan.known import known_instruments, known_iso3
from plan.model import DEFAULT_INSTRUMENT
from plan.service import PlanService
from serve.cluster import free_port

from browser_fixtures import VIEWPORT, screenshot, settle, visible_text

EDITOR = "desk@ministry.example"
VIEWER = "reader@ministry.example"
NOBODY = "stranger@ministry.example"  # signs in, but has no role in the plan
IMPOSTOR = "impostor"  # an account whose unverified e-mail claim is the editor's address
USERS = [
    *(
        oidc_provider_mock.User(sub=email, claims={"email": email, "email_verified": True})
        for email in (EDITOR, VIEWER, NOBODY)
    ),
    oidc_provider_mock.User(sub=IMPOSTOR, claims={"email": EDITOR, "email_verified": False}),
]
# The mock's pages load a stylesheet from a CDN; these stand-ins keep its forms offline.
OFFLINE_TEMPLATES = {
    "_base.html": "<!doctype html><html lang='en'><main>{% block content %}{% endblock %}</main>"
    "</html>",
    "error.html": "<!doctype html><main><h1>Error: {{ name }}</h1><p>{{ description }}</p></main>",
}


@pytest.fixture(scope="module")
def provider() -> Iterator[str]:
    """An OpenID Connect provider on a free loopback port: any client, the USERS, one form."""
    mock = oidc_provider_mock.app(user_claims=USERS)
    mock.jinja_loader = jinja2.ChoiceLoader(
        [jinja2.DictLoader(OFFLINE_TEMPLATES), mock.jinja_loader]
    )
    server = werkzeug.serving.make_server("127.0.0.1", 0, mock, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)
        server.server_close()


@pytest.fixture(scope="module")
def plan_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlanService]:
    """A fresh SQLite plan with one editor and one viewer (the third user is not let in)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('plan') / 'plan.sqlite'}"
    engine = engine_for(url)
    upgrade(engine)
    service = PlanService(engine, known_iso3(), known_instruments())
    service.add_user(EDITOR, "editor")
    service.add_user(VIEWER, "viewer")
    try:
        yield service
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def app(provider: str, plan_db: PlanService, tmp_path_factory: pytest.TempPathFactory):
    """The dashboard with [auth] configured for the provider; fails if it does not come up."""
    port = free_port()
    secrets = tmp_path_factory.mktemp("secrets") / "secrets.toml"
    secrets.write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a long random string only this test knows"\n'
        'client_id = "reaim-dashboard"\n'
        'client_secret = "any secret: the mock accepts every client"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    env = {
        "REAIM_DATABASE_URL": str(plan_db.engine.url),
        "NO_PROXY": "127.0.0.1,localhost",  # the server's calls to the provider stay direct
        "no_proxy": "127.0.0.1,localhost",
    }
    try:
        with streamlit_app(
            "dashboard.py", env=env, port=port, extra_args=["--secrets.files", str(secrets)]
        ) as running:
            yield running.url
    except RuntimeError as exc:
        pytest.fail(str(exc))


@dataclass
class Tab:
    """A page in a fresh context (no cookies: nobody signed in) and the outside hosts it tried."""

    page: Page
    blocked: list[str]


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    """Requests to any host but loopback are aborted, and every one (redirects too) recorded."""
    blocked: list[str] = []

    def route(route: Route) -> None:
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def record(request: Request) -> None:
        if not is_local(request.url):
            blocked.append(request.url)

    context = browser.new_context(viewport=VIEWPORT)
    context.route("**/*", route)
    context.on("request", record)
    yield Tab(context.new_page(), blocked)
    context.close()


def sign_in(tab: Tab, app: str, provider: str, email: str) -> None:
    """From /plan, through the provider's form as ``email`` (a subject), back to /plan signed in."""
    page = tab.page
    page.goto(app + "/plan")
    settle(page, "Outreach plan")
    assert "Sign in to see the outreach plan." in visible_text(page)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{provider}/oauth2/authorize?**", timeout=30_000)
    page.locator("input[name='sub']").fill(email)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_url(f"{app}/", timeout=30_000)  # Streamlit comes back to its home page
    settle(page, "Coverage map")
    page.goto(app + "/plan")
    settle(page, "Outreach plan")


def no_errors(tab: Tab) -> None:
    assert tab.page.locator("[data-testid='stException']").count() == 0
    assert "Traceback" not in visible_text(tab.page)
    assert not tab.blocked, f"requests to non-loopback hosts: {tab.blocked}"


def test_editor_signs_in_and_saves(app: str, provider: str, plan_db: PlanService, tab: Tab):
    sign_in(tab, app, provider, EDITOR)
    page = tab.page
    assert f"Signed in as {EDITOR} (editor)" in visible_text(page)
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    page.get_by_role("heading", name="Edit a state's plan").wait_for(timeout=30_000)
    owner = page.get_by_label("Owner (desk, embassy or person)")
    owner.fill("Embassy, by the login test")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Saved ").wait_for(timeout=30_000)
    screenshot(page, "login-editor")
    events = plan_db.events()  # read from the database the app wrote, not from the page
    assert [(e.who, e.field, e.new) for e in events] == [
        (EDITOR, "owner", "Embassy, by the login test")
    ]
    no_errors(tab)


def test_viewer_reads_but_cannot_edit(app: str, provider: str, tab: Tab):
    sign_in(tab, app, provider, VIEWER)
    page = tab.page
    assert f"Signed in as {VIEWER} (viewer)" in visible_text(page)
    page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
    page.get_by_role("heading", name="Progress").wait_for(
        timeout=30_000
    )  # the editor's form follows it
    settle(page, "Outreach plan")
    screenshot(page, "login-viewer")
    assert page.get_by_role("heading", name="Edit a state's plan").count() == 0
    assert page.locator("[data-testid='stForm']").count() == 0
    assert page.get_by_role("button", name="Save").count() == 0
    no_errors(tab)


def test_user_without_role_sees_no_plan(app: str, provider: str, tab: Tab):
    sign_in(tab, app, provider, NOBODY)
    page = tab.page
    body = visible_text(page)
    assert f"{NOBODY} has no role in the outreach plan: ask an admin." in body
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    assert page.locator("[data-testid='stForm']").count() == 0
    assert "Signed in as" not in body and "Download plan" not in body
    screenshot(page, "login-no-role")
    # Signing out ends the session at the provider and comes back signed out.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url(f"{provider}/oauth2/end_session?**", timeout=30_000)
    page.get_by_role("button", name="End session").click()
    page.wait_for_url(f"{app}/", timeout=30_000)
    page.goto(app + "/plan")
    settle(page, "Outreach plan")
    assert "Sign in to see the outreach plan." in visible_text(page)
    no_errors(tab)


def test_an_unverified_email_gets_no_role(app: str, provider: str, plan_db: PlanService, tab: Tab):
    """The provider says the editor's address, but has not verified it: no role, no plan data."""
    plan_db.save("KEN", DEFAULT_INSTRUMENT, {"notes": "sensitive, for editors"}, 0, EDITOR)
    sign_in(tab, app, provider, IMPOSTOR)
    page = tab.page
    body = visible_text(page)
    assert (
        f"{EDITOR} signed in without an e-mail address verified by the identity provider: the "
        "outreach plan lets in verified addresses only." in body
    )
    assert page.locator("[data-testid='stDataFrame']").count() == 0
    assert page.locator("[data-testid='stForm']").count() == 0
    assert "Signed in as" not in body and "sensitive, for editors" not in body
    sign_out = page.get_by_role("button", name="Sign out")
    sign_out.wait_for(timeout=30_000)  # drawn in the same run as the notice, maybe a frame later
    assert sign_out.count() == 1  # to try another account
    screenshot(page, "login-unverified")
    page.goto(app + "/country?iso3=KEN")
    settle(page, "Country profile")
    assert "sensitive, for editors" not in visible_text(page)
    assert page.get_by_role("heading", name="Plan and history").count() == 0
    no_errors(tab)
