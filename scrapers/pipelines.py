"""The load pipeline: items into the raw tables in batches, written off the reactor thread.

All spiders of a crawl share one :class:`BatchLoader`, so a batch mixes items from
every discovery strategy. Each batch (pages, articles, 304 touches, errors) is
one transaction: a crawl killed halfway keeps every batch it committed, and the
next crawl skips what they stored.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any, Self

import sqlalchemy as sa
from scrapy.crawler import Crawler

from netra.db import schema
from netra.loaders.articles import ArticleRow, PageRow, load_articles, load_pages
from netra.loaders.crawl_runs import record_errors, update_counts
from scrapers.context import CrawlContext, Known
from scrapers.items import PageItem, TouchItem

ENDPOINT_KINDS = frozenset({"sitemap", "feed", "listing"})


class BatchLoader:
    def __init__(self, engine: sa.Engine, context: CrawlContext, batch_size: int) -> None:
        self.engine = engine
        self.context = context
        self.batch_size = batch_size
        self.buffer: list[PageItem | TouchItem] = []
        # Discovery documents (sitemaps, feeds, listings) wait for the end of the crawl: their
        # validators make the next crawl's requests conditional, and a 304 must only ever hide
        # articles a finished crawl has stored (see write_endpoints).
        self.endpoints: list[PageItem] = []
        self.article_ids: set[int] = set()
        self._lock = asyncio.Lock()

    async def add(self, item: PageItem | TouchItem) -> None:
        if isinstance(item, PageItem) and item.article is None and item.pages[0].page_kind in ENDPOINT_KINDS:
            self.endpoints.append(item)
            return
        self.buffer.append(item)
        if len(self.buffer) >= self.batch_size:
            await self.flush()

    async def flush(self) -> None:
        async with self._lock:
            batch, self.buffer = self.buffer, []
            errors, self.context.pending_errors = self.context.pending_errors, []
            if batch or errors:
                await asyncio.to_thread(self.write, batch, errors)

    def flush_sync(self) -> None:
        batch, self.buffer = self.buffer, []
        errors, self.context.pending_errors = self.context.pending_errors, []
        if batch or errors:
            self.write(batch, errors)

    def write(self, batch: list[PageItem | TouchItem], errors: list[Any]) -> None:
        started = time.perf_counter()
        ctx = self.context
        pages: list[PageRow] = []
        articles: list[ArticleRow] = []
        touches: list[TouchItem] = []
        for item in batch:
            if isinstance(item, TouchItem):
                touches.append(item)
                continue
            pages.extend(item.pages)
            if item.article is not None:
                articles.append(item.article)
        with self.engine.begin() as conn:
            page_ids = load_pages(conn, ctx.run_id, pages)
            counts = load_articles(conn, page_ids, articles)
            self._touch(conn, touches)
            record_errors(conn, ctx.run_id, errors)
            ctx.stats["articles_new"] += counts.articles_new
            ctx.stats["articles_updated"] += counts.articles_updated
            ctx.stats["articles_unchanged"] += counts.articles_unchanged
            update_counts(conn, ctx.run_id, ctx.stats, ctx.errors)
        self.article_ids.update(counts.article_ids)
        for page in pages:
            ctx.known[page.url] = Known(page.etag, page.last_modified, page.sitemap_lastmod)
        ctx.stats["load_seconds"] += time.perf_counter() - started

    def write_endpoints(self) -> None:
        """Store the discovery documents of a crawl that ran to its end (and was not --since-limited)."""
        pages = [page for item in self.endpoints for page in item.pages]
        self.endpoints = []
        if pages:
            with self.engine.begin() as conn:
                load_pages(conn, self.context.run_id, pages)

    def _touch(self, conn: sa.Connection, touches: list[TouchItem]) -> None:
        t = schema.pages
        for touch in touches:
            if touch.lastmod is not None:
                conn.execute(
                    sa.update(t)
                    .where(t.c.url == touch.url)
                    .values(
                        sitemap_lastmod=sa.func.greatest(
                            sa.func.coalesce(t.c.sitemap_lastmod, touch.lastmod), touch.lastmod
                        )
                    )
                )


class LoadPipeline:
    """Hands every item to the crawl's shared :class:`BatchLoader`."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        return cls(crawler)

    def _loader(self) -> BatchLoader:
        return self.crawler.spider.context.loader  # type: ignore[union-attr]

    async def process_item(self, item: Any) -> Any:
        if isinstance(item, (PageItem, TouchItem)):
            await self._loader().add(item)
        return item

    async def close_spider(self) -> None:
        await self._loader().flush()
