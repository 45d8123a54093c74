"""extract(html, url) on the demo sites' pages and on hostile input: text, metadata, boilerplate."""

from __future__ import annotations

from datetime import datetime

import pytest

from netra.demo.quality import LabelledPage, labelled_pages, leaks, token_f1
from netra.demo.render import render_listing
from netra.demo.world import SITES, World
from scrapers.dates import parse_indonesian, parse_iso
from scrapers.encoding import decode_html
from scrapers.extract import canonicalize, extract, extract_page, merge_pages
from scrapers.syndication import match_line


def test_text_matches_gold_on_every_demo_page_without_leaks(world: World) -> None:
    scores: list[float] = []
    leaked: dict[str, list[str]] = {}
    for page in labelled_pages(world):
        article = extract(page.html, page.url)
        assert article is not None, page.url
        scores.append(token_f1(article.text, page.gold))
        if found := leaks(article.text, page.markers, page.gold):
            leaked[page.url] = found
        assert scores[-1] >= 0.95, f"{page.url}: F1 {scores[-1]:.3f}"
    assert len(scores) >= 150
    assert sum(scores) / len(scores) >= 0.985
    assert leaked == {}


@pytest.fixture(scope="module")
def pages_by_key(world: World) -> dict[str, list[LabelledPage]]:
    out: dict[str, list[LabelledPage]] = {}
    for page in labelled_pages(world):
        out.setdefault(page.article.key, []).append(page)
    return out


def test_metadata_on_every_demo_site(world: World, pages_by_key: dict[str, list[LabelledPage]]) -> None:
    """Title, date (instant), author and canonical URL, from JSON-LD, meta tags or the byline alone."""
    for article in world.labelled():
        page = pages_by_key[article.key][0]
        got = extract(page.html, page.url)
        assert got is not None
        assert got.title == article.title, page.url
        assert got.published_at == article.published_at, (page.url, got.date_source)
        assert got.published_at.tzinfo is not None
        assert got.canonical_url == canonicalize(article.url)
        assert got.language == "id"
        if article.author and not article.author.lower().startswith(("admin", "redaksi", "tim ")):
            assert got.author == article.author, page.url


def test_byline_only_site_gets_date_and_zone_from_the_byline(
    world: World, pages_by_key: dict[str, list[LabelledPage]]
) -> None:
    article = next(a for a in world.by_site["kabarborneo.example"] if a.broken is None)
    page = pages_by_key[article.key][0]
    assert b"ld+json" not in page.html
    got = extract(page.html, page.url)
    assert got is not None and got.date_source == "byline"
    assert got.published_at == article.published_at


def test_syndicated_copies_name_their_original(
    world: World, pages_by_key: dict[str, list[LabelledPage]]
) -> None:
    copies = [a for a in world.labelled() if a.syndicated_from is not None]
    assert copies, "the corpus has syndicate_to entries"
    for copy in copies:
        parts = [extract(p.html, p.url) for p in pages_by_key[copy.key]]
        merged = merge_pages([p for p in parts if p is not None])
        assert merged.syndicated_from_url is not None, copy.url
        assert canonicalize(merged.syndicated_from_url) == canonicalize(copy.syndicated_from.url)
        assert "telah tayang" not in merged.text and "selengkapnya" not in merged.text


def test_paged_article_merges_into_one_text(
    world: World, pages_by_key: dict[str, list[LabelledPage]]
) -> None:
    # The seeds are real scraped texts that carry their site's chrome: score a written article.
    paged = next(a for a in world.labelled() if a.page_count > 1 and not a.corpus_id.startswith("seed"))
    pages = pages_by_key[paged.key]
    first = extract(pages[0].html, pages[0].url)
    assert first is not None and first.next_page_url == paged.page_url(2)
    merged = merge_pages([extract(p.html, p.url) for p in pages])  # type: ignore[misc]
    assert token_f1(merged.text, paged.gold_text) >= 0.99
    assert merged.pages == [paged.url, paged.page_url(2)]
    assert canonicalize(paged.page_url(2)) == canonicalize(paged.url)


def test_listing_pages_are_not_articles(world: World) -> None:
    for host in SITES:
        page = render_listing(world, host, 1)
        assert page is not None
        result = extract_page(page.body, f"http://{host}{SITES[host].listing_path(1)}")
        assert result.kind == "listing", host
        assert result.article is None


@pytest.mark.parametrize(
    "body",
    [b"", b"   ", b"\x00\x01\x02\xff" * 100, b"%PDF-1.4 binary", "<html><body><p>pendek</p></body></html>"],
)
def test_garbage_is_no_article_and_no_crash(body: bytes | str) -> None:
    assert extract(body, "http://x.example/a") is None


def test_hostile_markup_stays_text() -> None:
    html = (
        '<html lang="id"><head><title>Judul &lt;script&gt;</title>'
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"<img src=x onerror=alert(1)>",'
        '"datePublished":"2024-02-01T10:00:00"}</script></head><body><article>'
        + "".join(
            f"<p>Paragraf {i} tentang netralitas ASN yang cukup panjang untuk dihitung sebagai isi berita.</p>"
            for i in range(6)
        )
        + "<script>alert(1)</script></article></body></html>"
    )
    article = extract(html, "http://x.example/berita/1")
    assert article is not None
    assert article.title == "<img src=x onerror=alert(1)>"  # kept as text; escaping is the display's job
    assert "alert(1)" not in article.text
    assert article.published_at == datetime.fromisoformat("2024-02-01T10:00:00+07:00")  # no zone: Jakarta


def test_indonesian_bylines_and_zones() -> None:
    assert parse_indonesian("Kamis, 5 Desember 2024 | 10:15 WITA") == parse_iso("2024-12-05T10:15:00+08:00")
    assert parse_indonesian("Senin, 02 Sep 2024 07:05 WIT") == parse_iso("2024-09-02T07:05:00+09:00")
    assert parse_indonesian("10/01/2024 14:25 WIB") == parse_iso("2024-01-10T14:25:00+07:00")
    assert parse_indonesian("tanpa tanggal") is None


@pytest.mark.parametrize(
    ("line", "outlet", "url"),
    [
        (
            'Artikel ini telah tayang di Kompas.com dengan judul "Camat Dilaporkan", Klik untuk baca: '
            "https://regional.kompas.com/read/2024/01/10/1/camat.",
            "Kompas.com",
            "https://regional.kompas.com/read/2024/01/10/1/camat",
        ),
        (
            'Baca artikel detikSulsel, "Lurah Diperiksa Bawaslu" selengkapnya https://www.detik.com/sulsel/berita/d-1/lurah',
            "detikSulsel",
            "https://www.detik.com/sulsel/berita/d-1/lurah",
        ),
        ("Berita ini telah terbit di antaranews.com dengan judul Kades Disanksi", "antaranews.com", None),
    ],
)
def test_syndication_lines(line: str, outlet: str, url: str | None) -> None:
    found = match_line(line)
    assert found is not None and found.outlet == outlet and found.url == url


def test_a_sentence_mentioning_syndication_is_not_a_syndication_line() -> None:
    assert (
        match_line("Menurut dia, artikel ini telah tayang di banyak grup WhatsApp warga sejak pekan lalu.")
        is None
    )


def test_wrong_declared_charset_is_detected_and_repaired() -> None:
    text = "Bawaslu – “netral” adalah harga mati"
    cp1252 = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p></body></html>".encode("cp1252")
    decoded = decode_html(cp1252, "text/html; charset=utf-8")
    assert decoded.mismatch and text in decoded.text
    utf8_as_latin1 = f"<html><body><p>{text}</p></body></html>".encode()
    decoded = decode_html(utf8_as_latin1, "text/html; charset=iso-8859-1")
    assert decoded.mismatch and text in decoded.text
    fine = decode_html(utf8_as_latin1, "text/html; charset=utf-8")
    assert not fine.mismatch and text in fine.text


def test_canonical_url_drops_paging_and_tracking_but_keeps_ids() -> None:
    assert canonicalize("HTTP://Tribun.Example/a/b?page=2&utm_source=fb#x") == "http://tribun.example/a/b"
    assert canonicalize("http://kb.example/index.php?mod=berita&id=7") == canonicalize(
        "http://kb.example/index.php?id=7&mod=berita"
    )
    assert "id=7" in canonicalize("http://kb.example/index.php?mod=berita&id=7")
