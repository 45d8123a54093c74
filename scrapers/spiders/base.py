"""What every discovery spider shares: polite, incremental article fetching and page merging.

An article URL is fetched only when it is not stored yet, or its lastmod is newer
than the one it was stored for; a refetch is a conditional GET. Article pages
go to the extraction pool; a paged article (``?page=2``) is fetched page by page
and merged before it is stored. Every failure becomes a typed error.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.error import (
    ConnectError,
    ConnectionRefusedError,
    DNSLookupError,
    TCPTimedOutError,
    TimeoutError,
)
from twisted.python.failure import Failure

from netra.loaders.articles import PageRow
from scrapers.assemble import article_row, assemble
from scrapers.context import CrawlContext, Known
from scrapers.extract import canonicalize, normalize
from scrapers.items import PageItem, TouchItem
from scrapers.pool import Extracted
from scrapers.registry import Source

HTML_TYPES = ("text/html", "application/xhtml+xml")
# Failures worth another try in a later crawl; the others are final (a PDF stays a PDF).
RETRYABLE = frozenset(
    {"timeout", "connection", "dns", "fetch_failed", "http_429", "http_500", "http_502", "http_503", "http_504",
     "http_522", "http_524", "http_408"}
)  # fmt: skip


def classify_failure(failure: Failure) -> tuple[str, str]:
    """A typed error kind and a message for a failed request."""
    exc = failure.value
    if isinstance(exc, HttpError):
        return f"http_{exc.response.status}", f"HTTP {exc.response.status}"
    if isinstance(exc, (DownloadTimeoutError, TimeoutError, TCPTimedOutError)):
        return "timeout", str(exc) or "timed out"
    if isinstance(exc, DownloadCancelledError):
        return "too_large", str(exc)
    if isinstance(exc, IgnoreRequest):
        text = str(exc)
        if "redirect" in text:
            return "redirect_loop", text
        if "robots" in text.lower():
            return "robots_disallowed", text
        return "ignored", text
    if isinstance(exc, DNSLookupError):
        return "dns", str(exc)
    if isinstance(exc, (ConnectionRefusedError, ConnectError)):
        return "connection", str(exc)
    name = type(exc).__name__
    if "Timeout" in name:
        return "timeout", str(exc) or name
    if "MaxSize" in name or ("size" in str(exc).lower() and "exceed" in str(exc).lower()):
        return "too_large", str(exc)
    return "fetch_failed", f"{name}: {exc}"


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


class NetraSpider(scrapy.Spider):
    """Base of the discovery spiders; subclasses implement :meth:`discover`."""

    name = "netra"

    def __init__(self, context: CrawlContext, sources: list[Source], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.netra_sources = sources
        self.allowed_domains = sorted({d for s in sources for d in s.domains})

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NetraSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.on_spider_error, signal=signals.spider_error)
        return spider

    def on_spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        """A bug in a callback is a counted error too, never a silent gap."""
        source = response.meta.get("source") if response is not None else None
        url = response.url if response is not None else None
        self.context.error("spider_error", url, source, f"{type(failure.value).__name__}: {failure.value}")

    # -- discovery -------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for source in self.netra_sources:
            # URLs that failed with a transient error in an earlier crawl: discovery documents
            # answering 304 would never list them again.
            for url in self.context.retry_urls.pop(source.name, []):
                if (request := self.article_request(url, source)) is not None:
                    self.context.stats["retried_from_earlier_runs"] += 1
                    yield request
            for request in self.discover(source):
                yield request

    def discover(self, source: Source) -> Iterator[scrapy.Request]:
        raise NotImplementedError

    def endpoint_request(self, url: str, source: Source, callback: Any, **meta: Any) -> scrapy.Request:
        """A discovery document (sitemap, feed, listing), fetched conditionally when known."""
        headers = self._validators(normalize(url))
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=headers,
            dont_filter=True,
            meta={"source": source.name, "handle_httpstatus_list": [304], **meta},
        )

    def _validators(self, canonical: str) -> dict[str, str]:
        known = self.context.known.get(canonical)
        headers: dict[str, str] = {}
        if known is not None:
            if known.etag:
                headers["If-None-Match"] = known.etag
            if known.last_modified:
                headers["If-Modified-Since"] = known.last_modified
        return headers

    def endpoint_page(self, response: Response, kind: str) -> PageItem:
        """The discovery document as a page row (its validators make the next fetch conditional)."""
        self.context.stats["pages_fetched"] += 1
        self.context.stats[f"{kind}_fetched"] += 1
        return PageItem(
            source=response.meta["source"],
            pages=[
                PageRow(
                    url=normalize(response.url),
                    source_name=response.meta["source"],
                    http_status=response.status,
                    page_kind=kind,
                    content_type=_header(response, "Content-Type"),
                    etag=_header(response, "ETag"),
                    last_modified=_header(response, "Last-Modified"),
                    size_bytes=len(response.body),
                )
            ],
        )

    def not_modified(self, response: Response) -> bool:
        if response.status != 304:
            return False
        self.context.stats["pages_not_modified"] += 1
        return True

    def article_request(
        self, url: str, source: Source, lastmod: datetime | None = None, published: datetime | None = None
    ) -> scrapy.Request | None:
        """A request for an article page, or None when it is stored and unchanged (or too old).

        ``lastmod`` (when the page last changed) decides whether a stored page is fetched
        again; ``published`` only serves ``--since``. A stored page whose lastmod was never
        recorded is revalidated once with a conditional GET, which records it.
        """
        ctx = self.context
        if not source.is_article_url(url):
            ctx.stats["links_not_articles"] += 1
            return None
        canonical = canonicalize(url)
        if canonical in ctx.scheduled:
            return None
        dated = lastmod or published
        if ctx.since is not None and dated is not None and dated.date() < ctx.since:
            ctx.stats["skipped_before_since"] += 1
            return None
        known = ctx.known.get(canonical)
        if known is not None and not (lastmod and (known.lastmod is None or lastmod > known.lastmod)):
            ctx.stats["skipped_known"] += 1
            return None
        ctx.scheduled.add(canonical)
        headers = self._validators(canonical) if known is not None else {}
        return scrapy.Request(
            url,
            callback=self.parse_article,
            errback=self.on_error,
            headers=headers,
            dont_filter=True,
            meta={
                "source": source.name,
                "lastmod": lastmod,
                "published": published,
                "canonical": canonical,
                "handle_httpstatus_list": [304],
                "parts": [],
                "page_no": 1,
            },
        )

    # -- articles --------------------------------------------------------------------
    async def parse_article(self, response: Response) -> AsyncIterator[Any]:
        ctx = self.context
        meta = response.meta
        source = ctx.sources[meta["source"]]
        if self.not_modified(response):
            yield TouchItem(source=source.name, url=meta["canonical"], lastmod=meta.get("lastmod"))
            return
        ctx.stats["pages_fetched"] += 1
        ctx.stats["article_pages_fetched"] += 1
        content_type = _header(response, "Content-Type")
        if content_type and content_type.split(";")[0].strip().lower() not in HTML_TYPES:
            ctx.error(
                "not_html", response.url, source.name, f"content type {content_type}", meta.get("lastmod")
            )
            return
        try:
            extracted: Extracted = await ctx.extract(
                response.body, response.url, content_type, tuple(source.cleanup_selectors)
            )
        except Exception as exc:  # extraction crashed on this page: count it, keep crawling
            ctx.error("extract_failed", response.url, source.name, f"{type(exc).__name__}: {exc}")
            return
        ctx.stats["extract_seconds"] += extracted.seconds
        ctx.stats["download_seconds"] += float(meta.get("download_latency", 0.0))
        if extracted.malformed:
            ctx.error(
                "malformed_html",
                response.url,
                source.name,
                "body is not a usable HTML document",
                meta.get("lastmod"),
            )
            return
        if extracted.charset_mismatch:
            ctx.error(
                "charset_mismatch",
                response.url,
                source.name,
                f"declared {extracted.declared_charset}, decoded as {extracted.encoding}",
            )
        parts: list[tuple[Extracted, Response]] = [*meta["parts"], (extracted, response)]
        result = extracted.result
        next_url = result.next_page_url if result is not None else None
        paging = source.paging
        if (
            paging is not None
            and result is not None
            and result.article is not None
            and next_url
            and canonicalize(next_url) == meta["canonical"]
            and meta["page_no"] < paging.max_pages
            and all(p.url != next_url for p, _ in parts)
        ):
            ctx.stats["article_next_pages"] += 1
            yield response.request.replace(
                url=next_url,
                headers={},
                meta={**meta, "parts": parts, "page_no": meta["page_no"] + 1},
                errback=self.on_error,
            )
            return
        yield self._item(source, meta, parts)

    def _item(
        self, source: Source, meta: dict[str, Any], parts: list[tuple[Extracted, Response]]
    ) -> PageItem:
        ctx = self.context
        lastmod = meta.get("lastmod")
        pages: list[PageRow] = []
        articles = []
        for extracted, response in parts:
            result = extracted.result
            kind = result.kind if result is not None else "other"
            pages.append(
                PageRow(
                    url=meta["canonical"] if not pages else normalize(response.url),
                    source_name=source.name,
                    http_status=response.status,
                    page_kind=kind,
                    content_type=_header(response, "Content-Type"),
                    encoding=extracted.encoding,
                    etag=_header(response, "ETag"),
                    last_modified=_header(response, "Last-Modified"),
                    sitemap_lastmod=lastmod,
                    html_gz=extracted.html_gz,
                    html_sha256=extracted.sha256,
                    size_bytes=extracted.size,
                )
            )
            if result is not None and result.article is not None:
                articles.append(result.article)
        row = None
        merged = assemble(articles)
        if merged is not None:
            ctx.saw(source.name, lastmod or meta.get("published") or merged.published_at)
            row = article_row(
                meta["canonical"],
                source.name,
                merged,
                pages=[p.url for p in pages],
                fetched_for_lastmod=lastmod.isoformat() if lastmod else None,
            )
        else:
            kind = pages[0].page_kind
            ctx.stats[f"not_article_{kind}"] += 1
        return PageItem(source=source.name, pages=pages, article=row, lastmod=lastmod)

    # -- failures --------------------------------------------------------------------
    def on_error(self, failure: Failure) -> Iterator[Any]:
        ctx = self.context
        request = failure.request  # type: ignore[attr-defined]
        meta = request.meta
        kind, message = classify_failure(failure)
        source = meta.get("source")
        if kind == "robots_disallowed":
            ctx.stats["robots_disallowed"] += 1
            return
        if kind == "http_404" and meta.get("page_no", 1) > 1 and "listing" in meta:
            ctx.stats["listing_ends"] += 1  # numbered listings end with a 404
            return
        ctx.error(kind, request.url, source, message, meta.get("lastmod") if kind in RETRYABLE else None)
        # A later page of a paged article failed: keep the pages we have.
        parts = meta.get("parts") or []
        if parts and source in ctx.sources:
            yield self._item(ctx.sources[source], meta, parts)


def http_date(value: datetime) -> str:
    return format_datetime(value.astimezone(UTC), usegmt=True)


def known_from_row(etag: str | None, last_modified: str | None, lastmod: datetime | None) -> Known:
    return Known(etag=etag, last_modified=last_modified, lastmod=lastmod)
