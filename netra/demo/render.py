"""Rendering the demo sites: article pages in each outlet's template, listings,
robots.txt, sitemaps, news sitemaps and RSS/Atom feeds.

Everything is rendered with Jinja2 autoescaping (the corpus is data, not markup).
Every boilerplate string a template prints goes through ``mark()``, so the
quality benchmark knows exactly which strings must not leak into extracted text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from markupsafe import escape as html_escape

from netra.demo.world import (
    ROBOTS_DISALLOWED,
    ROBOTS_DISALLOWED_PREFIX,
    SITES,
    DemoArticle,
    World,
    _rng,
    related,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
         "Oktober", "November", "Desember"]  # fmt: skip
ZONE = {7: "WIB", 8: "WITA", 9: "WIT"}

CAPTIONS = (
    "Ilustrasi petugas pengawas pemilu memeriksa berkas laporan dugaan pelanggaran. (Dok. {outlet})",
    "Suasana rapat koordinasi pengawasan netralitas aparatur sipil negara. ({outlet}/Dokumentasi)",
    "Foto ilustrasi aparatur sipil negara mengikuti apel pagi di halaman kantor bupati. ({outlet}/Istimewa)",
    "Petugas menunjukkan tangkapan layar unggahan yang dilaporkan warga. ({outlet}/Handout)",
)
COMMENTS = (
    ("Rudi_Hartono88", "Semoga pengawasan seperti ini juga berlaku di kabupaten kami, jangan tebang pilih."),
    ("Mak Ijah", "Sanksinya harus tegas biar ada efek jera buat pegawai yang lain."),
    (
        "warga_pesisir",
        "Netralitas itu harga mati untuk pelayan publik, setuju sekali dengan langkah pengawas.",
    ),
    ("Bang Togar", "Beritanya kurang lengkap, mohon redaksi menindaklanjuti tanggapan pihak terlapor."),
    ("Nur Aini", "Kasihan guru honorer yang sering ditekan atasan menjelang pemilihan seperti ini."),
    ("Kak Elsa", "Yang melapor juga harus dilindungi identitasnya supaya warga berani bersuara."),
)
ADS = (
    "ADVERTISEMENT",
    "Promo Spesial Paket Umrah Hemat Akhir Tahun, Hubungi Agen Resmi Kami Sekarang Juga",
    "Pasang Iklan Anda di Sini, Jangkau Ribuan Pembaca Setiap Hari",
)
SHARE = "Bagikan artikel ini ke media sosial Anda"
NEWSLETTER = (
    "Dapatkan update berita pilihan dan breaking news setiap hari dari {outlet}. "
    "Mari bergabung di saluran WhatsApp kami, caranya klik tautan berikut kemudian ikuti."
)
FOOTER = "Hak cipta {year} {outlet}. Dilarang mengutip atau menyalin tanpa izin redaksi."


@dataclass
class Block:
    kind: str
    text: str = ""
    href: str = ""
    html: Markup | None = None


@dataclass
class RenderedPage:
    """An HTTP answer: status, headers, body; and for article pages what extraction should give."""

    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    gold: str | None = None
    markers: list[str] = field(default_factory=list)
    last_modified: datetime | None = None


def zone_name(dt: datetime) -> str:
    offset = dt.utcoffset() or timedelta(hours=7)
    return ZONE.get(int(offset.total_seconds() // 3600), "WIB")


def date_long(dt: datetime) -> str:
    return f"{HARI[dt.weekday()]}, {dt.day} {BULAN[dt.month - 1]} {dt.year} {dt:%H:%M} {zone_name(dt)}"


def date_short(dt: datetime) -> str:
    return (
        f"{HARI[dt.weekday()]}, {dt.day:02d} {BULAN[dt.month - 1][:3]} {dt.year} {dt:%H:%M} {zone_name(dt)}"
    )


def _nl2br(value: str) -> Markup:
    return Markup("<br>").join(html_escape(line) for line in value.split("\n"))


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["nl2br"] = _nl2br
    return env


def _jsonld(a: DemoArticle, template: str) -> Markup:
    site = SITES[a.site]
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle" if template != "blogspot" else "BlogPosting",
        "headline": a.title,
        "url": a.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
        "datePublished": a.published_at.isoformat(),
        "dateModified": a.modified_at.isoformat(),
        "author": {"@type": "Person", "name": a.author}
        if a.author
        else {"@type": "Organization", "name": site.outlet},
        "publisher": {"@type": "Organization", "name": site.outlet, "url": f"http://{a.site}/"},
        "articleSection": a.section,
        "keywords": ", ".join(a.tags),
        "inLanguage": "id-ID",
        "image": f"http://{a.site}/foto/{a.number}.jpg",
    }
    data: object = article
    if template == "wordpress":
        # Yoast writes a @graph; the article node sits beside WebPage and Organization nodes.
        data = {
            "@context": "https://schema.org",
            "@graph": [
                {**article, "@context": None},
                {"@type": "WebPage", "@id": a.url, "name": a.title},
                {"@type": "WebSite", "@id": f"http://{a.site}/#website", "name": site.outlet},
            ],
        }
        data["@graph"][0].pop("@context")  # type: ignore[index]
    # "</" inside a script element would end it: escape it (scraped text is hostile).
    return Markup(json.dumps(data, ensure_ascii=False).replace("</", "<\\/"))  # noqa: S704


def _syndication_line(a: DemoArticle) -> Markup:
    """The republishing site's credit line, in the style of its network (values escaped by Markup.format)."""
    orig = a.syndicated_from
    assert orig is not None
    outlet = SITES[orig.site].outlet
    template = SITES[a.site].template
    if template == "detak":
        line = Markup('Baca artikel {}, "{}" selengkapnya <a href="{}">{}</a>')
        return line.format(outlet, orig.title, orig.url, orig.url)
    if template == "blogspot":
        return Markup('Sumber: <a href="{}">{}</a> ({})').format(orig.url, outlet, orig.url)
    if template == "wordpress":
        line = Markup('Berita ini telah terbit di {} dengan judul {}. Baca selengkapnya: <a href="{}">{}</a>')
        return line.format(orig.site, orig.title, orig.url, orig.url)
    line = Markup(
        'Artikel ini telah tayang di <a href="http://{}/">{}</a> dengan judul "{}", '
        'Klik untuk baca: <a href="{}">{}</a>.'
    )
    return line.format(orig.site, orig.site, orig.title, orig.url, orig.url)


def _blocks(world: World, a: DemoArticle, page: int) -> list[Block]:
    rng = _rng(a.key + "blocks")
    others = related(world, a, 6)
    indices = list(a.page_paragraphs(page))
    # The writer's own "Baca juga" lines, plus one or two more like the real sites add.
    baca: dict[int, list[Block]] = {}
    for idx, titles in a.baca.items():
        for title in titles:
            target = others[len(baca) % len(others)].url if others else "/"
            baca.setdefault(idx, []).append(Block("baca", title, target))
    if len(a.paragraphs) >= 4 and others:
        extra = [2] + ([5] if len(a.paragraphs) >= 8 else [])
        for n, idx in enumerate(extra):
            pick = others[(n + 2) % len(others)]
            baca.setdefault(idx, []).append(Block("baca", pick.title, pick.url))
    blocks: list[Block] = []
    ad_at = indices[min(3, len(indices) - 1)] if indices else -1
    for idx in indices:
        if idx != indices[0] or page == 1:
            blocks.extend(baca.get(idx, []))
        if idx == ad_at and idx != indices[0]:
            blocks.append(Block("ad", ADS[rng.randrange(len(ADS))]))
        blocks.append(Block("p", a.paragraphs[idx]))
    last_page = page == a.page_count
    if last_page:
        blocks.extend(baca.get(len(a.paragraphs), []))
        if a.syndicated_from is not None:
            blocks.append(Block("syndication", html=_syndication_line(a)))
    return blocks


def render_article(
    world: World,
    a: DemoArticle,
    page: int = 1,
    *,
    charset: str = "utf-8",
    template: str | None = None,
    extra: Mapping[str, str] | None = None,
) -> RenderedPage:
    """One page of an article in its site's template (or ``template``, a path under templates/).

    ``extra`` adds strings the template may print (held-out templates' own chrome).
    """
    site = SITES[a.site]
    outlet = site.outlet
    markers: list[str] = []

    def mark(text: str) -> str:
        markers.append(text)
        return text

    others = related(world, a, 8)
    rng = _rng(a.key)
    caption = CAPTIONS[rng.randrange(len(CAPTIONS))].format(outlet=outlet)
    comments = rng.sample(COMMENTS, 2)
    next_url = a.page_url(page + 1) if page < a.page_count else None
    prev_url = a.page_url(page - 1) if page > 1 else None
    context = {
        "a": a,
        "site": site,
        "page": page,
        "page_count": a.page_count,
        "blocks": _blocks(world, a, page),
        "jsonld": _jsonld(a, site.template),
        "teaser": " ".join(a.paragraphs[0].split()[:25]) if a.paragraphs else "",
        "date_long": date_long(a.published_at),
        "date_short": date_short(a.published_at),
        "date_day": f"{a.published_at.day} {BULAN[a.published_at.month - 1]} {a.published_at.year}",
        "date_blog": f"{HARI[a.published_at.weekday()]}, {a.published_at.day} {BULAN[a.published_at.month - 1]} {a.published_at.year}",
        "today": date_long(a.modified_at),
        "editor": ["Sudirman", "Wahyu Aji", "Rizka Amelia", "Faisal Tanjung"][a.number % 4],
        "caption": caption,
        "caption_kb": "Keterangan foto: " + caption,
        "comments": comments,
        "ads": [ADS[1], ADS[2]],
        "share": SHARE,
        "newsletter": NEWSLETTER.format(outlet=outlet),
        "footer": FOOTER.format(year=a.published_at.year, outlet=outlet),
        "copyright": f"COPYRIGHT © {outlet} {a.published_at.year}",
        "related": others[:4],
        "popular": others[4:8],
        "next_url": next_url,
        "prev_url": prev_url,
        "mark": mark,
        "charset": charset,
        **(extra or {}),
    }
    html = environment().get_template(template or f"{site.template}.html").render(**context)
    gold = (
        a.gold_text
        if page == 1 and a.page_count == 1
        else "\n\n".join(a.paragraphs[i] for i in a.page_paragraphs(page))
    )
    return RenderedPage(
        status=200,
        content_type=f"text/html; charset={charset}",
        body=html.encode("utf-8"),
        gold=gold,
        markers=[m for m in markers if len(m) >= 12],
        last_modified=a.modified_at,
    )


def render_listing(world: World, host: str, page: int) -> RenderedPage | None:
    site = SITES[host]
    items = world.by_site[host]
    per = site.per_listing_page
    pages = max(1, -(-len(items) // per))
    if not 1 <= page <= pages:
        return None
    chunk = items[(page - 1) * per : page * per]
    listed = [
        {
            "url": a.url,
            "title": a.title,
            "date": date_long(a.published_at),
            "teaser": " ".join((a.paragraphs[0] if a.paragraphs else a.title).split()[:20]) + " ...",
        }
        for a in chunk
    ]
    context = {
        "site": site,
        "page": page,
        "items": listed,
        "this_url": f"http://{host}{site.listing_path(page)}",
        "first_url": site.listing_path(1),
        "next_url": f"http://{host}{site.listing_path(page + 1)}" if page < pages else None,
        "prev_url": f"http://{host}{site.listing_path(page - 1)}" if page > 1 else None,
        "internal_link": f"http://{host}{ROBOTS_DISALLOWED[1]}"
        if page == 1 and host == ROBOTS_DISALLOWED[0]
        else None,
        # The hand-made CMS has no structured data on its index either.
        "structured": site.template != "handmade",
    }
    html = environment().get_template("listing.html").render(**context)
    newest = max((a.modified_at for a in chunk), default=None)
    return RenderedPage(200, "text/html; charset=utf-8", html.encode("utf-8"), last_modified=newest)


# --- robots.txt, sitemaps, feeds -------------------------------------------------------

SITEMAPS = {
    "tribunnusa.example": "/sitemap.xml",
    "detakdaerah.example": "/sitemap_news.xml",
    "suarawarga.example": "/sitemap.xml",
    "radarpesisir.example": "/wp-sitemap.xml",
    "antaranusa.example": "/sitemap-news.xml",
}
NEWS_SITEMAP_SIZE = 30
FEED_SIZE = 20


def robots(host: str) -> RenderedPage:
    lines = ["User-agent: *", "Disallow: /internal/", "Disallow: /cari", "Disallow: /wp-admin/"]
    if host == ROBOTS_DISALLOWED[0]:
        lines.append(f"Disallow: {ROBOTS_DISALLOWED_PREFIX}")
    lines.append("")
    if host in SITEMAPS:
        lines.append(f"Sitemap: http://{host}{SITEMAPS[host]}")
    lines += ["", "User-agent: BadBot", "Disallow: /", ""]
    return RenderedPage(200, "text/plain; charset=utf-8", "\n".join(lines).encode())


def _xml(body: str) -> RenderedPage:
    return RenderedPage(
        200, "application/xml; charset=utf-8", ('<?xml version="1.0" encoding="UTF-8"?>\n' + body).encode()
    )


def _urlset(entries: list[DemoArticle], *, news: bool) -> RenderedPage:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    out = [f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>']
    for a in entries:
        out.append(f"<url><loc>{escape(a.url)}</loc><lastmod>{a.modified_at.isoformat()}</lastmod>")
        if news:
            out.append(
                "<news:news><news:publication><news:name>"
                f"{escape(SITES[a.site].outlet)}</news:name><news:language>id</news:language></news:publication>"
                f"<news:publication_date>{a.published_at.isoformat()}</news:publication_date>"
                f"<news:title>{escape(a.title)}</news:title></news:news>"
            )
        out.append("</url>")
    out.append("</urlset>")
    return _xml("\n".join(out))


def _index(host: str, children: list[tuple[str, datetime]]) -> RenderedPage:
    out = ['<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for path, lastmod in children:
        out.append(
            f"<sitemap><loc>http://{host}{escape(path)}</loc><lastmod>{lastmod.isoformat()}</lastmod></sitemap>"
        )
    out.append("</sitemapindex>")
    return _xml("\n".join(out))


def _months(items: list[DemoArticle]) -> dict[str, list[DemoArticle]]:
    months: dict[str, list[DemoArticle]] = {}
    for a in items:
        months.setdefault(a.published_at.strftime("%Y-%m"), []).append(a)
    return months


def sitemap(world: World, host: str, path: str) -> RenderedPage | None:
    items = world.by_site[host]
    if host == "tribunnusa.example":
        months = _months(items)
        if path == "/sitemap.xml":
            children = [("/sitemap/news.xml", max(a.modified_at for a in items))]
            children += [
                (f"/sitemap/{m}.xml", max(a.modified_at for a in arts)) for m, arts in sorted(months.items())
            ]
            return _index(host, children)
        if path == "/sitemap/news.xml":
            return _urlset(items[:NEWS_SITEMAP_SIZE], news=True)
        if path.startswith("/sitemap/") and path[9:-4] in months:
            return _urlset(months[path[9:-4]], news=False)
    if host in ("detakdaerah.example", "antaranusa.example") and path == SITEMAPS[host]:
        return _urlset(items[:NEWS_SITEMAP_SIZE], news=True)
    if host == "suarawarga.example":
        if path == "/sitemap.xml":
            return _index(host, [("/sitemap.xml?page=1", max(a.modified_at for a in items))])
        if path == "/sitemap.xml?page=1":
            return _urlset(items, news=False)
    if host == "radarpesisir.example":
        if path == "/wp-sitemap.xml":
            return _index(host, [("/wp-sitemap-posts-post-1.xml", max(a.modified_at for a in items))])
        if path == "/wp-sitemap-posts-post-1.xml":
            return _urlset(items, news=False)
    return None


FEEDS = {
    "tribunnusa.example": "/rss",
    "detakdaerah.example": "/rss",
    "suarawarga.example": "/feeds/posts/default",
    "radarpesisir.example": "/feed/",
    "antaranusa.example": "/rss/terkini.xml",
}


def _rfc822(dt: datetime) -> str:
    from email.utils import format_datetime

    return format_datetime(dt)


def feed(world: World, host: str, path: str) -> RenderedPage | None:
    if FEEDS.get(host) != path:
        return None
    site = SITES[host]
    items = world.by_site[host][:FEED_SIZE]
    if host == "suarawarga.example":
        out = ['<feed xmlns="http://www.w3.org/2005/Atom">', f"<title>{escape(site.outlet)}</title>",
               f"<updated>{items[0].modified_at.isoformat()}</updated>"]  # fmt: skip
        for a in items:
            out.append(
                f"<entry><id>tag:blogger.com,1999:post-{a.number}</id><published>{a.published_at.isoformat()}</published>"
                f"<updated>{a.modified_at.isoformat()}</updated><title type='text'>{escape(a.title)}</title>"
                f"<link rel='alternate' type='text/html' href={quoteattr(a.url)}/></entry>"
            )
        out.append("</feed>")
        page = _xml("\n".join(out))
        page.content_type = "application/atom+xml; charset=utf-8"
        return page
    out = [
        '<rss version="2.0"><channel>',
        f"<title>{escape(site.outlet)}</title>",
        f"<link>http://{host}/</link>",
    ]
    for a in items:
        out.append(
            f"<item><title>{escape(a.title)}</title><link>{escape(a.url)}</link>"
            f"<guid isPermaLink='true'>{escape(a.url)}</guid><pubDate>{_rfc822(a.published_at)}</pubDate>"
            f"<description>{escape(' '.join((a.paragraphs[0] if a.paragraphs else '').split()[:30]))}</description></item>"
        )
    out.append("</channel></rss>")
    page = _xml("\n".join(out))
    page.content_type = "application/rss+xml; charset=utf-8"
    return page
