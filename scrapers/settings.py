"""Scrapy settings, built from Netra's settings (NETRA_* variables).

Politeness is not optional: robots.txt is obeyed, AutoThrottle adapts the pace to
each site, concurrency per site is bounded, the User-Agent names Netra and a
contact URL, and retries back off.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.logformatter import LogFormatter

from netra.config import Settings

USER_AGENT = "NetraBot/0.1 (+{contact}; news monitoring of civil-service election neutrality)"


class QuietLogFormatter(LogFormatter):
    """No per-page "Crawled"/"Scraped" records: at INFO they are filtered out anyway, but only
    after the record is built, and that costs the reactor thread time on every page."""

    def crawled(self, *args: Any, **kwargs: Any) -> Any:
        return super().crawled(*args, **kwargs) if _debug() else None

    def scraped(self, *args: Any, **kwargs: Any) -> Any:
        return super().scraped(*args, **kwargs) if _debug() else None


def _debug() -> bool:
    return logging.getLogger("scrapy").isEnabledFor(logging.DEBUG) and logging.root.level <= logging.DEBUG


def user_agent(settings: Settings) -> str:
    return USER_AGENT.format(contact=settings.crawl_contact_url)


def scrapy_settings(settings: Settings, log_file: str | None = None) -> dict[str, Any]:
    return {
        "BOT_NAME": "netra",
        "USER_AGENT": user_agent(settings),
        "ROBOTSTXT_OBEY": True,
        "ROBOTSTXT_USER_AGENT": "NetraBot",
        "CONCURRENT_REQUESTS": settings.crawl_concurrency,
        "CONCURRENT_REQUESTS_PER_DOMAIN": settings.crawl_concurrency_per_domain,
        # Scrapy starts this many tasks for every callback's output; a callback here yields one item.
        "CONCURRENT_ITEMS": 8,
        "DOWNLOAD_DELAY": settings.crawl_download_delay,
        "RANDOMIZE_DOWNLOAD_DELAY": True,
        "AUTOTHROTTLE_ENABLED": settings.crawl_autothrottle,
        "AUTOTHROTTLE_START_DELAY": max(settings.crawl_download_delay, 0.01),
        "AUTOTHROTTLE_MAX_DELAY": 60.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": float(settings.crawl_concurrency_per_domain),
        "DOWNLOAD_TIMEOUT": settings.crawl_timeout,
        "DOWNLOAD_MAXSIZE": settings.crawl_max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": settings.crawl_retries,
        "RETRY_HTTP_CODES": [429, 500, 502, 503, 504, 522, 524, 408],
        "REDIRECT_MAX_TIMES": 5,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapers.middlewares.DelayMiddleware": 10,
            "scrapers.middlewares.ProxyMiddleware": 740,
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "scrapers.middlewares.BackoffRetryMiddleware": 550,
        },
        # What these spiders never use costs a wrapper per request or per callback output.
        "SPIDER_MIDDLEWARES": {
            "scrapy.spidermiddlewares.referer.RefererMiddleware": None,
            "scrapy.spidermiddlewares.depth.DepthMiddleware": None,
            "scrapy.spidermiddlewares.metacopy.MetaCopyDetectionMiddleware": None,
        },
        "LOG_FORMATTER": "scrapers.settings.QuietLogFormatter",
        "ITEM_PIPELINES": {"scrapers.pipelines.LoadPipeline": 300},
        "NETRA_PROXY": settings.crawl_proxy,
        "NETRA_BACKOFF_SECONDS": settings.crawl_backoff_seconds,
        "NETRA_BATCH_SIZE": settings.crawl_batch_size,
        "LOG_LEVEL": "INFO",
        "LOG_FILE": log_file,
        "LOG_FILE_APPEND": False,
        # The crawl runs in its own process (scrapers.worker); it may install the reactor.
        "TWISTED_REACTOR": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    }
