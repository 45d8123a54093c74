"""Near-duplicate clusters and the batched loaders, on a real database."""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlalchemy as sa

from netra.dedup import Doc, cluster, update_clusters
from netra.demo.world import World
from netra.loaders.articles import ArticleRow, PageRow, load_articles, load_pages
from scrapers.extract import canonicalize


def _docs(world: World) -> list[Doc]:
    ids = {a.key: i for i, a in enumerate(world.labelled(), start=1)}
    return [
        Doc(
            ids[a.key],
            a.gold_text,
            a.published_at,
            canonicalize(a.url),
            canonicalize(a.syndicated_from.url) if a.syndicated_from else None,
        )
        for a in world.labelled()
    ]


def test_copies_and_rewrites_cluster_with_their_original_and_nothing_else(world: World) -> None:
    docs = _docs(world)
    by_id = {i: a for i, a in enumerate(world.labelled(), start=1)}
    assignments = cluster(docs, threshold=0.6)
    clusters: dict[int, set[str]] = {}
    for x in assignments:
        clusters.setdefault(x.cluster_id, set()).add(by_id[x.article_id].key)
        if x.is_canonical:
            assert by_id[x.article_id].syndicated_from is None
    expected: dict[str, set[str]] = {}
    for a in world.labelled():
        if a.syndicated_from is not None:
            expected.setdefault(a.syndicated_from.key, {a.syndicated_from.key}).add(a.key)
    assert sorted(map(sorted, clusters.values())) == sorted(map(sorted, expected.values()))
    assert any(a.rewritten for a in world.labelled()), "some copies are rewrites, not verbatim"


def test_text_alone_clusters_a_copy_without_syndication_line() -> None:
    base = " ".join(f"kalimat{i} tentang netralitas aparatur sipil negara di daerah" for i in range(40))
    t0 = datetime.fromisoformat("2024-03-01T08:00:00+07:00")
    docs = [
        Doc(1, base, t0, "http://a.example/1", None),
        Doc(
            2, base + " Penambahan satu kalimat penutup.", t0 + timedelta(hours=2), "http://b.example/1", None
        ),
        Doc(
            3,
            "Berita lain sama sekali tentang banjir di pesisir utara. " * 20,
            t0,
            "http://c.example/1",
            None,
        ),
    ]
    out = {x.article_id: x for x in cluster(docs, threshold=0.6)}
    assert set(out) == {1, 2}
    assert out[1].is_canonical and out[2].cluster_id == 1 and out[2].similarity >= 0.9


def _page(url: str) -> PageRow:
    return PageRow(url=url, source_name=None, http_status=200, page_kind="article", html_sha256="x")


def _article(url: str, text: str) -> ArticleRow:
    return ArticleRow(
        canonical_url=url,
        source_name=None,
        page_url=url,
        title="Judul",
        author=None,
        published_at=datetime.fromisoformat("2024-03-01T08:00:00+07:00"),
        section=None,
        tags=["a"],
        language="id",
        text=text,
        syndicated_from_outlet=None,
        syndicated_from_url=None,
        extractor_version="v1",
    )


def test_loads_are_idempotent_upserts(engine: sa.Engine) -> None:
    urls = [f"http://x.example/{i}" for i in range(5)]
    with engine.begin() as conn:
        ids = load_pages(conn, None, [_page(u) for u in urls])
        first = load_articles(conn, ids, [_article(u, f"teks {u}") for u in urls])
    with engine.begin() as conn:
        ids = load_pages(conn, None, [_page(u) for u in urls])
        again = load_articles(conn, ids, [_article(u, f"teks {u}") for u in urls])
        changed = load_articles(conn, ids, [_article(urls[0], "teks baru")])
    assert (first.articles_new, again.articles_new, again.articles_unchanged) == (5, 0, 5)
    assert (changed.articles_updated, changed.articles_new) == (1, 0)
    with engine.connect() as conn:
        assert conn.execute(sa.text("select count(*) from raw.articles")).scalar() == 5
        assert conn.execute(sa.text("select count(*) from raw.pages")).scalar() == 5


def test_update_clusters_writes_and_retracts_rows(engine: sa.Engine) -> None:
    text = " ".join(f"paragraf{i} tentang camat yang ikut kampanye bakal calon" for i in range(30))
    urls = ["http://a.example/1", "http://b.example/1"]
    with engine.begin() as conn:
        ids = load_pages(conn, None, [_page(u) for u in urls])
        loaded = load_articles(conn, ids, [_article(u, text) for u in urls])
        duplicates = update_clusters(conn, loaded.article_ids, threshold=0.6, window_days=30)
    assert len(duplicates) == 1
    with engine.begin() as conn:
        rewritten = load_articles(
            conn, ids, [_article(urls[1], "Teks yang sekarang sama sekali lain. " * 30)]
        )
        assert update_clusters(conn, rewritten.article_ids, threshold=0.6, window_days=30) == set()
        assert conn.execute(sa.text("select count(*) from raw.article_clusters")).scalar() == 0
