"""Extraction off the reactor thread: a process pool that turns response bodies into results.

trafilatura costs a few milliseconds of CPU per page; run inside Scrapy's reactor
thread it caps a crawl near 100 pages/s. Worker processes decode, classify,
extract and compress each page while the reactor keeps downloading.
"""

from __future__ import annotations

import gzip
import hashlib
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from scrapers.encoding import decode_html
from scrapers.extract import PageResult, extract_page

# More than this share of control or replacement characters: not a usable HTML document.
MALFORMED_SHARE = 0.005


@dataclass
class Extracted:
    """What a worker returns for one page."""

    url: str
    result: PageResult | None
    encoding: str
    charset_mismatch: bool
    declared_charset: str | None
    malformed: bool
    html_gz: bytes
    sha256: str
    size: int
    seconds: float = 0.0


def _malformed(text: str) -> bool:
    if not text.strip():
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\t\n\r") or ch == "\ufffd")
    return bad > MALFORMED_SHARE * len(text)


def process_page(
    body: bytes, url: str, content_type: str | None, selectors: tuple[str, ...] = ()
) -> Extracted:
    """Decode, check, extract and compress one page (runs in a worker process)."""
    started = time.perf_counter()
    decoded = decode_html(body, content_type)
    malformed = _malformed(decoded.text)
    result = None if malformed else extract_page(decoded.text, url, cleanup_selectors=selectors)
    if (
        result is not None
        and result.article is None
        and result.kind == "other"
        and "<html" not in decoded.text[:2000].lower()
    ):
        malformed = True
    return Extracted(
        url=url,
        result=result,
        encoding=decoded.encoding,
        charset_mismatch=decoded.mismatch,
        declared_charset=decoded.declared,
        malformed=malformed,
        html_gz=gzip.compress(body, compresslevel=1),  # fast; HTML still shrinks about 4x
        sha256=hashlib.sha256(body).hexdigest(),
        size=len(body),
        seconds=time.perf_counter() - started,
    )


def _orphan_guard(parent: int) -> None:
    """Exit when ``parent`` dies (a process killed with SIGKILL cannot stop its children)."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _warm(parent: int) -> None:
    threading.Thread(target=_orphan_guard, args=(parent,), daemon=True).start()
    # Import trafilatura and friends before the first page arrives.
    import trafilatura  # noqa: F401


def make_pool(workers: int) -> ProcessPoolExecutor:
    """``workers`` extraction processes (0: one per CPU). Spawned, never forked: the parent runs a reactor."""
    count = workers or max(1, os.cpu_count() or 1)
    return ProcessPoolExecutor(
        max_workers=count,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_warm,
        initargs=(os.getpid(),),
    )
