"""A large synthetic news site for throughput benchmarks (N articles, N up to 100,000).

Articles are generated on request, deterministically from their number, by
recombining corpus paragraphs, and rendered with the demo templates, so pages
look and weigh like the demo sites' (about 10-15 kB of HTML each).
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta
from functools import lru_cache
from xml.sax.saxutils import escape

from markupsafe import Markup

from netra.demo.corpus import load_corpus
from netra.demo.render import (
    ADS,
    CAPTIONS,
    COMMENTS,
    FOOTER,
    NEWSLETTER,
    SHARE,
    Block,
    RenderedPage,
    date_long,
    environment,
)
from netra.demo.world import DemoArticle, slugify

HOST = "sintesis.example"
SITEMAP_CHUNK = 1000
START = datetime.fromisoformat("2024-01-01T06:00:00+07:00")


class SyntheticSite:
    """``n`` articles at ``/berita/<i>/<slug>``, a sitemap index and sitemaps of 1,000 URLs."""

    def __init__(self, n: int, seed: int = 7) -> None:
        corpus = load_corpus()
        self.n = n
        self.seed = seed
        self.paragraphs = [p for a in corpus for p in a.paragraphs if len(p) > 80] or [
            "Teks contoh berita."
        ] * 10
        self.titles = [a.title for a in corpus] or ["Judul"]
        self._pages: dict[str, RenderedPage] | None = None

    def published(self, i: int) -> datetime:
        return START + timedelta(minutes=7 * i)

    @lru_cache(maxsize=4096)  # noqa: B019 - one instance per server process
    def article(self, i: int) -> DemoArticle:
        rng = random.Random(self.seed * 1_000_003 + i)
        title = f"{rng.choice(self.titles)} ({i})"
        paragraphs = rng.sample(self.paragraphs, min(len(self.paragraphs), rng.randint(7, 12)))
        a = DemoArticle(
            key=f"syn-{i}",
            number=i,
            corpus_id="",
            site=HOST,
            title=title,
            author="Redaksi Sintesis" if i % 3 else "Anisa Rahmawati",
            section="Daerah",
            tags=["sintesis", "uji beban"],
            published_at=self.published(i),
            modified_at=self.published(i) + timedelta(minutes=5),
            paragraphs=paragraphs,
            baca={},
        )
        a.path = f"/berita/{i}/{slugify(title)}"
        return a

    def prerender(self) -> None:
        """Render every article now, so serving costs the benchmark's CPU nothing."""
        self._pages = {self.article(i).path: _article_page(self.article(i)) for i in range(1, self.n + 1)}
        self.article.cache_clear()

    def render(self, path: str) -> RenderedPage | None:
        if self._pages is not None and path in self._pages:
            return self._pages[path]
        if path == "/robots.txt":
            body = f"User-agent: *\nDisallow: /cari\nSitemap: http://{HOST}/sitemap.xml\n"
            return RenderedPage(200, "text/plain; charset=utf-8", body.encode())
        if path == "/sitemap.xml":
            chunks = -(-self.n // SITEMAP_CHUNK)
            rows = "".join(
                f"<sitemap><loc>http://{HOST}/sitemap-{c + 1}.xml</loc></sitemap>" for c in range(chunks)
            )
            return _xml(
                f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</sitemapindex>'
            )
        if path.startswith("/sitemap-") and path.endswith(".xml"):
            try:
                chunk = int(path[9:-4]) - 1
            except ValueError:
                return None
            lo, hi = chunk * SITEMAP_CHUNK + 1, min(self.n, (chunk + 1) * SITEMAP_CHUNK)
            rows = []
            for i in range(lo, hi + 1):
                a = self.article(i)
                rows.append(
                    f"<url><loc>{escape(a.url)}</loc><lastmod>{a.modified_at.isoformat()}</lastmod></url>"
                )
            return _xml(
                f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(rows)}</urlset>'
            )
        parts = path.split("/")
        if len(parts) == 4 and parts[1] == "berita" and parts[2].isdigit():
            i = int(parts[2])
            if 1 <= i <= self.n:
                a = self.article(i)
                if a.path == path:
                    return _article_page(a)
        return None


def _xml(body: str) -> RenderedPage:
    return RenderedPage(
        200, "application/xml; charset=utf-8", ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode()
    )


def _article_page(a: DemoArticle) -> RenderedPage:

    blocks = [Block("p", p) for p in a.paragraphs]
    blocks.insert(2, Block("baca", "Berita lain dari Sintesis hari ini", f"http://{HOST}/"))
    blocks.insert(4, Block("ad", ADS[0]))
    html = (
        environment()
        .get_template("tribun.html")
        .render(
            a=a,
            site=type("S", (), {"outlet": "Sintesis", "host": HOST})(),
            page=1,
            page_count=1,
            blocks=blocks,
            jsonld=_synthetic_jsonld(a),
            teaser=a.paragraphs[0][:120],
            date_long=date_long(a.published_at),
            today=date_long(a.modified_at),
            editor="Redaksi",
            caption=CAPTIONS[a.number % len(CAPTIONS)].format(outlet="Sintesis"),
            comments=COMMENTS[:2],
            ads=[ADS[1], ADS[2]],
            share=SHARE,
            newsletter=NEWSLETTER.format(outlet="Sintesis"),
            footer=FOOTER.format(year=2024, outlet="Sintesis"),
            related=[],
            popular=[],
            next_url=None,
            prev_url=None,
            mark=lambda text: text,
        )
    )
    return RenderedPage(
        200, "text/html; charset=utf-8", html.encode(), gold=a.gold_text, last_modified=a.modified_at
    )


def _synthetic_jsonld(a: DemoArticle) -> Markup:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published_at.isoformat(),
        "dateModified": a.modified_at.isoformat(),
        "author": {"@type": "Person", "name": a.author},
        "articleSection": a.section,
        "keywords": ", ".join(a.tags),
        "inLanguage": "id-ID",
        "url": a.url,
    }
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))  # noqa: S704
