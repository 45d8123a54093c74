"""``netra load-reports FILE...``: load official case registers and statistics (CSV/XLSX)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

out = Console()


def register(app: typer.Typer) -> None:
    app.command(name="load-reports")(load_reports)


def load_reports(
    files: Annotated[list[Path], typer.Argument(help="CSV or XLSX files (contract: official_reports.md).")],
    kind: Annotated[
        str | None, typer.Option("--kind", help="case or statistic; default: read from the header.")
    ] = None,
) -> None:
    """Validate and load official report files; broken rows go to raw.official_rejects with reasons.

    Exits 1 when a file was refused whole (wrong format, empty, unknown header);
    rejected rows alone do not fail the run: they are listed and kept.
    """
    from netra.db import migrate
    from netra.db.engine import get_engine
    from netra.errors import NetraError
    from netra.loaders.reports import load_files

    if kind not in (None, "case", "statistic"):
        raise NetraError(f"--kind must be case or statistic, not '{kind}'")
    chosen: Literal["case", "statistic"] | None = kind  # type: ignore[assignment]
    engine = get_engine()
    migrate.upgrade(engine)
    reports, refused = load_files(engine, files, chosen)

    table = Table(title="official reports")
    for col in ("file", "kind", "loaded", "updated", "unchanged", "rejected"):
        table.add_column(col, justify="left" if col in ("file", "kind") else "right")
    for r in reports:
        table.add_row(
            escape(r.file_name), r.kind, str(r.loaded), str(r.updated), str(r.unchanged), str(r.rejected)
        )
    if reports:
        out.print(table)
    for r in reports:
        for reject in r.rejects:
            reasons = "; ".join(reject.reasons)
            out.print(f"[yellow]rejected[/] {escape(r.file_name)} row {reject.row_number}: {escape(reasons)}")
    for line in refused:
        out.print(f"[bold red]refused[/] {escape(line)}")
    if refused:
        raise typer.Exit(1)
