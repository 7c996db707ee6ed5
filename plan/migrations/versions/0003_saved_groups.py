"""Saved groups: a team's named groups of states, and their append-only events.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Upgrade the schema."""
    op.create_table(
        "plan_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("name_key", sa.String(120), nullable=True),
        sa.Column("codes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(320), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_groups_name_key", "plan_groups", ["name_key"], unique=True)
    op.create_table(
        "plan_group_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("who", sa.String(320), nullable=False),
        sa.Column("field", sa.String(20), nullable=False),
        sa.Column("old", sa.Text(), nullable=False),
        sa.Column("new", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["group_id"], ["plan_groups.id"]),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_plan_group_events_group_at", "plan_group_events", ["group_id", "at"])


def downgrade() -> None:
    """Downgrade the schema."""
    op.drop_index("ix_plan_group_events_group_at", table_name="plan_group_events")
    op.drop_table("plan_group_events")
    op.drop_index("ix_plan_groups_name_key", table_name="plan_groups")
    op.drop_table("plan_groups")
