"""Page metadata from JSON-LD and meta tags: cheap lookups on the parsed tree.

JSON-LD (schema.org NewsArticle) is the most reliable source on Indonesian news
sites; Open Graph / ``article:*`` meta tags come next. trafilatura's own
metadata extraction (and htmldate inside it) is only consulted by the caller
when these say nothing, because it costs more than the text extraction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

ARTICLE_TYPES = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
    }
)
LISTING_TYPES = frozenset(
    {"CollectionPage", "ItemList", "SearchResultsPage", "WebSite", "SiteNavigationElement"}
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class PageMeta:
    """What the page says about itself in structured data."""

    jsonld_types: set[str] = field(default_factory=set)
    title: str | None = None
    author: str | None = None
    published: str | None = None
    modified: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str | None = None
    canonical: str | None = None
    description: str | None = None
    og_type: str | None = None
    site_name: str | None = None
    published_source: str | None = None


def _objects(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _objects(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    value = obj.get("@type")
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def _string_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if isinstance(value, list):
        return [v.strip() for v in value if isinstance(v, str) and v.strip()]
    return []


def _first_str(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list):
        for item in value:
            if isinstance(item, str) and item.strip():
                return item.strip()
    if isinstance(value, dict):
        return _first_str(value.get("@id") or value.get("url"))
    return None


def _jsonld(tree: HtmlElement, meta: PageMeta) -> None:
    article: dict[str, Any] | None = None
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        raw = _CONTROL.sub(" ", script.text or "")
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # a broken JSON-LD block is common; the meta tags still count
        for obj in _objects(data):
            types = _types(obj)
            meta.jsonld_types |= types
            if article is None and types & ARTICLE_TYPES:
                article = obj
    if article is None:
        return
    meta.title = _first_str(article.get("headline")) or _first_str(article.get("name"))
    # An Organization as author is the outlet itself, not a reporter.
    people = article.get("author")
    if isinstance(people, dict) and people.get("@type") == "Organization":
        people = None
    elif isinstance(people, list):
        people = [p for p in people if not (isinstance(p, dict) and p.get("@type") == "Organization")]
    authors = _names(people)
    meta.author = ", ".join(dict.fromkeys(authors)) or None
    meta.published = _first_str(article.get("datePublished"))
    if meta.published:
        meta.published_source = "jsonld"
    meta.modified = _first_str(article.get("dateModified"))
    meta.section = _first_str(article.get("articleSection"))
    meta.tags = _string_list(article.get("keywords"))
    meta.language = _first_str(article.get("inLanguage"))
    meta.canonical = _first_str(article.get("mainEntityOfPage")) or _first_str(article.get("url"))
    meta.description = _first_str(article.get("description"))


def _meta_tags(tree: HtmlElement) -> dict[str, list[str]]:
    tags: dict[str, list[str]] = {}
    for el in tree.iterfind(".//meta"):
        key = (
            el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or ""
        ).lower()
        content = (el.get("content") or "").strip()
        if key and content:
            tags.setdefault(key, []).append(content)
    return tags


PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "content_publishdate",
)


def read_meta(tree: HtmlElement, url: str) -> PageMeta:
    """JSON-LD first, then meta tags for whatever JSON-LD left empty."""
    meta = PageMeta()
    _jsonld(tree, meta)
    tags = _meta_tags(tree)

    def first(*keys: str) -> str | None:
        for key in keys:
            if tags.get(key):
                return tags[key][0]
        return None

    meta.og_type = (first("og:type") or "").lower() or None
    meta.site_name = first("og:site_name")
    meta.title = meta.title or first("og:title", "twitter:title")
    meta.author = meta.author or first("author", "article:author", "dc.creator")
    if not meta.published:
        meta.published = first(*PUBLISHED_META)
        if meta.published:
            meta.published_source = "meta"
    meta.section = meta.section or first("article:section")
    if not meta.tags:
        meta.tags = tags.get("article:tag", []) or _string_list(first("news_keywords", "keywords"))
    meta.description = meta.description or first("description", "og:description")
    html_lang = tree.get("lang") if tree.tag == "html" else None
    meta.language = meta.language or html_lang or first("content-language", "og:locale", "language")
    link = tree.find(".//link[@rel='canonical']")
    canonical = link.get("href") if link is not None else None
    meta.canonical = canonical or first("og:url") or meta.canonical
    if meta.canonical:
        meta.canonical = urljoin(url, meta.canonical.strip())
    if meta.title is None:
        title = tree.findtext(".//title")
        meta.title = title.strip() if title and title.strip() else None
    return meta


def normalise_language(value: str | None) -> str | None:
    """``id_ID``, ``id-ID``, ``in`` and ``Indonesian`` all become ``id``."""
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return {"in": "id", "ind": "id", "indonesian": "id", "bahasa": "id", "english": "en", "eng": "en"}.get(
        code, code
    )[:8] or None
