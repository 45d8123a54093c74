"""Boilerplate removal on the parsed page, before trafilatura sees it.

Indonesian news pages put "Baca juga" boxes between paragraphs, photo captions,
share bars, ads, comment sections and lists of other headlines inside the
article body, where a generic extractor cannot tell them from text. These rules
remove them by what they are called (class/id words used across CMSs) and by
what they say ("Baca juga: ...", "ADVERTISEMENT"), never removing a block that
holds most of the page's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

# Elements that never hold article text.
DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "iframe",
    "form",
    "nav",
    "aside",
    "footer",
    "button",
    "svg",
    "figure",
    "figcaption",
    "ins",
    "select",
    "template",
)

# Words in class/id attributes that mark boilerplate (compared word by word, so
# "single-post-share" matches "share" but "shareholder" does not).
BOILERPLATE_WORDS = frozenset(
    """
    baca bacajuga bacajugas linksisip inline-related related terkait beritaterkait
    share sharing shares social sosmed sharedaddy addtoany a2a
    ads ad adsbygoogle advert advertisement iklan banner sponsor promo parallax
    comment comments komentar disqus fb-comments respond
    caption wp-caption-text figcaption foto-caption keterangan
    sidebar widget newsletter subscribe popular terpopuler trending terkini
    breadcrumb breadcrumbs navbar menu nav pagination paging pager
    tags tag-list topik label labels
    recommend rekomendasi pilihan lainnya
    video-embed author-box copyright ticker
    bagikan komen kanan lain beritalain populer postingan-populer bawah kaki
    """.split()
)

# Text that starts a boilerplate block ("Baca juga: <headline>").
BOILERPLATE_TEXT = re.compile(
    r"^\s*(?:baca\s+(?:juga|pula|berita\s+lain|artikel\s+lain)\b|lihat\s+juga\b|"
    r"simak\s+(?:juga|breaking\s+news|berita|update|informasi|video)\b|"
    r"baca\s+selengkapnya\b|dapatkan\s+(?:update|informasi|berita)\b|"
    r"ikuti\s+(?:kami|saluran|kanal|berita|akun|update)\b|"
    # Reprint notices and copyright lines ("Dilarang keras mengambil konten ...", "COPYRIGHT © ...").
    r"dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak|menyebarluaskan)\b|"
    r"(?:copyright|hak\s+cipta)\b\s*(?:©|\(c\)|\d{4})|©|"
    r"\(?\s*(?:foto|ilustrasi|keterangan\s+foto|caption)\s*[:/]|"
    # Whole-block chrome: nothing but these words.
    r"(?:advertisement|iklan|tutup\s+iklan|(?:foto\s+)?ilustrasi|posting\s+komentar|breaking\s+news|"
    r"scroll\s+(?:to|untuk)\s+(?:continue|lanjut|melanjutkan)(?:\s+\w+){0,3})\s*:?\s*$)",
    re.I,
)
# Links to ad servers and ad slots.
AD_LINK = re.compile(
    r"/iklan/|/ads?/|adserver|doubleclick|googlesyndication|/banners?/|[?&]utm_medium=banner", re.I
)
# Calls to follow the outlet elsewhere link to a messaging channel, Google News or an app store.
CHANNEL_LINK = re.compile(
    r"whatsapp\.com/channel|chat\.whatsapp\.com|wa\.me/|//t\.me/|telegram\.me/|news\.google\.com|"
    r"play\.google\.com/store|apps\.apple\.com",
    re.I,
)
# Credit lines closing an article ("Pewarta: Nama", "Editor: Nama", "Reporter: Nama - Outlet").
CREDIT_LINE = re.compile(
    r"^(?:pewarta(?:\s+foto)?|editor|redaktur|penyunting|reporter|wartawan|penulis|kontributor|"
    r"fotografer|copy\s*editor)\s*:\s*[\w.,'’()/& -]{2,80}$",
    re.I,
)
# Starred notices closing a text ("* Fakta atau Hoaks? ... silakan WhatsApp ke nomor ...",
# "* Follow Official WhatsApp Channel ..."): a bullet, then a pointer to a channel or an app.
STARRED_NOTICE = re.compile(
    r"^\*\s*\S.{0,250}\b(?:whatsapp|telegram|google\s+news|channel|saluran|aplikasi)\b", re.I
)
CREDIT_START = re.compile(
    r"(?:pewarta|editor|redaktur|penyunting|reporter|wartawan|penulis|kontributor|fotografer|copy|©|hak)",
    re.I,
)
COPYRIGHT_LINE = re.compile(r"^(?:copyright|hak\s+cipta)\b\s*(?:©|\(c\)|\d{4})|^©", re.I)
# A photo caption: an uppercase lead word and colon ("SIAGA: Petugas ..."), or a credit in
# parentheses at its end ("(Dok. Humas)", "(ANTARA/Foto)", "(Istimewa)").
CAPTION_LEAD = re.compile(r"^[A-Z][A-Z-]{2,}(?:\s+[A-Z][A-Z-]+){0,3}\s*:\s+\S")
PHOTO_CREDIT = re.compile(
    r"\([^()]{0,60}\b(?:foto|dok|dokumentasi|istimewa|ist|handout|file)\b[^()]{0,60}\)\s*\.?\s*$", re.I
)
# Short blocks only: a real paragraph may mention "baca juga" in passing.
MAX_BOILERPLATE_TEXT = 300
# Never remove a block holding this share of the page's text (it is the article).
MAX_SHARE_OF_TEXT = 0.4

_SPLIT = re.compile(r"[\s_]+|(?<=[a-z])-(?=[a-z])|__")
_BLOCKS = (
    "p",
    "div",
    "li",
    "table",
    "section",
    "span",
    "strong",
    "b",
    "i",
    "em",
    "font",
    "h2",
    "h3",
    "h4",
    "h5",
    "center",
)
_INLINE = ("strong", "b", "span", "i", "em", "font", "small")
# Elements with a class or id, in document order (the only ones class/id words can mark).
_ATTRIBUTED = etree.XPath("//*[@class or @id]")


@lru_cache(maxsize=8192)
def _words(value: str | None) -> frozenset[str]:
    """The words of a class/id value (cached: a template repeats the same few values)."""
    if not value:
        return frozenset()
    value = value.lower()
    words = set(value.split())
    for token in list(words):
        words.update(_SPLIT.split(token))
    return frozenset(words)


def _text_len(el: HtmlElement) -> int:
    return len(el.text_content().strip())


def _remove(el: HtmlElement) -> None:
    """Drop an element but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def clean_tree(tree: HtmlElement, extra_selectors: Iterable[str] = ()) -> int:
    """Remove boilerplate from ``tree`` in place; returns the number of removed elements."""
    removed = 0
    etree.strip_elements(tree, etree.Comment, with_tail=False)
    for selector in extra_selectors:
        for el in tree.cssselect(selector):
            _remove(el)
            removed += 1
    body = tree.find("body")
    total = _text_len(body if body is not None else tree) or 1
    for el in list(tree.iter(*DROP_TAGS)):
        if el.getparent() is not None and _text_len(el) < MAX_SHARE_OF_TEXT * total:
            _remove(el)
            removed += 1
    for el in _ATTRIBUTED(tree):
        if el.getparent() is None or el.tag in ("html", "body"):
            continue
        if (
            not BOILERPLATE_WORDS.isdisjoint(_words(el.get("class")))
            or not BOILERPLATE_WORDS.isdisjoint(_words(el.get("id")))
        ) and _text_len(el) < MAX_SHARE_OF_TEXT * total:
            _remove(el)
            removed += 1
    for link in list(tree.iter("a")):
        if link.getparent() is not None and AD_LINK.search(link.get("href") or ""):
            removed += _remove_ad(link)
    for el in list(tree.iter("p", "div", "li", "td", "section", "center")):
        if el.getparent() is not None and _is_chrome_block(el):
            _remove(el)
            removed += 1
    for el in list(tree.iter(*_BLOCKS)):
        # text_content() (C speed), stripped, is never longer than the joined text: a cheap first cut.
        if el.getparent() is None or len(el.text_content().strip()) > MAX_BOILERPLATE_TEXT:
            continue
        text = " ".join(el.itertext()).strip()
        if text and len(text) <= MAX_BOILERPLATE_TEXT and BOILERPLATE_TEXT.match(text):
            # Remove the whole block when the marker is wrapped in <strong> inside a <p>.
            target = el
            parent = el.getparent()
            if el.tag in _INLINE and parent is not None and parent.tag in ("p", "div", "li", "td"):
                parent_text = " ".join(parent.itertext()).strip()
                if len(parent_text) <= MAX_BOILERPLATE_TEXT:
                    target = parent
                else:
                    # Inline marker inside running text (<b>Baca juga:</b> <a>...</a><br>): the
                    # box is everything up to the next line break.
                    removed += _remove_line_after(el)
            _remove(target)
            removed += 1
    return removed


def _lines(el: HtmlElement) -> list[str]:
    """The element's text split where it breaks lines (``<br>``, nested blocks)."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if node.tag == "br" or node.tag in ("p", "div", "li"):
            parts.append("\n")
        if isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str):
                walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return [" ".join(line.split()) for line in "".join(parts).split("\n") if line.strip()]


def _has_image(el: HtmlElement | None) -> bool:
    return el is not None and isinstance(el.tag, str) and (el.tag == "img" or el.find(".//img") is not None)


def _is_chrome_block(el: HtmlElement) -> bool:
    """Short blocks that are chrome by what they are, whatever their class names say:
    credit lines, calls to follow a channel, and photo captions beside their photo."""
    raw = el.text_content()  # C speed; most blocks are too long and stop here
    if len(raw) > 4 * MAX_BOILERPLATE_TEXT:
        return False
    text = " ".join(raw.split())
    if not text or len(text) > MAX_BOILERPLATE_TEXT:
        return False
    lines = _lines(el) if CREDIT_START.match(text) else []
    if lines and all(CREDIT_LINE.match(line) or COPYRIGHT_LINE.match(line) for line in lines):
        return True
    if STARRED_NOTICE.match(text) or any(CHANNEL_LINK.search(a.get("href") or "") for a in el.iter("a")):
        return True
    # The caption's wording first: most short blocks have none, and then no photo needs looking for.
    if not (CAPTION_LEAD.match(text) or PHOTO_CREDIT.search(text)):
        return False
    return _has_image(el) or _has_image(el.getprevious())


def _remove_ad(link: HtmlElement) -> int:
    """An ad link takes its small enclosing block (banner plus its "advertise here" line) with it."""
    target = link
    for ancestor in link.iterancestors():
        if ancestor.tag in ("body", "html"):
            break
        if len(" ".join(ancestor.itertext()).strip()) > MAX_BOILERPLATE_TEXT:
            break
        target = ancestor
        if ancestor.tag in ("center", "div", "p", "td", "li", "table", "section"):
            break
    _remove(target)
    return 1


def _remove_line_after(el: HtmlElement) -> int:
    """Remove the siblings after ``el`` up to the next ``<br>`` (a line of a br-separated text)."""
    count = 0
    if el.tail and el.tail.strip() and len(el.tail) > MAX_BOILERPLATE_TEXT:
        return 0
    el.tail = None
    for sibling in list(el.itersiblings()):
        if sibling.tag == "br":
            break
        if sibling.tag in ("p", "div", "table", "ul", "ol"):
            break
        tail_is_text = bool(sibling.tail and sibling.tail.strip())
        sibling.getparent().remove(sibling)
        count += 1
        if tail_is_text:
            break
    return count
