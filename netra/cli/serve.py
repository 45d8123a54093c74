"""``netra serve`` (the review app) and ``netra users`` (accounts, e.g. the first admin)."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table

from netra.errors import NetraError

if TYPE_CHECKING:
    import sqlalchemy as sa

out = Console()
users_app = typer.Typer(help="Review-app accounts: add the first admin, list, disable.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.command(name="serve")(serve)
    app.add_typer(users_app, name="users")


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (0.0.0.0 in a container)."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    forwarded_allow_ips: str = typer.Option(
        "127.0.0.1", help="Proxies whose X-Forwarded-For is trusted (for the per-address login limit)."
    ),
) -> None:
    """Run the review app (FastAPI + uvicorn) on the configured database."""
    import uvicorn

    from netra.app.security import check_settings
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import describe, get_engine

    settings = get_settings()
    check_settings(settings)  # fail before anything starts, with one line
    engine = get_engine(settings)
    migrate.upgrade(engine)
    out.print(f"review app on http://{host}:{port} ({settings.env}), database {describe(engine.url)}")
    if not _has_users(engine):
        out.print(
            "[yellow]no accounts yet:[/] create the first admin with `netra users add NAME --role admin`"
        )
    uvicorn.run(
        "netra.app.factory:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        forwarded_allow_ips=forwarded_allow_ips,
        log_level="warning",
        access_log=False,
    )


def _has_users(engine: sa.Engine) -> bool:
    import sqlalchemy as sa

    from netra.db.schema import users

    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(users)).scalar_one() > 0


def _actor() -> str:
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):
        return "cli"


def _engine() -> sa.Engine:
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import get_engine

    engine = get_engine(get_settings())
    migrate.upgrade(engine)
    return engine


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
        if not password:
            raise NetraError("no password on standard input")
        return password
    return typer.prompt("password", hide_input=True, confirmation_prompt=True)


@users_app.command("add")
def add(
    username: str = typer.Argument(..., help="Login name."),
    role: str = typer.Option("monitor", help="admin, monitor or analyst."),
    display_name: str = typer.Option("", help="Name shown in the app."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
) -> None:
    """Create an account (the first one: `netra users add NAME --role admin`)."""
    from netra.app import audit, users
    from netra.config import get_settings

    engine = _engine()
    password = _read_password(password_stdin)
    with engine.begin() as conn:
        user = users.add(conn, username, password, role, env=get_settings().env, display_name=display_name)
        audit.record(conn, "user_add", username=_actor(), target=user.username, detail={"role": user.role})
    out.print(f"added {user.username} ({user.role})")


@users_app.command("list")
def list_users() -> None:
    """List accounts with role, state and last login."""
    from netra.app import users

    with _engine().connect() as conn:
        accounts = users.listing(conn)
    table = Table("username", "name", "role", "active", "last login", "locked until")
    for a in accounts:
        table.add_row(
            a.username,
            a.display_name or "",
            a.role,
            "yes" if a.active else "no",
            f"{a.last_login_at:%Y-%m-%d %H:%M}" if a.last_login_at else "",
            f"{a.locked_until:%Y-%m-%d %H:%M}" if a.locked_until else "",
        )
    out.print(table)


def _set_active(username: str, active: bool) -> None:
    from netra.app import audit, users

    with _engine().begin() as conn:
        user = users.set_active(conn, username, active)
        audit.record(
            conn, "user_enable" if active else "user_disable", username=_actor(), target=user.username
        )
    out.print(f"{user.username} {'enabled' if active else 'disabled'}")


@users_app.command("disable")
def disable(username: str = typer.Argument(..., help="Login name.")) -> None:
    """Disable an account: its sessions end at once and it cannot log in."""
    _set_active(username, False)


@users_app.command("enable")
def enable(username: str = typer.Argument(..., help="Login name.")) -> None:
    """Re-enable an account (also lifts a lockout)."""
    _set_active(username, True)


@users_app.command("set-password")
def set_password(
    username: str = typer.Argument(..., help="Login name."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from stdin."),
) -> None:
    """Set a new password (also lifts a lockout)."""
    from netra.app import audit, users
    from netra.config import get_settings

    engine = _engine()
    password = _read_password(password_stdin)
    with engine.begin() as conn:
        users.set_password(conn, username, password, env=get_settings().env)
        audit.record(conn, "user_password", username=_actor(), target=username)
    out.print(f"password of {username} changed")
