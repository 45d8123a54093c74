"""Every route states who may use it, and every state-changing request needs the CSRF token."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from netra.app import auth, csrf, security
from netra.app.routes.session import PUBLIC
from tests.app.conftest import Client


def _calls(dependant: Dependant) -> set[object]:
    found = {dependant.call}
    for sub in dependant.dependencies:
        found |= _calls(sub)
    return found


def _routes(app: FastAPI) -> list[APIRoute]:
    return [r for r in app.routes if isinstance(r, APIRoute)]


def test_every_route_but_login_requires_a_role(app: FastAPI) -> None:
    routes = _routes(app)
    assert len(routes) > 15
    unguarded = [
        r.path
        for r in routes
        if r.path not in PUBLIC and not _calls(r.dependant) & set(auth.ROLE_DEPENDENCIES)
    ]
    assert unguarded == []
    admin_routes = [r.path for r in routes if r.path.startswith("/admin")]
    assert admin_routes and all(
        auth.admin in _calls(r.dependant) for r in _routes(app) if r.path in admin_routes
    )
    writes = [r for r in routes if "POST" in r.methods and r.path.startswith("/cases")]
    assert writes and all(auth.reviewer in _calls(r.dependant) for r in writes)


def test_every_route_runs_the_csrf_check(app: FastAPI) -> None:
    assert all(csrf.protect in _calls(r.dependant) for r in _routes(app))


def test_anonymous_visitors_are_sent_to_login(client: Client, app: FastAPI) -> None:
    for route in _routes(app):
        if "GET" not in route.methods or route.path in PUBLIC:
            continue
        path = re.sub(r"\{[^}]+\}", "x", route.path)
        response = client.get(path, follow_redirects=False)
        assert response.status_code == 303, path
        assert response.headers["location"].startswith("/login?next="), path


def test_every_post_without_the_token_is_refused(app: FastAPI, logged_in: Callable[[str], Client]) -> None:
    c = logged_in("admin")
    posts = [r for r in _routes(app) if "POST" in r.methods]
    assert len(posts) >= 8
    for route in posts:
        path = re.sub(r"\{[^}]+\}", "admin0", route.path)
        for data in ({}, {"csrf_token": "forged-token-of-enough-length-0123456789"}):
            response = c.post(path, data=data, follow_redirects=False)
            assert response.status_code == 403, (path, data)
    # The right token from a foreign origin is refused too.
    token = c.token("/admin/users")
    response = c.post(
        "/admin/users",
        data={"csrf_token": token, "username": "x", "password": "y" * 12, "role": "admin"},
        headers={"origin": "https://evil.example"},
        follow_redirects=False,
    )
    assert response.status_code == 403


def test_security_headers(client: Client) -> None:
    response = client.get("/login")
    assert response.headers["content-security-policy"] == security.CONTENT_SECURITY_POLICY
    assert "script-src 'self'" in security.CONTENT_SECURITY_POLICY
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["cache-control"] == "no-store"
    static = client.get("/static/app.css")
    assert static.status_code == 200 and static.headers.get("cache-control") != "no-store"
