"""Sitemap discovery: sitemap indexes, sitemaps and news sitemaps (and robots.txt's Sitemap lines)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response

from scrapers.discovery import parse_sitemap
from scrapers.registry import Source
from scrapers.spiders.base import NetraSpider


class SitemapSpider(NetraSpider):
    name = "sitemap"

    def discover(self, source: Source) -> Iterator[scrapy.Request]:
        for url in source.discovery.sitemaps:
            yield self.endpoint_request(url, source, self.parse_sitemap)
        if source.discovery.robots_sitemaps:
            yield self.endpoint_request(urljoin(source.homepage, "/robots.txt"), source, self.parse_robots)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        if self.not_modified(response):
            return
        source = self.context.sources[response.meta["source"]]
        for line in response.text.splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() == "sitemap" and value.strip():
                yield self.endpoint_request(urljoin(response.url, value.strip()), source, self.parse_sitemap)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if self.not_modified(response):
            return
        ctx = self.context
        source = ctx.sources[response.meta["source"]]
        yield self.endpoint_page(response, "sitemap")
        watermark = ctx.watermarks.get(source.name)
        for entry in parse_sitemap(response.body, response.url):
            if entry.is_sitemap:
                # A child sitemap last changed before the watermark holds nothing new.
                if watermark is not None and entry.lastmod is not None and entry.lastmod <= watermark:
                    ctx.stats["sitemaps_below_watermark"] += 1
                    continue
                yield self.endpoint_request(entry.url, source, self.parse_sitemap)
            elif (
                request := self.article_request(entry.url, source, entry.lastmod, entry.published)
            ) is not None:
                yield request
