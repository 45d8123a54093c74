"""``netra_news``' tasks: which sources are due, crawl one source, annotate what is new.

Crawling is the crawl room's ``scrapers.run.crawl``; annotation is the NLP
room's ``netra.loaders.annotations``. This module decides what to run and
turns their results into task outcomes: an outlet that could not be crawled
raises :class:`OutletFailed`, so that only its own mapped task fails.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from netra.config import Settings, get_settings
from netra.errors import NetraError

log = logging.getLogger(__name__)

# A source crawled 58 minutes ago is due for an hourly run: scheduling jitter is not a reason to wait an hour.
DUE_SLACK = timedelta(minutes=5)


class OutletFailed(NetraError):
    """One outlet could not be crawled (down, refusing, or every page failed)."""


@dataclass(frozen=True)
class SourceSlot:
    """One active source and whether this run should crawl it."""

    source: str
    due: bool
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def is_due(last_crawled_at: datetime | None, frequency_minutes: int, at: datetime) -> tuple[bool, str]:
    """A source is due when it was never crawled or its frequency has elapsed by ``at``."""
    if last_crawled_at is None:
        return True, "never crawled"
    next_due = last_crawled_at + timedelta(minutes=max(frequency_minutes, 1))
    if next_due <= at + DUE_SLACK:
        return True, f"last crawled {last_crawled_at:%Y-%m-%d %H:%M} UTC, every {frequency_minutes} min"
    return False, f"not due until {next_due:%Y-%m-%d %H:%M} UTC (every {frequency_minutes} min)"


def plan(at: datetime, *, force: bool = False, only: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Sync the source registry into ``raw.sources`` and say, for each active source, whether it is due."""
    from netra.db import migrate, schema
    from netra.db.engine import get_engine
    from netra.orchestration import failures

    settings = get_settings()
    engine = get_engine(settings)
    migrate.upgrade(engine)
    failures.drain_spool(settings)
    names = _sync_registry(engine, settings)
    wanted = set(only or [])
    unknown = wanted - set(names)
    if unknown:
        raise NetraError(f"no active source named {', '.join(sorted(unknown))} in {settings.crawl_registry}")
    t = schema.sources
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(t.c.name, t.c.crawl_frequency_minutes, t.c.last_crawled_at).where(t.c.name.in_(names))
        ).all()
    state = {name: (frequency, last) for name, frequency, last in rows}
    slots = []
    for name in names:
        if wanted and name not in wanted:
            continue
        frequency, last = state[name]
        due, reason = (True, "forced") if force else is_due(last, frequency, at)
        slots.append(SourceSlot(name, due, reason).to_dict())
    log.info("%d source(s), %d due", len(slots), sum(s["due"] for s in slots))
    return slots


def _sync_registry(engine: sa.Engine, settings: Settings) -> list[str]:
    """Upsert the configured registry's active sources into ``raw.sources``; return their names.

    Only this registry's sources are planned: ``raw.sources`` may also hold
    sources of another registry (the demo's, or the live one) used earlier.
    """
    from netra.loaders.sources import load_sources
    from scrapers.registry import load_registry, select

    active = select(load_registry(settings.crawl_registry), None)
    with engine.begin() as conn:
        load_sources(conn, [s.model_dump() for s in active])
    return [s.name for s in active]


def run_key(context: Mapping[str, Any], source: str) -> str:
    """The crawl's idempotency key: DAG, source and data interval (run id when there is none)."""
    start, end = context.get("data_interval_start"), context.get("data_interval_end")
    dag_id = context["dag"].dag_id if context.get("dag") is not None else "netra_news"
    if start is not None and end is not None:
        return f"{dag_id}/{source}/{start.isoformat()}/{end.isoformat()}"
    return f"{dag_id}/{source}/{context['run_id']}"


def crawl_source(source: str, key: str) -> dict[str, Any]:
    """Crawl one source; raise :class:`OutletFailed` when the outlet gave nothing but errors."""
    from scrapers.run import crawl

    summary = crawl([source], None, run_key=key)
    counts = _counts(summary)
    log.info("crawled %s: %s", source, counts)
    if _outlet_failed(counts):
        raise OutletFailed(f"{source}: nothing could be crawled ({_errors_text(counts)})")
    return counts


def _counts(summary: Any) -> dict[str, Any]:
    if hasattr(summary, "to_dict"):
        return dict(summary.to_dict())
    if hasattr(summary, "__dataclass_fields__"):
        return asdict(summary)
    return dict(summary)


def _outlet_failed(counts: Mapping[str, Any]) -> bool:
    if counts.get("status") == "failed":
        return True
    fetched = int(counts.get("pages_fetched", 0) or 0) + int(counts.get("pages_not_modified", 0) or 0)
    return fetched == 0 and bool(counts.get("errors"))


def _errors_text(counts: Mapping[str, Any]) -> str:
    errors = counts.get("errors") or {}
    if isinstance(errors, Mapping):
        return ", ".join(f"{k}: {v}" for k, v in errors.items()) or "no pages"
    return str(errors)


def wrote_articles(crawled: Iterable[Mapping[str, Any] | None]) -> int:
    """How many articles the crawls added or changed."""
    return sum(
        int(c.get("articles_new", 0) or 0) + int(c.get("articles_updated", 0) or 0) for c in crawled if c
    )


def annotate() -> dict[str, Any]:
    """Annotate new and changed articles in batches (the NLP room's loader); returns its counts."""
    from netra.db.engine import get_engine
    from netra.loaders.annotations import annotate_pending
    from netra.orchestration import failures

    failures.drain_spool()
    result = annotate_pending(get_engine())
    return _counts(result)
