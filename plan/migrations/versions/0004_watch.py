"""The watch's runs and the events they found (watch/).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade the schema."""
    op.create_table(
        "watch_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("outcome", sa.String(10), nullable=False),
        sa.Column("message", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "watch_events",
        sa.Column("id", sa.String(200), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=False),
        sa.Column("detected_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("instrument", sa.String(100), nullable=False),
        sa.Column("iso3", sa.String(3), nullable=False),
        sa.Column("as_of", sa.String(10), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["run_id"], ["watch_runs.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_watch_events_detected_at", "watch_events", ["detected_at"])


def downgrade() -> None:
    """Downgrade the schema."""
    op.drop_index("ix_watch_events_detected_at", table_name="watch_events")
    op.drop_table("watch_events")
    op.drop_table("watch_runs")
