"""From fetched pages to the stored article: one path for the crawl and for re-extraction.

The crawler (:mod:`scrapers.spiders.base`, through the extraction pool) and
``netra reextract`` (:mod:`scrapers.reextract`, from stored raw HTML) both decode a
page body, check it is a usable HTML document, extract it with the source's cleanup
selectors, merge the pages of a paged article and build the ``raw.articles`` row;
these functions are those steps, so both give the same article for the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from netra.loaders.articles import ArticleRow
from scrapers.article import Article
from scrapers.encoding import Decoded, decode_html
from scrapers.extract import PageResult, canonicalize, extract_page, merge_pages

# More than this share of control or replacement characters: not a usable HTML document.
MALFORMED_SHARE = 0.005
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffd]")


@dataclass
class PageRead:
    """One page body decoded and extracted (``result`` is None for a malformed body)."""

    decoded: Decoded
    result: PageResult | None
    malformed: bool


def _malformed(text: str) -> bool:
    if not text.strip():
        return True
    return len(_BAD_CHARS.findall(text)) > MALFORMED_SHARE * len(text)


def read_page(body: bytes, url: str, content_type: str | None, selectors: Sequence[str] = ()) -> PageRead:
    """Decode (declared charset checked against the bytes), reject malformed bodies, extract."""
    decoded = decode_html(body, content_type)
    malformed = _malformed(decoded.text)
    result = None if malformed else extract_page(decoded.text, url, cleanup_selectors=selectors)
    if (
        result is not None
        and result.article is None
        and result.kind == "other"
        and "<html" not in decoded.text[:2000].lower()
    ):
        malformed = True
    return PageRead(decoded, result, malformed)


def assemble(parts: Sequence[Article]) -> Article | None:
    """The article of a page or of a paged article's pages, in order (None: no page had one)."""
    if not parts:
        return None
    return merge_pages(parts) if len(parts) > 1 else parts[0]


def article_row(
    canonical: str,
    source: str | None,
    article: Article,
    *,
    pages: list[str],
    fetched_for_lastmod: str | None,
) -> ArticleRow:
    """The ``raw.articles`` row of an article stored under ``canonical``, merged from ``pages``."""
    return ArticleRow(
        canonical_url=canonical,
        source_name=source,
        page_url=pages[0] if pages else canonical,
        title=article.title,
        author=article.author,
        published_at=article.published_at,
        section=article.section,
        tags=article.tags,
        language=article.language,
        text=article.text,
        syndicated_from_outlet=article.syndicated_from_outlet,
        syndicated_from_url=canonicalize(article.syndicated_from_url)
        if article.syndicated_from_url
        else None,
        extractor_version=article.extractor_version,
        metadata={
            "pages": pages,
            "date_source": article.date_source,
            "description": article.description,
            "fetched_for_lastmod": fetched_for_lastmod,
        },
    )
