"""The extracted article: what ``extract(html, url)`` returns and the loaders store."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any, Literal

PageKind = Literal["article", "listing", "other"]

# Bumped whenever extraction changes what it returns, so `netra reextract` can tell
# which stored articles an older extractor produced.
EXTRACTOR_VERSION = "netra-extract-2"


@dataclass
class Article:
    """One news article as extracted from its page(s)."""

    url: str
    canonical_url: str
    title: str | None
    author: str | None
    published_at: datetime | None
    section: str | None
    tags: list[str]
    language: str | None
    text: str
    syndicated_from_outlet: str | None = None
    syndicated_from_url: str | None = None
    page_kind: PageKind = "article"
    description: str | None = None
    # Every page URL merged into this article, in order (one for single-page articles).
    pages: list[str] = field(default_factory=list)
    # Which rule found the publication date (jsonld, meta, byline, trafilatura, htmldate).
    date_source: str | None = None
    next_page_url: str | None = None
    extractor_version: str = EXTRACTOR_VERSION

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data
