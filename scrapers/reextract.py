"""Re-extraction: run the current extractor over stored raw HTML, without fetching anything.

``raw.pages`` keeps every article page's body (gzip), and each article records
the pages it was merged from, so a better extractor can rewrite ``raw.articles``
later. Articles whose text or metadata come out the same are left untouched.
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
from scrapers.article import EXTRACTOR_VERSION, Article
from scrapers.encoding import decode_html
from scrapers.extract import canonicalize, extract_page, merge_pages


@dataclass
class ReextractCounts:
    considered: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0


def _extract(job: tuple[str, str | None, list[tuple[str, bytes, str | None]]]) -> tuple[str, Article | None]:
    canonical, _, pages = job
    parts = []
    for url, html_gz, content_type in pages:
        decoded = decode_html(gzip.decompress(html_gz), content_type)
        result = extract_page(decoded.text, url)
        if result.article is not None:
            parts.append(result.article)
    if not parts:
        return canonical, None
    return canonical, merge_pages(parts) if len(parts) > 1 else parts[0]


def _jobs(
    conn: sa.Connection, sources: list[str] | None, everything: bool, batch: int
) -> Iterator[list[tuple[str, str | None, list[tuple[str, bytes, str | None]]]]]:
    a, p = schema.articles, schema.pages
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
            jobs.append((r.canonical_url, r.source_name, pages))
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
                by_key = {canonical: source for canonical, source, _ in jobs}
                rows = []
                for canonical, article in results:
                    counts.considered += 1
                    if article is None:
                        counts.failed += 1
                        continue
                    rows.append(_row(canonical, by_key[canonical], article))
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


def _row(canonical: str, source: str | None, article: Article) -> ArticleRow:
    return ArticleRow(
        canonical_url=canonical,
        source_name=source,
        page_url=canonical,
        title=article.title,
        author=article.author,
        published_at=article.published_at,
        section=article.section,
        tags=article.tags,
        language=article.language,
        text=article.text,
        syndicated_from_outlet=article.syndicated_from_outlet,
        syndicated_from_url=canonicalize(article.syndicated_from_url)
        if article.syndicated_from_url
        else None,
        extractor_version=article.extractor_version,
        metadata={
            "pages": article.pages,
            "date_source": article.date_source,
            "description": article.description,
        },
    )
