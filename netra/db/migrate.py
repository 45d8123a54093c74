"""Run Alembic migrations of the raw schema from code (``netra db migrate``)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from netra.db.schema import RAW

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("version_locations", str(MIGRATIONS / "versions"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations have {len(heads)} heads: {heads}; merge them")
    return heads[0]


def current(engine: sa.Engine) -> str | None:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"version_table_schema": RAW})
        return ctx.get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> str | None:
    """Bring the raw schema to ``revision``; a no-op when it is already there."""
    with engine.begin() as conn:
        # One migrator at a time: parallel Airflow tasks may all call this.
        conn.execute(sa.text("select pg_advisory_xact_lock(727274)"))
        command.upgrade(alembic_config(conn), revision)
    return current(engine)


def downgrade(engine: sa.Engine, revision: str) -> str | None:
    with engine.begin() as conn:
        conn.execute(sa.text("select pg_advisory_xact_lock(727274)"))
        command.downgrade(alembic_config(conn), revision)
    return current(engine)
