"""The ``netra`` command line. Each room adds its commands in a module of its own."""

from __future__ import annotations

import logging
import sys

import typer
from rich.console import Console

from netra.errors import NetraError

app = typer.Typer(
    name="netra",
    help="Netra: ASN election-neutrality cases from Indonesian local news, beside the official record.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err = Console(stderr=True, soft_wrap=True)


@app.callback()
def _global_options(
    home: str | None = typer.Option(
        None, "--home", envvar="NETRA_HOME", help="Working folder (embedded database, logs, Airflow state)."
    ),
    database_url: str | None = typer.Option(
        None,
        "--database-url",
        envvar="NETRA_DATABASE_URL",
        help="PostgreSQL URL; unset means the embedded server.",
        show_default=False,
    ),
) -> None:
    """Options shared by every command; each also reads its NETRA_* environment variable."""
    import os

    from netra.config import get_settings

    # Settings are read from the environment, so an option given on the command line goes there.
    for name, value in (("NETRA_HOME", home), ("NETRA_DATABASE_URL", database_url)):
        if value:
            os.environ[name] = value
    get_settings.cache_clear()


def _register() -> None:
    # Imported here so that `netra --help` stays fast and each module stays small.
    from netra.cli import db, demo

    app.add_typer(db.app, name="db")
    demo.register(app)
    from netra.cli import crawl  # crawler: `crawl`, `reextract`, `demo-sites`

    crawl.register(app)
    from netra.cli import build, reports  # warehouse: `build`, `load-reports`

    build.register(app)
    reports.register(app)
    from netra.cli import serve  # review app: `serve`, `users`

    serve.register(app)
    from netra.cli import airflow  # orchestration: `airflow` (local Airflow); `demo` is above

    airflow.register(app)
    from netra.cli import annotate  # NLP: `annotate`, `eval`

    annotate.register(app)


def main() -> None:
    """Entry point: run the app, turning NetraError into one clear line and exit code 2."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    _register()
    try:
        # With standalone_mode=False click returns the code of a typer.Exit instead of raising it.
        code = app(standalone_mode=False)
        if isinstance(code, int) and code:
            sys.exit(code)
    except NetraError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        sys.exit(2)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        err.print("aborted")
        sys.exit(1)
    except Exception as exc:  # click usage errors come through here with standalone_mode=False
        import click

        if isinstance(exc, click.ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
