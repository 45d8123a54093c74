"""Re-extraction: run the current extractor over stored raw HTML, without fetching anything.

``raw.pages`` keeps every article page's body (gzip), and each article records
the pages it was merged from, so a better extractor can rewrite ``raw.articles``
later. Articles whose text or metadata come out the same are left untouched.
Pages go through the crawler's own steps (:mod:`scrapers.assemble`), with the
source's cleanup selectors, so re-extraction gives what a new crawl would store.
"""

from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import sqlalchemy as sa

from netra.db import schema
from netra.dedup import update_clusters
from netra.loaders.articles import ArticleRow, load_articles
from scrapers.article import EXTRACTOR_VERSION
from scrapers.assemble import article_row, assemble, read_page


@dataclass
class ReextractCounts:
    considered: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0


@dataclass
class _Job:
    """One stored article to re-extract: its pages' raw HTML, in order, and what the crawl knew."""

    canonical: str
    source: str | None
    pages: list[tuple[str, bytes, str | None]]  # url, html_gz, content type
    selectors: tuple[str, ...]
    fetched_for_lastmod: str | None


def _extract(job: _Job) -> tuple[_Job, ArticleRow | None]:
    """The article row the crawler would store for these bytes (the same steps, scrapers.assemble)."""
    parts = []
    for url, html_gz, content_type in job.pages:
        page = read_page(gzip.decompress(html_gz), url, content_type, job.selectors)
        if page.result is not None and page.result.article is not None:
            parts.append(page.result.article)
    article = assemble(parts)
    if article is None:
        return job, None
    pages = [url for url, _, _ in job.pages]
    return job, article_row(
        job.canonical, job.source, article, pages=pages, fetched_for_lastmod=job.fetched_for_lastmod
    )


def _selectors(conn: sa.Connection) -> dict[str, tuple[str, ...]]:
    """Each source's cleanup selectors, as the registry gave them to the crawl (raw.sources.config)."""
    t = schema.sources
    return {
        name: tuple((config or {}).get("cleanup_selectors") or ())
        for name, config in conn.execute(sa.select(t.c.name, t.c.config))
    }


def _jobs(
    conn: sa.Connection, sources: list[str] | None, everything: bool, batch: int
) -> Iterator[list[_Job]]:
    a, p = schema.articles, schema.pages
    selectors = _selectors(conn)
    query = sa.select(
        a.c.article_id,
        a.c.canonical_url,
        a.c.source_name,
        a.c.metadata,
        p.c.url,
        p.c.html_gz,
        p.c.content_type,
    ).join(p, p.c.page_id == a.c.page_id)
    if sources:
        query = query.where(a.c.source_name.in_(sources))
    if not everything:
        query = query.where(a.c.extractor_version.is_distinct_from(EXTRACTOR_VERSION))
    rows = conn.execute(query.order_by(a.c.article_id)).all()
    for start in range(0, len(rows), batch):
        chunk = rows[start : start + batch]
        later = {u for r in chunk for u in (r.metadata or {}).get("pages", [])[1:]}
        extra = {}
        if later:
            extra = {
                u: (g, ct)
                for u, g, ct in conn.execute(
                    sa.select(p.c.url, p.c.html_gz, p.c.content_type).where(p.c.url.in_(later))
                )
            }
        jobs = []
        for r in chunk:
            if r.html_gz is None:
                continue
            pages = [(r.url, r.html_gz, r.content_type)]
            for u in (r.metadata or {}).get("pages", [])[1:]:
                if u in extra and extra[u][0] is not None:
                    pages.append((u, extra[u][0], extra[u][1]))
            jobs.append(
                _Job(
                    r.canonical_url,
                    r.source_name,
                    pages,
                    selectors.get(r.source_name or "", ()),
                    (r.metadata or {}).get("fetched_for_lastmod"),
                )
            )
        yield jobs


def reextract(
    engine: sa.Engine,
    *,
    sources: list[str] | None = None,
    everything: bool = False,
    workers: int = 1,
    threshold: float = 0.6,
    window_days: int = 30,
    batch: int = 200,
    progress: Callable[[int], None] | None = None,
) -> ReextractCounts:
    """Re-extract stored articles (those of older extractor versions, or ``everything``)."""
    counts = ReextractCounts()
    touched: set[int] = set()
    pool = ProcessPoolExecutor(max_workers=workers) if workers > 1 else None
    try:
        with engine.connect() as read:
            for jobs in _jobs(read, sources, everything, batch):
                results = list(pool.map(_extract, jobs, chunksize=8) if pool else map(_extract, jobs))
                rows = []
                for _, row in results:
                    counts.considered += 1
                    if row is None:
                        counts.failed += 1
                        continue
                    rows.append(row)
                with engine.begin() as conn:
                    page_ids = dict(
                        conn.execute(
                            sa.select(schema.articles.c.canonical_url, schema.articles.c.page_id).where(
                                schema.articles.c.canonical_url.in_([r.canonical_url for r in rows])
                            )
                        ).all()
                    )
                    loaded = load_articles(
                        conn, {r.page_url: page_ids.get(r.canonical_url) for r in rows}, rows
                    )  # type: ignore[misc]
                counts.updated += loaded.articles_updated
                counts.unchanged += loaded.articles_unchanged
                touched.update(loaded.article_ids)
                if progress:
                    progress(len(jobs))
    finally:
        if pool:
            pool.shutdown()
    if touched:
        with engine.begin() as conn:
            update_clusters(conn, touched, threshold=threshold, window_days=window_days)
    return counts
