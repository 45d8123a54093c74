"""``netra db``: the embedded server and migrations."""

from __future__ import annotations

import typer
from rich.console import Console

from netra.config import get_settings
from netra.db import embedded
from netra.db.engine import database_url, describe, get_engine
from netra.errors import NetraError

app = typer.Typer(help="Database: start/stop the embedded server, run migrations.", no_args_is_help=True)
out = Console(soft_wrap=True)  # long socket paths must stay on one line for scripts


@app.command()
def up() -> None:
    """Start the embedded PostgreSQL server (or reuse the running one) and migrate the raw schema."""
    from netra.db import migrate

    settings = get_settings()
    engine = get_engine(settings)
    revision = migrate.upgrade(engine)
    where = describe(engine.url)
    kind = "embedded" if settings.embedded else "external"
    out.print(f"database ready ({kind}): {where}, raw schema at revision {revision}")


@app.command()
def down(
    purge: bool = typer.Option(False, "--purge", help="Also delete the embedded server's data."),
) -> None:
    """Stop the embedded PostgreSQL server."""
    settings = get_settings()
    if not settings.embedded:
        raise NetraError("NETRA_DATABASE_URL is set: Netra does not stop an external server")
    if purge:
        embedded.destroy(settings.home)
        out.print(f"embedded database stopped and deleted ({settings.home / 'pgdata'})")
    elif embedded.stop(settings.home):
        out.print("embedded database stopped")
    else:
        out.print("embedded database was not running")


@app.command()
def status() -> None:
    """Say where the database is and whether it is running."""
    settings = get_settings()
    if settings.embedded:
        server = embedded.status(settings.home)
        if server is None:
            out.print(f"embedded database under {settings.home}: not running")
            raise typer.Exit(1)
        out.print(f"embedded database running: pid {server.pid}, socket {server.socket_dir}")
    else:
        engine = get_engine(settings)
        out.print(f"external database reachable: {describe(engine.url)}")


@app.command()
def migrate(
    revision: str = typer.Argument("head", help="Target revision (default: the newest)."),
) -> None:
    """Apply raw-schema migrations up to REVISION (idempotent)."""
    from netra.db import migrate as mig

    current = mig.upgrade(get_engine(), revision)
    out.print(f"raw schema at revision {current}")


@app.command()
def downgrade(revision: str = typer.Argument(..., help="Target revision, e.g. base or -1.")) -> None:
    """Revert raw-schema migrations down to REVISION."""
    from netra.db import migrate as mig

    current = mig.downgrade(get_engine(), revision)
    out.print(f"raw schema at revision {current or 'base'}")


@app.command()
def url(
    password: bool = typer.Option(False, "--show-password", help="Print the password too."),
) -> None:
    """Print the SQLAlchemy URL of the configured database (starting the embedded one)."""
    out.print(database_url().render_as_string(hide_password=not password), highlight=False, soft_wrap=True)
