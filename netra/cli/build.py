"""``netra build``: the warehouse (``dbt build``) against the embedded or configured database.

The dbt profile is generated from the settings under ``$NETRA_HOME/dbt`` (never
committed). The command exits non-zero when a model, seed, snapshot or test
fails, and names each one.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

out = Console()
FAILED = ("error", "fail", "runtime error")


def register(app: typer.Typer) -> None:
    app.command(name="build")(build)


def dbt_executable() -> str:
    """The dbt next to this interpreter (the project's venv), else the one on PATH."""
    here = Path(sys.executable).parent / "dbt"
    return str(here) if here.exists() else "dbt"


def failures(run_results: Path) -> list[tuple[str, str, str]]:
    """(node, status, message) of every failed node in a dbt run_results.json."""
    if not run_results.exists():
        return []
    data = json.loads(run_results.read_text())
    out_rows = []
    for result in data.get("results", []):
        if result.get("status") in FAILED:
            message = (result.get("message") or "").strip().splitlines()
            out_rows.append((result["unique_id"], result["status"], message[0] if message else ""))
    return out_rows


def run_dbt(args: list[str], *, quiet: bool = False) -> tuple[int, Path]:
    """Run one dbt command with the generated profile; return its exit code and target folder."""
    from netra.dbt_profile import DBT_PROJECT_DIR, dbt_env, write_profile

    folder, url = write_profile()
    target = folder / "target"
    # A run that dies before writing its results must not be judged by the previous run's.
    (target / "run_results.json").unlink(missing_ok=True)
    command = [
        dbt_executable(),
        *args,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(folder),
        "--target-path",
        str(target),
        "--log-path",
        str(folder / "logs"),
    ]
    proc = subprocess.run(
        command,
        env=dbt_env(url),
        cwd=DBT_PROJECT_DIR,
        stdout=subprocess.PIPE if quiet else None,
        stderr=subprocess.STDOUT if quiet else None,
        text=True,
        check=False,
    )
    return proc.returncode, target


def build(
    select: Annotated[list[str] | None, typer.Option("--select", "-s", help="dbt node selection.")] = None,
    full_refresh: Annotated[
        bool, typer.Option("--full-refresh", help="Rebuild incremental models from scratch.")
    ] = False,
    freshness: Annotated[
        bool, typer.Option("--freshness/--no-freshness", help="Check source freshness first (warns only).")
    ] = True,
    docs: Annotated[bool, typer.Option("--docs", help="Also run `dbt docs generate`.")] = False,
) -> None:
    """Build the warehouse: seeds, staging, intermediate, marts, snapshots and every test."""
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import describe, get_engine

    settings = get_settings()
    engine = get_engine(settings)
    migrate.upgrade(engine)
    out.print(f"warehouse: dbt build on {describe(engine.url)}")
    if freshness:
        # Results land in the target folder's sources.json (dbt's default).
        code, target = run_dbt(["source", "freshness"])
        if code != 0:
            out.print("[yellow]warning:[/] some sources are stale (see above); building anyway")
    args = ["build"]
    for selector in select or []:
        args += ["--select", selector]
    if full_refresh:
        args.append("--full-refresh")
    code, target = run_dbt(args)
    failed = failures(target / "run_results.json")
    for node, status, message in failed:
        out.print(f"[bold red]{status}[/] {escape(node)}: {escape(message)}")
    if code != 0:
        if not failed:
            out.print(
                f"[bold red]dbt build failed[/] (exit {code}); see {target.parent / 'logs' / 'dbt.log'}"
            )
        raise typer.Exit(1)
    if docs:
        code, target = run_dbt(["docs", "generate"])
        if code != 0:
            out.print("[bold red]dbt docs generate failed[/]")
            raise typer.Exit(1)
        out.print(f"docs: {target / 'index.html'}")
    out.print("[green]✓[/] warehouse built")
