"""Scoring extraction against the demo sites' gold text: token F1 and boilerplate leaks."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from netra.demo.render import RenderedPage, render_article
from netra.demo.world import DemoArticle, World

_TOKEN = re.compile(r"\w+", re.U)


def tokens(text: str) -> Counter[str]:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def token_f1(predicted: str, gold: str) -> float:
    """Bag-of-words F1 of the extracted text against the gold text."""
    p, g = tokens(predicted), tokens(gold)
    if not p and not g:
        return 1.0
    common = sum((p & g).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def leaks(predicted: str, markers: Iterable[str], gold: str = "") -> list[str]:
    """Boilerplate strings of the page that ended up in the extracted text (and are not in the gold)."""
    text, gold_n = _norm(predicted), _norm(gold)
    return [m for m in dict.fromkeys(markers) if _norm(m) in text and _norm(m) not in gold_n]


@dataclass
class LabelledPage:
    """A demo article as one HTML document (paged articles: their first page) with its gold text."""

    article: DemoArticle
    url: str
    html: bytes
    gold: str
    markers: list[str]


def labelled_pages(world: World) -> Iterator[LabelledPage]:
    """Every page of every demo article, with the gold text of that page."""
    for article in world.labelled():
        for page in range(1, article.page_count + 1):
            rendered: RenderedPage = render_article(world, article, page)
            yield LabelledPage(
                article, article.page_url(page), rendered.body, rendered.gold or "", rendered.markers
            )
