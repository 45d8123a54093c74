"""``serve()``: start the offline demo sites for a crawl, stop them afterwards.

    with serve() as demo:
        crawl(None, None, settings=demo.settings(get_settings()))

The server runs in a subprocess (its threads never compete with the caller's
GIL, and a crashed test cannot leave it bound to the caller), on a free port
of 127.0.0.1. ``demo.env`` holds the NETRA_* variables that point a crawl at it.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from netra.config import PROJECT_ROOT, Settings
from netra.errors import NetraError

DEMO_REGISTRY = PROJECT_ROOT / "scrapers" / "sources.demo.yml"
DEMO_SOURCES = ["tribunnusa", "detakdaerah", "suarawarga", "radarpesisir", "kabarborneo", "antaranusa"]
START_TIMEOUT = 300.0  # pre-rendering 100,000 synthetic pages takes a while


@dataclass
class DemoSites:
    """A running demo server: where it listens and how a crawl reaches it."""

    port: int
    pid: int
    slow_seconds: float = 10.0
    registry: Path = DEMO_REGISTRY
    sources: list[str] = field(default_factory=lambda: list(DEMO_SOURCES))

    @property
    def proxy(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict[str, str]:
        return {"NETRA_CRAWL_PROXY": self.proxy, "NETRA_CRAWL_REGISTRY": str(self.registry)}

    def settings(self, base: Settings) -> Settings:
        """``base`` pointed at the demo sites (proxy and registry).

        The sites are local, so politeness delays only slow the demo down; the timeout is
        kept below the slow page's stall, so that page ends as the ``timeout`` error it is
        there to produce.
        """
        return base.model_copy(
            update={
                "crawl_proxy": self.proxy,
                "crawl_registry": self.registry,
                "crawl_download_delay": 0.0,
                "crawl_autothrottle": False,
                "crawl_concurrency_per_domain": max(base.crawl_concurrency_per_domain, 8),
                "crawl_timeout": min(base.crawl_timeout, self.slow_seconds / 2),
                "crawl_retries": min(base.crawl_retries, 1),
                "crawl_backoff_seconds": min(base.crawl_backoff_seconds, 0.5),
            }
        )


@contextmanager
def serve(
    *,
    updated: Iterable[str] = (),
    synthetic: int = 0,
    slow_seconds: float = 10.0,
    corpus_dir: Path | None = None,
    port: int = 0,
    access_log: Path | None = None,
    prerender: bool = False,
) -> Iterator[DemoSites]:
    """Run the demo sites until the block ends."""
    cmd = [
        sys.executable,
        "-m",
        "netra.demo.server",
        "--port",
        str(port),
        "--slow-seconds",
        str(slow_seconds),
    ]
    if updated:
        cmd += ["--updated", ",".join(updated)]
    if synthetic:
        cmd += ["--synthetic", str(synthetic)]
    if corpus_dir is not None:
        cmd += ["--corpus", str(corpus_dir)]
    if access_log is not None:
        cmd += ["--access-log", str(access_log)]
    if prerender:
        cmd += ["--prerender"]
    proc = subprocess.Popen(
        cmd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        ready, _, _ = select.select([proc.stdout], [], [], START_TIMEOUT)
        line = proc.stdout.readline() if ready else ""
        if not line.startswith("READY "):
            proc.kill()
            err = proc.stderr.read() if proc.stderr else ""
            raise NetraError(f"demo sites did not start: {(err or line).strip()[-500:]}")
        yield DemoSites(port=int(line.split()[1]), pid=proc.pid, slow_seconds=slow_seconds)
    finally:
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for stream in (proc.stdout, proc.stderr):
            if stream is not None:
                stream.close()
