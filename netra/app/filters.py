"""The case-list filters (queue, all cases, dashboard, CSV exports): parsed once, turned into SQL once.

Values only ever reach SQL as bound parameters; the fragments themselves are
fixed strings chosen here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from starlette.datastructures import QueryParams

# "valid": every case a person has not rejected (what the dashboard counts by default).
REVIEW_STATES = ("unreviewed", "confirmed", "rejected", "valid", "all")
PAGE_SIZE = 50


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class Filters:
    province: str = ""
    regency: str = ""
    conduct: str = ""
    date_from: date | None = None
    date_to: date | None = None
    outlet: str = ""
    actor_type: str = ""
    status: str = ""
    official: str = ""  # "yes": linked to an official record; "no": media only (the coverage gap)
    review: str = "unreviewed"
    q: str = ""

    @classmethod
    def from_query(cls, params: QueryParams, *, review_default: str = "unreviewed") -> Filters:
        def text(name: str, limit: int = 200) -> str:
            return (params.get(name) or "").strip()[:limit]

        review = text("review") or review_default
        return cls(
            province=text("province"),
            regency=text("regency"),
            conduct=text("conduct"),
            date_from=_date(params.get("date_from")),
            date_to=_date(params.get("date_to")),
            outlet=text("outlet"),
            actor_type=text("actor_type"),
            status=text("status"),
            official=text("official") if text("official") in ("yes", "no") else "",
            review=review if review in REVIEW_STATES else review_default,
            q=text("q", 100),
        )

    def as_params(self) -> dict[str, Any]:
        """The filters as query-string values (for links, pagination and exports)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[f.name] = value.isoformat() if isinstance(value, date) else value
        return out

    @property
    def active(self) -> bool:
        return any(v for k, v in self.as_params().items() if k != "review")


def page_number(params: QueryParams) -> int:
    try:
        return max(1, min(10_000, int(params.get("page") or 1)))
    except ValueError:
        return 1
