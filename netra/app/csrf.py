"""CSRF protection: a per-session token that every state-changing request must echo.

The token lives in the signed session cookie and goes into every form as
``csrf_token`` (or the ``X-CSRF-Token`` header for scripts). The check runs as
an app-wide dependency, so a new POST route is protected without anyone
remembering to add it. A cross-site ``Origin`` header is refused as well.
"""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from fastapi import HTTPException, Request

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
FIELD = "csrf_token"
HEADER = "x-csrf-token"


def token(request: Request) -> str:
    """The session's token, created on first use."""
    value = request.session.get("csrf")
    if not isinstance(value, str) or len(value) < 32:
        value = secrets.token_urlsafe(32)
        request.session["csrf"] = value
    return value


def rotate(request: Request) -> str:
    """A fresh token (after login, so a token seen before login is worthless)."""
    request.session["csrf"] = secrets.token_urlsafe(32)
    return request.session["csrf"]


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.headers.get("host", "")


async def protect(request: Request) -> None:
    """Refuse an unsafe request without the session's token (403)."""
    if request.method in SAFE_METHODS:
        return
    if not _same_origin(request):
        raise HTTPException(status_code=403, detail="cross-origin request refused")
    supplied = request.headers.get(HEADER)
    if supplied is None:
        content_type = request.headers.get("content-type", "")
        if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            form = await request.form()
            value = form.get(FIELD)
            supplied = value if isinstance(value, str) else None
    expected = request.session.get("csrf")
    if not supplied or not isinstance(expected, str) or not secrets.compare_digest(supplied, expected):
        raise HTTPException(status_code=403, detail="missing or wrong CSRF token; reload the page")
