"""The watch's subscribers, their audit trail, and its deliveries (exactly once).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade the schema."""
    op.create_table(
        "watch_subscribers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("focus", sa.String(120), nullable=False),
        sa.Column("instrument", sa.String(100), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("reader", sa.String(320), nullable=False),
        sa.Column("created_by", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("removed_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "watch_subscriber_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(320), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["subscriber_id"], ["watch_subscribers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "watch_deliveries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(64), nullable=False),
        sa.Column("subscriber_id", sa.Integer(), nullable=False),
        sa.Column("event_ids", sa.Text(), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("claim", sa.String(36), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("error", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["subscriber_id"], ["watch_subscribers.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_watch_deliveries_key", "watch_deliveries", ["key"], unique=True)
    op.create_table(
        "watch_delivered",
        sa.Column("subscriber_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(200), nullable=False),
        sa.Column("delivery_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["subscriber_id"], ["watch_subscribers.id"]),
        sa.ForeignKeyConstraint(["event_id"], ["watch_events.id"]),
        sa.ForeignKeyConstraint(["delivery_id"], ["watch_deliveries.id"]),
        sa.PrimaryKeyConstraint("subscriber_id", "event_id"),
    )


def downgrade() -> None:
    """Downgrade the schema."""
    op.drop_table("watch_delivered")
    op.drop_index("ix_watch_deliveries_key", table_name="watch_deliveries")
    op.drop_table("watch_deliveries")
    op.drop_table("watch_subscriber_events")
    op.drop_table("watch_subscribers")
