"""A case page (articles, evidence, links, related cases, history) and the decisions posted from it."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from netra.app import audit, auth, decisions
from netra.app.queries import detail, reading, reference
from netra.app.users import User
from netra.app.web import flash, flash_error, language, render

router = APIRouter()
Reader = Annotated[User, Depends(auth.reader)]
Reviewer = Annotated[User, Depends(auth.reviewer)]


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: str, user: Reader) -> Response:
    engine = request.app.state.engine
    with reading(engine) as conn:
        view = detail.load(conn, case_id)
        if view is None:
            moved = detail.current_id(conn, case_id)
            if moved and moved != case_id:
                return RedirectResponse(f"/cases/{moved}", status_code=303)
            raise HTTPException(status_code=404)
        conducts = reference.conducts(conn)
    with engine.connect() as conn:
        history = decisions.history(conn, view.case_keys)
    lang = language(request)
    return render(
        request,
        "case.html",
        {
            "v": view,
            "c": view.case,
            "history": history,
            "conducts": conducts,
            "conduct_labels": {c.code: c.label(lang) for c in conducts},
            "reason_codes": decisions.REASON_CODES,
            "onward_to": decisions.ONWARD_TO,
            "statuses": decisions.CASE_STATUSES,
            "actor_types": decisions.ACTOR_TYPES,
            "provinces": reference.provinces(),
            # Suggestions from the case's own province; any canonical name is accepted (and checked).
            "regencies": reference.regencies(view.case["province"]) if view.case["province"] else [],
            # One id per form drawn: posting the same form twice stores one decision.
            "new_request_id": lambda: str(uuid.uuid4()),
        },
    )


def _form_dict(form: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in form.multi_items():
        if not isinstance(value, str):
            continue
        if key in out:
            out[key] = [*out[key], value] if isinstance(out[key], list) else [out[key], value]
        else:
            out[key] = value
    return out


def _decide(request: Request, case_id: str, user: User, form: dict[str, Any]) -> str:
    """Validate and store one decision; returns the page to go to next."""
    engine = request.app.state.engine
    kind = form.get("decision") if isinstance(form.get("decision"), str) else ""
    with reading(engine) as conn:
        view = detail.load(conn, case_id)
        if view is None:
            raise HTTPException(status_code=404)
        facts = decisions.CaseFacts(
            media_case_id=case_id,
            article_ids=[a.article_id for a in view.articles]
            + [copy["article_id"] for a in view.articles for copy in a.copies],
            conduct_codes=[c.code for c in reference.conducts(conn)],
            linked=[(link["official_source"], link["report_number"]) for link in view.links],
        )
        if kind == "merge":
            target = detail.current_id(conn, str(form.get("into") or "").strip())
            if target is None or target == case_id:
                raise decisions.DecisionError("decision.no_such_case")
            form = {**form, "into": target}
    with engine.begin() as conn:
        decision = decisions.parse(str(kind), form, facts, conn)
        stored = decisions.store(
            conn, decision, decisions.request_id(str(form.get("request_id") or "")), user.user_id
        )
        if stored is not None:
            # Counts and charts in this process change at once; other workers within the cache's TTL.
            request.app.state.cache.clear()
            audit.by(
                conn,
                request,
                user,
                "decision",
                target=case_id,
                detail={"decision": decision.decision, "decision_id": stored, "payload": decision.payload},
            )
    return f"/cases/{case_id}"


@router.post("/cases/{case_id}/decisions")
async def decide(request: Request, case_id: str, user: Reviewer) -> Response:
    form = _form_dict(await request.form())
    try:
        target = await run_in_threadpool(_decide, request, case_id, user, form)
    except decisions.DecisionError as exc:
        flash(request, "decision.invalid", "error")
        flash_error(request, exc)
        return RedirectResponse(f"/cases/{case_id}#decide", status_code=303)
    flash(request, "decision.saved", "ok")
    return RedirectResponse(target, status_code=303)
