"""Crawled pages and extracted articles into ``raw.pages`` / ``raw.articles``, in batches.

Every write is an upsert on the natural key (the page's canonical URL, the
article's canonical URL), one statement per batch, so a crawl that runs twice,
or is killed and restarted, neither loses nor duplicates anything. Counts say
what was new, updated (the text or metadata changed) and unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from netra.db import schema
from netra.db.upsert import UpsertResult


@dataclass
class PageRow:
    """One fetched page (article page, listing, sitemap or feed)."""

    url: str
    source_name: str | None
    http_status: int
    page_kind: str
    content_type: str | None = None
    encoding: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    sitemap_lastmod: datetime | None = None
    html_gz: bytes | None = None
    html_sha256: str | None = None
    size_bytes: int | None = None


@dataclass
class ArticleRow:
    """One extracted article; ``page_url`` names its (first) page in ``pages``."""

    canonical_url: str
    source_name: str | None
    page_url: str
    title: str | None
    author: str | None
    published_at: datetime | None
    section: str | None
    tags: list[str]
    language: str | None
    text: str
    syndicated_from_outlet: str | None
    syndicated_from_url: str | None
    extractor_version: str
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass
class LoadCounts:
    pages: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    article_ids: list[int] = field(default_factory=list)


ARTICLE_COMPARE = (
    "content_hash",
    "title",
    "author",
    "published_at",
    "section",
    "tags",
    "language",
    "syndicated_from_outlet",
    "syndicated_from_url",
    "source_name",
    "extractor_version",
)


def _upsert_many(
    conn: sa.Connection,
    table: sa.Table,
    rows: Sequence[dict[str, Any]],
    key: Sequence[str],
    compare: Sequence[str],
    returning: Sequence[str] = (),
    touch: Sequence[str] = ("updated_at",),
) -> tuple[UpsertResult, list[sa.Row]]:
    """``netra.db.upsert.upsert`` semantics as one executemany of a statement compiled once.

    The shared helper renders a multi-row VALUES statement per batch; compiling it costs
    about a millisecond of Python per row, which at crawl rates is more than the database
    work. Here SQLAlchemy's insertmanyvalues sends the rows in pages of one cached statement.
    """
    result = UpsertResult()
    if not rows:
        return result, []
    # PostgreSQL refuses to update one row twice in a statement: last duplicate wins.
    unique = list({tuple(r[k] for k in key): r for r in rows}.values())
    columns = list(unique[0])
    stmt = insert(table)
    set_ = {c: stmt.excluded[c] for c in columns if c not in key}
    for column in touch:
        if column in table.c and column not in set_:
            set_[column] = sa.func.now()
    changed = sa.or_(*[table.c[c].is_distinct_from(stmt.excluded[c]) for c in compare])
    stmt = stmt.on_conflict_do_update(index_elements=list(key), set_=set_, where=changed)
    # xmax = 0 only for a freshly inserted tuple: the standard way to tell insert from update.
    stmt = stmt.returning(
        sa.literal_column("(xmax = 0)").label("_inserted"), *[table.c[c] for c in returning]
    )
    written = conn.execute(stmt, unique).all()
    inserted = sum(1 for r in written if r._inserted)
    result.inserted, result.updated = inserted, len(written) - inserted
    result.unchanged = len(rows) - len(written)
    return result, written


def load_pages(conn: sa.Connection, run_id: int | None, pages: Sequence[PageRow]) -> dict[str, int]:
    """Upsert pages; returns page_id by URL for every page given."""
    if not pages:
        return {}
    rows = [
        {
            "url": p.url,
            "source_name": p.source_name,
            "run_id": run_id,
            "http_status": p.http_status,
            "content_type": p.content_type,
            "encoding": p.encoding,
            "etag": p.etag,
            "last_modified": p.last_modified,
            "sitemap_lastmod": p.sitemap_lastmod,
            "page_kind": p.page_kind,
            "html_gz": p.html_gz,
            "html_sha256": p.html_sha256,
            "size_bytes": p.size_bytes,
        }
        for p in pages
    ]
    # A page is rewritten only when its body, validators or status changed.
    _upsert_many(
        conn,
        schema.pages,
        rows,
        key=["url"],
        compare=["html_sha256", "etag", "last_modified", "http_status"],
        touch=("fetched_at",),
    )
    t = schema.pages
    ids = conn.execute(sa.select(t.c.url, t.c.page_id).where(t.c.url.in_([p.url for p in pages])))
    return {url: page_id for url, page_id in ids}


def load_articles(
    conn: sa.Connection, page_ids: dict[str, int], articles: Sequence[ArticleRow]
) -> LoadCounts:
    """Upsert articles on their canonical URL; an unchanged article is not written."""
    counts = LoadCounts()
    if not articles:
        return counts
    rows = [
        {
            "canonical_url": a.canonical_url,
            "source_name": a.source_name,
            "page_id": page_ids.get(a.page_url),
            "title": a.title,
            "author": a.author,
            "published_at": a.published_at,
            "section": a.section,
            "tags": a.tags,
            "language": a.language,
            "text": a.text,
            "content_hash": a.content_hash,
            "syndicated_from_outlet": a.syndicated_from_outlet,
            "syndicated_from_url": a.syndicated_from_url,
            "extractor_version": a.extractor_version,
            "metadata": a.metadata,
        }
        for a in articles
    ]
    result, written = _upsert_many(
        conn, schema.articles, rows, key=["canonical_url"], compare=ARTICLE_COMPARE, returning=["article_id"]
    )
    counts.articles_new = result.inserted
    counts.articles_updated = result.updated
    counts.articles_unchanged = result.unchanged
    counts.article_ids = [row.article_id for row in written]
    return counts


def known_pages(
    conn: sa.Connection, sources: Sequence[str]
) -> dict[str, tuple[str | None, str | None, datetime | None]]:
    """What the crawler already has: URL -> (etag, last_modified, sitemap_lastmod)."""
    t = schema.pages
    rows = conn.execute(
        sa.select(t.c.url, t.c.etag, t.c.last_modified, t.c.sitemap_lastmod).where(
            t.c.source_name.in_(list(sources))
        )
    )
    return {url: (etag, last_modified, lastmod) for url, etag, last_modified, lastmod in rows}


def stored_article_urls(conn: sa.Connection, sources: Sequence[str]) -> set[str]:
    t = schema.articles
    return set(conn.scalars(sa.select(t.c.canonical_url).where(t.c.source_name.in_(list(sources)))))
