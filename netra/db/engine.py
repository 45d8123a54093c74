"""Engines for the configured database: the embedded server or ``NETRA_DATABASE_URL``."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from netra.config import Settings, get_settings
from netra.db import embedded
from netra.errors import DatabaseUnavailable


def _normalise(url: str) -> URL:
    """Accept plain ``postgresql://`` URLs and use psycopg 3 for them."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def database_url(settings: Settings | None = None, *, start: bool = True) -> URL:
    """The SQLAlchemy URL of the configured database.

    With no ``NETRA_DATABASE_URL`` this starts the embedded server (unless
    ``start`` is False) and points at its socket.
    """
    settings = settings or get_settings()
    if settings.database_url is not None:
        return _normalise(settings.database_url.get_secret_value())
    if start:
        server = embedded.start(settings.home, settings.database_name)
    else:
        server = embedded.status(settings.home)
        if server is None:
            raise DatabaseUnavailable(f"embedded database under {settings.home} is not running")
    return make_url(server.url(settings.database_name))


def describe(url: URL) -> str:
    """Where a URL points, for messages: host and database, never the password."""
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    return f"host {host}" + (f" port {url.port}" if url.port else "") + f", database {url.database}"


def check(url: URL, timeout: int) -> None:
    """Connect once; raise DatabaseUnavailable with one clear line if that fails."""
    import psycopg

    params = url.translate_connect_args(username="user", database="dbname")
    params.update({k: v for k, v in url.query.items() if isinstance(v, str)})
    try:
        with psycopg.connect(connect_timeout=timeout, **params) as conn:
            conn.execute("select 1")
    except psycopg.OperationalError as exc:
        reason = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(f"cannot connect to PostgreSQL at {describe(url)}: {reason}") from None


_engines: dict[str, Engine] = {}


def get_engine(settings: Settings | None = None) -> Engine:
    """A pooled engine for the configured database, checked once per process."""
    settings = settings or get_settings()
    url = database_url(settings)
    rendered = url.render_as_string(hide_password=False)
    engine = _engines.get(rendered)
    if engine is None:
        check(url, settings.db_connect_timeout)
        engine = sa.create_engine(
            rendered,
            pool_pre_ping=True,
            connect_args={"connect_timeout": settings.db_connect_timeout},
            # insertmanyvalues batches RETURNING upserts into few round trips.
            insertmanyvalues_page_size=1000,
        )
        _engines[rendered] = engine
    return engine


def reset_engines() -> None:
    """Dispose of cached engines (tests switch databases)."""
    for engine in _engines.values():
        engine.dispose()
    _engines.clear()
