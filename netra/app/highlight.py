"""Evidence highlighting that cannot inject markup.

Article text is hostile. The highlighted text is built from escaped segments
of the plain text with ``<mark>`` elements around the evidence spans: no
piece of the article ever reaches the page unescaped, whatever it contains.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

MARK_OPEN = Markup('<mark class="evidence">')
MARK_CLOSE = Markup("</mark>")


def locate(text: str, spans: Iterable[Mapping[str, Any]]) -> list[tuple[int, int]]:
    """Character ranges of evidence ``spans`` (``{start, end, text}``) in ``text``.

    A span whose offsets no longer match the text (the article was re-extracted
    since it was annotated) is found again by its words; one that cannot be
    found is left out rather than highlighting the wrong words.
    """
    ranges: list[tuple[int, int]] = []
    for span in spans:
        quote = span.get("text") or ""
        start, end = span.get("start"), span.get("end")
        if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
            if not quote or text[start:end] == quote:
                ranges.append((start, end))
                continue
        if quote:
            found = text.find(quote)
            if found >= 0:
                ranges.append((found, found + len(quote)))
    return merge(ranges)


def merge(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges (overlapping or touching ranges joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(r for r in ranges if r[0] < r[1]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, ranges: Iterable[tuple[int, int]]) -> Markup:
    """``text`` escaped, with each range wrapped in ``<mark class="evidence">``."""
    parts: list[Markup] = []
    pos = 0
    for start, end in merge((max(0, s), min(len(text), e)) for s, e in ranges):
        parts.append(escape(text[pos:start]))
        parts.append(MARK_OPEN + escape(text[start:end]) + MARK_CLOSE)
        pos = end
    parts.append(escape(text[pos:]))
    return Markup("").join(parts)
