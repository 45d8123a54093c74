"""Re-extraction goes through the crawler's own steps (scrapers.assemble): the same bytes give the
same row, and the source's cleanup selectors (as raw.sources holds them) apply."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from netra.config import Settings
from netra.demo.sites import serve
from netra.demo.world import World
from scrapers.extract import canonicalize
from scrapers.reextract import reextract
from scrapers.run import crawl
from tests.crawl.conftest import fast


def test_reextract_matches_the_crawl_and_applies_the_source_selectors(
    settings: Settings, engine: sa.Engine, corpus_dir: Path, world: World
) -> None:
    with serve(corpus_dir=corpus_dir) as demo:
        crawl(["tribunnusa"], None, settings=fast(demo.settings(settings)))
    with engine.connect() as conn:
        stored = dict(
            conn.execute(
                sa.text("select canonical_url, metadata from raw.articles where source_name = 'tribunnusa'")
            ).all()
        )
    assert len(stored) > 20

    same = reextract(engine, sources=["tribunnusa"], everything=True)
    assert (same.considered, same.updated, same.unchanged, same.failed) == (len(stored), 0, len(stored), 0)

    # A selector added to the source's registry entry removes the first paragraph of every article.
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "update raw.sources set config = jsonb_set(config, '{cleanup_selectors}', "
                """'["div.paging", "#arttext > p:first-child"]') where name = 'tribunnusa'"""
            )
        )
    cut = reextract(engine, sources=["tribunnusa"], everything=True)
    assert cut.updated >= 1
    # An article whose text starts with a plain paragraph (no "Baca juga" box before it) lost it.
    article = next(
        a
        for a in world.by_site["tribunnusa.example"]
        if a.broken is None and 0 not in a.baca and a.page_count == 1 and canonicalize(a.url) in stored
    )
    with engine.connect() as conn:
        row = conn.execute(
            sa.text("select text, metadata from raw.articles where canonical_url = :u"),
            {"u": canonicalize(article.url)},
        ).one()
    first = " ".join(article.paragraphs[0].split())[:60]
    assert first not in " ".join(row.text.split())
    assert " ".join(article.paragraphs[1].split())[:60] in " ".join(row.text.split())
    # What the crawl recorded about the fetch survives re-extraction.
    assert row.metadata["fetched_for_lastmod"] == stored[canonicalize(article.url)]["fetched_for_lastmod"]
    assert row.metadata["pages"] == stored[canonicalize(article.url)]["pages"]
