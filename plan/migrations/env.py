"""Alembic's environment: migrate the connection ``plan.database.upgrade`` hands over."""

from alembic import context

from plan.database import database_url, engine_for
from plan.schema import Base


def run_migrations(connection) -> None:
    """Run the pending migrations on one connection, inside its transaction."""
    context.configure(connection=connection, target_metadata=Base.metadata)
    with context.begin_transaction():
        context.run_migrations()


if (shared := context.config.attributes.get("connection")) is not None:
    run_migrations(shared)
else:
    with engine_for(database_url()).begin() as own:
        run_migrations(own)
