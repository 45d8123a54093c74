"""Shared fixtures: a real embedded PostgreSQL for the whole session, and a fresh
migrated database per test (cloned from a migrated template, so it is cheap)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from psycopg import sql

from netra.config import Settings, get_settings
from netra.db import embedded, migrate
from netra.db.engine import reset_engines

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = "netra_template"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[embedded.EmbeddedServer]:
    """The session's embedded server, in a private NETRA_HOME, deleted afterwards.

    Not under pytest's numbered tmp dirs: a concurrent pytest session (another
    developer's run on the same machine) prunes those and would pull the data
    directory out from under a running server.
    """
    with embedded.scratch("netra-test-", TEMPLATE) as (_, server):
        engine = sa.create_engine(server.url(TEMPLATE))
        migrate.upgrade(engine)
        engine.dispose()
        yield server


def _create_db(server: embedded.EmbeddedServer, name: str) -> None:
    with psycopg.connect(server.conninfo("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("create database {} template {}").format(sql.Identifier(name), sql.Identifier(TEMPLATE))
        )


def _drop_db(server: embedded.EmbeddedServer, name: str) -> None:
    with psycopg.connect(server.conninfo("postgres"), autocommit=True) as conn:
        conn.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))


@pytest.fixture
def database_url(pg_server: embedded.EmbeddedServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh database migrated to head; NETRA_DATABASE_URL points at it for the test."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    _create_db(pg_server, name)
    url = pg_server.url(name)
    monkeypatch.setenv("NETRA_DATABASE_URL", url)
    get_settings.cache_clear()
    reset_engines()
    yield url
    reset_engines()
    get_settings.cache_clear()
    _drop_db(pg_server, name)


@pytest.fixture
def engine(database_url: str) -> Iterator[sa.Engine]:
    eng = sa.create_engine(database_url)
    yield eng
    eng.dispose()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return get_settings()


@pytest.fixture
def netra_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the `netra` CLI in a subprocess with a private NETRA_HOME."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_")}
    env["NETRA_HOME"] = str(tmp_path / "home")
    return env
