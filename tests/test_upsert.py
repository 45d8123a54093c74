"""Upserts keyed on natural keys make every load re-runnable."""

from __future__ import annotations

import sqlalchemy as sa

from netra.db.schema import articles, sources
from netra.db.upsert import upsert


def _source(conn: sa.Connection) -> None:
    upsert(conn, sources, [{"name": "kabarborneo", "domain": "kabarborneo.example"}], key=["name"])


def _article(url: str, text: str, title: str = "Judul") -> dict:
    return {
        "canonical_url": url,
        "source_name": "kabarborneo",
        "title": title,
        "text": text,
        "content_hash": str(hash(text)),
    }


def test_insert_then_rerun_changes_nothing(engine: sa.Engine) -> None:
    rows = [_article(f"https://kabarborneo.example/berita/{i}", f"teks {i}") for i in range(25)]
    with engine.begin() as conn:
        _source(conn)
        first, written = upsert(conn, articles, rows, key=["canonical_url"], returning=["article_id"])
    assert (first.inserted, first.updated, first.unchanged) == (25, 0, 0)
    assert len({r.article_id for r in written}) == 25
    with engine.begin() as conn:
        before = conn.execute(sa.select(articles.c.article_id, articles.c.updated_at)).all()
        again, _ = upsert(conn, articles, rows, key=["canonical_url"])
        after = conn.execute(sa.select(articles.c.article_id, articles.c.updated_at)).all()
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 25)
    assert sorted(before) == sorted(after), "an unchanged row must not be rewritten"


def test_changed_row_is_updated_in_place(engine: sa.Engine) -> None:
    url = "https://kabarborneo.example/berita/1"
    with engine.begin() as conn:
        _source(conn)
        upsert(conn, articles, [_article(url, "lama")], key=["canonical_url"])
        (article_id,) = conn.execute(sa.select(articles.c.article_id)).one()
        res, _ = upsert(conn, articles, [_article(url, "baru", title="Judul baru")], key=["canonical_url"])
        row = conn.execute(sa.select(articles).where(articles.c.canonical_url == url)).one()
        count = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar()
    assert (res.inserted, res.updated, res.unchanged) == (0, 1, 0)
    assert (row.article_id, row.text, row.title, count) == (article_id, "baru", "Judul baru", 1)


def test_duplicate_keys_in_one_batch_keep_the_last(engine: sa.Engine) -> None:
    url = "https://kabarborneo.example/berita/2"
    rows = [_article(url, "versi satu"), _article(url, "versi dua")]
    with engine.begin() as conn:
        _source(conn)
        res, _ = upsert(conn, articles, rows, key=["canonical_url"])
        texts = conn.execute(sa.select(articles.c.text)).scalars().all()
    assert texts == ["versi dua"]
    assert res.inserted == 1 and res.total == 2


def test_batches_span_many_statements(engine: sa.Engine) -> None:
    rows = [_article(f"https://kabarborneo.example/b/{i}", f"t{i}") for i in range(2500)]
    with engine.begin() as conn:
        _source(conn)
        res, _ = upsert(conn, articles, rows, key=["canonical_url"], batch_size=1000)
        count = conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar()
    assert res.inserted == 2500 and count == 2500
