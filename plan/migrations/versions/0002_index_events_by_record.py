"""Index the events by record and time, for a record's history newest first.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade the schema."""
    op.create_index("ix_plan_events_record_at", "plan_events", ["iso3", "instrument", "at"])


def downgrade() -> None:
    """Downgrade the schema."""
    op.drop_index("ix_plan_events_record_at", table_name="plan_events")
