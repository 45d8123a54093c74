"""Netra's crawler: a Scrapy project over a source registry, and a pure article extractor.

``scrapers.extract.extract(html, url)`` turns one page into an :class:`Article`
(no I/O); ``scrapers.run.crawl(...)`` runs the spiders in a subprocess and loads
what they fetch into the raw tables.
"""
