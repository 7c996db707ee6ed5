"""Where the plan lives, engines that behave alike on SQLite and PostgreSQL, and migrations."""

import os
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url

from plan.model import PlanError
from safeio.private_files import private_database

REPO_ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 10_000
WRITE = "plan_write"  # execution option: this transaction writes (SQLite takes the lock first)


def database_url() -> str:
    """``REAIM_DATABASE_URL``, else a SQLite file in the repo's git-ignored ``state/`` folder."""
    if url := os.environ.get("REAIM_DATABASE_URL"):
        return url
    folder = REPO_ROOT / "state"
    folder.mkdir(mode=0o700, exist_ok=True)
    return f"sqlite:///{folder / 'plan.sqlite'}"


def engine_for(url: str) -> Engine:
    """An engine for ``url`` whose errors never quote the values of a statement (notes); on
    SQLite with WAL, foreign keys, a busy timeout, real BEGINs.

    A SQLite file is made readable by its owner alone (with its -wal and -shm) before it opens.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    if parsed.database and parsed.database != ":memory:" and not parsed.query.get("uri"):
        private_database(Path(parsed.database))
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy, not pysqlite, begins transactions
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        writes = connection.get_execution_options().get(WRITE, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def schema_state(engine: Engine) -> str:
    """ "current", "empty" (no plan schema), "behind" (needs upgrade) or "newer" (unknown here)."""
    script = ScriptDirectory.from_config(_config())
    with engine.connect() as connection:
        revisions = set(MigrationContext.configure(connection).get_current_heads())
    if not revisions:
        return "empty"
    if revisions - {revision.revision for revision in script.walk_revisions()}:
        return "newer"
    return "current" if revisions == set(script.get_heads()) else "behind"


def _revision(engine: Engine) -> str:
    with engine.connect() as connection:
        return ", ".join(MigrationContext.configure(connection).get_current_heads())


def refuse_newer(engine: Engine) -> None:
    """Raise PlanError if the database's schema is newer than this code knows."""
    if schema_state(engine) == "newer":
        raise PlanError(
            f"The plan database is at schema revision {_revision(engine)}, newer than this "
            "version of the dashboard knows. Update the dashboard before using this database."
        )


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the plan schema to ``revision`` (the newest by default) in one transaction."""
    refuse_newer(engine)
    config = _config()
    with engine.execution_options(**{WRITE: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
