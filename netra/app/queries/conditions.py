"""The one place that turns :class:`~netra.app.filters.Filters` into SQL conditions.

The queue, all cases, their counts per filter, the CSV exports and the dashboard all
filter through here. Media cases, official records and published statistics keep the
shared filters (region, conduct code, dates) in differently named columns; a
:class:`Columns` says where, and :func:`shared` builds the same conditions for each.
Every value is a bound parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import sqlalchemy as sa

from netra.app.decisions import CLOSING
from netra.app.filters import Filters
from netra.app.queries.marts import media_cases, official_cases
from netra.db.schema import review_decisions

Condition = sa.ColumnElement[bool]
c = media_cases
o = official_cases


@dataclass(frozen=True)
class Columns:
    """Where one table keeps what the shared filters test."""

    starts: sa.ColumnElement  # the period's first day: on or before ``date_to``
    ends: sa.ColumnElement  # its last day: on or after ``date_from``
    province: sa.ColumnElement | None = None
    regency: sa.ColumnElement | None = None
    conduct: Callable[[str], Condition] | None = None


def shared(f: Filters, cols: Columns) -> list[Condition]:
    """Region, conduct code and date range: the filters every table can answer."""
    conds: list[Condition] = []
    if f.province and cols.province is not None:
        conds.append(cols.province == f.province)
    if f.regency and cols.regency is not None:
        conds.append(cols.regency == f.regency)
    if f.conduct and cols.conduct is not None:
        conds.append(cols.conduct(f.conduct))
    # A period matches when it overlaps the range asked for.
    if f.date_from:
        conds.append(cols.ends >= f.date_from)
    if f.date_to:
        conds.append(cols.starts <= f.date_to)
    return conds


MEDIA = Columns(
    starts=c.c.first_reported_date,
    ends=c.c.latest_reported_date,
    province=c.c.province,
    regency=c.c.regency,
    # Containment rather than "= any()": a GIN index on conduct_codes can answer it.
    conduct=lambda code: c.c.conduct_codes.contains([code]),
)
OFFICIAL = Columns(
    starts=o.c.reported_on,
    ends=o.c.reported_on,
    province=o.c.province,
    regency=o.c.regency,
    conduct=lambda code: o.c.conduct_code == code,
)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _closed_since_build() -> Condition:
    """A confirm, reject or merge was stored for the case (the next build will show it)."""
    d = review_decisions
    return sa.exists().where(d.c.case_key == c.c.media_case_id, d.c.decision.in_(CLOSING))


def media(f: Filters) -> list[Condition]:
    """``f`` as conditions on fct_media_cases."""
    conds = shared(f, MEDIA)
    if f.outlet:
        # The outlets of every article of the case, copies included; a GIN index answers containment.
        conds.append(c.c.source_names.contains([f.outlet]))
    if f.actor_type:
        conds.append(c.c.actors.contains([{"actor_type": f.actor_type}]))
    if f.status:
        conds.append(c.c.status == f.status)
    if f.official == "yes":
        conds.append(c.c.in_official_record.is_(True))
    elif f.official == "no":
        conds.append(c.c.in_official_record.is_(False))
    if f.review == "unreviewed":
        conds.append(c.c.review_status == "unreviewed")
        conds.append(sa.not_(_closed_since_build()))
    elif f.review in ("confirmed", "rejected"):
        conds.append(c.c.review_status == f.review)
    elif f.review == "valid":
        conds.append(c.c.review_status != "rejected")
    if f.q:
        pattern = _like(f.q)
        conds.append(
            sa.or_(
                c.c.media_case_id == f.q,
                c.c.institution.ilike(pattern),
                sa.func.array_to_string(c.c.actor_names, " ").ilike(pattern),
                sa.func.array_to_string(c.c.actor_positions, " ").ilike(pattern),
            )
        )
    return conds


def official(f: Filters) -> list[Condition]:
    """``f`` as conditions on fct_official_cases (the filters an official record can answer)."""
    return shared(f, OFFICIAL)
