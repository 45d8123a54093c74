"""The extraction pool: pages travel in batches, each result reaches its own page, and a page
that kills its worker process fails alone while the others of its batch are extracted."""

from __future__ import annotations

import asyncio
import os
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from scrapers.pool import Extracted, ExtractionPool, PageArgs, process_page, process_pages

PAGE = (
    "<html><head><title>Berita {n}</title></head><body><article>"
    + "".join(
        f"<p>Paragraf {{n}}-{i}: Bawaslu kabupaten memeriksa aparatur yang diduga ikut kampanye "
        "calon bupati di lapangan desa bersama warga setempat.</p>"
        for i in range(5)
    )
    + "</article></body></html>"
)


def _crashing_batch(pages: Sequence[PageArgs]) -> list[Extracted | Exception]:
    if any("crash" in url for _, url, _, _ in pages):
        os._exit(3)  # what a segfault in a C parser on hostile input looks like to the pool
    return process_pages(pages)


def _crashing_page(body: bytes, url: str, content_type: str | None, selectors: tuple[str, ...]) -> Extracted:
    if "crash" in url:
        os._exit(3)
    return process_page(body, url, content_type, selectors)


async def _gather(pool: ExtractionPool, urls: list[str]) -> list[Extracted | BaseException]:
    pages = [(PAGE.format(n=n).encode(), url) for n, url in enumerate(urls)]
    return await asyncio.gather(
        *(pool.extract(body, url, "text/html; charset=utf-8") for body, url in pages), return_exceptions=True
    )


def _extract_all(pool: ExtractionPool, urls: list[str]) -> list[Extracted | BaseException]:
    # A loop of its own in a thread of its own: in a full test run another test's event loop
    # (Playwright's) may still be running in the main thread.
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(asyncio.run, _gather(pool, urls)).result()


def test_pages_travel_in_batches_and_results_reach_their_pages() -> None:
    stats: Counter[str] = Counter()
    pool = ExtractionPool(2, stats, max_batch=8)
    urls = [f"http://contoh.example/berita/{n}" for n in range(40)]
    try:
        results = _extract_all(pool, urls)
    finally:
        pool.shutdown()
    for n, (url, result) in enumerate(zip(urls, results, strict=True)):
        assert isinstance(result, Extracted), result
        assert result.url == url
        assert result.result is not None and result.result.article is not None
        assert f"Paragraf {n}-0" in result.result.article.text
    # 40 pages queued in one loop iteration: at most 8 per task, and far fewer tasks than pages.
    assert 5 <= stats["extraction_batches"] < 40


def test_a_page_that_kills_its_worker_fails_alone() -> None:
    stats: Counter[str] = Counter()
    pool = ExtractionPool(2, stats, max_batch=8, batch_fn=_crashing_batch, page_fn=_crashing_page)
    urls = [f"http://contoh.example/berita/{n}" for n in range(6)] + ["http://contoh.example/crash"]
    try:
        results = _extract_all(pool, urls)
    finally:
        pool.shutdown()
    assert isinstance(results[-1], Exception)
    assert all(isinstance(r, Extracted) and r.result is not None for r in results[:-1]), results
    assert stats["extraction_pool_restarts"] >= 1
