"""Parsing discovery documents: sitemap indexes, (news) sitemaps, RSS and Atom feeds.

Each yields entries (URL plus the freshest date the document gives: ``lastmod``,
the news sitemap's publication date, the feed item's ``updated``/``pubDate``),
which the spiders compare with what is stored to fetch only what changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from io import BytesIO
from urllib.parse import urljoin

from lxml import etree

from scrapers.dates import parse_iso


@dataclass(frozen=True)
class Entry:
    """A discovered URL. ``lastmod`` is when it last changed (sitemap lastmod, Atom updated);
    ``published`` when it first appeared (news sitemap, RSS pubDate)."""

    url: str
    lastmod: datetime | None
    is_sitemap: bool = False
    published: datetime | None = None


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    parsed = parse_iso(value)
    if parsed is not None:
        return parsed
    try:
        return parsedate_to_datetime(value)  # RFC 822, as RSS writes pubDate
    except (TypeError, ValueError, IndexError):
        return None


def _parse(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        return etree.parse(BytesIO(body), parser).getroot()
    except etree.XMLSyntaxError:
        return None


def parse_sitemap(body: bytes, base_url: str) -> Iterator[Entry]:
    """Entries of a sitemap index (child sitemaps) or urlset (pages, news sitemaps included)."""
    root = _parse(body)
    if root is None:
        return
    kind = _local(root.tag)
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc, lastmod, published = None, None, None
        for child in node.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and loc is None:
                loc = text
            elif name == "lastmod" and text:
                lastmod = _date(text)
            elif name == "publication_date" and text:
                published = _date(text)
        if loc:
            yield Entry(
                urljoin(base_url, loc), lastmod, is_sitemap=kind == "sitemapindex", published=published
            )


def parse_feed(body: bytes, base_url: str) -> Iterator[Entry]:
    """Items of an RSS 2.0 or Atom feed."""
    root = _parse(body)
    if root is None:
        return
    for node in root.iter():
        name = _local(node.tag)
        if name not in ("item", "entry"):
            continue
        link, updated, published = None, None, None
        for child in node:
            cname = _local(child.tag)
            if cname == "link":
                href = child.get("href")
                rel = child.get("rel", "alternate")
                if href and rel == "alternate":
                    link = href
                elif not href and (child.text or "").strip():
                    link = child.text.strip()
            elif cname == "guid" and link is None and child.get("isPermaLink", "true") == "true":
                link = (child.text or "").strip() or None
            elif cname in ("updated", "modified"):
                updated = _date(child.text)
            elif cname in ("pubdate", "published", "date"):
                published = _date(child.text)
        if link:
            yield Entry(urljoin(base_url, link), updated, published=published)
