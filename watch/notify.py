"""One digest per subscriber per run through Apprise, each event to each subscriber once.

A delivery is claimed before it is sent: in one transaction under the watch's lock, the events
owed to a subscriber are taken (``watch_delivered``: one row per subscriber and event, its
primary key the guarantee) by a new delivery with an idempotency key. Then it is sent, then
marked sent. A send that fails for a passing reason (no connection, a timeout, a 5xx or 429
answer) is tried again within the run after a short backoff; one still failing is retried by a
later run after a longer one. A claim left by a process
killed between sending and marking is sent again, with the same key, only to receivers that
deduplicate by it (JSON webhooks, e-mail: the ``Idempotency-Key`` header); for the others it
is marked uncertain and shown, never resent (docs/watch.md says the window).
"""

import hashlib
import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

import apprise
from sqlalchemy import Connection, Engine, and_, or_, select, update

from i18n.translate import _, use
from instruments.model import CALL_TO_ACTION
from plan.access import READERS
from plan.database import WRITE
from plan.schema import RecordRow, UserRow, WatchDeliveredRow, WatchDeliveryRow
from store.focus import WORLD
from watch.events import ADDED, REMOVED
from watch.feeds import Scope, entries, preset_groups, wording
from watch.runs import StoredEvent, exclusive, stored_events
from watch.subscribers import SAVED, Subscriber, subscribers

CLAIMED, SENT, FAILED, UNCERTAIN = "claimed", "sent", "failed", "uncertain"
STALE_CLAIM = timedelta(minutes=15)  # a claim this old was left by a process that died
BACKOFF, BACKOFF_CAP = timedelta(minutes=5), timedelta(hours=24)
KEYED_SCHEMES = frozenset({"json", "jsons", "mailto", "mailtos"})  # they carry the key header
KEY_HEADER = "Idempotency-Key"
NO_KEY = "this receiver cannot deduplicate"
# Where a send may have reached the receiver though it failed: the request went, the answer did
# not come (requests' exception text, which send() adds to Apprise's warning).
MAY_HAVE_ARRIVED = re.compile(
    r"read timed out|connection aborted|remotedisconnected|reset by peer", re.IGNORECASE
)
# Apprise puts the address of its icon on GitHub in Teams cards and Slack messages, for each
# reader's client to fetch; a digest names only the dashboard and the source, so it has none.
NO_IMAGES = apprise.AppriseAsset(image_url_mask=None, image_url_logo=None)
SOCKET_REASON = "Socket Exception: "  # how Apprise's plugins log the network's reason (debug)
# What Apprise logs when a send failed for a reason that may pass: no connection (a timeout is
# one, in requests), or an HTTP answer 429 or 5xx ("…, error=503.").
TRANSIENT = re.compile(r"connection error|timed out|timeout|error=(429|5\d\d)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Retry:
    """Tries of one send within a run, and the wait before the second (doubled after each)."""

    tries: int = 3
    wait: float = 2.0


@dataclass(frozen=True)
class Claimed:
    """A delivery this process holds: send it, then finish it with its claim token."""

    delivery_id: int
    key: str
    claim: str
    attempts: int
    subscriber: Subscriber
    event_ids: tuple[str, ...]


@dataclass(frozen=True)
class Outcome:
    """How one delivery went."""

    subscriber_id: int
    delivery_id: int
    sent: bool
    error: str = ""
    tries: int = 1


def keyed(url: str) -> bool:
    """Whether the receiver of ``url`` gets the idempotency key (and may deduplicate by it)."""
    return urlsplit(url).scheme.lower() in KEYED_SCHEMES


def with_key(url: str, key: str) -> str:
    """``url`` carrying the idempotency key as a header, for the receivers that take one."""
    if not keyed(url):
        return url
    return f"{url}{'&' if '?' in url else '?'}+{KEY_HEADER}={key}"


def _codes(focus: str, data_dir: Path, saved: dict[int, frozenset[str]]) -> frozenset[str] | None:
    if focus == WORLD:
        return None
    if focus.startswith(SAVED):
        return saved.get(int(focus.removeprefix(SAVED)), frozenset())
    return preset_groups(data_dir).get(focus, ("", frozenset()))[1]


def scope_of(sub: Subscriber, data_dir: Path, saved: dict[int, frozenset[str]]) -> Scope:
    """What a subscription follows, as a feed would."""
    page = {} if sub.focus == WORLD else {"focus": sub.focus}
    return Scope(
        "",
        "",
        page,
        instrument=sub.instrument,
        codes=_codes(sub.focus, data_dir, saved),
        operational=sub.instrument in ("", CALL_TO_ACTION),
    )


def _due(connection: Connection, sub: Subscriber, now: datetime) -> list[Claimed]:
    """This subscriber's failed deliveries due again, and stale claims worth resending."""
    rows = connection.execute(
        select(WatchDeliveryRow).where(
            WatchDeliveryRow.subscriber_id == sub.id,
            or_(
                and_(WatchDeliveryRow.state == FAILED, WatchDeliveryRow.next_at <= now),
                and_(
                    WatchDeliveryRow.state == CLAIMED,
                    WatchDeliveryRow.claimed_at < now - STALE_CLAIM,
                ),
            ),
        )
    ).all()
    found = []
    for row in rows:
        if row.state == CLAIMED and not keyed(sub.url):
            error = f"interrupted while sending; not resent: {NO_KEY}"
            _set(connection, row.id, row.claim, state=UNCERTAIN, error=error)
            continue
        token = str(uuid.uuid4())
        _set(
            connection,
            row.id,
            row.claim,
            state=CLAIMED,
            claim=token,
            claimed_at=now,
            attempts=row.attempts + 1,
        )
        found.append(
            Claimed(row.id, row.key, token, row.attempts + 1, sub, tuple(json.loads(row.event_ids)))
        )
    return found


def _set(connection: Connection, delivery_id: int, held: str, **values) -> bool:
    """Change a delivery only while the claim ``held`` is still its own."""
    done = connection.execute(
        update(WatchDeliveryRow)
        .where(WatchDeliveryRow.id == delivery_id, WatchDeliveryRow.claim == held)
        .values(**values)
    )
    return done.rowcount == 1


def claim(engine: Engine, sub: Subscriber, scope: Scope, now: datetime) -> list[Claimed]:
    """Take what is owed to ``sub``: due retries, and the events no delivery took yet (one new
    delivery for them all). Runs at once serialise on the watch's lock."""
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        exclusive(connection)
        found = _due(connection, sub, now)
        taken = set(
            connection.execute(
                select(WatchDeliveredRow.event_id).where(WatchDeliveredRow.subscriber_id == sub.id)
            ).scalars()
        )
        owed = sorted(
            stored.event.id
            for stored in stored_events(connection)
            if stored.detected_at >= sub.created_at
            and stored.event.id not in taken
            and scope.keeps(stored)
        )
        if not owed:
            return found
        key = hashlib.sha256(f"{sub.id}:{','.join(owed)}".encode()).hexdigest()
        token = str(uuid.uuid4())
        values = {"key": key, "subscriber_id": sub.id, "event_ids": json.dumps(owed)}
        values |= {"state": CLAIMED, "attempts": 1, "claim": token, "claimed_at": now, "error": ""}
        insert = WatchDeliveryRow.__table__.insert().values(**values)
        delivery_id = connection.execute(insert.returning(WatchDeliveryRow.id)).scalar_one()
        connection.execute(
            WatchDeliveredRow.__table__.insert(),
            [{"subscriber_id": sub.id, "event_id": e, "delivery_id": delivery_id} for e in owed],
        )
    return [*found, Claimed(delivery_id, key, token, 1, sub, tuple(owed))]


def _owners(
    engine: Engine, sub: Subscriber, events: list[StoredEvent]
) -> list[tuple[str, str, str, str]]:
    """(state, instrument, owner, open next step) of each state that moved, if the subscriber's
    reader may read the plan; else nothing. The next step is given for a state that joined while
    its plan, not yet "endorsed", still has one (for its owner to close or keep), else ""."""
    with engine.connect() as connection:
        role = connection.execute(select(UserRow.role).where(UserRow.email == sub.reader)).scalar()
        if not sub.reader or role not in READERS:
            return []
        moved = {(s.event.iso3, s.event.instrument): s.event.kind for s in events}
        rows = connection.execute(
            select(
                RecordRow.iso3,
                RecordRow.instrument,
                RecordRow.owner,
                RecordRow.status,
                RecordRow.next_step,
            )
        ).all()
    found = []
    for r in rows:
        kind = moved.get((r.iso3, r.instrument))
        if kind not in (ADDED, REMOVED) or not r.owner:
            continue
        step = (r.next_step or "").strip() if kind == ADDED and r.status != "endorsed" else ""
        found.append((r.iso3, r.instrument, r.owner, step))
    return sorted(found)


def digest(engine: Engine, claimed: Claimed, scope: Scope, base_url: str) -> tuple[str, str]:
    """The subject and text of a delivery, in the subscriber's language."""
    events = stored_events(engine, ids=list(claimed.event_ids))
    language = claimed.subscriber.language
    with use(language):
        words = wording(language)
        items = list(entries(scope, events, words, base_url))
        subject = "; ".join(title for _id, title, _when, _link, _text in items)
        body = "\n\n".join(f"{title}\n{text}" for _id, title, _when, _link, text in items)
        owners = _owners(engine, claimed.subscriber, events)
        if owners:
            lines = [
                (
                    _("Plan owner of {state} ({instrument}): {owner}; next step still open: {step}")
                    if step
                    else _("Plan owner of {state} ({instrument}): {owner}")
                ).format(
                    state=words.names.get(s, s),
                    instrument=words.titles.get(i, i),
                    owner=o,
                    step=step,
                )
                for s, i, o, step in owners
            ]
            body += "\n\n" + "\n".join(lines)
    return subject[:200], body


def send(url: str, subject: str, body: str) -> str:
    """Send through Apprise; "" when it went, else what went wrong (Apprise's warning, and the
    network's reason when there was one: "Read timed out", "Connection refused")."""
    notifier = apprise.Apprise(asset=NO_IMAGES, log_level=logging.DEBUG)  # a log each attempt
    if not notifier.add(url):
        return "the subscription's URL is not one Apprise understands"
    result = notifier.notify(title=subject, body=body)
    if result:
        return ""
    logs = [entry for one in result.results for attempt in one.attempts for entry in attempt.logs]
    warnings = [entry.message for entry in logs if entry.level in ("WARNING", "ERROR")]
    reasons = [entry.message for entry in logs if entry.message.startswith(SOCKET_REASON)]
    said = warnings[-1] if warnings else "the endpoint refused the message"
    return f"{said} ({reasons[-1].removeprefix(SOCKET_REASON)})" if reasons else said


@contextmanager
def _network_reasons() -> Iterator[None]:
    """Let Apprise make its debug records (the network's reason) while sends run: each
    attempt's log keeps them; the apprise logger prints nothing more than before."""
    log = logging.getLogger("apprise")
    level = log.level
    log.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        log.setLevel(level)


def transient(error: str) -> bool:
    """Whether a failed send's error may pass if the send is tried again soon."""
    return bool(TRANSIENT.search(error))


def unsure(url: str, error: str) -> bool:
    """Whether a failed send may have reached a receiver that cannot deduplicate: sent again,
    it could show twice."""
    return not keyed(url) and bool(MAY_HAVE_ARRIVED.search(error))


def send_retrying(
    sender: Callable[[str, str, str], str], url: str, subject: str, body: str, retry: Retry
) -> tuple[str, int]:
    """Send, trying again after a backoff while the failure is transient and the message cannot
    have arrived where it would show twice; (error, tries)."""
    tried, error = 1, sender(url, subject, body)
    while error and transient(error) and not unsure(url, error) and tried < retry.tries:
        time.sleep(retry.wait * 2 ** (tried - 1))
        tried, error = tried + 1, sender(url, subject, body)
    return error, tried


def finish(engine: Engine, claimed: Claimed, error: str, now: datetime) -> None:
    """Mark a delivery sent; uncertain if it may have reached a receiver that cannot
    deduplicate (never resent); else failed, with when to try again. Only while this process
    still holds its claim."""
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        if not error:
            _set(connection, claimed.delivery_id, claimed.claim, state=SENT, sent_at=now, error="")
            return
        if unsure(claimed.subscriber.url, error):
            error = f"no answer, it may have arrived; not resent: {NO_KEY} ({error})"
            _set(connection, claimed.delivery_id, claimed.claim, state=UNCERTAIN, error=error)
            return
        wait = min(BACKOFF * 2 ** (claimed.attempts - 1), BACKOFF_CAP)
        _set(
            connection,
            claimed.delivery_id,
            claimed.claim,
            state=FAILED,
            next_at=now + wait,
            error=error,
        )


def deliver_all(
    engine: Engine,
    data_dir: Path,
    saved: dict[int, frozenset[str]],
    base_url: str,
    now: datetime | None = None,
    sender: Callable[[str, str, str], str] = send,
    retry: Retry = Retry(),
) -> list[Outcome]:
    """Claim, send (all subscribers at once: a dead endpoint, even retried, holds up no other)
    and finish every delivery owed."""
    moment = now or datetime.now(UTC)
    work = []
    for sub in subscribers(engine):
        scope = scope_of(sub, data_dir, saved)
        work += [(claimed, scope) for claimed in claim(engine, sub, scope, moment)]

    def one(item: tuple[Claimed, Scope]) -> Outcome:
        claimed, scope = item
        subject, body = digest(engine, claimed, scope, base_url)
        url = with_key(claimed.subscriber.url, claimed.key)
        error, tries = send_retrying(sender, url, subject, body, retry)
        finish(engine, claimed, error, datetime.now(UTC))
        return Outcome(claimed.subscriber.id, claimed.delivery_id, not error, error, tries)

    if not work:
        return []
    with _network_reasons(), ThreadPoolExecutor(max_workers=min(8, len(work))) as pool:
        return list(pool.map(one, work))


def failed_deliveries(engine: Engine) -> list[tuple[int, int, str, int, str]]:
    """(delivery, subscriber, state, attempts, error) of each delivery failed or uncertain."""
    query = select(WatchDeliveryRow).where(WatchDeliveryRow.state.in_((FAILED, UNCERTAIN)))
    with engine.connect() as connection:
        rows = connection.execute(query.order_by(WatchDeliveryRow.id)).all()
    return [(r.id, r.subscriber_id, r.state, r.attempts, r.error) for r in rows]
