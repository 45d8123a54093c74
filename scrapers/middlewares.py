"""Downloader middlewares: the configured proxy, and retries that back off.

Scrapy's RetryMiddleware retries at once; a site answering 429 or 503 wants the
crawler to wait. :class:`BackoffRetryMiddleware` tags each retry with a delay
(doubling per attempt, or the server's ``Retry-After`` when longer), and
:class:`DelayMiddleware` waits that long before the retry goes out, without
holding a download slot.
"""

from __future__ import annotations

import asyncio
from typing import Any, Self

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

MAX_DELAY = 120.0


class ProxyMiddleware:
    """Send every request through ``NETRA_PROXY`` (how the demo sites on 127.0.0.1 are reached)."""

    def __init__(self, proxy: str) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        proxy = crawler.settings.get("NETRA_PROXY")
        if not proxy:
            raise NotConfigured
        return cls(proxy)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        request.meta.setdefault("proxy", self.proxy)


class BackoffRetryMiddleware(RetryMiddleware):
    """RetryMiddleware whose retries carry an exponential back-off delay."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        mw = super().from_crawler(crawler)
        mw.backoff = crawler.settings.getfloat("NETRA_BACKOFF_SECONDS", 2.0)
        return mw

    def process_response(self, request: Request, response: Response, spider: Spider | None = None) -> Any:
        if response.status in self.retry_http_codes and not request.meta.get("dont_retry"):
            retry_after = response.headers.get("Retry-After")
            if retry_after and retry_after.strip().isdigit():
                request.meta["netra_retry_after"] = float(retry_after.strip())
            context = getattr(self.crawler.spider, "context", None)
            if context is not None:
                context.stats[f"retried_http_{response.status}"] += 1
        return super().process_response(request, response)

    def _retry(self, request: Request, reason: Any) -> Request | None:
        retry = super()._retry(request, reason)
        if retry is not None:
            attempt = retry.meta.get("retry_times", 1)
            delay = min(MAX_DELAY, self.backoff * 2 ** (attempt - 1))
            delay = max(delay, float(request.meta.get("netra_retry_after", 0.0)))
            retry.meta["netra_delay"] = delay
        return retry


class DelayMiddleware:
    """Wait ``request.meta['netra_delay']`` seconds before a request goes out."""

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        delay = request.meta.pop("netra_delay", 0.0)
        if delay:
            await asyncio.sleep(delay)
