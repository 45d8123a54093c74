"""The queue (unreviewed cases), the list of all cases, and their CSV exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from netra.app import auth, csv_export, decisions
from netra.app.filters import REVIEW_STATES, Filters, page_number
from netra.app.queries import cases, reading, reference
from netra.app.users import User
from netra.app.web import language, render

router = APIRouter()
Reader = Annotated[User, Depends(auth.reader)]


def _list_page(request: Request, user: User, *, queue: bool) -> Response:
    f = Filters.from_query(request.query_params, review_default="unreviewed" if queue else "all")
    engine = request.app.state.engine

    def count() -> dict[str, list[tuple[str, int]]]:
        with reading(engine) as own:
            return cases.facet_counts(own, f)

    facets = request.app.state.cache.get(("facets", f), count)
    with reading(engine) as conn:
        page = cases.listing(conn, f, page_number(request.query_params), facets=facets)
        conducts = reference.conducts(conn)
        outlets = reference.outlets(conn)
    lang = language(request)
    return render(
        request,
        "cases.html",
        {
            "queue": queue,
            "base": "/queue" if queue else "/cases",
            "f": f,
            "params": f.as_params(),
            "page": page,
            "conducts": conducts,
            "conduct_labels": {c.code: c.label(lang) for c in conducts},
            "outlets": outlets,
            "provinces": reference.provinces(),
            "regencies": reference.regencies(f.province) if f.province else [],
            "statuses": decisions.CASE_STATUSES,
            "actor_types": decisions.ACTOR_TYPES,
            "review_states": REVIEW_STATES,
            "facets": {name: dict(items) for name, items in page.facets.items()},
        },
    )


@router.get("/queue")
def queue(request: Request, user: Reader) -> Response:
    return _list_page(request, user, queue=True)


@router.get("/cases")
def all_cases(request: Request, user: Reader) -> Response:
    return _list_page(request, user, queue=False)


def _export(request: Request, user: User, *, queue: bool) -> Response:
    f = Filters.from_query(request.query_params, review_default="unreviewed" if queue else "all")
    engine = request.app.state.engine

    def rows() -> Iterator[list[object]]:
        # Starlette iterates a sync generator in a worker thread, off the event loop.
        with reading(engine) as conn:
            for row in cases.export_rows(conn, f):
                yield [row[c] for c in cases.EXPORT_COLUMNS]

    name = "queue" if queue else "cases"
    return csv_export.download(request, user, name, f.as_params(), cases.EXPORT_COLUMNS, rows())


@router.get("/queue.csv")
def queue_csv(request: Request, user: Reader) -> Response:
    return _export(request, user, queue=True)


@router.get("/cases.csv")
def cases_csv(request: Request, user: Reader) -> Response:
    return _export(request, user, queue=False)
