"""The source registry into ``raw.sources``, and each source's crawl watermark."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from netra.db import schema
from netra.db.upsert import UpsertResult, upsert


def load_sources(conn: sa.Connection, sources: Iterable[Mapping[str, Any]]) -> UpsertResult:
    """Upsert registry entries (``Source.model_dump()`` dicts) on their name; watermarks stay."""
    rows = [
        {
            "name": s["name"],
            "domain": s["domain"],
            "province": s.get("province"),
            "homepage": s.get("homepage"),
            "crawl_frequency_minutes": s.get("crawl_frequency_minutes", 60),
            "active": s.get("active", True),
            "config": dict(s),
        }
        for s in sources
    ]
    if not rows:
        return UpsertResult()
    result, _ = upsert(conn, schema.sources, rows, key=["name"])
    return result


def watermarks(conn: sa.Connection, names: Iterable[str]) -> dict[str, datetime | None]:
    t = schema.sources
    rows = conn.execute(sa.select(t.c.name, t.c.watermark).where(t.c.name.in_(list(names))))
    return {name: mark for name, mark in rows}


def advance_watermark(conn: sa.Connection, name: str, seen: datetime | None) -> None:
    """Move the watermark forward (never back) and stamp the crawl time."""
    t = schema.sources
    values: dict[str, Any] = {"last_crawled_at": sa.func.now(), "updated_at": sa.func.now()}
    if seen is not None:
        values["watermark"] = sa.func.greatest(sa.func.coalesce(t.c.watermark, seen), seen)
    conn.execute(sa.update(t).where(t.c.name == name).values(**values))
