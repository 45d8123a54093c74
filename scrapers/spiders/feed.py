"""Feed discovery: RSS 2.0 and Atom feeds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from scrapers.discovery import parse_feed
from scrapers.registry import Source
from scrapers.spiders.base import NetraSpider


class FeedSpider(NetraSpider):
    name = "feed"

    def discover(self, source: Source) -> Iterator[scrapy.Request]:
        for url in source.discovery.feeds:
            yield self.endpoint_request(url, source, self.parse_feed)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        if self.not_modified(response):
            return
        source = self.context.sources[response.meta["source"]]
        yield self.endpoint_page(response, "feed")
        for entry in parse_feed(response.body, response.url):
            if (
                request := self.article_request(entry.url, source, entry.lastmod, entry.published)
            ) is not None:
                yield request
