"""Digests through Apprise to a local SMTP inbox and webhook: once each, in the subscriber's
language, plan owners only for a plan reader; a dead endpoint, runs at once, a run killed."""

import html
import json
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from i18n.translate import use
from plan.database import engine_for
from plan.known import known_instruments, known_iso3
from plan.schema import WatchSubscriberEventRow
from plan.service import PlanService
from store import paths
from watch import notify
from watch.__main__ import main
from watch.events import events_between
from watch.feeds import BASE_URL
from watch.notify import (
    STALE_CLAIM,
    Retry,
    deliver_all,
    failed_deliveries,
    send_retrying,
    transient,
)
from watch.runs import record_run
from watch.snapshot import read_snapshot
from watch.subscribers import SubscriberError, add_subscriber, subscribers

from watch_data import published, refresh

pytest_plugins = ["receivers"]
REPO = Path(__file__).resolve().parents[2]
CTA = "reaim-2023-call-to-action"


@pytest.fixture
def world(database_url, tmp_path):
    """A baseline run, then a refresh (France out; Kenya, Nigeria, Ghana in) not yet watched."""
    data = published(tmp_path / "data")
    engine = engine_for(database_url)
    args = ["--database-url", database_url, "run", "--data-dir", str(data)]
    args += ["--retry-wait", "0.01"]  # in-run retries, short
    args += ["--work-dir", str(tmp_path / "work"), "--feeds-dir", str(tmp_path / "feeds")]
    assert main(args) == 0
    refresh(data, removed=["FRA"], added=["KEN", "NGA", "GHA"], as_of="2026-12-01")
    yield engine, data, args
    engine.dispose()


def mail_url(port):
    return f"mailto://watch@127.0.0.1:{port}?to=desk@example.org&from=watch@example.org"


def subscribe(engine, data, url, focus, **options):
    return add_subscriber(engine, data, set(), url, focus, "admin@example.org", **options)


def test_each_subscriber_gets_one_digest_in_its_language_and_nothing_twice(world, inbox, webhook):
    engine, data, args = world
    mails, port = inbox
    service = PlanService(engine, known_iso3(), known_instruments())
    service.add_user("viewer@example.org", "viewer")
    plan = {"status": "planned", "owner": "Nairobi embassy", "next_step": "Thank-you letter"}
    service.save("KEN", CTA, plan, 0, "a@example.org")
    subscribe(engine, data, mail_url(port), "org-african-union", language="fr")
    subscribe(
        engine, data, f"json://127.0.0.1:{webhook.port}/hook", "world", reader="viewer@example.org"
    )
    assert main(args) == 0
    [mail] = mails.messages.values()
    text = mail.get_body(preferencelist=("plain",)).get_content()
    assert "Ont rejoint : Ghana, Kenya, Nigéria" in text and "France" not in text
    assert "Nairobi embassy" not in text  # no plan role: no plan owner
    assert "as_of=2026-12-01" in text and "SHA-256 du document" in text
    [body] = webhook.bodies.values()
    assert "Joined: Ghana, Kenya, Nigeria" in body["message"] and "Left: France" in body["message"]
    owner = "Plan owner of Kenya (Call to Action (REAIM 2023)): Nairobi embassy"
    assert f"{owner}; next step still open: Thank-you letter" in body["message"]
    assert main(args) == 0  # nothing new: no message
    assert (mails.arrivals, webhook.arrivals) == (1, 1)


def chat_urls(chat):
    """A Teams channel's Workflows webhook (as Apprise writes it) and a Slack one (as Slack
    gives it)."""
    teams = f"workflows://{chat.teams_host}/4f1c0a/s1gnature"
    return teams, f"https://{chat.slack_host}/services/T0000/B0000/XXXXXXXX"


def test_teams_and_slack_each_get_the_digest_once_over_tls_on_loopback(world, chat):
    engine, data, args = world
    teams, slack = chat_urls(chat)
    service = PlanService(engine, known_iso3(), known_instruments())
    service.add_user("viewer@example.org", "viewer")
    service.save("KEN", CTA, {"status": "planned", "owner": "Nairobi embassy"}, 0, "a@example.org")
    subscribe(engine, data, teams, "org-african-union", language="es")
    subscribe(engine, data, slack, "world", language="fr", reader="viewer@example.org")
    assert main(args) == 0
    assert main(args) == 0  # nothing new: no message
    assert chat.arrivals == 2
    assert all("github" not in json.dumps(body) for _path, body in chat.posts)  # no icon to fetch
    posts = {urlsplit(path).path: (urlsplit(path).query, body) for path, body in chat.posts}
    query, card = posts["/workflows/4f1c0a/triggers/manual/paths/invoke"]
    assert "sig=s1gnature" in query
    text = card["attachments"][0]["content"]["body"][-1]["text"]
    assert "Se sumaron: Ghana, Kenya, Nigeria" in text and "Francia" not in text
    assert "Nairobi embassy" not in text  # no reader: no plan owner
    assert "Fuente: https://www.government.nl/" in text and "Al: 2026-12-01" in text
    assert "focus=org-african-union&instrument=reaim-2023-call-to-action&as_of=2026-12-01" in text
    _query, message = posts["/services/T0000/B0000/XXXXXXXX"]
    text = html.unescape(message["attachments"][0]["text"])  # Slack escapes & < >
    assert "Ont rejoint : Ghana, Kenya, Nigéria" in text and "Ont quitté : France" in text
    assert "Source : https://www.government.nl/" in text and "Au : 2026-12-01" in text
    assert "as_of=2026-12-01&lang=fr" in text and "SHA-256 du document" in text
    assert "Responsable dans le plan pour Kenya" in text  # its reader may read the plan


def test_a_dead_endpoint_blocks_no_other_and_gets_its_digest_later(world, inbox, webhook, capsys):
    engine, data, args = world
    mails, port = inbox
    webhook.failing = True
    subscribe(engine, data, f"json://127.0.0.1:{webhook.port}/hook", "world")
    subscribe(engine, data, mail_url(port), "world")
    assert main(args) == 1
    assert "some deliveries failed" in capsys.readouterr().err
    assert len(mails.messages) == 1 and webhook.bodies == {}
    [(_delivery, _sub, state, attempts, _error)] = failed_deliveries(engine)
    assert (state, attempts) == ("failed", 1)
    assert main(["--database-url", args[1], "status"]) == 0
    assert "failed after 1 attempt(s)" in capsys.readouterr().out
    webhook.failing = False
    assert deliver_all(engine, data, {}, BASE_URL) == []  # not due before its backoff
    later = datetime.now(UTC) + timedelta(hours=1)
    [outcome] = deliver_all(engine, data, {}, BASE_URL, now=later)
    assert outcome.sent and len(webhook.bodies) == 1 and len(mails.messages) == 1
    assert failed_deliveries(engine) == []


def test_a_glitch_is_retried_within_the_run_and_the_digest_arrives_once(
    world, webhook, chat, capsys
):
    engine, data, args = world
    webhook.fail_first = chat.failures = 2  # answers 500, then 503, twice each
    subscribe(engine, data, f"json://127.0.0.1:{webhook.port}/hook", "world")
    subscribe(engine, data, chat_urls(chat)[1], "world")
    assert main(args) == 0
    assert capsys.readouterr().out.count("sent at try 3") == 2
    assert (webhook.arrivals, len(webhook.bodies)) == (3, 1) and (
        chat.arrivals,
        len(chat.posts),
    ) == (3, 1)
    assert failed_deliveries(engine) == []
    assert main(args) == 0 and (webhook.arrivals, chat.arrivals) == (3, 3)


def test_only_a_failure_that_may_pass_is_retried_within_the_run():
    assert transient("A Connection error occurred sending JSON notification to 127.0.0.1.")
    assert transient("Failed to send JSON notification: Service Unavailable, error=503.")
    assert transient("Failed to send to Slack: Too Many Requests, error=429.")
    assert not transient("Failed to send JSON notification: Not Found, error=404.")
    assert not transient("the subscription's URL is not one Apprise understands")
    answers = ["error=503.", "error=404.", "never reached"]
    sender = lambda url, subject, body: answers.pop(0)  # noqa: E731
    assert send_retrying(sender, "json://x", "s", "b", Retry(3, 0)) == ("error=404.", 2)
    late = "A Connection error occurred (Read timed out. (read timeout=1))"
    sender = lambda url, subject, body: late  # noqa: E731
    assert send_retrying(sender, "json://x", "s", "b", Retry(3, 0)) == (late, 3)  # keyed
    assert send_retrying(sender, "form://x", "s", "b", Retry(3, 0)) == (late, 1)  # may show twice


def test_a_hanging_receiver_without_a_key_is_sent_to_once_and_left_for_an_admin(world, webhook):
    engine, data, _args = world
    webhook.hanging = 0.8
    subscribe(engine, data, f"form://127.0.0.1:{webhook.port}/form?rto=0.3&cto=1", "world")
    now = read_snapshot(data, paths.instruments_dir())
    find = lambda last: events_between(last, now, data.parent / "rejected")  # noqa: E731
    record_run(engine, now, find, datetime.now(UTC))
    [outcome] = deliver_all(engine, data, {}, BASE_URL, retry=Retry(3, 0.01))
    assert not outcome.sent and outcome.tries == 1 and "Read timed out" in outcome.error
    [(_delivery, _sub, state, _attempts, error)] = failed_deliveries(engine)
    assert state == "uncertain" and "may have arrived" in error
    later = datetime.now(UTC) + timedelta(days=2)
    assert deliver_all(engine, data, {}, BASE_URL, now=later) == []  # never resent
    answered = time.monotonic() + 5
    while not webhook.bodies and time.monotonic() < answered:  # it answers the one post late
        time.sleep(0.02)
    assert webhook.arrivals == 1 and len(webhook.bodies) == 1  # it did arrive, once


def test_a_hanging_webhook_times_out_and_the_mail_still_goes(world, inbox, webhook):
    engine, data, _args = world
    mails, port = inbox
    webhook.hanging = 1
    subscribe(engine, data, f"json://127.0.0.1:{webhook.port}/hook?rto=0.3&cto=1", "world")
    subscribe(engine, data, mail_url(port), "world")
    now = read_snapshot(data, paths.instruments_dir())
    find = lambda last: events_between(last, now, data.parent / "rejected")  # noqa: E731
    record_run(engine, now, find, datetime.now(UTC))
    started = time.monotonic()
    outcomes = deliver_all(engine, data, {}, BASE_URL, retry=Retry(2, 0.2))
    mailed = next(o for o in outcomes if o.sent)
    assert sorted(o.sent for o in outcomes) == [False, True] and len(mails.messages) == 1
    assert (mailed.tries, webhook.arrivals) == (1, 2)  # timed out twice (0.3 s, 0.2 s, 0.3 s)
    assert time.monotonic() - started >= 0.8
    [(_delivery, _sub, state, _attempts, _error)] = failed_deliveries(engine)
    assert state == "failed"


def test_a_feed_folder_that_cannot_be_written_fails_the_run_but_not_the_mail(world, inbox, capsys):
    engine, data, args = world
    mails, port = inbox
    subscribe(engine, data, mail_url(port), "world")
    (data.parent / "blocked").write_text("a file where the feeds' folder should be")
    blocked = [*args[:-1], str(data.parent / "blocked" / "feeds")]
    assert main(blocked) == 1
    assert "Cannot write the feeds" in capsys.readouterr().err and len(mails.messages) == 1


def test_a_database_that_is_down_is_one_clear_error(tmp_path, capsys):
    down = "postgresql+psycopg://watch@127.0.0.1:1/plan?connect_timeout=2"
    data = published(tmp_path / "data")
    assert main(["--database-url", down, "run", "--data-dir", str(data)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: The database failed: ") and "--database-url" in err


def test_two_processes_running_at_once_send_each_digest_once(world, inbox):
    engine, data, args = world
    mails, port = inbox
    subscribe(engine, data, mail_url(port), "world")
    subscribe(engine, data, mail_url(port) + "&to=other@example.org", "org-african-union")
    command = [sys.executable, "-m", "watch", *args]
    runs = [subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE) for _ in range(2)]
    assert [run.wait(timeout=120) for run in runs] == [0, 0]
    said = b"".join(run.stdout.read() for run in runs).decode()
    assert said.count("5 new event(s)") == 1 and said.count(": sent") == 2
    assert mails.arrivals == 2 and len(mails.messages) == 2


def test_a_run_killed_between_sending_and_recording_reaches_the_inbox_once(
    world, inbox, webhook, monkeypatch
):
    engine, data, _args = world
    mails, port = inbox
    subscribe(engine, data, mail_url(port), "world")
    subscribe(engine, data, f"json://127.0.0.1:{webhook.port}/hook", "world")
    subscribe(engine, data, f"form://127.0.0.1:{webhook.port}/form", "world")  # no key: no resend

    def killed(*_args) -> None:
        raise KeyboardInterrupt  # the process dies after sending, before recording

    now = read_snapshot(data, paths.instruments_dir())
    find = lambda last: events_between(last, now, data.parent / "rejected")  # noqa: E731
    record_run(engine, now, find, datetime.now(UTC))  # the events, not yet delivered
    monkeypatch.setattr(notify, "finish", killed)
    with pytest.raises(KeyboardInterrupt):
        deliver_all(engine, data, {}, BASE_URL)
    monkeypatch.undo()
    assert (mails.arrivals, webhook.arrivals) == (1, 2)
    assert deliver_all(engine, data, {}, BASE_URL) == []  # a fresh claim is not taken over
    later = datetime.now(UTC) + STALE_CLAIM + timedelta(minutes=1)
    outcomes = deliver_all(engine, data, {}, BASE_URL, now=later)
    assert sorted(o.sent for o in outcomes) == [True, True]
    assert (mails.arrivals, webhook.arrivals) == (2, 3)  # sent again, with the same key
    assert len(mails.messages) == 1 and len(webhook.bodies) == 2  # the receivers kept one each
    [(_delivery, _sub, state, _attempts, error)] = failed_deliveries(engine)
    assert state == "uncertain" and "cannot deduplicate" in error


def test_subscriptions_are_checked_and_audited(world, capsys):
    engine, data, args = world
    with pytest.raises(SubscriberError, match="not an Apprise URL"):
        subscribe(engine, data, "nonsense://x", "world")
    with pytest.raises(SubscriberError, match="not a focus"):
        subscribe(engine, data, "json://127.0.0.1:9/x", "org-nowhere")
    with use("fr"), pytest.raises(SubscriberError, match="pas une URL Apprise"):
        subscribe(engine, data, "nonsense://x", "world")  # as /plan says it to a French admin
    base = ["--database-url", args[1], "subscribers"]
    add = [
        *base,
        "add",
        "--url",
        "json://user:secret@127.0.0.1:9/x",
        "--focus",
        "org-african-union",
    ]
    assert main([*add, "--lang", "es", "--by", "admin@example.org", "--data-dir", str(data)]) == 0
    assert main([*base, "list"]) == 0
    out = capsys.readouterr().out
    assert "org-african-union" in out and "secret" not in out
    [sub] = subscribers(engine)
    assert main([*base, "remove", str(sub.id), "--by", "admin@example.org"]) == 0
    assert subscribers(engine) == []
    with engine.connect() as connection:
        trail = connection.execute(
            select(WatchSubscriberEventRow.who, WatchSubscriberEventRow.action)
        ).all()
    assert sorted(trail) == [("admin@example.org", "added"), ("admin@example.org", "removed")]


def test_nothing_leaves_the_machine_while_the_chat_receivers_answer(chat):
    with pytest.raises(AssertionError, match="tried to reach"):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(AssertionError, match="tried to connect"), socket.socket() as raw:
        raw.connect(("192.0.2.1", 443))  # an address: no name to look up
