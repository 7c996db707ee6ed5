"""Who hears of the watch's events: subscriptions by focus, instrument and language, kept in the
plan database with an audit trail of who added and removed each."""

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import apprise
from sqlalchemy import Engine, select, update

from i18n.translate import _
from plan.database import WRITE
from plan.known import known_instruments
from plan.schema import WatchSubscriberEventRow, WatchSubscriberRow
from store.focus import WORLD
from watch.feeds import LANGUAGES, preset_groups

SAVED = "saved-"  # a saved group's focus key: saved-<id>


class SubscriberError(Exception):
    """A subscription refused or not found (the message says why and what to do, in the active
    language: the page's, or English on the command line)."""


@dataclass(frozen=True)
class Subscriber:
    """One subscription."""

    id: int
    url: str
    focus: str
    instrument: str
    language: str
    reader: str
    created_by: str
    created_at: datetime

    @property
    def shown_url(self) -> str:
        """The URL without what may be secret: its scheme and host alone."""
        parts = urlsplit(self.url)
        return f"{parts.scheme}://{parts.hostname or ''}/…"


def check_url(url: str) -> None:
    """SubscriberError unless Apprise understands ``url``."""
    if not apprise.Apprise().add(url):
        shown = Subscriber(0, url, "", "", "", "", "", datetime.now(UTC)).shown_url
        raise SubscriberError(
            _(
                "{url} is not an Apprise URL this version understands. Give one such as "
                "mailtos://user:password@host?to=desk@example.org, json://host/path or "
                "workflows://…"
            ).format(url=shown)
        )


def check_focus(focus: str, data_dir: Path, saved_ids: set[int]) -> None:
    """SubscriberError unless ``focus`` is the world, a focus preset or a saved group."""
    if focus == WORLD or focus in preset_groups(data_dir):
        return
    number = focus.removeprefix(SAVED)
    if focus.startswith(SAVED) and number.isdigit() and int(number) in saved_ids:
        return
    raise SubscriberError(
        _(
            "{focus} is not a focus: give world, a focus preset such as org-african-union, or "
            "saved-<id> for a saved group (python -m plan export lists them)"
        ).format(focus=repr(focus))
    )


def add_subscriber(
    engine: Engine,
    data_dir: Path,
    saved_ids: set[int],
    url: str,
    focus: str,
    who: str,
    instrument: str = "",
    language: str = "en",
    reader: str = "",
) -> Subscriber:
    """Store a checked subscription and its audit row."""
    check_url(url)
    check_focus(focus, data_dir, saved_ids)
    if instrument and instrument not in known_instruments():
        raise SubscriberError(
            _("{instrument} is not an instrument of the registry").format(
                instrument=repr(instrument)
            )
        )
    if language not in LANGUAGES:
        raise SubscriberError(
            _("{language} is not a language of the feeds: {languages}").format(
                language=repr(language), languages=", ".join(LANGUAGES)
            )
        )
    now = datetime.now(UTC)
    values = {
        "url": url,
        "focus": focus,
        "instrument": instrument,
        "language": language,
        "reader": reader.strip().lower(),
        "created_by": who,
        "created_at": now,
    }
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        insert = WatchSubscriberRow.__table__.insert().values(**values)
        new_id = connection.execute(insert.returning(WatchSubscriberRow.id)).scalar_one()
        detail = {
            k: v for k, v in values.items() if k in ("focus", "instrument", "language", "reader")
        }
        _audit(connection, new_id, now, who, "added", detail)
    return Subscriber(new_id, **values)


def _audit(
    connection, subscriber_id: int, at: datetime, who: str, action: str, detail: dict
) -> None:
    row = {"subscriber_id": subscriber_id, "at": at, "who": who, "action": action}
    connection.execute(
        WatchSubscriberEventRow.__table__.insert().values(**row, detail=json.dumps(detail))
    )


def remove_subscriber(engine: Engine, subscriber_id: int, who: str) -> None:
    """Stop a subscription (its row and deliveries stay, for the record)."""
    now = datetime.now(UTC)
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        done = connection.execute(
            update(WatchSubscriberRow)
            .where(WatchSubscriberRow.id == subscriber_id, WatchSubscriberRow.removed_at.is_(None))
            .values(removed_at=now)
        )
        if done.rowcount != 1:
            raise SubscriberError(
                _("No subscription {number}: python -m watch subscribers list").format(
                    number=subscriber_id
                )
            )
        _audit(connection, subscriber_id, now, who, "removed", {})


def subscribers(engine: Engine) -> list[Subscriber]:
    """The subscriptions in force, oldest first."""
    query = (
        select(WatchSubscriberRow)
        .where(WatchSubscriberRow.removed_at.is_(None))
        .order_by(WatchSubscriberRow.id)
    )
    with engine.connect() as connection:
        rows = connection.execute(query).all()
    return [
        Subscriber(
            r.id, r.url, r.focus, r.instrument, r.language, r.reader, r.created_by, r.created_at
        )
        for r in rows
    ]
