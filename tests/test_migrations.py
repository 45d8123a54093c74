"""The raw schema is Alembic's: up, down, up again, and the models match the migrations."""

from __future__ import annotations

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from netra.db import migrate
from netra.db.schema import RAW, metadata

EXPECTED = {
    "sources",
    "crawl_runs",
    "crawl_errors",
    "pages",
    "articles",
    "article_clusters",
    "annotations",
    "report_files",
    "official_cases",
    "official_case_history",
    "official_statistics",
    "official_rejects",
    "users",
    "user_sessions",
    "review_decisions",
    "audit_log",
    "task_failures",
}


def _tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names(schema=RAW)) - {"alembic_version"}


def test_head_has_every_raw_table(engine: sa.Engine) -> None:
    assert _tables(engine) == EXPECTED
    assert migrate.current(engine) == migrate.head()


def test_upgrade_is_idempotent(engine: sa.Engine) -> None:
    before = migrate.current(engine)
    assert migrate.upgrade(engine) == before
    assert _tables(engine) == EXPECTED


def test_downgrade_to_base_and_back(engine: sa.Engine) -> None:
    assert migrate.downgrade(engine, "base") is None
    assert _tables(engine) == set()
    assert migrate.upgrade(engine) == migrate.head()
    assert _tables(engine) == EXPECTED


def test_models_match_migrations(engine: sa.Engine) -> None:
    """schema.py and the migration files describe the same schema (no pending autogenerate diff)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "include_schemas": True,
                "version_table_schema": RAW,
                "include_object": lambda obj, name, type_, r, c: type_ != "table" or obj.schema == RAW,
                "compare_type": True,
            },
        )
        diff = [d for d in compare_metadata(ctx, metadata) if "alembic_version" not in str(d)]
    assert diff == []


def test_pg_trgm_is_available(engine: sa.Engine) -> None:
    with engine.connect() as conn:
        score = conn.execute(sa.text("select similarity('Kepala Sekolah SDN 2', 'Kepsek SDN 2')")).scalar()
    assert 0 < score < 1
