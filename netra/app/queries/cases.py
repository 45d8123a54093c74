"""Lists of media cases: the queue, all cases, their counts per filter value, CSV rows."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from netra.app.filters import PAGE_SIZE, Filters
from netra.app.queries.conditions import media as conditions
from netra.app.queries.marts import media_cases
from netra.db.schema import review_decisions

c = media_cases

LIST_COLUMNS = (
    c.c.media_case_id,
    c.c.actors,
    c.c.actor_names,
    c.c.actor_positions,
    c.c.institution,
    c.c.province,
    c.c.regency,
    c.c.conduct_codes,
    c.c.violation_kinds,
    c.c.status,
    c.c.first_reported_at,
    c.c.latest_reported_at,
    c.c.first_reported_date,
    c.c.latest_reported_date,
    c.c.article_count,
    c.c.outlet_count,
    c.c.best_evidence_text,
    c.c.confidence_score,
    c.c.review_status,
    c.c.in_official_record,
    c.c.official_case_keys,
)
ORDER = (
    c.c.latest_reported_at.desc().nulls_last(),
    c.c.confidence_score.desc().nulls_last(),
    c.c.media_case_id,
)


@dataclass
class Page:
    rows: list[sa.RowMapping]
    total: int
    page: int
    pages: int
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    pending: set[str] = field(default_factory=set)


def listing(
    conn: sa.Connection,
    f: Filters,
    page: int,
    *,
    size: int = PAGE_SIZE,
    facets: dict[str, list[tuple[str, int]]] | None = None,
) -> Page:
    """One page of cases matching ``f``, newest and most confident first, with counts per filter.

    ``facets`` are the counts when the caller has them (cached); otherwise they are counted here.
    """
    facets = facets if facets is not None else facet_counts(conn, f)
    total = facets.get("total", [("", 0)])[0][1]
    pages = max(1, -(-total // size))
    page = min(page, pages)
    stmt = (
        sa.select(*LIST_COLUMNS).where(*conditions(f)).order_by(*ORDER).limit(size).offset((page - 1) * size)
    )
    rows = list(conn.execute(stmt).mappings())
    return Page(rows=rows, total=total, page=page, pages=pages, facets=facets, pending=pending(conn, rows))


def pending(conn: sa.Connection, rows: list[sa.RowMapping]) -> set[str]:
    """Cases among ``rows`` with decisions stored after the marts last saw a review of them."""
    ids = [r["media_case_id"] for r in rows]
    if not ids:
        return set()
    d = review_decisions
    stmt = (
        sa.select(c.c.media_case_id)
        .where(c.c.media_case_id.in_(ids))
        .where(
            sa.exists().where(
                d.c.case_key == c.c.media_case_id,
                d.c.decision.in_(("confirm", "reject", "merge", "split", "edit")),
                sa.or_(c.c.reviewed_at.is_(None), d.c.decided_at > c.c.reviewed_at),
            )
        )
    )
    return set(conn.execute(stmt).scalars())


def facet_counts(conn: sa.Connection, f: Filters) -> dict[str, list[tuple[str, int]]]:
    """How many matching cases have each province, regency, conduct code, status and actor type.

    One statement: the matching cases are read once into a materialised CTE and counted per facet.
    Outlets come from the case's ``source_names`` (the outlets of all its articles, copies included).
    """
    matching = (
        sa.select(
            c.c.media_case_id,
            c.c.province,
            c.c.regency,
            c.c.conduct_codes,
            c.c.status,
            c.c.actors,
            c.c.source_names,
        )
        .where(*conditions(f))
        .cte("matching")
        .prefix_with("MATERIALIZED")
    )
    m = matching.c
    count = sa.func.count().label("n")

    def by(name: str, value: Any, source: Any = matching) -> sa.Select:
        return sa.select(sa.literal(name).label("facet"), value.label("value"), count).select_from(source)

    codes = sa.select(m.media_case_id, sa.func.unnest(m.conduct_codes).label("v")).subquery()
    types = sa.select(
        m.media_case_id, sa.func.jsonb_array_elements(m.actors).op("->>")("actor_type").label("v")
    ).subquery()
    types = sa.select(types.c.media_case_id, types.c.v).distinct().subquery()
    outlets = sa.select(m.media_case_id, sa.func.unnest(m.source_names).label("v")).subquery()
    parts = [
        sa.select(sa.literal("total").label("facet"), sa.null().label("value"), count).select_from(matching),
        by("province", m.province).group_by(m.province),
        by("conduct", codes.c.v, codes).group_by(codes.c.v),
        by("status", m.status).group_by(m.status),
        by("actor_type", types.c.v, types).where(types.c.v.is_not(None)).group_by(types.c.v),
        by("outlet", outlets.c.v, outlets).group_by(outlets.c.v),
    ]
    if f.province:  # regencies only make sense within one province
        parts.append(by("regency", m.regency).where(m.regency.is_not(None)).group_by(m.regency))
    out: dict[str, list[tuple[str, int]]] = {}
    for facet, value, n in conn.execute(sa.union_all(*parts)):
        out.setdefault(facet, []).append(("" if value is None else str(value), n))
    for facet, items in out.items():
        if facet != "total":
            items.sort(key=lambda item: (-item[1], item[0]))
    return out


EXPORT_COLUMNS = (
    "media_case_id",
    "first_reported_date",
    "latest_reported_date",
    "province",
    "regency",
    "actor_names",
    "actor_positions",
    "institution",
    "conduct_codes",
    "violation_kinds",
    "status",
    "review_status",
    "article_count",
    "outlet_count",
    "confidence_score",
    "in_official_record",
    "official_case_keys",
    "best_evidence_text",
)


def export_rows(conn: sa.Connection, f: Filters) -> Iterator[sa.RowMapping]:
    """Every case matching ``f`` (no paging), streamed, for CSV export."""
    stmt = sa.select(*[c.c[name] for name in EXPORT_COLUMNS]).where(*conditions(f)).order_by(*ORDER)
    result = conn.execution_options(stream_results=True, max_row_buffer=2000).execute(stmt)
    yield from result.mappings()
