"""State one crawl shares across its spiders: what is stored, what is scheduled, what happened.

All spiders of a crawl run in one reactor thread, so plain sets and counters are
safe; the extraction pool and the database writes run elsewhere.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from netra.loaders.crawl_runs import CrawlError

if TYPE_CHECKING:
    from scrapers.pool import Extracted, ExtractionPool
    from scrapers.registry import Source


@dataclass
class Known:
    """What an earlier crawl stored about a URL: its validators and the lastmod it was fetched for."""

    etag: str | None
    last_modified: str | None
    lastmod: datetime | None


@dataclass
class CrawlContext:
    run_id: int
    sources: dict[str, Source]
    since: date | None
    known: dict[str, Known]
    pool: ExtractionPool
    watermarks: dict[str, datetime | None] = field(default_factory=dict)
    scheduled: set[str] = field(default_factory=set)
    stats: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    pending_errors: list[CrawlError] = field(default_factory=list)
    # Newest lastmod processed per source, and the oldest lastmod that failed (the watermark stays below it).
    newest: dict[str, datetime] = field(default_factory=dict)
    oldest_failure: dict[str, datetime] = field(default_factory=dict)
    retry_urls: dict[str, list[str]] = field(default_factory=dict)
    loader: Any = None  # scrapers.pipelines.BatchLoader, shared by every spider of the crawl

    def error(
        self, kind: str, url: str | None, source: str | None, message: str, lastmod: datetime | None = None
    ) -> None:
        self.errors[kind] += 1
        self.pending_errors.append(CrawlError(kind=kind, url=url, source_name=source, message=message))
        if source and lastmod is not None:
            current = self.oldest_failure.get(source)
            self.oldest_failure[source] = lastmod if current is None else min(current, lastmod)

    def saw(self, source: str, stamp: datetime | None) -> None:
        if stamp is not None and (source not in self.newest or stamp > self.newest[source]):
            self.newest[source] = stamp

    def new_watermark(self, source: str) -> datetime | None:
        newest = self.newest.get(source)
        failed = self.oldest_failure.get(source)
        if newest is None:
            return None
        if failed is not None and failed <= newest:
            return None  # keep the old watermark: a failed URL must be retried next time
        return newest

    async def extract(
        self, body: bytes, url: str, content_type: str | None, selectors: tuple[str, ...]
    ) -> Extracted:
        """Extract in the pool, off the reactor thread."""
        return await self.pool.extract(body, url, content_type, selectors)
