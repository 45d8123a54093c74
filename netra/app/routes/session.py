"""Logging in and out, the language switch and the health check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import PlainTextResponse, RedirectResponse, Response

from netra.app import audit, auth, csrf, i18n, sessions
from netra.app.users import User
from netra.app.web import render

router = APIRouter()

# Routes anyone may reach; the route audit test checks that every other route requires a role.
PUBLIC = frozenset({"/login", "/lang", "/healthz"})


def safe_next(target: str | None, default: str = "/") -> str:
    """A local path to go to after login; anything else (other hosts, schemes) becomes ``default``."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return default
    return target


@router.get("/")
def home(user: Annotated[User, Depends(auth.reader)]) -> Response:
    return RedirectResponse("/queue" if user.can_review else "/dashboard", status_code=303)


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return render(request, "login.html", {"next": safe_next(next, ""), "error": None, "username": ""})


@router.post("/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=128)],
    password: Annotated[str, Form(max_length=1024)],
    next: Annotated[str, Form(max_length=2048)] = "",
) -> Response:
    settings = request.app.state.settings
    with request.app.state.engine.begin() as conn:
        result = auth.authenticate(conn, username, password, audit.client_ip(request), settings)
        if result.outcome is auth.Outcome.OK and result.user is not None:
            auth.start_session(request, result.user, conn)
    if result.outcome is not auth.Outcome.OK or result.user is None:
        locked = result.outcome in (auth.Outcome.LOCKED, auth.Outcome.IP_LIMITED)
        return render(
            request,
            "login.html",
            {
                "next": safe_next(next, ""),
                "error": "login.locked" if locked else "login.bad_credentials",
                "username": username,
            },
            status_code=429 if locked else 401,
        )
    csrf.rotate(request)
    default = "/queue" if result.user.can_review else "/dashboard"
    return RedirectResponse(safe_next(next, default), status_code=303)


@router.post("/logout")
def logout(request: Request, user: Annotated[User, Depends(auth.reader)]) -> Response:
    active = getattr(request.state, "session", None)  # set by auth.reader
    with request.app.state.engine.begin() as conn:
        audit.by(conn, request, user, "logout")
        if active is not None:
            sessions.revoke(conn, active.session_id, "logout", by=user.user_id)
    lang = request.session.get("lang")
    request.session.clear()
    if lang:
        request.session["lang"] = lang
    return RedirectResponse("/login?bye=1", status_code=303)


@router.get("/lang")
def switch_language(request: Request, to: str, next: str | None = None) -> Response:
    if to in i18n.LANGUAGES:
        request.session["lang"] = to
    return RedirectResponse(safe_next(next), status_code=303)


@router.get("/healthz")
def healthz() -> Response:
    return PlainTextResponse("ok")
