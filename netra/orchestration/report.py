"""How ``netra demo`` reports a run: the summary, where to look, and wall time by DAG and task."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from netra.orchestration.metadata import DagRunResult
from netra.orchestration.summary import Summary

STATE_STYLE = {"success": "green", "failed": "bold red", "upstream_failed": "red", "skipped": "dim"}


def _n(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}"


def print_summary(console: Console, s: Summary) -> None:
    table = Table(title="Netra: what the run produced", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("sources crawled", _n(s.sources))
    table.add_row("pages fetched (stored)", _n(s.pages))
    table.add_row("articles crawled", _n(s.articles))
    table.add_row("articles annotated (relevant)", f"{_n(s.annotated)} ({_n(s.relevant)})")
    table.add_row(
        "official records loaded (rejected rows)", f"{_n(s.official_cases)} ({_n(s.official_rejects)})"
    )
    table.add_row("cases found in the news", _n(s.media_cases))
    table.add_row("cases linked to official records", _n(s.linked_cases))
    table.add_row("task failures recorded", _n(s.task_failures))
    console.print(table)


def print_where(console: Console, rows: Sequence[tuple[str, str]]) -> None:
    table = Table(title="Where to look", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(overflow="fold")
    for what, where in rows:
        table.add_row(what, escape(where))
    console.print(table)


def print_marts(console: Console, marts: dict[str, int]) -> None:
    if not marts:
        console.print("[yellow]no marts were built[/]")
        return
    table = Table(title="Marts (schema marts)", title_justify="left")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, rows in marts.items():
        table.add_row(name, f"{rows:,}")
    console.print(table)


def print_timings(console: Console, results: Sequence[DagRunResult], wall_seconds: float) -> None:
    """Wall time of each DAG run and of each of its task instances (all tries)."""
    table = Table(title="Wall time by DAG and task", title_justify="left")
    table.add_column("DAG / task")
    table.add_column("state")
    table.add_column("tries", justify="right")
    table.add_column("seconds", justify="right")
    for result in results:
        style = STATE_STYLE.get(result.state, "")
        table.add_row(
            f"[bold]{result.dag_id}[/]", f"[{style}]{result.state}[/]", "", f"[bold]{result.seconds:.1f}[/]"
        )
        for t in result.tasks:
            style = STATE_STYLE.get(t.state or "", "")
            table.add_row(f"  {escape(t.label)}", f"[{style}]{t.state}[/]", str(t.tries), f"{t.seconds:.1f}")
        task_sum = sum(t.seconds for t in result.tasks)
        table.add_row("  [dim](Airflow between tasks)[/]", "", "", f"[dim]{result.seconds - task_sum:.1f}[/]")
    table.add_row("[bold]total (the whole command)[/]", "", "", f"[bold]{wall_seconds:.1f}[/]")
    console.print(table)


def print_failures(console: Console, results: Sequence[DagRunResult]) -> None:
    for result in results:
        for t in result.failed:
            console.print(f"[bold red]{t.state}[/] {result.dag_id}.{escape(t.label)} ({t.tries} tries)")
