"""Alembic environment: migrations for the ``raw`` schema only."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from netra.db.schema import RAW, metadata

config = context.config


def include_object(obj, name, type_, reflected, compare_to):
    # dbt's schemas are not Alembic's business.
    if type_ == "table":
        return obj.schema == RAW
    return True


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        from netra.db.engine import get_engine

        with get_engine().connect() as conn:
            _run(conn)
            conn.commit()
    else:
        _run(connection)


def _run(connection: sa.Connection) -> None:
    connection.execute(sa.text(f"create schema if not exists {RAW}"))
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table_schema=RAW,
        include_schemas=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run `netra db migrate`")
run_migrations_online()
