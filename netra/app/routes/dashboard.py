"""The analysts' dashboard: charts of cases, the media beside the official record, the coverage gap."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netra.app import auth, charts, csv_export
from netra.app.filters import Filters
from netra.app.formatting import format_month
from netra.app.i18n import translator
from netra.app.queries import dashboard, reading, reference
from netra.app.users import User
from netra.app.web import language, render

router = APIRouter(prefix="/dashboard")
Reader = Annotated[User, Depends(auth.reader)]
REVIEW_STATES = ("valid", "confirmed", "unreviewed", "all")
TOP_PROVINCES = 15


def _filters(request: Request) -> Filters:
    f = Filters.from_query(request.query_params, review_default="valid")
    return f if f.review in REVIEW_STATES else Filters(**{**f.__dict__, "review": "valid"})


@router.get("")
def dashboard_page(request: Request, user: Reader) -> Response:
    f = _filters(request)
    lang = language(request)
    fig = _figures(request, f)
    with reading(request.app.state.engine) as conn:
        conducts = reference.conducts(conn)
    labels = {c.code: c.label(lang) for c in conducts}
    t = translator(lang)
    months = charts.columns(
        [(format_month(m, lang, short=True), (media, official)) for m, media, official in fig.by_month],
        series=2,
        width=900,
    )
    comparable = [row for row in fig.published if row["is_comparable"]]
    return render(
        request,
        "dashboard.html",
        {
            "f": f,
            "params": f.as_params(),
            "fig": fig,
            "months": months,
            "tiles": charts.tile_map(dict(fig.by_province)),
            "provinces_chart": charts.bars(
                [(p or "—", n, p) for p, n in fig.by_province[:TOP_PROVINCES]], width=440
            ),
            "conduct_chart": charts.bars([(code, n, code) for code, n in fig.by_conduct], width=440),
            "status_chart": charts.bars(
                [(t(f"status.{s}") if s else t("status.none"), n, s) for s, n in fig.by_status], width=440
            ),
            "review_chart": charts.bars([(t(f"review.{s}"), n, s) for s, n in fig.by_review], width=440),
            "published_chart": charts.grouped_bars(
                [
                    (
                        f"{row['statistic_source']} {row['period_start'].year}–{row['period_end'].year}: "
                        f"{row['dimension'] or row['metric']}",
                        (
                            float(row["published_value"]),
                            row["media_case_count"] or 0,
                            row["official_record_count"] or 0,
                        ),
                    )
                    for row in comparable
                ],
                width=900,
                label_width=380,
            ),
            "conducts": conducts,
            "conduct_labels": labels,
            "provinces": reference.provinces(),
            "review_states": REVIEW_STATES,
            "palette": charts.PALETTE,
        },
    )


def _figures(request: Request, f: Filters) -> dashboard.Figures:
    engine = request.app.state.engine

    def compute() -> dashboard.Figures:
        with reading(engine) as conn:
            return dashboard.figures(conn, f)

    return request.app.state.cache.get(("dashboard", f), compute)


@router.get("/coverage.csv")
def coverage_csv(request: Request, user: Reader) -> Response:
    """The coverage gap by province under the dashboard's filters."""
    f = _filters(request)
    fig = _figures(request, f)
    header = ("province", "media_only_cases", "cases_in_both", "official_only_records")
    return csv_export.download(request, user, "coverage", f.as_params(), header, fig.gap_by_province)


PUBLISHED_COLUMNS = (
    "statistic_source",
    "period_start",
    "period_end",
    "metric",
    "dimension",
    "published_value",
    "unit",
    "is_comparable",
    "media_case_count",
    "official_record_count",
    "source_url",
)


@router.get("/published.csv")
def published_csv(request: Request, user: Reader) -> Response:
    """Published official figures beside the media-derived and registered counts for the same period."""
    f = _filters(request)
    fig = _figures(request, f)
    rows = [[row[c] for c in PUBLISHED_COLUMNS] for row in fig.published]
    return csv_export.download(request, user, "published", f.as_params(), PUBLISHED_COLUMNS, rows)
