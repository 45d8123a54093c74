"""Reference lists for filters and forms: conduct codes with labels, outlets, provinces, regencies."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from threading import Lock
from typing import Any, TypeVar

import sqlalchemy as sa

from netra.app.queries.marts import conduct, sources
from nlp.regions import gazetteer

T = TypeVar("T")
_TTL = 300.0  # reference data changes only with a build; five minutes of staleness is harmless
_cache: dict[tuple[str, str], tuple[float, Any]] = {}
_lock = Lock()


def _cached(engine_key: str, name: str, load: Callable[[], T]) -> T:
    now = time.monotonic()
    with _lock:
        hit = _cache.get((engine_key, name))
        if hit and now - hit[0] < _TTL:
            return hit[1]  # type: ignore[return-value]
    value = load()
    with _lock:
        _cache[(engine_key, name)] = (now, value)
    return value


@dataclass(frozen=True)
class Conduct:
    code: str
    kind: str
    label_id: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_en if lang == "en" else self.label_id


def conducts(conn: sa.Connection) -> list[Conduct]:
    def load() -> list[Conduct]:
        stmt = sa.select(
            conduct.c.conduct_code, conduct.c.violation_kind, conduct.c.label_id, conduct.c.label_en
        ).order_by(conduct.c.sort_order, conduct.c.conduct_code)
        return [Conduct(*row) for row in conn.execute(stmt)]

    return _cached(str(conn.engine.url), "conducts", load)


def outlets(conn: sa.Connection) -> list[str]:
    def load() -> list[str]:
        return list(conn.execute(sa.select(sources.c.source_name).order_by(sources.c.source_name)).scalars())

    return _cached(str(conn.engine.url), "outlets", load)


def provinces() -> list[str]:
    return sorted(gazetteer().provinces)


def regencies(province: str) -> list[str]:
    return sorted(r for r, region in gazetteer().regencies.items() if region.province == province)


def clear() -> None:
    with _lock:
        _cache.clear()
