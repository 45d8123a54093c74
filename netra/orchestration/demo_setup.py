"""What ``netra demo`` sets up around the DAGs: the report inbox, the sources, the review app.

The demo sites and the source registries belong to the crawl room
(``netra.demo.sites``, ``scrapers.registry``), the demo report files to the
warehouse room (``netra/demo/reports``), the review app to the app room.
"""

from __future__ import annotations

import os
import secrets
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

from netra.config import PROJECT_ROOT, Settings, get_settings
from netra.orchestration import reports

DEMO_REPORTS = PROJECT_ROOT / "netra" / "demo" / "reports"
DEMO_USER = "demo"


def stock_inbox(settings: Settings) -> list[Path]:
    """Copy the demo's official report files into the inbox (what an analyst would drop there)."""
    inbox = reports.inbox(settings)
    copied = []
    for source in sorted(DEMO_REPORTS.iterdir()) if DEMO_REPORTS.is_dir() else []:
        if source.suffix.lower() not in reports.SUFFIXES:
            continue
        target = inbox / source.name
        if not target.exists() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
        copied.append(target)
    return copied


@contextmanager
def _environ(**values: str) -> Iterator[None]:
    """Set variables for the block (the settings cache is cleared on the way in and out)."""
    saved = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    get_settings.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()


# The demo sites are our own, on loopback: no politeness delay, short timeouts (their slow page
# exists to show a timeout, not to make the demo wait for it).
LOOPBACK_CRAWL = {
    "NETRA_CRAWL_DOWNLOAD_DELAY": "0",
    "NETRA_CRAWL_AUTOTHROTTLE": "false",
    "NETRA_CRAWL_CONCURRENCY_PER_DOMAIN": "8",
    "NETRA_CRAWL_TIMEOUT": "2",
    "NETRA_CRAWL_RETRIES": "1",
    "NETRA_CRAWL_BACKOFF_SECONDS": "0.5",
}


@contextmanager
def demo_sites() -> Iterator[str]:
    """The offline demo sites on 127.0.0.1, and the demo registry pointed at them."""
    from netra.demo.sites import serve

    with serve(slow_seconds=10) as sites, _environ(**LOOPBACK_CRAWL, **sites.env):
        yield f"offline demo sites via proxy {sites.proxy} ({sites.registry.name}: {', '.join(sites.sources)})"


@contextmanager
def live_sources() -> Iterator[str]:
    """The real registry; the crawler goes to the internet."""
    from scrapers.registry import REAL_REGISTRY

    with _environ(NETRA_CRAWL_REGISTRY=str(REAL_REGISTRY)):
        yield f"live outlets ({REAL_REGISTRY.name})"


def ensure_demo_user(settings: Settings) -> str | None:
    """On a development install with no accounts, create an admin ``demo``; return its password."""
    import sqlalchemy as sa

    from netra.app import users
    from netra.db.engine import get_engine
    from netra.db.schema import users as users_table

    if settings.env != "development":
        return None
    engine = get_engine(settings)
    with engine.begin() as conn:
        if conn.execute(sa.select(sa.func.count()).select_from(users_table)).scalar_one():
            return None
        password = secrets.token_urlsafe(12)
        users.add(conn, DEMO_USER, password, "admin", env=settings.env, display_name="Demo admin")
    return password


def serve_review_app(settings: Settings, port: int, console: Console) -> None:
    """Start the review app in the foreground (Ctrl-C stops it)."""
    from netra.cli.serve import serve

    password = ensure_demo_user(settings)
    if password:
        console.print(
            f"review app account: [bold]{DEMO_USER}[/] / [bold]{password}[/] (admin, development only)"
        )
    console.print(f"review app: http://127.0.0.1:{port} (Ctrl-C stops it)")
    serve(host="127.0.0.1", port=port, workers=1, forwarded_allow_ips="127.0.0.1")
