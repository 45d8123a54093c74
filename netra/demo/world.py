"""The demo sites' content: which page lives at which URL, built once from the corpus.

Six fictional outlets publish the corpus articles, each with its own URL scheme,
template and discovery endpoints (robots.txt, sitemaps, news sitemaps, RSS/Atom,
paginated listings). Stories marked ``syndicate_to`` are republished on other
sites with a syndication line (some lightly rewritten), and a set of broken
pages (HTTP 500, a slow page, malformed HTML, a wrong charset, a 10 MB page, a
redirect loop, a PDF) is linked from the listings like any article.
"""

from __future__ import annotations

import random
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from netra.demo.corpus import CORPUS_DIR, CorpusArticle, load_corpus


def slugify(text: str, words: int = 9) -> str:
    parts = re.findall(r"[a-z0-9]+", text.lower())
    return "-".join(parts[:words]) or "berita"


@dataclass(frozen=True)
class Site:
    """One demo outlet: its host, name, template and URL scheme."""

    host: str
    outlet: str
    template: str
    article_path: Callable[[DemoArticle], str]
    listing_path: Callable[[int], str]
    per_listing_page: int = 10
    paged_articles: bool = False
    zone_hint: str = "WIB"


@dataclass
class DemoArticle:
    """One article page (or paged article) on one demo site."""

    key: str
    number: int
    corpus_id: str
    site: str
    title: str
    author: str | None
    section: str
    tags: list[str]
    published_at: datetime
    modified_at: datetime
    paragraphs: list[str]
    baca: dict[int, list[str]]
    syndicated_from: DemoArticle | None = None
    rewritten: bool = False
    path: str = ""
    # Paragraph index where each page after the first begins (Tribun's ?page=2).
    page_breaks: list[int] = field(default_factory=list)
    broken: str | None = None

    @property
    def url(self) -> str:
        return f"http://{self.site}{self.path}"

    @property
    def gold_text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def page_count(self) -> int:
        return 1 + len(self.page_breaks)

    def page_url(self, page: int) -> str:
        return self.url if page == 1 else f"{self.url}?page={page}"

    def page_paragraphs(self, page: int) -> range:
        bounds = [0, *self.page_breaks, len(self.paragraphs)]
        return range(bounds[page - 1], bounds[page])


def _date_path(a: DemoArticle) -> str:
    return a.published_at.strftime("%Y/%m/%d")


SITES: dict[str, Site] = {
    s.host: s
    for s in (
        Site(
            "tribunnusa.example",
            "TribunNusa",
            "tribun",
            lambda a: f"/{slugify(a.section, 2)}/{_date_path(a)}/{slugify(a.title)}",
            lambda n: "/indeks" + (f"?page={n}" if n > 1 else ""),
            paged_articles=True,
        ),
        Site(
            "detakdaerah.example",
            "detakDaerah",
            "detak",
            lambda a: f"/berita-daerah/d-{a.number}/{slugify(a.title)}",
            lambda n: "/indeks" + (f"?page={n}" if n > 1 else ""),
        ),
        Site(
            "suarawarga.example",
            "Suara Warga",
            "blogspot",
            lambda a: f"/{a.published_at:%Y/%m}/{slugify(a.title, 6)}.html",
            lambda n: "/" if n == 1 else f"/search?max-results=10&start={(n - 1) * 10}",
        ),
        Site(
            "radarpesisir.example",
            "Radar Pesisir",
            "wordpress",
            lambda a: f"/{_date_path(a)}/{slugify(a.title, 7)}/",
            lambda n: "/berita/" if n == 1 else f"/berita/page/{n}/",
        ),
        Site(
            "kabarborneo.example",
            "Kabar Borneo",
            "handmade",
            lambda a: f"/index.php?mod=berita&id={a.number}",
            lambda n: f"/index.php?mod=indeks&hal={n}",
            zone_hint="WITA",
        ),
        Site(
            "antaranusa.example",
            "ANTARANUSA",
            "wire",
            lambda a: f"/berita/{a.number}/{slugify(a.title)}",
            lambda n: "/terkini" + (f"/{n}" if n > 1 else ""),
        ),
    )
}
DEFAULT_SITE = "radarpesisir.example"
PAGED_MIN_PARAGRAPHS = 9

# Broken pages: what is wrong -> (site, path). Listed in their site's listing like articles.
BROKEN: dict[str, tuple[str, str]] = {
    "http_500": ("detakdaerah.example", "/berita-daerah/d-7000500/bawaslu-rilis-data-pelanggaran-terbaru"),
    "timeout": ("detakdaerah.example", "/berita-daerah/d-7000408/rapat-pleno-kpu-berlangsung-alot"),
    "malformed_html": ("radarpesisir.example", "/2024/02/29/laporan-panwaslu-tertunda/"),
    "too_large": ("tribunnusa.example", "/regional/2024/03/01/dokumen-lengkap-rekapitulasi-suara"),
    "redirect_loop": ("radarpesisir.example", "/2024/05/05/tautan-berputar/"),
    "not_html": ("antaranusa.example", "/berita/7000415/salinan-putusan-dkpp"),
}
REDIRECT_LOOP_TWIN = "/2024/05/05/tautan-berputar-kembali/"
# A page whose declared charset is wrong (cp1252 bytes declared as UTF-8): one real article.
WRONG_CHARSET_SITE = "kabarborneo.example"
# A page that answers 503 to its first request, then normally: retries must recover it.
FLAKY_SITE = "detakdaerah.example"
# An article-looking URL that robots.txt disallows (detakdaerah lists it): must never be fetched.
ROBOTS_DISALLOWED = ("detakdaerah.example", "/berita-daerah/d-7000999/draf-internal-redaksi")
ROBOTS_DISALLOWED_PREFIX = "/berita-daerah/d-7000999/"


def _rng(key: str) -> random.Random:
    return random.Random(zlib.crc32(key.encode()))


def _rewrite(paragraphs: list[str], target: Site) -> list[str]:
    """A light rewrite for a syndicated copy: drop the reporter line, restyle the dateline, cut the end."""
    out = [p for p in paragraphs if not p.lower().startswith("laporan wartawan")]
    if out:
        out[0] = re.sub(r"^[A-Z][\w .,()]*?\s*[-–—]\s+", "", out[0], count=1)
        out[0] = re.sub(r"^[A-Z.]+\.EXAMPLE,\s*", "", out[0])
        out[0] = f"{target.outlet.upper()} - {out[0]}"
    if len(out) >= 7:
        out = out[:-1]
    return out


@dataclass
class World:
    """All demo sites' articles, in publication order per site, plus what is broken where."""

    articles: list[DemoArticle]
    by_site: dict[str, list[DemoArticle]]
    by_path: dict[tuple[str, str], DemoArticle]
    broken_pages: dict[tuple[str, str], str]
    wrong_charset: DemoArticle | None
    flaky: DemoArticle | None
    updated: set[str]

    def site(self, host: str) -> Site:
        return SITES[host]

    def labelled(self) -> list[DemoArticle]:
        """Articles with a gold text (every rendered article; copies carry their own gold)."""
        return [a for a in self.articles if a.broken is None]


def build_world(corpus_dir: Path = CORPUS_DIR, *, updated: set[str] | frozenset[str] = frozenset()) -> World:
    """Lay the corpus out on the demo sites. ``updated`` lists corpus ids edited since the first crawl."""
    corpus: list[CorpusArticle] = load_corpus(corpus_dir)
    articles: list[DemoArticle] = []
    number = 100_000
    originals: dict[str, DemoArticle] = {}
    # An edit happens after everything already published: its lastmod is the site's newest.
    edited_at = max(
        (c.published_at for c in corpus), default=datetime.fromisoformat("2024-01-01T00:00:00+07:00")
    )
    edited_at += timedelta(days=1)
    for item in sorted(corpus, key=lambda c: (c.published_at, c.id)):
        number += 1
        site = item.site if item.site in SITES else DEFAULT_SITE
        paragraphs = list(item.paragraphs)
        modified = item.published_at + timedelta(minutes=17)
        if item.id in updated:
            paragraphs.append(
                "Pembaruan: redaksi menambahkan keterangan terbaru dari pihak pengawas pemilu "
                "setelah berita ini pertama kali tayang."
            )
            modified = edited_at
        article = DemoArticle(
            key=item.id,
            number=number,
            corpus_id=item.id,
            site=site,
            title=item.title,
            author=item.author,
            section=item.section or "Berita",
            tags=item.tags,
            published_at=item.published_at,
            modified_at=modified,
            paragraphs=paragraphs,
            baca=dict(item.baca),
        )
        articles.append(article)
        originals[item.id] = article
    for item in corpus:
        original = originals[item.id]
        for i, target_host in enumerate(t for t in item.syndicate_to if t in SITES and t != original.site):
            number += 1
            target = SITES[target_host]
            rewritten = (zlib.crc32(f"{item.id}{target_host}".encode()) + i) % 2 == 1
            paragraphs = _rewrite(original.paragraphs, target) if rewritten else list(original.paragraphs)
            articles.append(
                DemoArticle(
                    key=f"{item.id}@{target_host.split('.')[0]}",
                    number=number,
                    corpus_id=item.id,
                    site=target_host,
                    title=original.title,
                    author=None,
                    section=original.section,
                    tags=original.tags,
                    published_at=original.published_at + timedelta(hours=3, minutes=5 * i),
                    modified_at=original.modified_at + timedelta(hours=3, minutes=5 * i),
                    paragraphs=paragraphs,
                    baca={},
                    syndicated_from=original,
                    rewritten=rewritten,
                )
            )
    by_site: dict[str, list[DemoArticle]] = {host: [] for host in SITES}
    for article in articles:
        site = SITES[article.site]
        article.path = site.article_path(article)
        if site.paged_articles and len(article.paragraphs) >= PAGED_MIN_PARAGRAPHS:
            article.page_breaks = [len(article.paragraphs) // 2]
        by_site[article.site].append(article)
    # Broken pages take a place in the listings like any article.
    broken_pages: dict[tuple[str, str], str] = {}
    for kind, (host, path) in BROKEN.items():
        number += 1
        stub = DemoArticle(
            key=f"broken:{kind}",
            number=number,
            corpus_id="",
            site=host,
            title=f"{kind.replace('_', ' ').title()} - halaman uji",
            author=None,
            section="Berita",
            tags=[],
            published_at=datetime.fromisoformat("2024-06-01T08:00:00+07:00"),
            modified_at=datetime.fromisoformat("2024-06-01T08:00:00+07:00"),
            paragraphs=[],
            baca={},
            path=path,
            broken=kind,
        )
        by_site[host].append(stub)
        broken_pages[(host, path)] = kind
    for host in by_site:
        by_site[host].sort(key=lambda a: (a.published_at, a.key), reverse=True)
    by_path = {(a.site, a.path): a for a in articles}
    charset_candidates = [
        a for a in by_site[WRONG_CHARSET_SITE] if a.broken is None and not a.syndicated_from
    ]
    wrong_charset = next(
        (a for a in charset_candidates if any(not p.isascii() for p in a.paragraphs)),
        charset_candidates[0] if charset_candidates else None,
    )
    flaky_candidates = [a for a in by_site[FLAKY_SITE] if a.broken is None and not a.syndicated_from]
    flaky = flaky_candidates[-1] if flaky_candidates else None
    return World(articles, by_site, by_path, broken_pages, wrong_charset, flaky, set(updated))


def related(world: World, article: DemoArticle, count: int) -> list[DemoArticle]:
    """Other articles of the same site, chosen deterministically (for boxes and sidebars)."""
    pool = [a for a in world.by_site[article.site] if a.key != article.key and a.broken is None]
    rng = _rng(article.key + str(count))
    return rng.sample(pool, min(count, len(pool)))
