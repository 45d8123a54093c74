"""``extract(html, url) -> Article | None``: one page in, one article out, no I/O.

Steps: parse once; read JSON-LD and meta tags; find and drop the syndication
line; strip boilerplate the generic extractor would keep (:mod:`scrapers.cleanup`);
let trafilatura pick the main text from what is left (on a short brief written in
``<p>``s, without reading the divs around it as paragraphs); fill the date by the
first rule that gives one (JSON-LD, meta tags, the Indonesian byline,
trafilatura's metadata, htmldate). Listing and index pages return None.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from copy import deepcopy
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import trafilatura
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.settings import Extractor

from scrapers.article import Article, PageKind
from scrapers.cleanup import clean_tree
from scrapers.dates import BYLINE_DATE, localize, parse_indonesian, parse_iso
from scrapers.encoding import decode_html
from scrapers.metadata import ARTICLE_TYPES, LISTING_TYPES, PageMeta, normalise_language, read_meta
from scrapers.syndication import find_and_remove

__all__ = ["Article", "PageResult", "canonicalize", "extract", "extract_page", "merge_pages", "normalize"]

# Query parameters that page through one article or track clicks; never part of its identity.
PAGING_PARAMS = frozenset(
    {"page", "halaman", "hal", "amp", "utm_source", "utm_medium", "utm_campaign", "fbclid"}
)
MIN_ARTICLE_CHARS = 200
PARAGRAPH_WORDS = 12
# trafilatura reads divs as paragraphs below this many times its min_extracted_size of <p> text.
TRAFILATURA_DIV_FACTOR = 3
_PARAGRAPHS = etree.XPath("//p[not(ancestor::p)]")
_TEXT_OUTSIDE_P = etree.XPath("//body//text()[not(ancestor::p or ancestor::script or ancestor::style)]")
SENTENCE_END = re.compile(r"[.!?\"”')]\s*$")
_BYLINE_HINT = re.compile(r"date|time|tanggal|waktu|byline|author|penulis|meta|publish|posted|info", re.I)
_GENERIC_AUTHOR = re.compile(r"^(?:redaksi|admin|administrator|tim\b|desk\b|editor\b|staff?\b)", re.I)
_TAG_REL = re.compile(r"^tag$")
_AUTHOR_START = re.compile(
    r"^(?:oleh|penulis|reporter|wartawan)\s*:\s*(?P<name>[A-Z][\w.'’ -]{2,60}?)\s*(?:\||,|-\s|$)",
    re.I,
)
_AUTHOR_BOX = re.compile(r"author|penulis|byline|reporter|wartawan|editor", re.I)
_AUTHOR_LINE = re.compile(
    r"(?:^|\b)(?:oleh|penulis|reporter|wartawan|ditulis\s+oleh|diposting\s+oleh|by)\s*:?\s*(?P<name>[A-Z][\w.'’ -]{2,60}?)\s*(?:\||,|-\s|$)",
    re.I,
)
_TITLE_SEPARATOR = re.compile(r"\s+[-|–—]\s+|\s+::\s+")
_ID_WORDS = frozenset("yang dan di itu dengan untuk dari tidak ini dalam pada akan juga kata".split())
_EN_WORDS = frozenset("the and of to in is that for with was said".split())


@dataclass
class PageResult:
    """What one page is: an article (with its extraction) or a listing/other page."""

    kind: PageKind
    article: Article | None
    canonical_url: str
    next_page_url: str | None = None


def normalize(url: str) -> str:
    """A URL in courlan's normal form, every meaningful parameter kept (listings, sitemaps, feeds)."""
    from courlan import normalize_url

    try:
        return normalize_url(url.strip(), strict=False)
    except (ValueError, AttributeError):
        return url.strip()


def canonicalize(url: str) -> str:
    """The natural key of a page: courlan-normalised, without paging or tracking parameters."""
    from courlan import normalize_url

    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k.lower() not in PAGING_PARAMS
    ]
    url = urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), ""))
    try:
        return normalize_url(url, strict=False)
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


def _site_like(part: str, meta: PageMeta, url: str) -> bool:
    """Whether a title segment names the site ("KabarBorneo", "TribunNusa.example", "Radar Pesisir")."""
    norm = re.sub(r"[^a-z0-9]", "", part.lower())
    if not norm or len(part.split()) > 4:
        return False
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    label = re.sub(r"[^a-z0-9]", "", host.split(".")[0])
    site = re.sub(r"[^a-z0-9]", "", (meta.site_name or "").lower())
    return bool(
        (site and (norm == site or norm.startswith(site) or site.startswith(norm)))
        or (len(label) >= 4 and (norm.startswith(label) or label.startswith(norm)))
    )


def _clean_title(title: str | None, meta: PageMeta, url: str) -> str | None:
    """The headline without the site name that <title> and og:title often carry."""
    if not title:
        return None
    title = " ".join(title.split())
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) > 1:
        if _site_like(parts[-1], meta, url):
            parts = parts[:-1]
        elif _site_like(parts[0], meta, url):
            parts = parts[1:]
    title = " - ".join(parts)
    # Blogspot: "Blog Name: Post title".
    if ": " in title and _site_like(title.split(": ", 1)[0], meta, url):
        title = title.split(": ", 1)[1]
    return title.strip() or None


def _byline_nodes(tree: HtmlElement) -> Iterable[HtmlElement]:
    for el in tree.iter("div", "span", "p", "small", "li", "td", "abbr"):
        hint = f"{el.get('class', '')} {el.get('id', '')}"
        if _BYLINE_HINT.search(hint):
            yield el


def _machine_date(tree: HtmlElement) -> datetime | None:
    """Dates in attributes: <time datetime>, itemprop=datePublished, hAtom's <abbr class=published title>."""
    for el in tree.iterfind(".//*[@itemprop='datePublished']"):
        for attr in ("content", "datetime", "title"):
            if parsed := parse_iso(el.get(attr)):
                return parsed
    for el in tree.iterfind(".//abbr[@title]"):
        if "published" in (el.get("class") or "") and (parsed := parse_iso(el.get("title"))):
            return parsed
    for el in tree.iter("time"):
        if parsed := parse_iso(el.get("datetime")):
            return parsed
    return None


def _byline_date(tree: HtmlElement, heading: HtmlElement | None) -> datetime | None:
    """A date written as bylines write it; the one after the headline wins over a header's "today"."""
    if parsed := _machine_date(tree):
        return parsed
    candidates: list[tuple[bool, datetime]] = []
    after_heading = heading is None
    for el in tree.iter():
        if el is heading:
            after_heading = True
            continue
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "a", "title", "head"):
            continue
        runs = [el.text, *(child.tail for child in el if isinstance(child.tag, str))]
        for run in runs:
            if run and len(run) <= 200 and BYLINE_DATE.search(run) and (parsed := parse_indonesian(run)):
                candidates.append((after_heading, parsed))
    for after, parsed in candidates:
        if after:
            return parsed
    return candidates[0][1] if candidates else None


def _byline_author(tree: HtmlElement) -> str | None:
    for el in tree.iterfind(".//*[@itemprop='author']"):
        name = " ".join((el.get("content") or el.text_content()).split())
        if 2 < len(name) <= 60:
            return name
    for el in _byline_nodes(tree):
        text = " ".join(" ".join(el.itertext()).split())
        if len(text) <= 200 and (m := _AUTHOR_LINE.search(text)):
            return m.group("name").strip()
    # Hand-made templates: any short block that starts like a byline ("Oleh: Nama | tanggal").
    for el in tree.iter("div", "span", "p", "td", "small", "font", "b"):
        text = _short_text(el.text_content(), 100)  # 200 characters hold at most 100 words
        if text is not None and len(text) <= 200 and (m := _AUTHOR_START.match(text)):
            return m.group("name").strip()
    return None


def _short_text(raw: str, most_words: int) -> str | None:
    """``raw`` with its whitespace collapsed (``" ".join(raw.split())``) when it has at most ``most_words``
    words, else None, without splitting the rest of a long text.

    Wrapper elements hold the whole page's text; the short-block rules read thousands of them.
    """
    words = raw.split(None, most_words)
    return None if len(words) > most_words else " ".join(words)


def _real_author(name: str | None, meta: PageMeta, url: str) -> str | None:
    """A person's name; the outlet or a desk ("Redaksi", "Admin", "Tim ...") is no author."""
    if not name:
        return None
    name = " ".join(name.split())
    if _GENERIC_AUTHOR.match(name) or _site_like(name, meta, url):
        return None
    return name


def _find_heading(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    if not title:
        return None
    key = " ".join(title.split()).lower()
    # lower() neither makes nor removes whitespace: a block with more words than the title is not it.
    size = key.count(" ") + 1
    for el in tree.iter("h1", "h2", "h3", "div", "td", "span", "p"):
        text = _short_text(el.text_content(), size)
        if text is not None and text.lower() == key:
            return el
    return None


def _published(
    tree: HtmlElement, meta: PageMeta, url: str, heading: HtmlElement | None
) -> tuple[datetime | None, str | None]:
    if meta.published and (parsed := parse_iso(meta.published)):
        return parsed, meta.published_source
    if parsed := _byline_date(tree, heading):
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


def _words_outside_links(el: HtmlElement) -> int:
    count = len((el.text or "").split())
    for child in el:
        if isinstance(child.tag, str) and child.tag != "a":
            count += _words_outside_links(child)
        count += len((child.tail or "").split())
    return count


def _headline_links(el: HtmlElement, host: str | None, url: str) -> int:
    return sum(
        1
        for a in el.iter("a")
        if len(a.text_content().split()) >= 4 and urlsplit(urljoin(url, a.get("href") or "")).hostname == host
    )


def _schema_type(itemtype: str | None) -> str:
    return (itemtype or "").strip().rstrip("/").rsplit("/", 1)[-1]


def _is_listing(tree: HtmlElement, meta: PageMeta, url: str) -> bool:
    """Index pages: structured data says so, or no block of running text.

    Without schema.org or Open Graph hints, an article has one container holding
    several paragraphs (``<p>``s, or text runs between ``<br>``s) of PARAGRAPH_WORDS+
    words outside links, more of them than headline links in it; an index spreads its
    teasers over one item element each, or has a headline link per teaser.
    """
    if meta.jsonld_types & ARTICLE_TYPES or meta.og_type == "article":
        return False
    if meta.jsonld_types & LISTING_TYPES or meta.og_type == "website":
        return True
    # Microdata: an article page is one article item; an index (Blogspot's) repeats it per post.
    items = [
        el for el in tree.iterfind(".//*[@itemtype]") if _schema_type(el.get("itemtype")) in ARTICLE_TYPES
    ]
    if len(items) == 1:
        return False
    units: dict[HtmlElement, int] = {}
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("a", "script", "style", "title", "head"):
            continue
        if el.tag == "p":
            if _words_outside_links(el) >= PARAGRAPH_WORDS and (parent := el.getparent()) is not None:
                units[parent] = units.get(parent, 0) + 1
            continue
        runs = [el.text, *(child.tail for child in el if isinstance(child.tag, str))]
        long_runs = sum(1 for run in runs if run and len(run.split()) >= PARAGRAPH_WORDS)
        if long_runs:
            units[el] = units.get(el, 0) + long_runs
    host = urlsplit(url).hostname
    for container, count in sorted(units.items(), key=lambda kv: -kv[1])[:3]:
        if count >= 3 and count > _headline_links(container, host, url):
            return False
    return True


def _drop_title_headings(tree: HtmlElement, heading: HtmlElement | None) -> None:
    """The headline is metadata, not body text; whatever precedes it is the site's header."""
    if heading is None or heading.getparent() is None:
        return
    body = tree.find("body")
    if body is None:
        return
    total = len(body.text_content())
    before = 0
    doomed: list[HtmlElement] = []
    node = heading
    while node is not None and node is not body:
        for sibling in node.itersiblings(preceding=True):
            before += len(sibling.text_content())
            doomed.append(sibling)
        node = node.getparent()
    # Only a header: a headline that comes after most of the text is not the top of the article.
    if before < 0.3 * total:
        for el in doomed:
            el.getparent().remove(el)
    heading.drop_tree()


def _drop_bylines(tree: HtmlElement) -> None:
    """Short blocks stating a date the way bylines do ("Kamis, 5 Desember 2024 | 10:15 WITA"),
    and the author boxes sites mark as such (credits inside the body text stay)."""
    for el in list(tree.iter("div", "span", "p", "time", "small", "td", "li")):
        if el.getparent() is None:
            continue
        # Both rules below need at most 200 characters, so at most 100 words.
        text = _short_text(el.text_content(), 100)
        if text is None or len(text) > 200:
            continue
        marked = _AUTHOR_BOX.search(f"{el.get('class', '')} {el.get('id', '')}")
        if marked and len(text) <= 160 and not SENTENCE_END.search(text):
            el.drop_tree()
            continue
        # A sentence that mentions a date ends with a full stop; a byline does not.
        if (
            len(text) <= 200
            and len(text.split()) <= 25
            and not SENTENCE_END.search(text)
            and BYLINE_DATE.search(text)
        ):
            el.drop_tree()


@lru_cache(maxsize=2)
def _options(brief: bool = False) -> Extractor:
    """trafilatura's options, built once: building them reads its config file's values every call.

    trafilatura reads every text-bearing ``<div>`` of its content frame as a paragraph when
    the page's ``<p>`` text is under TRAFILATURA_DIV_FACTOR times ``min_extracted_size``:
    right for a page that writes its text in divs, wrong for a short brief written in
    ``<p>``s, whose frame then yields its share bar, ad slots and reader comments too. For
    such a brief the minimum is lowered so that only ``<p>``s that could not hold an article
    (under MIN_ARTICLE_CHARS) make trafilatura read the divs.
    """
    options = Extractor(
        output_format="python",
        fast=True,
        comments=False,
        tables=False,
        images=False,
        with_metadata=False,
        dedup=False,
    )
    if brief:
        options.min_extracted_size = MIN_ARTICLE_CHARS // TRAFILATURA_DIV_FACTOR
    return options


def _brief_in_paragraphs(tree: HtmlElement) -> bool:
    """Whether the page is a short text written in ``<p>``s: paragraphs (PARAGRAPH_WORDS+
    words) of at least MIN_ARTICLE_CHARS but short enough for trafilatura to read divs, and
    no less running text in them than in runs of PARAGRAPH_WORDS+ words outside them."""
    in_p = sum(
        len(t) for t in (p.text_content() for p in _PARAGRAPHS(tree)) if len(t.split()) >= PARAGRAPH_WORDS
    )
    if not MIN_ARTICLE_CHARS <= in_p < TRAFILATURA_DIV_FACTOR * _options().min_extracted_size:
        return False
    outside = sum(len(run) for run in _TEXT_OUTSIDE_P(tree) if len(run.split()) >= PARAGRAPH_WORDS)
    return in_p >= outside


def _text(tree: HtmlElement, url: str) -> str:
    doc = trafilatura.bare_extraction(tree, url=url, options=_options(_brief_in_paragraphs(tree)))
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
    title = _clean_title(meta.title, meta, url)
    heading = _find_heading(tree, title)
    published, date_source = _published(tree, meta, url, heading)
    author = _real_author(meta.author, meta, url) or _real_author(_byline_author(tree), meta, url)
    tags = meta.tags or [
        t.text_content() for t in tree.iterfind(".//a[@rel]") if _TAG_REL.match(t.get("rel", ""))
    ]
    clean_tree(tree, cleanup_selectors)
    # Cleanup may have removed the heading's container (a header): then there is nothing to cut.
    _drop_title_headings(
        tree, heading if heading is not None and heading.getroottree().getroot() is tree else None
    )
    _drop_bylines(tree)
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
        author=author,
        published_at=published,
        section=" ".join(section.split()) if section else None,
        tags=list(dict.fromkeys(t for t in (" ".join(t.split()) for t in tags) if t)),
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
