"""``crawl()``: one crawl of some sources, callable again and again from one process.

Each call starts :mod:`scrapers.worker` in a subprocess (a Twisted reactor cannot
restart, and an Airflow worker runs many crawls), passes it the sources and
settings, relays its progress, and returns the run's summary as recorded in
``raw.crawl_runs``. ``run_key`` names the run for idempotency: calling again with
the same key (a retried Airflow task) reuses the run's row instead of adding one,
and the upserts make the second pass add nothing the first one stored.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections import deque
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from netra.config import PROJECT_ROOT, Settings, get_settings
from netra.errors import NetraError
from netra.loaders.crawl_runs import CrawlSummary, mark_failed, read_summary, start_run
from netra.loaders.sources import load_sources
from scrapers.registry import load_registry, select

__all__ = ["CrawlFailed", "CrawlSummary", "crawl"]

ProgressCallback = Callable[[dict[str, Any]], None]


class CrawlFailed(NetraError):
    """The crawl process died or could not run; what it loaded before stays loaded."""

    def __init__(self, message: str, summary: CrawlSummary | None = None) -> None:
        super().__init__(message)
        self.summary = summary


def crawl(
    sources: list[str] | None = None,
    since: date | None = None,
    *,
    settings: Settings | None = None,
    run_key: str | None = None,
    progress: ProgressCallback | None = None,
) -> CrawlSummary:
    """Crawl ``sources`` (names in the registry; None: every active source) and load what changed.

    ``since`` skips entries whose sitemap/feed date is older (and leaves watermarks alone).
    Returns the run's summary; raises :class:`CrawlFailed` if the crawl process failed.
    """
    from netra.db import migrate
    from netra.db.engine import get_engine

    settings = settings or get_settings()
    registry = load_registry(settings.crawl_registry)
    chosen = select(registry, sources)
    if not chosen:
        raise NetraError(f"no active sources in {settings.crawl_registry}")
    engine = get_engine(settings)
    migrate.upgrade(engine)
    names = [s.name for s in chosen]
    with engine.begin() as conn:
        load_sources(conn, [s.model_dump() for s in chosen])
        run_id = start_run(
            conn,
            run_key=run_key,
            sources=names,
            params={"since": since, "registry": str(settings.crawl_registry)},
        )
    logs = settings.home / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    job = {
        "run_id": run_id,
        "since": since.isoformat() if since else None,
        "sources": [s.model_dump() for s in chosen],
        "settings": _settings_payload(settings),
        "database_url": engine.url.render_as_string(hide_password=False),
        "log_file": str(logs / f"crawl-{run_id}.log"),
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", prefix="netra-crawl-", delete=False) as handle:
        json.dump(job, handle)
        job_path = Path(handle.name)
    try:
        code, tail = _run_worker(job_path, progress)
    finally:
        job_path.unlink(missing_ok=True)
    with engine.begin() as conn:
        if code != 0:
            mark_failed(conn, run_id)
        summary = read_summary(conn, run_id)
    if code != 0:
        raise CrawlFailed(
            f"crawl run {run_id} failed (exit {code}); log: {job['log_file']}"
            + (f"\n{tail}" if tail else ""),
            summary,
        )
    return summary


def _settings_payload(settings: Settings) -> dict[str, Any]:
    data = settings.model_dump(mode="json")
    for key, value in settings:
        if hasattr(value, "get_secret_value"):
            data[key] = value.get_secret_value()
    return data


def _run_worker(job_path: Path, progress: ProgressCallback | None) -> tuple[int, str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    # Runnable from any working directory: the worker imports scrapers/ and netra/ from the project.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    read_fd, write_fd = os.pipe()
    env["NETRA_PROGRESS_FD"] = str(write_fd)
    with tempfile.TemporaryFile("w+") as errors:
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", "scrapers.worker", str(job_path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=errors,
                env=env,
                cwd=PROJECT_ROOT,
                pass_fds=(write_fd,),
            )
        finally:
            os.close(write_fd)
        try:
            with os.fdopen(read_fd, "r") as events:
                for line in events:
                    if progress is None:
                        continue
                    try:
                        event = json.loads(line)
                    except ValueError:
                        continue
                    if isinstance(event, dict):
                        progress(event)
            code = proc.wait()
        except BaseException:
            # Interrupted (Ctrl-C, task killed): stop the worker; committed batches stay.
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
            raise
        errors.seek(0)
        tail = deque(errors, maxlen=20)
    return code, "".join(tail).strip()
