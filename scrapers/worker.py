"""One crawl, in its own process: ``python -m scrapers.worker JOB.json``.

Twisted's reactor cannot restart inside a process, and an Airflow worker runs
many crawls; so :func:`scrapers.run.crawl` starts this module per crawl. It runs
the three discovery spiders over the job's sources in one reactor, extracts in
a process pool, loads in batches, clusters near-duplicates, advances each
source's watermark and records the run's outcome. Progress goes to stdout as
JSON lines.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from netra.config import Settings
from netra.dedup import update_clusters
from netra.loaders.articles import known_pages
from netra.loaders.crawl_runs import failed_urls, finish_run
from netra.loaders.sources import advance_watermark, watermarks
from scrapers.context import CrawlContext, Known
from scrapers.registry import Source
from scrapers.spiders.base import RETRYABLE

log = logging.getLogger("netra.crawl")
PROGRESS_EVERY = 0.5
GIL_SWITCH_SECONDS = 0.0005


_progress_out = sys.stdout


def _emit(event: str, **data: Any) -> None:
    _progress_out.write(json.dumps({"event": event, **data}, default=str) + "\n")
    _progress_out.flush()


def _progress(ctx: CrawlContext) -> dict[str, Any]:
    return {
        "pid": os.getpid(),
        "pages_fetched": ctx.stats["pages_fetched"],
        "article_pages_fetched": ctx.stats["article_pages_fetched"],
        "pages_not_modified": ctx.stats["pages_not_modified"],
        "articles_new": ctx.stats["articles_new"],
        "articles_updated": ctx.stats["articles_updated"],
        "scheduled": len(ctx.scheduled),
        "errors": sum(ctx.errors.values()),
    }


def run_job(job: dict[str, Any]) -> int:
    from scrapy.crawler import CrawlerProcess

    from scrapers.pipelines import BatchLoader
    from scrapers.pool import ExtractionPool
    from scrapers.settings import scrapy_settings
    from scrapers.spiders import SPIDERS

    settings = Settings.model_validate(job["settings"])
    sources = [Source.model_validate(s) for s in job["sources"]]
    names = [s.name for s in sources]
    run_id: int = job["run_id"]
    since = date.fromisoformat(job["since"]) if job.get("since") else None
    engine = sa.create_engine(job["database_url"], pool_pre_ping=True)
    with engine.connect() as conn:
        known = {url: Known(*row) for url, row in known_pages(conn, names).items()}
        marks = watermarks(conn, names)
        retry = failed_urls(conn, names, sorted(RETRYABLE))
    stats: Counter[str] = Counter()
    ctx = CrawlContext(
        run_id=run_id,
        sources={s.name: s for s in sources},
        since=since,
        known=known,
        pool=ExtractionPool(settings.crawl_extract_workers, stats),
        watermarks=marks if since is None else {},
        retry_urls=retry,
        stats=stats,
    )
    ctx.loader = BatchLoader(engine, ctx, settings.crawl_batch_size)
    started = time.perf_counter()
    stop = threading.Event()

    def report() -> None:
        while not stop.wait(PROGRESS_EVERY):
            _emit("progress", **_progress(ctx))

    reporter = threading.Thread(target=report, daemon=True)
    reporter.start()
    from scrapers.pool import _orphan_guard

    # The caller was killed (an Airflow task terminated): stop too. Committed batches stay; the
    # run row stays "running" until a retry with the same run key takes it over.
    threading.Thread(target=_orphan_guard, args=(os.getppid(),), daemon=True).start()
    process = CrawlerProcess(
        {
            **scrapy_settings(settings, job.get("log_file")),
            "LOG_INSTALL_ROOT_HANDLER": bool(job.get("log_file")),
        }
    )
    for key, spider in SPIDERS.items():
        chosen = [s for s in sources if _uses(s, key)]
        if chosen:
            process.crawl(spider, context=ctx, sources=chosen)
    status = "succeeded"
    try:
        process.start()
    except Exception as exc:  # the reactor died: keep what was loaded, record the failure
        log.exception("crawl failed")
        ctx.error("crawler_failed", None, None, f"{type(exc).__name__}: {exc}")
        status = "failed"
    finally:
        stop.set()
        ctx.pool.shutdown()
    ctx.loader.flush_sync()
    if status == "succeeded" and since is None:
        ctx.loader.write_endpoints()
    ctx.stats["seconds"] = round(time.perf_counter() - started, 3)
    with engine.begin() as conn:
        duplicates = update_clusters(
            conn,
            ctx.loader.article_ids,
            threshold=settings.dedup_threshold,
            window_days=settings.dedup_window_days,
        )
        ctx.stats["articles_duplicate"] = len(duplicates)
        if status == "succeeded":
            for name in names:
                advance_watermark(conn, name, ctx.new_watermark(name) if since is None else None)
            if ctx.errors:
                status = "partial"
        finish_run(conn, run_id, status=status, counts=ctx.stats, errors=ctx.errors, stats=dict(ctx.stats))
    _emit("done", status=status, **_progress(ctx))
    engine.dispose()
    return 0 if status != "failed" else 1


def _uses(source: Source, strategy: str) -> bool:
    d = source.discovery
    return {
        "sitemap": bool(d.sitemaps or d.robots_sitemaps),
        "feed": bool(d.feeds),
        "listing": bool(d.listings),
    }[strategy]


def main(argv: list[str] | None = None) -> None:
    args = argv if argv is not None else sys.argv[1:]
    if len(args) != 1:
        sys.exit("usage: python -m scrapers.worker JOB.json")
    job = json.loads(Path(args[0]).read_text())
    # Progress goes to a pipe of its own: the extraction processes inherit stdout, and a pipe
    # they hold open would never reach end-of-file if this process were killed.
    fd = os.environ.get("NETRA_PROGRESS_FD")
    if fd:
        global _progress_out
        _progress_out = os.fdopen(int(fd), "w", buffering=1)
    # The reactor thread shares this process's GIL with the extraction pool's manager and feeder
    # threads (pickling pages and results) and the progress reporter. Each time it blocks in a
    # syscall one of them takes the GIL, and the reactor waits up to a full switch interval
    # (5 ms by default) to get it back: per page, that is more than the page's own work.
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    sys.exit(run_job(job))


if __name__ == "__main__":
    main()
