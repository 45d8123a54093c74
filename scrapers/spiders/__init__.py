"""One spider per discovery strategy (sitemaps, feeds, listings), each parameterised by sources."""

from scrapers.spiders.feed import FeedSpider
from scrapers.spiders.listing import ListingSpider
from scrapers.spiders.sitemap import SitemapSpider

SPIDERS = {"sitemap": SitemapSpider, "feed": FeedSpider, "listing": ListingSpider}

__all__ = ["SPIDERS", "FeedSpider", "ListingSpider", "SitemapSpider"]
