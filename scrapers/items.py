"""What spiders hand to the load pipeline."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from netra.loaders.articles import ArticleRow, PageRow


@dataclass
class PageItem:
    """Fetched pages (one article's pages, or one sitemap/feed/listing) and the article they make."""

    source: str
    pages: list[PageRow]
    article: ArticleRow | None = None
    lastmod: datetime | None = None


@dataclass
class TouchItem:
    """A page that answered 304 Not Modified: remember the lastmod it was checked for."""

    source: str
    url: str
    lastmod: datetime | None = None
    extra: dict[str, str] = field(default_factory=dict)
