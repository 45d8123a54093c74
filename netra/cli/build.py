"""``netra build``: the warehouse (``dbt build``) against the embedded or configured database.

The dbt profile is generated from the settings under ``$NETRA_HOME/dbt`` (never
committed). The command exits non-zero when a model, seed, snapshot or test
fails, and names each one.

dbt runs inside this process (dbt's programmatic runner): the freshness check, the build and
the docs share one import of dbt and one parse, about two seconds a run saves. ``--daily``
builds only what changed since the last complete build (``dbt/selectors.yml``, against the
state that build saved under ``$NETRA_HOME/dbt/state``).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
import typer
import yaml
from rich.console import Console
from rich.markup import escape

out = Console()
FAILED = ("error", "fail", "runtime error")


def register(app: typer.Typer) -> None:
    app.command(name="build")(build)


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


def dbt_paths(folder: Path) -> list[str]:
    """dbt's project, profile, target and log arguments for the profile folder ``folder``."""
    from netra.dbt_profile import DBT_PROJECT_DIR

    return [
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(folder),
        "--target-path",
        str(folder / "target"),
        "--log-path",
        str(folder / "logs"),
    ]


class InProcessDbt:
    """dbt commands run in this process on one parse of the project (``dbt parse``'s manifest)."""

    def __init__(self) -> None:
        from netra.dbt_profile import dbt_env, write_profile

        self.folder, url = write_profile()
        self.target = self.folder / "target"
        # The profile reads the password from the environment (never from the file).
        os.environ.update(dbt_env(url))
        self.manifest = None

    def invoke(self, args: list[str]) -> int:
        """dbt's exit code for ``args``: 0 success, 1 a node failed, 2 dbt itself failed."""
        from dbt.cli.main import dbtRunner

        # A run that dies before writing its results must not be judged by the previous run's.
        (self.target / "run_results.json").unlink(missing_ok=True)
        if self.manifest is None:
            parsed = dbtRunner().invoke(["parse", "--quiet", *dbt_paths(self.folder)])
            if not parsed.success:
                self._explain(parsed.exception)
                return 2
            self.manifest = parsed.result
        result = dbtRunner(manifest=self.manifest).invoke([*args, *dbt_paths(self.folder)])
        if result.exception is not None:
            self._explain(result.exception)
            return 2
        return 0 if result.success else 1

    @staticmethod
    def _explain(exc: BaseException | None) -> None:
        if exc is not None:
            out.print(f"[bold red]dbt failed:[/] {escape(str(exc))}")


def state_folder(folder: Path) -> Path:
    """Where a complete build leaves its manifest and source freshness for the next daily run."""
    return folder / "state"


def freshness_complete(target: Path) -> bool:
    """Whether every source's freshness query answered (dbt's ``source_status`` skips those that did not)."""
    path = target / "sources.json"
    if not path.exists():
        return False
    return all("max_loaded_at" in r for r in json.loads(path.read_text()).get("results", []))


def save_state(target: Path, state: Path) -> None:
    """Keep this complete build's manifest and freshness results: what the next daily run compares with."""
    state.mkdir(parents=True, exist_ok=True)
    for name in ("manifest.json", "sources.json"):
        shutil.copyfile(target / name, state / f".{name}.tmp")
    # Both files replaced only once both are copied: a half-saved state would mislead the next run.
    for name in ("manifest.json", "sources.json"):
        (state / f".{name}.tmp").replace(state / name)


def empty_source_seconds() -> float:
    """The age source freshness gives an empty table (macros/collect_freshness.sql), in seconds."""
    from netra.dbt_profile import DBT_PROJECT_DIR

    project = yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text())
    return float(project["vars"]["empty_source_age_hours"]) * 3600


def settle_empty_sources(target: Path, state: Path) -> list[str]:
    """Keep a source that was empty and still is from reading as fresher; return those sources.

    An empty table reads as loaded a fixed age before *now* (so that it warns), which moves on
    every check and would make ``source_status:fresher`` rebuild its descendants every day. When
    the saved state saw it empty too, its current max_loaded_at becomes the saved one.
    """
    empty = empty_source_seconds()
    current = json.loads((target / "sources.json").read_text())
    saved = {
        r["unique_id"]: r
        for r in json.loads((state / "sources.json").read_text()).get("results", [])
        if r.get("max_loaded_at_time_ago_in_s") == empty
    }
    settled = []
    for result in current.get("results", []):
        if result.get("max_loaded_at_time_ago_in_s") == empty and result["unique_id"] in saved:
            result["max_loaded_at"] = saved[result["unique_id"]]["max_loaded_at"]
            settled.append(result["unique_id"])
    (target / "sources.json").write_text(json.dumps(current))
    return settled


def missing_relations(engine: sa.Engine, manifest: Path) -> list[str]:
    """Tables and views the saved build made that the database lacks (dropped, or another database)."""
    nodes = json.loads(manifest.read_text())["nodes"].values()
    built = {
        f"{n['schema']}.{n['alias']}"
        for n in nodes
        if n["resource_type"] in ("model", "seed", "snapshot")
        and n["config"].get("materialized") != "ephemeral"
    }
    with engine.connect() as conn:
        present = set(
            conn.execute(
                sa.text(
                    "select table_schema || '.' || table_name from information_schema.tables "
                    "where table_schema = any(:schemas)"
                ),
                {"schemas": sorted({name.split(".")[0] for name in built})},
            ).scalars()
        )
    return sorted(built - present)


def daily_selection(target: Path, state: Path, engine: sa.Engine) -> list[str]:
    """The build arguments of a daily run: the ``daily`` selector against ``state``, else everything."""
    if not ((state / "manifest.json").exists() and (state / "sources.json").exists()):
        out.print("daily: no complete build to compare with yet; building everything")
        return ["build"]
    if missing := missing_relations(engine, state / "manifest.json"):
        out.print(f"daily: {escape(missing[0])} and {len(missing) - 1} more are missing; building everything")
        return ["build"]
    if not freshness_complete(target):
        out.print("daily: a source's freshness is unknown; building everything")
        return ["build"]
    settle_empty_sources(target, state)
    return ["build", "--selector", "daily", "--state", str(state)]


def build(
    select: Annotated[list[str] | None, typer.Option("--select", "-s", help="dbt node selection.")] = None,
    full_refresh: Annotated[
        bool, typer.Option("--full-refresh", help="Rebuild incremental models from scratch.")
    ] = False,
    freshness: Annotated[
        bool, typer.Option("--freshness/--no-freshness", help="Check source freshness first (warns only).")
    ] = True,
    docs: Annotated[bool, typer.Option("--docs", help="Also run `dbt docs generate`.")] = False,
    daily: Annotated[
        bool,
        typer.Option(
            "--daily",
            help="Build only what changed since the last complete build (sources with new rows, changed code).",
        ),
    ] = False,
) -> None:
    """Build the warehouse: seeds, staging, intermediate, marts, snapshots and every test."""
    if daily and (select or full_refresh or not freshness):
        out.print("[bold red]--daily[/] decides the selection itself, from fresh source freshness results")
        raise typer.Exit(2)
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import describe, get_engine

    settings = get_settings()
    engine = get_engine(settings)
    migrate.upgrade(engine)
    out.print(f"warehouse: dbt build on {describe(engine.url)}")
    dbt = InProcessDbt()
    target = dbt.target
    if freshness:
        # Results land in the target folder's sources.json (dbt's default).
        (target / "sources.json").unlink(missing_ok=True)
        if dbt.invoke(["source", "freshness"]) != 0:
            out.print("[yellow]warning:[/] some sources are stale (see above); building anyway")
    state = state_folder(dbt.folder)
    args = daily_selection(target, state, engine) if daily else ["build"]
    for selector in select or []:
        args += ["--select", selector]
    if full_refresh:
        args.append("--full-refresh")
    code = dbt.invoke(args)
    failed = failures(target / "run_results.json")
    for node, status, message in failed:
        out.print(f"[bold red]{status}[/] {escape(node)}: {escape(message)}")
    if code != 0:
        if not failed:
            out.print(
                f"[bold red]dbt build failed[/] (exit {code}); see {target.parent / 'logs' / 'dbt.log'}"
            )
        raise typer.Exit(1)
    if freshness and not select and freshness_complete(target):
        # Everything that changed up to this freshness check is built: the next daily run starts here.
        save_state(target, state)
    if docs:
        code = dbt.invoke(["docs", "generate"])
        if code != 0:
            out.print("[bold red]dbt docs generate failed[/]")
            raise typer.Exit(1)
        out.print(f"docs: {target / 'index.html'}")
    out.print("[green]✓[/] warehouse built")
