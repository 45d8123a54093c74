"""``extract(html, url) -> Article | None``: one page in, one article out, no I/O.

Steps: parse once; read JSON-LD and meta tags; find and drop the syndication
line; strip boilerplate the generic extractor would keep (:mod:`scrapers.cleanup`);
let trafilatura pick the main text from what is left; fill the date by the
first rule that gives one (JSON-LD, meta tags, the Indonesian byline,
trafilatura's metadata, htmldate). Listing and index pages return None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import trafilatura
from lxml.html import HtmlElement

from scrapers.article import Article, PageKind
from scrapers.cleanup import clean_tree
from scrapers.dates import localize, parse_indonesian, parse_iso
from scrapers.encoding import decode_html
from scrapers.metadata import ARTICLE_TYPES, LISTING_TYPES, PageMeta, normalise_language, read_meta
from scrapers.syndication import find_and_remove

__all__ = ["Article", "PageResult", "canonicalize", "extract", "extract_page", "merge_pages"]

# Query parameters that page through one article or track clicks; never part of its identity.
PAGING_PARAMS = frozenset(
    {"page", "halaman", "hal", "amp", "utm_source", "utm_medium", "utm_campaign", "fbclid"}
)
MIN_ARTICLE_CHARS = 200
_BYLINE_HINT = re.compile(r"date|time|tanggal|waktu|byline|author|penulis|meta|publish|posted|info", re.I)
_AUTHOR_LINE = re.compile(
    r"^\s*(?:oleh|penulis|reporter|wartawan|ditulis\s+oleh|by)\s*:?\s*(?P<name>[A-Z][\w.'’ -]{2,60}?)\s*(?:\||,|-\s|$)",
    re.I,
)
_SITE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,40}$")
_ID_WORDS = frozenset("yang dan di itu dengan untuk dari tidak ini dalam pada akan juga kata".split())
_EN_WORDS = frozenset("the and of to in is that for with was said".split())


@dataclass
class PageResult:
    """What one page is: an article (with its extraction) or a listing/other page."""

    kind: PageKind
    article: Article | None
    canonical_url: str
    next_page_url: str | None = None


def canonicalize(url: str) -> str:
    """The natural key of a page: courlan-normalised, without paging or tracking parameters."""
    from courlan import normalize_url

    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGING_PARAMS
    ]
    url = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))
    try:
        return normalize_url(url, strict=True)
    except (ValueError, AttributeError):
        return url


def _same_site(a: str, b: str) -> bool:
    ha, hb = urlsplit(a).hostname or "", urlsplit(b).hostname or ""
    strip = lambda h: h[4:] if h.startswith("www.") else h  # noqa: E731
    return strip(ha) == strip(hb)


def _parse(html: str | bytes) -> HtmlElement | None:
    if isinstance(html, bytes):
        html = decode_html(html).text
    if not html or not html.strip():
        return None
    # lxml refuses str input that carries an XML encoding declaration.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    try:
        return trafilatura.utils.load_html(html)
    except (ValueError, TypeError):
        return None


def _clean_title(title: str | None, meta: PageMeta) -> str | None:
    if not title:
        return None
    title = " ".join(title.split())
    site = (meta.site_name or "").lower()
    m = _SITE_SUFFIX.search(title)
    if m and (not site or site in m.group(0).lower() or len(title) - len(m.group(0)) > 20):
        title = title[: m.start()]
    return title or None


def _byline_nodes(tree: HtmlElement) -> Iterable[HtmlElement]:
    for el in tree.iter("time"):
        yield el
    for el in tree.iter("div", "span", "p", "small", "li", "td"):
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if _BYLINE_HINT.search(hint):
            yield el


def _byline_date(tree: HtmlElement) -> datetime | None:
    for el in _byline_nodes(tree):
        stamp = el.get("datetime")
        if stamp and (parsed := parse_iso(stamp)):
            return parsed
        text = " ".join(el.itertext())
        if len(text) <= 200 and (parsed := parse_indonesian(text)):
            return parsed
    return None


def _byline_author(tree: HtmlElement) -> str | None:
    for el in _byline_nodes(tree):
        text = " ".join(" ".join(el.itertext()).split())
        if len(text) <= 200 and (m := _AUTHOR_LINE.match(text)):
            return m.group("name").strip()
    return None


def _published(tree: HtmlElement, meta: PageMeta, url: str) -> tuple[datetime | None, str | None]:
    if meta.published and (parsed := parse_iso(meta.published)):
        return parsed, meta.published_source
    if parsed := _byline_date(tree):
        return parsed, "byline"
    from trafilatura.metadata import extract_metadata

    doc = extract_metadata(deepcopy(tree), default_url=url)
    if doc is not None and doc.date and (parsed := parse_iso(doc.date)):
        return parsed, "trafilatura"
    from htmldate import find_date

    found = find_date(tree, url=url, original_date=True, outputformat="%Y-%m-%dT%H:%M:%S")
    if found and (parsed := parse_iso(found)):
        return localize(parsed), "htmldate"
    return None, None


def _guess_language(text: str) -> str | None:
    words = re.findall(r"[a-z]+", text[:3000].lower())
    ind, eng = sum(w in _ID_WORDS for w in words), sum(w in _EN_WORDS for w in words)
    if ind >= 5 and ind > eng:
        return "id"
    if eng >= 5:
        return "en"
    return None


def _next_page(tree: HtmlElement, url: str) -> str | None:
    for el in tree.iterfind(".//link[@rel='next']"):
        href = el.get("href")
        if href:
            return urljoin(url, href)
    for el in tree.iterfind(".//a[@rel='next']"):
        href = el.get("href")
        if href:
            return urljoin(url, href)
    return None


def _is_listing(tree: HtmlElement, meta: PageMeta, url: str) -> bool:
    """Index pages: many headline links, little running text outside them."""
    if meta.jsonld_types & ARTICLE_TYPES or meta.og_type == "article":
        return False
    if meta.jsonld_types & LISTING_TYPES:
        return True
    host = urlsplit(url).hostname
    headline_links, link_chars = 0, 0
    for a in tree.iter("a"):
        text = " ".join(" ".join(a.itertext()).split())
        href = urljoin(url, a.get("href") or "")
        if len(text.split()) >= 4 and urlsplit(href).hostname == host:
            headline_links += 1
            link_chars += len(text)
    paragraph_chars = sum(
        len(" ".join(p.itertext())) for p in tree.iter("p") if not any(True for _ in p.iter("a"))
    )
    return headline_links >= 6 and link_chars > 0.6 * paragraph_chars


def _drop_title_headings(tree: HtmlElement, title: str | None) -> None:
    """The headline is metadata, not body text."""
    if not title:
        return
    key = " ".join(title.split()).lower()
    for el in list(tree.iter("h1", "h2", "h3")):
        if " ".join(" ".join(el.itertext()).split()).lower() == key and el.getparent() is not None:
            el.drop_tree()


def _text(tree: HtmlElement, url: str) -> str:
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        fast=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=False,
        deduplicate=False,
    )
    raw = getattr(doc, "text", None) or ""
    paragraphs = [" ".join(line.split()) for line in raw.splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


def extract_page(html: str | bytes, url: str, *, cleanup_selectors: Sequence[str] = ()) -> PageResult:
    """Classify one page and extract its article if it is one."""
    tree = _parse(html)
    if tree is None:
        return PageResult("other", None, canonicalize(url))
    meta = read_meta(tree, url)
    canonical = canonicalize(meta.canonical if meta.canonical and _same_site(meta.canonical, url) else url)
    next_url = _next_page(tree, url)
    if _is_listing(tree, meta, url):
        return PageResult("listing", None, canonical, next_url)
    syndication = find_and_remove(tree)
    published, date_source = _published(tree, meta, url)
    author = meta.author or _byline_author(tree)
    title = _clean_title(meta.title, meta)
    clean_tree(tree, cleanup_selectors)
    _drop_title_headings(tree, title)
    text = _text(tree, url)
    if len(text) < MIN_ARTICLE_CHARS and not (meta.jsonld_types & ARTICLE_TYPES or meta.og_type == "article"):
        return PageResult("other", None, canonical, next_url)
    if not text:
        return PageResult("other", None, canonical, next_url)
    section = meta.section
    article = Article(
        url=url,
        canonical_url=canonical,
        title=title,
        author=" ".join(author.split()) if author else None,
        published_at=published,
        section=" ".join(section.split()) if section else None,
        tags=list(dict.fromkeys(t for t in (" ".join(t.split()) for t in meta.tags) if t)),
        language=normalise_language(meta.language) or _guess_language(text),
        text=text,
        syndicated_from_outlet=syndication.outlet if syndication else None,
        syndicated_from_url=syndication.url if syndication else None,
        page_kind="article",
        description=meta.description,
        pages=[url],
        date_source=date_source,
        next_page_url=next_url,
    )
    return PageResult("article", article, canonical, next_url)


def extract(html: str | bytes, url: str, *, cleanup_selectors: Sequence[str] = ()) -> Article | None:
    """The article on a page, or None for listing/index pages and pages without one."""
    return extract_page(html, url, cleanup_selectors=cleanup_selectors).article


def merge_pages(parts: Sequence[Article]) -> Article:
    """One article from its pages (``?page=2`` ...): metadata of the first, texts in order."""
    if not parts:
        raise ValueError("merge_pages needs at least one page")
    first = parts[0]
    texts: list[str] = []
    for part in parts:
        for paragraph in part.text.split("\n\n"):
            # Paged templates repeat the lead or a teaser; keep each paragraph once.
            if paragraph not in texts:
                texts.append(paragraph)
    syndicated = next((p for p in parts if p.syndicated_from_outlet), None)
    return replace(
        first,
        text="\n\n".join(texts),
        pages=[u for p in parts for u in p.pages],
        next_page_url=None,
        syndicated_from_outlet=syndicated.syndicated_from_outlet if syndicated else None,
        syndicated_from_url=syndicated.syndicated_from_url if syndicated else None,
    )
