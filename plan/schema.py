"""The plan's tables as SQLAlchemy declarative models; every time is stored in UTC."""

from datetime import UTC, date, datetime

from sqlalchemy import (
    DateTime,
    Dialect,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime on every backend (SQLite keeps no offset: UTC is implied)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Refuse naive times; store UTC (without an offset on SQLite)."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("a naive datetime has no time zone: give plan times in UTC")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Read back an aware UTC datetime."""
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    """The plan's declarative base; its metadata is what the migrations build."""


class RecordRow(Base):
    """The current plan for one state and one instrument."""

    __tablename__ = "plan_records"

    iso3: Mapped[str] = mapped_column(String(3), primary_key=True)
    instrument: Mapped[str] = mapped_column(String(100), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    owner: Mapped[str] = mapped_column(String(120))
    last_contact: Mapped[date | None]
    channel: Mapped[str] = mapped_column(String(40))
    next_step: Mapped[str] = mapped_column(String(500))
    due: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    updated_by: Mapped[str] = mapped_column(String(320))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class EventRow(Base):
    """One change to one field of a record; rows are only ever added."""

    __tablename__ = "plan_events"
    __table_args__ = (
        ForeignKeyConstraint(
            ["iso3", "instrument"], ["plan_records.iso3", "plan_records.instrument"]
        ),
        Index("ix_plan_events_record_at", "iso3", "instrument", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    iso3: Mapped[str] = mapped_column(String(3))
    instrument: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    who: Mapped[str] = mapped_column(String(320))
    field: Mapped[str] = mapped_column(String(20))
    old: Mapped[str] = mapped_column(Text)
    new: Mapped[str] = mapped_column(Text)


class UserRow(Base):
    """A person allowed in, by lower-case email, with a role."""

    __tablename__ = "plan_users"

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    role: Mapped[str] = mapped_column(String(10))


class GroupRow(Base):
    """A saved group (plan/groups.py); a deleted one stays without name, key or members."""

    __tablename__ = "plan_groups"
    __table_args__ = (Index("ix_plan_groups_name_key", "name_key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str | None] = mapped_column(String(120))  # casefolded; None once deleted
    codes: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    created_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    updated_by: Mapped[str] = mapped_column(String(320))
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime)


class GroupEventRow(Base):
    """One change to one field of a saved group; rows are only ever added."""

    __tablename__ = "plan_group_events"
    __table_args__ = (Index("ix_plan_group_events_group_at", "group_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    group_id: Mapped[int] = mapped_column(ForeignKey("plan_groups.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    who: Mapped[str] = mapped_column(String(320))
    field: Mapped[str] = mapped_column(String(20))
    old: Mapped[str] = mapped_column(Text)
    new: Mapped[str] = mapped_column(Text)


class WatchRunRow(Base):
    """One run of the watch (watch/): when, how it ended, and the published data it saw."""

    __tablename__ = "watch_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    finished_at: Mapped[datetime] = mapped_column(UtcDateTime)
    outcome: Mapped[str] = mapped_column(String(10))  # "ok" or "failed"
    message: Mapped[str] = mapped_column(Text)
    snapshot: Mapped[str] = mapped_column(Text)  # JSON (watch/snapshot.py); "" for a failed run


class WatchEventRow(Base):
    """A change the watch found, under its stable id; rows are only ever added."""

    __tablename__ = "watch_events"
    __table_args__ = (Index("ix_watch_events_detected_at", "detected_at"),)

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    run_id: Mapped[int] = mapped_column(ForeignKey("watch_runs.id"))
    detected_at: Mapped[datetime] = mapped_column(UtcDateTime)
    kind: Mapped[str] = mapped_column(String(20))
    instrument: Mapped[str] = mapped_column(String(100))
    iso3: Mapped[str] = mapped_column(String(3))
    as_of: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(Text)  # JSON


class WatchSubscriberRow(Base):
    """Who hears of the watch's events: an Apprise URL, a focus, an instrument, a language."""

    __tablename__ = "watch_subscribers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    url: Mapped[str] = mapped_column(Text)  # may carry a password or token: never shown whole
    focus: Mapped[str] = mapped_column(String(120))
    instrument: Mapped[str] = mapped_column(String(100))  # "" for every instrument
    language: Mapped[str] = mapped_column(String(2))
    reader: Mapped[str] = mapped_column(String(320))  # the plan user whose role may read owners
    created_by: Mapped[str] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    removed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class WatchSubscriberEventRow(Base):
    """One change to the subscriptions (added, removed), by whom; rows are only ever added."""

    __tablename__ = "watch_subscriber_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("watch_subscribers.id"))
    at: Mapped[datetime] = mapped_column(UtcDateTime)
    who: Mapped[str] = mapped_column(String(320))
    action: Mapped[str] = mapped_column(String(10))
    detail: Mapped[str] = mapped_column(Text)


class WatchDeliveryRow(Base):
    """One digest to one subscriber, under the idempotency key it is sent with."""

    __tablename__ = "watch_deliveries"
    __table_args__ = (Index("ix_watch_deliveries_key", "key", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(64))
    subscriber_id: Mapped[int] = mapped_column(ForeignKey("watch_subscribers.id"))
    event_ids: Mapped[str] = mapped_column(Text)  # JSON list
    state: Mapped[str] = mapped_column(String(10))  # claimed, sent, failed, uncertain
    attempts: Mapped[int] = mapped_column(Integer)
    claim: Mapped[str] = mapped_column(String(36))
    claimed_at: Mapped[datetime] = mapped_column(UtcDateTime)
    next_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    error: Mapped[str] = mapped_column(Text)


class WatchDeliveredRow(Base):
    """An event owed to a subscriber, taken by one delivery: the key that makes it once."""

    __tablename__ = "watch_delivered"

    subscriber_id: Mapped[int] = mapped_column(ForeignKey("watch_subscribers.id"), primary_key=True)
    event_id: Mapped[str] = mapped_column(ForeignKey("watch_events.id"), primary_key=True)
    delivery_id: Mapped[int] = mapped_column(ForeignKey("watch_deliveries.id"))
