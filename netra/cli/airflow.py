"""``netra airflow``: a real local Airflow (api-server, scheduler, dag-processor, triggerer).

Everything listens on 127.0.0.1 and keeps its state under ``$NETRA_HOME/airflow``
(SQLite metadata database, logs, the UI's generated password). The project's
DAGs, the ``netra_outlets`` pool and the ``netra_postgres`` connection are
configured before the services start. ``netra airflow prepare`` does only the
configuring (the production image's init step runs it).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

out = Console()
app = typer.Typer(
    help="A local Airflow for the project's DAGs on 127.0.0.1 (UI, scheduler, dag-processor, triggerer).",
    invoke_without_command=True,
)

# The scheduler's and triggerer's log servers would listen on every interface; on one machine the
# api-server reads the log files itself, so they are not started.
SERVICES = {
    "api-server": ["api-server"],
    "scheduler": ["scheduler", "--skip-serve-logs"],
    "dag-processor": ["dag-processor"],
    "triggerer": ["triggerer", "--skip-serve-logs"],
}


def register(parent: typer.Typer) -> None:
    parent.add_typer(app, name="airflow")


def _prepare(port: int | None) -> Path:
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import get_engine
    from netra.orchestration import airflow_env

    settings = get_settings()
    migrate.upgrade(get_engine(settings))
    airflow_env.apply(settings, port=port)
    from netra.orchestration import metadata, warehouse

    metadata.prepare(settings)
    warehouse.prepare(settings)
    return airflow_env.airflow_home(settings)


@app.command()
def prepare() -> None:
    """Migrate Airflow's metadata DB, create the pool, write the dbt profile and manifest."""
    home = _prepare(port=None)
    out.print(f"[green]✓[/] Airflow ready under {home}: pool netra_outlets, dbt manifest for Cosmos")


@app.callback()
def start(
    ctx: typer.Context,
    port: Annotated[
        int | None, typer.Option(help="UI port on 127.0.0.1 (default NETRA_AIRFLOW_PORT).")
    ] = None,
) -> None:
    """Start the api-server (UI), scheduler, dag-processor and triggerer; Ctrl-C stops them all."""
    if ctx.invoked_subcommand is not None:
        return
    from netra.config import get_settings

    port = port or get_settings().airflow_port
    home = _prepare(port)
    logs = home / "logs" / "services"
    logs.mkdir(parents=True, exist_ok=True)
    airflow = Path(sys.executable).parent / "airflow"
    procs: dict[str, subprocess.Popen[bytes]] = {}
    # Ctrl-C, `kill` and a closed terminal all stop the services: they run in sessions of their
    # own and would otherwise outlive this command.
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _interrupt)
    try:
        for name, args in SERVICES.items():
            extra = ["--host", "127.0.0.1", "--port", str(port)] if name == "api-server" else []
            with (logs / f"{name}.log").open("ab") as log:
                # A session of its own: Ctrl-C reaches only this command, which then stops each
                # service with its children (the scheduler's LocalExecutor workers) as a group.
                procs[name] = subprocess.Popen(
                    [str(airflow), *args, *extra],
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=os.environ.copy(),
                    start_new_session=True,
                )
            out.print(f"[green]✓[/] {name} (pid {procs[name].pid}), log {logs / f'{name}.log'}")
        out.print(f"Airflow UI: http://127.0.0.1:{port}  user [bold]admin[/], password: {_password(home)}")
        out.print("DAGs: netra_news, netra_reports, netra_warehouse. Ctrl-C stops everything.")
        while True:
            for name, proc in procs.items():
                if proc.poll() is not None:
                    out.print(
                        f"[bold red]{name} exited with {proc.returncode}[/]; see {logs / f'{name}.log'}"
                    )
                    raise typer.Exit(1)
            time.sleep(1)
    except (KeyboardInterrupt, _Stop):
        out.print("stopping Airflow…")
    finally:
        _stop(procs)


class _Stop(Exception):
    """A signal asked ``netra airflow`` to stop."""


def _interrupt(signum: int, frame: object) -> None:
    raise _Stop(signal.Signals(signum).name)


def _password(home: Path, wait: float = 60) -> str:
    """The admin password the api-server generates on its first start."""
    import json

    path = home / "simple_auth_manager_passwords.json.generated"
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text())["admin"]
        except (OSError, ValueError, KeyError):
            time.sleep(0.5)
    return f"(see {path} once the api-server is up)"


def _signal_group(proc: subprocess.Popen[bytes], sig: signal.Signals) -> None:
    try:
        os.killpg(proc.pid, sig)
    except ProcessLookupError:
        pass


def _stop(procs: dict[str, subprocess.Popen[bytes]], grace: float = 30) -> None:
    """SIGTERM every service's process group, then SIGKILL what is left after ``grace`` seconds."""
    for proc in procs.values():
        _signal_group(proc, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for proc in procs.values():
        try:
            proc.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for proc in procs.values():
        _signal_group(proc, signal.SIGKILL)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            out.print(f"[yellow]pid {proc.pid} did not stop[/]")
