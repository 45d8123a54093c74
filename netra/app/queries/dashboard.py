"""Figures for the analysts' dashboard: cases by month, province, conduct and status; the media
beside the official record; the coverage gap. Filters apply to media cases and, where they
mean the same thing (province, conduct code, dates), to official records too."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from netra.app.filters import Filters
from netra.app.queries import conditions
from netra.app.queries.marts import media_cases, media_vs_published, official_cases

c = media_cases
o = official_cases


@dataclass
class Figures:
    by_month: list[tuple[date, int, int]]  # month, media cases first reported, official records registered
    by_province: list[tuple[str, int]]
    by_conduct: list[tuple[str, int]]
    by_status: list[tuple[str, int]]
    by_review: list[tuple[str, int]]
    media_total: int
    media_only: int
    both: int
    official_only: int
    official_total: int
    gap_by_province: list[tuple[str, int, int, int]]  # province, media only, both, official only
    published: list[sa.RowMapping]


def _grouped(conn: sa.Connection, value: sa.ColumnElement, conds: list) -> list[tuple[str, int]]:
    stmt = (
        sa.select(value.label("v"), sa.func.count().label("n"))
        .where(*conds)
        .group_by("v")
        .order_by(sa.desc("n"), "v")
    )
    return [("" if v is None else str(v), n) for v, n in conn.execute(stmt)]


MAX_MONTHS = 240


def month_range(*counts: dict[date, int]) -> list[date]:
    """Every month from the first to the last one with a count, so that quiet months show as zero."""
    seen = sorted(set().union(*counts))
    if not seen:
        return []
    months, current = [], seen[0]
    while current <= seen[-1] and len(months) < MAX_MONTHS:
        months.append(current)
        current = date(current.year + current.month // 12, current.month % 12 + 1, 1)
    return months if len(months) < MAX_MONTHS else seen


def figures(conn: sa.Connection, f: Filters) -> Figures:
    conds = conditions.media(f)
    oconds = conditions.official(f)
    month = sa.func.date_trunc("month", c.c.first_reported_date).cast(sa.Date)
    media_months = dict(
        conn.execute(
            sa.select(month, sa.func.count()).where(*conds, month.is_not(None)).group_by(month)
        ).all()
    )
    omonth = sa.func.date_trunc("month", o.c.reported_on).cast(sa.Date)
    # Official records carry no actor type, outlet or review state: those filters leave them out.
    official_applies = not (f.outlet or f.actor_type or f.status or f.q or f.official == "yes")
    official_months = (
        dict(conn.execute(sa.select(omonth, sa.func.count()).where(*oconds).group_by(omonth)).all())
        if official_applies
        else {}
    )
    by_month = [
        (m, media_months.get(m, 0), official_months.get(m, 0))
        for m in month_range(media_months, official_months)
    ]

    codes = sa.select(sa.func.unnest(c.c.conduct_codes).label("v")).where(*conds).subquery()
    by_conduct = [
        (v, n)
        for v, n in conn.execute(
            sa.select(codes.c.v, sa.func.count().label("n"))
            .group_by(codes.c.v)
            .order_by(sa.desc("n"), codes.c.v)
        )
    ]
    totals = conn.execute(
        sa.select(
            sa.func.count(),
            sa.func.count().filter(c.c.in_official_record.is_(False)),
            sa.func.count().filter(c.c.in_official_record.is_(True)),
        ).where(*conds)
    ).one()
    official_total, official_only = (
        conn.execute(
            sa.select(sa.func.count(), sa.func.count().filter(o.c.has_press_coverage.is_(False))).where(
                *oconds
            )
        ).one()
        if official_applies
        else (0, 0)
    )
    media_gap = {
        p or "": (mo, b)
        for p, mo, b in conn.execute(
            sa.select(
                c.c.province,
                sa.func.count().filter(c.c.in_official_record.is_(False)),
                sa.func.count().filter(c.c.in_official_record.is_(True)),
            )
            .where(*conds)
            .group_by(c.c.province)
        )
    }
    official_gap = (
        {
            p or "": n
            for p, n in conn.execute(
                sa.select(o.c.province, sa.func.count())
                .where(*oconds, o.c.has_press_coverage.is_(False))
                .group_by(o.c.province)
            )
        }
        if official_applies
        else {}
    )
    gap = sorted(
        (
            (p, media_gap.get(p, (0, 0))[0], media_gap.get(p, (0, 0))[1], official_gap.get(p, 0))
            for p in set(media_gap) | set(official_gap)
        ),
        key=lambda row: (-row[1], row[0]),
    )
    p = media_vs_published
    # Published statistics answer the date range only (their dimensions are free text).
    published_conds = conditions.shared(f, conditions.Columns(starts=p.c.period_start, ends=p.c.period_end))
    published = list(
        conn.execute(
            sa.select(p)
            .where(*published_conds)
            .order_by(p.c.period_start.desc(), p.c.statistic_source, p.c.metric, p.c.dimension)
        ).mappings()
    )
    return Figures(
        by_month=by_month,
        by_province=_grouped(conn, c.c.province, conds),
        by_conduct=by_conduct,
        by_status=_grouped(conn, c.c.status, conds),
        by_review=_grouped(conn, c.c.review_status, conds),
        media_total=totals[0],
        media_only=totals[1],
        both=totals[2],
        official_only=official_only,
        official_total=official_total,
        gap_by_province=gap,
        published=published,
    )
