"""``netra crawl``, ``netra reextract`` and ``netra demo-sites``: the crawler's commands."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.live import Live
from rich.table import Table

out = Console()


def register(app: typer.Typer) -> None:
    app.command(name="crawl")(crawl)
    app.command(name="reextract")(reextract)
    app.command(name="demo-sites")(demo_sites)


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date like 2024-01-31") from None


def _progress_table(event: dict[str, Any], started: float) -> Table:
    table = Table.grid(padding=(0, 2))
    elapsed = time.perf_counter() - started
    fetched = event.get("pages_fetched", 0)
    table.add_row(
        f"[bold]crawling[/] {elapsed:5.0f}s",
        f"pages {fetched} ({fetched / elapsed if elapsed else 0:.0f}/s)",
        f"not modified {event.get('pages_not_modified', 0)}",
        f"new {event.get('articles_new', 0)}",
        f"updated {event.get('articles_updated', 0)}",
        f"queued {event.get('scheduled', 0)}",
        f"[red]errors {event.get('errors', 0)}[/]" if event.get("errors") else "errors 0",
    )
    return table


def summary_table(summary: Any) -> Table:
    table = Table(title=f"crawl run {summary.run_id} ({summary.status})", show_header=True)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("pages fetched", summary.pages_fetched),
        ("pages not modified (304)", summary.pages_not_modified),
        ("articles new", summary.articles_new),
        ("articles updated", summary.articles_updated),
        ("articles unchanged", summary.articles_unchanged),
        ("articles duplicate (near-duplicates of another)", summary.articles_duplicate),
    ]
    for label, value in rows:
        table.add_row(label, str(value))
    for kind, count in sorted(summary.errors.items()):
        table.add_row(f"[red]error: {kind}[/]", str(count))
    if summary.started_at and summary.finished_at:
        table.add_row("seconds", f"{(summary.finished_at - summary.started_at).total_seconds():.1f}")
    return table


def crawl(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Source name (repeatable).")
    ] = None,
    since: Annotated[str | None, typer.Option(help="Skip sitemap/feed entries older than this date.")] = None,
    demo: Annotated[
        bool, typer.Option("--demo", help="Start the offline demo sites and crawl them.")
    ] = False,
    run_key: Annotated[
        str | None, typer.Option(help="Idempotency key: a rerun with it reuses the run.")
    ] = None,
) -> None:
    """Crawl the registry's sources (or the named ones) and load new and changed articles."""
    from contextlib import nullcontext

    from netra.config import get_settings
    from netra.demo.sites import serve
    from scrapers.run import crawl as run_crawl

    settings = get_settings()
    started = time.perf_counter()
    with (
        serve() if demo else nullcontext() as sites,
        Live(console=out, refresh_per_second=4, transient=True) as live,
    ):
        if sites is not None:
            settings = sites.settings(settings)
        live.update(_progress_table({}, started))
        summary = run_crawl(
            source or None,
            _since(since),
            settings=settings,
            run_key=run_key,
            progress=lambda event: live.update(_progress_table(event, started)),
        )
    out.print(summary_table(summary))
    if summary.errors:
        out.print(f"errors are listed in raw.crawl_errors (run_id {summary.run_id})")


def reextract(
    source: Annotated[
        list[str] | None, typer.Option("--source", "-s", help="Source name (repeatable).")
    ] = None,
    everything: Annotated[
        bool, typer.Option("--all", help="Every stored article, not only those of older extractor versions.")
    ] = False,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes.")] = 1,
) -> None:
    """Re-extract stored articles from their raw HTML with the current extractor (no fetching)."""
    from rich.progress import Progress

    from netra.config import get_settings
    from netra.db.engine import get_engine
    from scrapers.reextract import reextract as run_reextract

    settings = get_settings()
    engine = get_engine(settings)
    with Progress(console=out, transient=True) as progress:
        task = progress.add_task("re-extracting", total=None)
        counts = run_reextract(
            engine,
            sources=source or None,
            everything=everything,
            workers=workers,
            threshold=settings.dedup_threshold,
            window_days=settings.dedup_window_days,
            progress=lambda n: progress.advance(task, n),
        )
    out.print(
        f"re-extracted {counts.considered} article(s): {counts.updated} updated, "
        f"{counts.unchanged} unchanged, {counts.failed} without an article now"
    )


def demo_sites(
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0: any free port).")] = 8899,
    synthetic: Annotated[int, typer.Option(help="Articles on the synthetic site sintesis.example.")] = 0,
    export: Annotated[
        Path | None,
        typer.Option(help="Instead of serving: write every labelled page and its gold text here."),
    ] = None,
) -> None:
    """Serve the offline demo sites until Ctrl-C (they are an HTTP proxy for *.example)."""
    from netra.demo.sites import serve

    if export is not None:
        _export(export)
        return

    with serve(port=port, synthetic=synthetic) as sites:
        out.print(f"demo sites on {sites.proxy} (pid {sites.pid}); crawl them with:")
        out.print(" ".join(f"{k}={v}" for k, v in sites.env.items()) + " netra crawl")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            out.print("stopping")


def _export(folder: Path) -> None:
    """The labelled pages as files: ``<n>.html``, ``<n>.gold.txt`` and an index with URLs and markers."""
    import json

    from netra.demo.quality import labelled_pages
    from netra.demo.world import build_world

    folder.mkdir(parents=True, exist_ok=True)
    index = []
    for n, page in enumerate(labelled_pages(build_world()), start=1):
        (folder / f"{n:04d}.html").write_bytes(page.html)
        (folder / f"{n:04d}.gold.txt").write_text(page.gold + "\n", encoding="utf-8")
        index.append(
            {"n": n, "url": page.url, "corpus_id": page.article.corpus_id, "boilerplate": page.markers}
        )
    (folder / "index.json").write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
    out.print(f"{len(index)} labelled pages written to {folder}")
