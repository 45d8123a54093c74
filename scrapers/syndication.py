"""The syndication line: "Artikel ini telah tayang di <outlet> dengan judul <title>".

Networks (Tribun, Kompas, detik, Antara's partners) republish stories with a
line naming the original outlet and linking to it. Netra records that outlet
and URL and keeps the line out of the article text, so a copy reads like the
original and the near-duplicate step can cluster them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

_URL = r"(?P<url>https?://[^\s\"'<>)]+)"
PATTERNS = (
    # Tribun / Kompas style.
    re.compile(
        r"(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah|sudah|sebelumnya)\s+(?:tayang|terbit|dimuat|diterbitkan|dipublikasikan)"
        r"\s+(?:di|pada|oleh)\s+(?P<outlet>[^\n]+?)\s+dengan\s+judul\s+[\"“']?(?P<title>[^\n]+?)[\"”']?"
        r"(?:[,.]?\s*(?:klik\s+untuk\s+baca|selengkapnya|link|tautan|baca\s+selengkapnya)?\s*:?\s*"
        + _URL
        + r")?\s*\.?\s*$",
        re.I,
    ),
    # detik style: Baca artikel detiknews, "Judul" selengkapnya https://...
    re.compile(
        r"baca\s+artikel\s+(?P<outlet>[^,\n]+),\s*[\"“](?P<title>[^\n]+?)[\"”]\s+selengkapnya\s*"
        + _URL
        + r"?\s*$",
        re.I,
    ),
    # Wire copy: "Sumber: ANTARANUSA (https://...)" / "Sumber berita: ..." with a link.
    re.compile(r"sumber\s*(?:berita|artikel)?\s*:\s*(?P<outlet>[^\n(]+?)\s*\(?" + _URL + r"\)?\s*$", re.I),
)
MAX_LINE = 400
_CUES = ("tayang", "terbit", "dimuat", "selengkapnya", "sumber")


@dataclass(frozen=True)
class Syndication:
    outlet: str
    url: str | None
    title: str | None


def match_line(text: str) -> Syndication | None:
    """The syndication facts in one line of text, or None."""
    text = " ".join(text.split())
    if len(text) > MAX_LINE:
        return None
    for pattern in PATTERNS:
        m = pattern.search(text)
        # The line must be the whole block, not the tail of a paragraph or a container.
        if m and m.start() <= 3:
            groups = m.groupdict()
            outlet = groups["outlet"].strip(" ,.:\"'“”")
            url = (groups.get("url") or "").rstrip(".,)") or None
            title = (groups.get("title") or "").strip(" \"'“”") or None
            if outlet:
                return Syndication(outlet=outlet, url=url, title=title)
    return None


def find_and_remove(tree: HtmlElement) -> Syndication | None:
    """Find the syndication line in the page, drop it from the tree, return what it says."""
    found: Syndication | None = None
    # Most pages are no copies: one look at the whole text spares a walk over every block.
    whole = tree.text_content().lower()
    if not any(cue in whole for cue in _CUES):
        return None
    for el in list(tree.iter("p", "div", "span", "em", "i", "strong", "small", "blockquote")):
        # text_content() (C speed), stripped, is never longer than the joined text: a cheap first cut.
        if el.getparent() is None or len(el.text_content().strip()) > MAX_LINE:
            continue
        text = " ".join(el.itertext())
        lowered = text.lower()
        if len(text) > MAX_LINE or not any(w in lowered for w in _CUES):
            continue
        hit = match_line(text)
        if hit is None:
            continue
        # The link in the line is the authoritative URL when the text only names the outlet.
        # A link in the line gives the URL when the text only names the outlet; the longest
        # link is the article's (the outlet's name often links to its home page).
        links = [a.get("href") or "" for a in el.iter("a") if (a.get("href") or "").startswith("http")]
        if hit.url is None and links:
            hit = Syndication(outlet=hit.outlet, url=max(links, key=len), title=hit.title)
        found = found or hit
        target = el
        parent = el.getparent()
        while parent is not None and parent.tag in ("p", "em", "i", "strong", "small", "span"):
            if len(" ".join(parent.itertext())) > MAX_LINE:
                break
            target, parent = parent, parent.getparent()
        if target.getparent() is not None:
            target.drop_tree()
    return found
