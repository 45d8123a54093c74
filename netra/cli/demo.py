"""``netra demo``: the README's main command, the whole job end to end on the embedded default."""

from __future__ import annotations

import time

import typer
from rich.console import Console

out = Console()


def register(app: typer.Typer) -> None:
    app.command(name="demo")(demo)


def demo() -> None:
    """Run Netra end to end on the embedded database.

    Today: start the embedded PostgreSQL and migrate the raw schema. Crawling the
    offline demo sites, annotation, the warehouse build and the review app join
    this same command as they land.
    """
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import describe, get_engine

    started = time.perf_counter()
    settings = get_settings()
    engine = get_engine(settings)
    revision = migrate.upgrade(engine)
    out.print(f"[green]✓[/] database: {describe(engine.url)} (raw schema {revision})")
    out.print(f"done in {time.perf_counter() - started:.1f}s")
