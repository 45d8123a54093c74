"""Extraction off the reactor thread: a process pool that turns response bodies into results.

trafilatura costs a few milliseconds of CPU per page; run inside Scrapy's reactor
thread it caps a crawl near 100 pages/s. Worker processes decode, classify,
extract and compress each page while the reactor keeps downloading.

Pages go to the pool in batches (:class:`ExtractionPool`): each task costs the
reactor's process a pickle, a pipe write and thread hand-offs both ways, so the
pages whose responses arrive in one reactor iteration travel together.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from scrapers.assemble import read_page
from scrapers.extract import PageResult

# Pages per pool task at most; fewer when there are fewer than this per worker waiting.
MAX_BATCH = 8

PageArgs = tuple[bytes, str, "str | None", tuple[str, ...]]


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


def process_page(
    body: bytes, url: str, content_type: str | None, selectors: tuple[str, ...] = ()
) -> Extracted:
    """Decode, check, extract and compress one page (runs in a worker process)."""
    started = time.perf_counter()
    page = read_page(body, url, content_type, selectors)
    return Extracted(
        url=url,
        result=page.result,
        encoding=page.decoded.encoding,
        charset_mismatch=page.decoded.mismatch,
        declared_charset=page.decoded.declared,
        malformed=page.malformed,
        html_gz=gzip.compress(body, compresslevel=1),  # fast; HTML still shrinks about 4x
        sha256=hashlib.sha256(body).hexdigest(),
        size=len(body),
        seconds=time.perf_counter() - started,
    )


def process_pages(pages: Sequence[PageArgs]) -> list[Extracted | Exception]:
    """:func:`process_page` for a batch; a page that raises fails alone."""
    out: list[Extracted | Exception] = []
    for args in pages:
        try:
            out.append(process_page(*args))
        except Exception as exc:
            out.append(exc)
    return out


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


class ExtractionPool:
    """The crawl's extraction processes, fed in batches from the reactor's event loop.

    :meth:`extract` queues a page and awaits its result. Queued pages leave at the end
    of the current loop iteration (or as soon as every worker has a full batch), split
    over the workers. A pool whose process died (a crash on hostile input) is replaced
    once; if the batch breaks it again, its pages go one by one so only the culprit fails.
    """

    def __init__(
        self,
        workers: int,
        stats: Counter[str],
        *,
        max_batch: int = MAX_BATCH,
        page_fn: Callable[..., Extracted] = process_page,
        batch_fn: Callable[[Sequence[PageArgs]], list[Extracted | Exception]] = process_pages,
    ) -> None:
        self.workers = workers or max(1, os.cpu_count() or 1)
        self.stats = stats
        self.max_batch = max_batch
        self.page_fn = page_fn
        self.batch_fn = batch_fn
        self.executor = make_pool(self.workers)
        self._pending: list[tuple[PageArgs, asyncio.Future[Extracted]]] = []
        self._flush_scheduled = False
        self._tasks: set[asyncio.Task[None]] = set()
        # One batch at a time goes page by page: a culprit killing the shared pool again and again
        # must not also take down the pages another batch is isolating at the same moment.
        self._isolating = asyncio.Lock()

    async def extract(
        self, body: bytes, url: str, content_type: str | None, selectors: tuple[str, ...] = ()
    ) -> Extracted:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Extracted] = loop.create_future()
        self._pending.append(((body, url, content_type, selectors), future))
        if len(self._pending) >= self.max_batch * self.workers:
            self._dispatch()
        elif not self._flush_scheduled:
            self._flush_scheduled = True
            loop.call_soon(self._dispatch)
        return await future

    def _dispatch(self) -> None:
        self._flush_scheduled = False
        pending, self._pending = self._pending, []
        if not pending:
            return
        chunks = max(self.workers, -(-len(pending) // self.max_batch))
        size = -(-len(pending) // chunks)
        for start in range(0, len(pending), size):
            self.stats["extraction_batches"] += 1
            task = asyncio.ensure_future(self._run(pending[start : start + size]))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _submit(self, fn: Callable[..., object], *args: object) -> object:
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            executor = self.executor
            try:
                return await loop.run_in_executor(executor, fn, *args)
            except BrokenProcessPool:
                if attempt == 2:
                    raise
                if executor is self.executor:  # the first to notice replaces it
                    self.stats["extraction_pool_restarts"] += 1
                    executor.shutdown(wait=False, cancel_futures=True)
                    self.executor = make_pool(self.workers)
        raise AssertionError("unreachable")

    async def _run(self, batch: list[tuple[PageArgs, asyncio.Future[Extracted]]]) -> None:
        outcomes: list[object]
        try:
            outcomes = list(await self._submit(self.batch_fn, [args for args, _ in batch]))  # type: ignore[call-overload]
        except BrokenProcessPool as exc:
            if len(batch) == 1:
                outcomes = [exc]
            else:
                # One page kills its worker: one by one, so only that page fails.
                outcomes = []
                async with self._isolating:
                    for args, _ in batch:
                        try:
                            outcomes.append(await self._submit(self.page_fn, *args))
                        except Exception as page_exc:  # handed to that page's caller
                            outcomes.append(page_exc)
        except Exception as exc:  # the pool itself failed: every page of the batch says so
            outcomes = [exc] * len(batch)
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():
                continue
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)  # type: ignore[arg-type]

    def shutdown(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
