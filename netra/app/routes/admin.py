"""Admin pages: users, news sources and the audit log. Only the admin role reaches them."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlsplit

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from netra.app import audit, auth, passwords, users
from netra.app.users import User, UserError
from netra.app.web import flash, render
from netra.db.schema import sources
from nlp.regions import gazetteer

router = APIRouter(prefix="/admin")
Admin = Annotated[User, Depends(auth.admin)]


def _back(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


@router.get("/users")
def users_page(request: Request, user: Admin) -> Response:
    with request.app.state.engine.connect() as conn:
        accounts = users.listing(conn)
    return render(request, "admin_users.html", {"accounts": accounts, "roles": users.ROLES})


@router.post("/users")
def add_user(
    request: Request,
    user: Admin,
    username: Annotated[str, Form(max_length=64)],
    password: Annotated[str, Form(max_length=1024)],
    role: Annotated[str, Form()],
    display_name: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    env = request.app.state.settings.env
    try:
        with request.app.state.engine.begin() as conn:
            created = users.add(conn, username, password, role, env=env, display_name=display_name.strip())
            audit.record(
                conn,
                "user_add",
                user_id=user.user_id,
                username=user.username,
                target=created.username,
                detail={"role": created.role},
                ip=auth.client_ip(request),
            )
    except UserError as exc:
        flash(request, str(exc), "error")
    except passwords.WeakPassword as exc:
        flash(request, str(exc), "error")
    else:
        flash(request, "common.saved", "ok")
    return _back("/admin/users")


def _guard_last_admin(conn: sa.Connection, target: str, *, demoting: bool) -> None:
    account = users.by_name(conn, target)
    if account is None:
        raise HTTPException(status_code=404)
    if demoting and account.role == "admin" and account.active and users.active_admins(conn) <= 1:
        raise UserError("users.last_admin")


def _change(request: Request, user: User, target: str, action: str, change, detail: dict) -> Response:
    try:
        with request.app.state.engine.begin() as conn:
            _guard_last_admin(conn, target, demoting=detail.get("demoting", False))
            change(conn)
            detail = {k: v for k, v in detail.items() if k != "demoting"}
            audit.record(
                conn,
                action,
                user_id=user.user_id,
                username=user.username,
                target=target,
                detail=detail,
                ip=auth.client_ip(request),
            )
    except (UserError, passwords.WeakPassword) as exc:
        flash(request, str(exc), "error")
    else:
        flash(request, "common.saved", "ok")
    return _back("/admin/users")


@router.post("/users/{username}/active")
def set_active(request: Request, user: Admin, username: str, active: Annotated[bool, Form()]) -> Response:
    return _change(
        request,
        user,
        username,
        "user_enable" if active else "user_disable",
        lambda conn: users.set_active(conn, username, active),
        {"demoting": not active},
    )


@router.post("/users/{username}/role")
def set_role(request: Request, user: Admin, username: str, role: Annotated[str, Form()]) -> Response:
    return _change(
        request,
        user,
        username,
        "user_role",
        lambda conn: users.set_role(conn, username, role),
        {"role": role, "demoting": role != "admin"},
    )


@router.post("/users/{username}/password")
def set_password(
    request: Request, user: Admin, username: str, password: Annotated[str, Form(max_length=1024)]
) -> Response:
    env = request.app.state.settings.env
    return _change(
        request,
        user,
        username,
        "user_password",
        lambda conn: users.set_password(conn, username, password, env=env),
        {},
    )


# --- sources -------------------------------------------------------------------------------------


@router.get("/sources")
def sources_page(request: Request, user: Admin) -> Response:
    with request.app.state.engine.connect() as conn:
        rows = list(conn.execute(sa.select(sources).order_by(sources.c.name)).mappings())
    provinces = sorted(gazetteer().provinces)
    return render(request, "admin_sources.html", {"sources": rows, "provinces": provinces})


def _check_source(domain: str, homepage: str, province: str, frequency: int) -> None:
    if not domain or "/" in domain or " " in domain or "." not in domain:
        raise UserError(f"domain {domain!r} is not a host name such as news.example.id")
    if homepage:
        parts = urlsplit(homepage)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UserError(f"homepage {homepage!r} is not an http(s) URL")
    if province and province not in gazetteer().provinces:
        raise UserError(f"unknown province {province!r}")
    if not 5 <= frequency <= 7 * 24 * 60:
        raise UserError("crawl frequency must be between 5 minutes and one week")


@router.post("/sources")
def add_source(
    request: Request,
    user: Admin,
    name: Annotated[str, Form(max_length=100)],
    domain: Annotated[str, Form(max_length=255)],
    homepage: Annotated[str, Form(max_length=1000)] = "",
    province: Annotated[str, Form(max_length=100)] = "",
    frequency: Annotated[int, Form()] = 60,
) -> Response:
    name, domain, homepage = name.strip(), domain.strip().lower(), homepage.strip()
    try:
        if not name:
            raise UserError("a source needs a name")
        _check_source(domain, homepage, province, frequency)
        with request.app.state.engine.begin() as conn:
            exists = conn.execute(sa.select(sources.c.name).where(sources.c.name == name)).first()
            if exists:
                raise UserError(f"source {name!r} already exists")
            conn.execute(
                sa.insert(sources).values(
                    name=name,
                    domain=domain,
                    homepage=homepage or None,
                    province=province or None,
                    crawl_frequency_minutes=frequency,
                )
            )
            audit.record(
                conn,
                "source_add",
                user_id=user.user_id,
                username=user.username,
                target=name,
                detail={"domain": domain, "province": province, "frequency": frequency},
                ip=auth.client_ip(request),
            )
    except UserError as exc:
        flash(request, str(exc), "error")
    else:
        flash(request, "common.saved", "ok")
    return _back("/admin/sources")


@router.post("/sources/{name}")
def update_source(
    request: Request,
    user: Admin,
    name: str,
    active: Annotated[bool, Form()],
    frequency: Annotated[int, Form()],
) -> Response:
    try:
        if not 5 <= frequency <= 7 * 24 * 60:
            raise UserError("crawl frequency must be between 5 minutes and one week")
        with request.app.state.engine.begin() as conn:
            updated = conn.execute(
                sa.update(sources)
                .where(sources.c.name == name)
                .values(active=active, crawl_frequency_minutes=frequency, updated_at=sa.func.now())
                .returning(sources.c.name)
            ).scalar()
            if updated is None:
                raise HTTPException(status_code=404)
            audit.record(
                conn,
                "source_update",
                user_id=user.user_id,
                username=user.username,
                target=name,
                detail={"active": active, "frequency": frequency},
                ip=auth.client_ip(request),
            )
    except UserError as exc:
        flash(request, str(exc), "error")
    else:
        flash(request, "common.saved", "ok")
    return _back("/admin/sources")


@router.get("/audit")
def audit_page(request: Request, user: Admin, action: str | None = None) -> Response:
    with request.app.state.engine.connect() as conn:
        rows = audit.recent(conn, limit=500, action=action or None)
        actions = list(
            conn.execute(
                sa.select(audit.audit_log.c.action).distinct().order_by(audit.audit_log.c.action)
            ).scalars()
        )
    return render(request, "admin_audit.html", {"rows": rows, "actions": actions, "action": action or ""})
