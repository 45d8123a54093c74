"""The labelled corpus (``nlp/corpus/articles/*.yaml``) as the demo sites publish it.

Corpus writers keep adding files, so loading takes whatever parses and reports
the rest instead of failing. Each text's paragraphs split into the article's
gold text and the site chrome that writers copied from real pages ("Baca juga:"
lines, Blogspot's "Breaking News"/"Posting Komentar", a byline paragraph, the
closing "Pewarta:/Editor:" credits and copyright lines): the
sites render chrome as chrome, and extraction is scored on the gold text.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import yaml

from netra.config import PROJECT_ROOT

log = logging.getLogger(__name__)

CORPUS_DIR = PROJECT_ROOT / "nlp" / "corpus" / "articles"
BACA = re.compile(r"^\s*baca\s+juga\s*:\s*(?P<title>.+)$", re.I | re.S)
CHROME = re.compile(
    r"^\s*(breaking news|posting komentar|tutup iklan|baca juga\s*:?|komentar|berita terkini|ikuti kami di)\s*$",
    re.I,
)
# Lines of the credit and copyright block closing a page ("Pewarta: ...", "Editor: ...", "© 2019 ...").
CREDIT = re.compile(
    r"^\s*(?:(?:pewarta|editor|penulis|reporter|wartawan|redaktur|penyunting)\s*:\s*\S.{0,80}|"
    r"(?:©|copyright\b|hak\s+cipta\b).{0,120}|all\s+rights?\s+reserved\.?)\s*$",
    re.I,
)
BYLINE = re.compile(r"^\s*oleh\s*:\s*[^|\n]{2,60}\|", re.I)


@dataclass
class CorpusArticle:
    """One corpus article, split into gold paragraphs and inline "Baca juga" headlines."""

    id: str
    site: str
    section: str | None
    title: str
    author: str | None
    published_at: datetime
    tags: list[str]
    syndicate_to: list[str]
    paragraphs: list[str]
    # "Baca juga" headlines the writer placed in the text, by the paragraph index they precede.
    baca: dict[int, list[str]] = field(default_factory=dict)
    split: str | None = None

    @property
    def gold_text(self) -> str:
        return "\n\n".join(self.paragraphs)


def _credit_block(block: str) -> bool:
    """A paragraph of credit/copyright lines (labels like "KOMENTAR" may sit among them)."""
    lines = [line for line in block.splitlines() if line.strip()]
    return any(CREDIT.match(line) for line in lines) and all(
        CREDIT.match(line) or CHROME.match(line) for line in lines
    )


def split_text(text: str) -> tuple[list[str], dict[int, list[str]]]:
    """Gold paragraphs, and "Baca juga" headlines keyed by the paragraph they come before."""
    paragraphs: list[str] = []
    baca: dict[int, list[str]] = {}
    for block in re.split(r"\n\s*\n", text.strip()):
        block = block.strip()
        if not block:
            continue
        if m := BACA.match(block):
            baca.setdefault(len(paragraphs), []).append(" ".join(m.group("title").split()))
        elif CHROME.match(block) or BYLINE.match(block) or _credit_block(block):
            continue
        else:
            paragraphs.append(block)
    return paragraphs, baca


def _parse(path: Path) -> CorpusArticle:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError("not a mapping")
    published = data["published_at"]
    if isinstance(published, str):
        published = datetime.fromisoformat(published)
    if not isinstance(published, datetime) or published.tzinfo is None:
        raise ValueError("published_at must be an ISO datetime with an offset")
    paragraphs, baca = split_text(str(data["text"]))
    if not paragraphs:
        raise ValueError("empty text")
    return CorpusArticle(
        id=str(data["id"]),
        site=str(data["site"]).strip().lower(),
        section=data.get("section"),
        title=" ".join(str(data["title"]).split()),
        author=data.get("author") or None,
        published_at=published,
        tags=[str(t) for t in data.get("tags") or []],
        syndicate_to=[str(s).strip().lower() for s in data.get("syndicate_to") or []],
        paragraphs=paragraphs,
        baca=baca,
        split=data.get("split"),
    )


def load_corpus(directory: Path = CORPUS_DIR) -> list[CorpusArticle]:
    """Every article that parses, ordered by id; files that do not parse are logged and skipped."""
    articles: dict[str, CorpusArticle] = {}
    for path in sorted(directory.glob("*.yaml")):
        try:
            article = _parse(path)
        except (yaml.YAMLError, KeyError, ValueError, TypeError) as exc:
            log.warning("demo corpus: skipping %s: %s", path.name, exc)
            continue
        if article.id in articles:
            log.warning("demo corpus: duplicate id %s in %s", article.id, path.name)
            continue
        articles[article.id] = article
    return sorted(articles.values(), key=lambda a: a.id)
