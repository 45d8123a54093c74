"""``netra demo``: the README's main command, the whole job end to end on the embedded default.

Embedded PostgreSQL, Airflow with its own metadata database under NETRA_HOME,
the offline demo sites on 127.0.0.1 and the demo's official report files; each
DAG (netra_news → netra_reports → netra_warehouse) runs once through Airflow's
``dag.test()``; then a summary, where to look, and the wall time by DAG and
task; then the review app. ``--live`` crawls the real source registry instead.
"""

from __future__ import annotations

import json
import logging
import time
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    import sqlalchemy as sa

    from netra.config import Settings
    from netra.orchestration.metadata import DagRunResult
    from netra.orchestration.summary import Summary

out = Console()


def register(app: typer.Typer) -> None:
    app.command(name="demo")(demo)


def demo(
    live: Annotated[
        bool, typer.Option("--live", help="Crawl the live source registry instead of the offline demo sites.")
    ] = False,
    serve: Annotated[
        bool, typer.Option("--serve/--no-serve", help="Start the review app when the run is done.")
    ] = True,
    port: Annotated[int, typer.Option(help="Port of the review app on 127.0.0.1.")] = 8000,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the summary and timings here as JSON.")
    ] = None,
) -> None:
    """Run Netra end to end: crawl, annotate, load official reports, build the warehouse, review."""
    from netra.config import get_settings
    from netra.db import migrate
    from netra.db.engine import describe, get_engine
    from netra.orchestration import airflow_env, demo_setup
    from netra.orchestration.capture import output_to
    from netra.orchestration.summary import collect

    started = time.perf_counter()
    settings = get_settings()
    engine = get_engine(settings)
    revision = migrate.upgrade(engine)
    out.print(f"[green]✓[/] database: {describe(engine.url)} (raw schema {revision})")

    airflow_env.apply(settings)
    log_path = settings.home / "logs" / f"demo-{datetime.now(UTC):%Y%m%dT%H%M%S}.log"
    out.print(f"Airflow, dbt and crawler output goes to {log_path}")
    with output_to(log_path) as terminal:
        from netra.orchestration import runner

        runner.setup(settings)
        home = airflow_env.airflow_home(settings)
        terminal.print(
            f"[green]✓[/] Airflow metadata in {home / 'airflow.db'}; dbt project parsed for Cosmos"
        )
        if not live:
            copied = demo_setup.stock_inbox(settings)
            terminal.print(f"[green]✓[/] official report files in the inbox: {len(copied)} demo file(s)")
        with demo_setup.live_sources() if live else demo_setup.demo_sites() as where:
            terminal.print(f"[green]✓[/] sources: {where}")
            results, not_triggered = _run_dags(settings, terminal)
    # Airflow set up INFO logging to stdout for its tasks; the rest of the command is ours.
    logging.getLogger().setLevel(logging.WARNING)
    summary = collect(engine)
    wall = time.perf_counter() - started
    _print_outcome(settings, engine, results, summary, wall, log_path, serve, port)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(
            json.dumps(
                {
                    "wall_seconds": round(wall, 3),
                    "dags": [r.to_dict() for r in results],
                    "not_triggered": not_triggered,
                    "summary": summary.to_dict(),
                    "log": str(log_path),
                },
                indent=2,
            )
        )
    failed = [r for r in results if r.state != "success"]
    if serve and not failed:
        demo_setup.serve_review_app(settings, port, out)
    if failed:
        raise typer.Exit(1)


def _run_dags(settings: Settings, terminal: Console) -> tuple[list[DagRunResult], dict[str, str]]:
    """Each DAG through ``dag.test()`` (the warehouse when its Assets say so), with progress."""
    from netra.orchestration import airflow_env, progress, runner

    db_path = airflow_env.airflow_home(settings) / "airflow.db"

    def done(result: DagRunResult) -> None:
        mark = "[green]✓[/]" if result.state == "success" else "[bold red]✗[/]"
        failed = len(result.failed)
        terminal.print(
            f"{mark} {result.dag_id}: {result.state} in {result.seconds:.1f}s "
            f"({len(result.tasks)} tasks{f', {failed} failed' if failed else ''})"
        )

    not_triggered: dict[str, str] = {}

    def skipped(dag_id: str, reason: str) -> None:
        not_triggered[dag_id] = reason
        terminal.print(f"[green]✓[/] {dag_id}: not triggered: {reason}")

    # The demo crawls every source now, whatever its frequency says.
    conf = {"netra_news": {"force": True}}
    watcher = progress.watch_pipeline(terminal, db_path) if terminal.is_terminal else nullcontext()
    with watcher:
        results = runner.run_pipeline(conf, on_done=done, on_skip=skipped)
    return results, not_triggered


def _print_outcome(
    settings: Settings,
    engine: sa.Engine,
    results: list[DagRunResult],
    summary: Summary,
    wall: float,
    log_path: Path,
    serve: bool,
    port: int,
) -> None:
    from netra.orchestration import report
    from netra.orchestration.summary import psql_command

    out.print()
    report.print_summary(out, summary)
    report.print_marts(out, summary.marts)
    report.print_where(
        out,
        [
            ("database", psql_command(engine.url)),
            ("marts", "schema marts (the tables above); media cases in marts.fct_media_cases"),
            ("review app", f"http://127.0.0.1:{port}" + ("" if serve else " (start it with `netra serve`)")),
            ("Airflow UI", f"`netra airflow` → http://127.0.0.1:{settings.airflow_port}"),
            ("task failures", "select * from raw.task_failures order by failed_at desc"),
            ("run log", str(log_path)),
        ],
    )
    report.print_failures(out, results)
    report.print_timings(out, results, wall)
