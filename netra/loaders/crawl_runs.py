"""``raw.crawl_runs`` and ``raw.crawl_errors``: what each crawl did and what failed, by kind.

A run started again with the same ``run_key`` (an Airflow task retried) reuses
its row: the counts are those of the latest attempt, and its earlier errors are
replaced, so a retry never double-counts.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from netra.db import schema

COUNT_COLUMNS = (
    "pages_fetched",
    "pages_not_modified",
    "articles_new",
    "articles_updated",
    "articles_unchanged",
    "articles_duplicate",
)


@dataclass
class CrawlError:
    kind: str
    url: str | None
    source_name: str | None
    message: str


@dataclass
class CrawlSummary:
    """One crawl run as recorded in ``raw.crawl_runs``."""

    run_id: int
    run_key: str | None
    status: str
    sources: list[str]
    started_at: datetime
    finished_at: datetime | None
    pages_fetched: int = 0
    pages_not_modified: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_duplicate: int = 0
    errors: dict[str, int] = field(default_factory=dict)
    stats: dict[str, Any] = field(default_factory=dict)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())

    def to_dict(self) -> dict[str, Any]:
        data = {k: getattr(self, k) for k in self.__dataclass_fields__}
        for key in ("started_at", "finished_at"):
            data[key] = data[key].isoformat() if data[key] else None
        return data


def start_run(
    conn: sa.Connection, *, run_key: str | None, sources: Sequence[str], params: Mapping[str, Any]
) -> int:
    """A new run row, or the row of an earlier attempt with the same ``run_key``, reset to running."""
    t = schema.crawl_runs
    values = {
        "run_key": run_key,
        "sources": list(sources),
        "params": json.loads(json.dumps(dict(params), default=_jsonable)),
        "status": "running",
        "started_at": sa.func.now(),
        "finished_at": None,
        **dict.fromkeys(COUNT_COLUMNS, 0),
        "errors": {},
    }
    if run_key is None:
        return conn.execute(sa.insert(t).values(**values).returning(t.c.run_id)).scalar_one()
    stmt = insert(t).values(**values)
    stmt = stmt.on_conflict_do_update(index_elements=["run_key"], set_={k: stmt.excluded[k] for k in values})
    run_id = conn.execute(stmt.returning(t.c.run_id)).scalar_one()
    conn.execute(sa.delete(schema.crawl_errors).where(schema.crawl_errors.c.run_id == run_id))
    return run_id


def _jsonable(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def record_errors(conn: sa.Connection, run_id: int, errors: Sequence[CrawlError]) -> None:
    if errors:
        conn.execute(
            sa.insert(schema.crawl_errors),
            [
                {
                    "run_id": run_id,
                    "kind": e.kind,
                    "url": e.url,
                    "source_name": e.source_name,
                    "message": e.message[:2000],
                }
                for e in errors
            ],
        )


def update_counts(
    conn: sa.Connection, run_id: int, counts: Mapping[str, int], errors: Mapping[str, int]
) -> None:
    t = schema.crawl_runs
    conn.execute(
        sa.update(t)
        .where(t.c.run_id == run_id)
        .values(**{k: int(counts.get(k, 0)) for k in COUNT_COLUMNS}, errors=dict(errors))
    )


def finish_run(
    conn: sa.Connection,
    run_id: int,
    *,
    status: str,
    counts: Mapping[str, int],
    errors: Mapping[str, int],
    stats: Mapping[str, Any] | None = None,
) -> None:
    t = schema.crawl_runs
    params = conn.execute(sa.select(t.c.params).where(t.c.run_id == run_id)).scalar_one()
    if stats is not None:
        params = {**params, "stats": json.loads(json.dumps(dict(stats), default=_jsonable))}
    conn.execute(
        sa.update(t)
        .where(t.c.run_id == run_id)
        .values(
            status=status,
            finished_at=sa.func.now(),
            params=params,
            errors=dict(errors),
            **{k: int(counts.get(k, 0)) for k in COUNT_COLUMNS},
        )
    )


def mark_failed(conn: sa.Connection, run_id: int) -> None:
    """A run whose worker died: failed, unless the worker got to record an outcome itself."""
    t = schema.crawl_runs
    conn.execute(
        sa.update(t)
        .where(t.c.run_id == run_id, t.c.status == "running")
        .values(status="failed", finished_at=sa.func.now())
    )


def read_summary(conn: sa.Connection, run_id: int) -> CrawlSummary:
    t = schema.crawl_runs
    row = conn.execute(sa.select(t).where(t.c.run_id == run_id)).mappings().one()
    return CrawlSummary(
        run_id=row["run_id"],
        run_key=row["run_key"],
        status=row["status"],
        sources=list(row["sources"]),
        started_at=row["started_at"],
        finished_at=row["finished_at"],
        errors=dict(row["errors"] or {}),
        stats=dict((row["params"] or {}).get("stats", {})),
        **{k: row[k] for k in COUNT_COLUMNS},
    )


def failed_urls(
    conn: sa.Connection, sources: Sequence[str], kinds: Sequence[str], max_failures: int = 3
) -> dict[str, list[str]]:
    """URLs of these sources that failed with one of ``kinds`` fewer than ``max_failures`` times
    and were never stored since: candidates for another try."""
    e, p = schema.crawl_errors, schema.pages
    failures = sa.func.count().label("failures")
    rows = conn.execute(
        sa.select(e.c.source_name, e.c.url, failures)
        .where(e.c.source_name.in_(list(sources)), e.c.kind.in_(list(kinds)), e.c.url.is_not(None))
        .where(~sa.exists().where(p.c.url == e.c.url))
        .group_by(e.c.source_name, e.c.url)
        .having(failures < max_failures)
    )
    out: dict[str, list[str]] = {}
    for source, url, _ in rows:
        out.setdefault(source, []).append(url)
    return out
