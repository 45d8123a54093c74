"""Crawl + extract + load throughput against a synthetic loopback site (default 10,000 articles).

Prints pages/s, peak memory of the crawl (worker and extraction processes), the
per-article split between fetch, extract and load, and extraction cost against
bare ``trafilatura.extract`` on the same pages, side by side in one run. Saves a
chart to bench/results/crawl.png.

    python bench/bench_crawl.py [--articles N] [--workers W]

Targets (issue 3): >= 150 pages/s on 2 cores; extraction <= 1.3x bare trafilatura.
"""

from __future__ import annotations

import argparse
import os
import threading
import time
from pathlib import Path

import psutil
import sqlalchemy as sa
from rich.console import Console
from rich.table import Table

from netra.config import Settings
from netra.db import embedded, migrate
from netra.demo.sites import serve
from netra.demo.synthetic import SyntheticSite
from scrapers.run import crawl

RESULTS = Path(__file__).resolve().parent / "results"
out = Console(width=150)


class Sampler:
    """Samples process trees every 0.2 s: peak memory of the crawl's, CPU seconds of each.

    On a shared machine the wall-clock rate depends on what else runs; the CPU seconds
    the crawl really used (worker, extraction pool, fixture server, PostgreSQL) give a
    load-independent figure: what two idle cores would sustain.
    """

    def __init__(self, **roots: int | None) -> None:
        self.roots = dict(roots)
        self.peak = 0
        self.cpu: dict[str, dict[int, float]] = {name: {} for name in roots}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            for name, pid in list(self.roots.items()):
                if pid is None:
                    continue
                try:
                    root = psutil.Process(pid)
                    procs = [root, *root.children(recursive=True)]
                except psutil.Error:
                    continue
                rss = 0
                for proc in procs:
                    try:
                        times = proc.cpu_times()
                        self.cpu[name][proc.pid] = times.user + times.system
                        rss += proc.memory_info().rss
                    except psutil.Error:
                        pass
                if name == "crawl":
                    self.peak = max(self.peak, rss)

    def seconds(self, name: str) -> float:
        return sum(self.cpu[name].values())

    def __enter__(self) -> Sampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu(pid: int) -> float:
    """CPU seconds of a process and its live children."""
    try:
        root = psutil.Process(pid)
        total = 0.0
        for proc in [root, *root.children(recursive=True)]:
            times = proc.cpu_times()
            total += (
                times.user
                + times.system
                + getattr(times, "children_user", 0)
                + getattr(times, "children_system", 0)
            )
        return total
    except psutil.Error:
        return 0.0


def extraction_side_by_side(pages: int) -> dict[str, float]:
    """Milliseconds per page: Netra's extract vs bare trafilatura, same pages, same process."""
    import trafilatura

    from scrapers.extract import extract

    site = SyntheticSite(pages)
    docs: list[tuple[str, bytes]] = []
    for i in range(1, pages + 1):
        page = site.render(site.article(i).path)
        assert page is not None
        docs.append((site.article(i).url, page.body))
    timings: dict[str, list[float]] = {}
    runs = {
        "netra extract": lambda html, url: extract(html, url),
        "trafilatura.extract (defaults)": lambda html, url: trafilatura.extract(html, url=url),
        "trafilatura.extract (favor_precision)": lambda html, url: trafilatura.extract(
            html, url=url, favor_precision=True
        ),
    }
    for _ in range(2):  # interleaved rounds: machine noise hits every extractor alike
        for name, run in runs.items():
            started = time.perf_counter()
            for url, html in docs:
                run(html, url)
            timings.setdefault(name, []).append((time.perf_counter() - started) / len(docs) * 1000)
    return {name: min(values) for name, values in timings.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=int(os.environ.get("NETRA_BENCH_ARTICLES", 10_000)))
    parser.add_argument("--workers", type=int, default=0, help="extraction processes (0: one per CPU)")
    parser.add_argument("--concurrency", type=int, default=32)
    args = parser.parse_args()

    with embedded.scratch("netra-bench-crawl-", "bench") as (home, server):
        url = server.url("bench")
        engine = sa.create_engine(url)
        migrate.upgrade(engine)
        base = Settings(
            database_url=url,
            home=home,
            crawl_download_delay=0,
            crawl_autothrottle=False,
            crawl_concurrency=args.concurrency,
            crawl_concurrency_per_domain=args.concurrency,
            crawl_extract_workers=args.workers,
            crawl_batch_size=500,
        )
        out.print(f"synthetic site: {args.articles} articles; CPUs: {os.cpu_count()}")
        load_before = os.getloadavg()[0]
        # Pages are rendered before the clock starts: the fixture server is not what is measured.
        with serve(synthetic=args.articles, prerender=True) as demo:
            server_cpu0 = _cpu(demo.pid)
            pg_cpu0 = _cpu(server.pid)
            with Sampler(crawl=None) as rss:
                started = time.perf_counter()
                summary = crawl(
                    ["sintesis"],
                    None,
                    settings=demo.settings(base),
                    progress=lambda e: rss.roots.__setitem__("crawl", e.get("pid")),
                )
                wall = time.perf_counter() - started
            server_cpu = _cpu(demo.pid) - server_cpu0
        pg_cpu = _cpu(server.pid) - pg_cpu0
        stats = summary.stats
        articles = summary.articles_new + summary.articles_updated + summary.articles_unchanged
        crawl_seconds = float(stats.get("seconds", wall))
        fetched = int(stats.get("article_pages_fetched", 0))
        table = Table(title="crawl + extract + load")
        table.add_column("figure")
        table.add_column("value", justify="right")
        table.add_row("article pages fetched", str(fetched))
        table.add_row("articles stored", str(articles))
        table.add_row("errors", str(summary.errors or 0))
        table.add_row("crawl seconds (reactor running)", f"{crawl_seconds:.1f}")
        table.add_row("wall seconds (incl. start-up, dedup, run bookkeeping)", f"{wall:.1f}")
        table.add_row("[bold]pages/s (crawl)[/]", f"[bold]{fetched / crawl_seconds:.0f}[/]")
        table.add_row("pages/s (wall)", f"{fetched / wall:.0f}")
        table.add_row("peak memory, crawl process tree (MB)", f"{rss.peak / 1e6:.0f}")
        crawl_cpu = rss.seconds("crawl")
        total_cpu = crawl_cpu + server_cpu + pg_cpu
        worker_pid = rss.roots.get("crawl")
        worker_cpu = rss.cpu["crawl"].get(worker_pid, 0.0) if worker_pid else 0.0
        table.add_row("CPU s: crawl worker + extraction pool", f"{crawl_cpu:.1f}")
        table.add_row("  of which crawl worker (reactor, loading, start-up, dedup)", f"{worker_cpu:.1f}")
        table.add_row("  of which extraction pool", f"{crawl_cpu - worker_cpu:.1f}")
        table.add_row("CPU s: fixture server", f"{server_cpu:.1f}")
        table.add_row("CPU s: PostgreSQL", f"{pg_cpu:.1f}")
        table.add_row(
            "[bold]pages/s two idle cores sustain (2 / CPU s per page)[/]",
            f"[bold]{2 * fetched / total_cpu:.0f}[/]" if total_cpu else "-",
        )
        table.add_row(
            "load average before / after (other work on the machine)",
            f"{load_before:.1f} / {os.getloadavg()[0]:.1f}",
        )
        per = max(fetched, 1)
        split = {
            "fetch (download latency)": float(stats.get("download_seconds", 0)) / per * 1000,
            "extract (in pool workers)": float(stats.get("extract_seconds", 0)) / per * 1000,
            "load (batched upserts)": float(stats.get("load_seconds", 0)) / per * 1000,
        }
        for name, ms in split.items():
            table.add_row(f"ms per article: {name}", f"{ms:.2f}")
        out.print(table)
        out.print(
            "fetch and extract overlap (concurrent requests, extraction in separate processes); the split is "
            "CPU/latency per article, not a share of wall time."
        )

        side = extraction_side_by_side(min(500, args.articles))
        t2 = Table(title="extraction cost, same 500 pages, one process")
        t2.add_column("extractor")
        t2.add_column("ms/page", justify="right")
        t2.add_column("vs bare trafilatura", justify="right")
        bare = side["trafilatura.extract (defaults)"]
        for name, ms in side.items():
            t2.add_row(name, f"{ms:.2f}", f"{ms / bare:.2f}x")
        out.print(t2)
        _chart(split, fetched / crawl_seconds, side)


def _chart(split: dict[str, float], rate: float, side: dict[str, float]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    RESULTS.mkdir(exist_ok=True)
    fig, (a, b) = plt.subplots(1, 2, figsize=(11, 4))
    a.barh(list(split), list(split.values()), color=["#4c72b0", "#dd8452", "#55a868"])
    a.set_xlabel("ms per article")
    a.set_title(f"per-article cost ({rate:.0f} pages/s)")
    b.barh(list(side), list(side.values()), color="#8172b3")
    b.set_xlabel("ms per page (one process)")
    b.set_title("extraction vs bare trafilatura")
    fig.tight_layout()
    fig.savefig(RESULTS / "crawl.png", dpi=120)
    out.print(f"chart: {RESULTS / 'crawl.png'}")


if __name__ == "__main__":
    main()
