"""Listing discovery: section and index pages, followed page by page.

Pagination is either a numbered query parameter (``?page=2``) or a "next" link
found with a CSS selector. An incremental crawl stops paging once a listing page
that an earlier, finished crawl stored brings no article it does not already have.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import scrapy
from scrapy.http import Response

from scrapers.extract import canonicalize, normalize
from scrapers.registry import Listing, Source
from scrapers.spiders.base import NetraSpider


def with_page(url: str, param: str, page: int) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != param]
    query.append((param, str(page)))
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), ""))


class ListingSpider(NetraSpider):
    name = "listing"

    def discover(self, source: Source) -> Iterator[scrapy.Request]:
        for index, listing in enumerate(source.discovery.listings):
            yield self.endpoint_request(listing.url, source, self.parse_listing, listing=index, page_no=1)

    def parse_listing(self, response: Response) -> Iterator[Any]:
        if self.not_modified(response):
            return
        ctx = self.context
        source = ctx.sources[response.meta["source"]]
        listing: Listing = source.discovery.listings[response.meta["listing"]]
        page_no = response.meta["page_no"]
        yield self.endpoint_page(response, "listing")
        fresh = 0
        for href in response.css("a::attr(href)").getall():
            url = urljoin(response.url, href.strip())
            if not source.is_article_url(url):
                continue
            # Articles already stored would be skipped anyway: they only tell whether to page on.
            if canonicalize(url) not in ctx.known:
                fresh += 1
            if (request := self.article_request(url, source)) is not None:
                yield request
        # Caught up: nothing new here, and a finished crawl stored this listing page before. After
        # an interrupted crawl the listing pages are unknown, so paging goes on to what it missed.
        caught_up = fresh == 0 and normalize(response.url) in ctx.known
        if page_no >= listing.max_pages or caught_up:
            return
        next_url = None
        if listing.page_param:
            next_url = with_page(listing.url, listing.page_param, page_no + 1)
        elif listing.next_selector:
            found = response.css(listing.next_selector).get()
            next_url = urljoin(response.url, found.strip()) if found else None
        if next_url and normalize(next_url) != normalize(response.url):
            yield self.endpoint_request(
                next_url, source, self.parse_listing, listing=response.meta["listing"], page_no=page_no + 1
            )
