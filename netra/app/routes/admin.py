"""Admin pages: users, news sources and the audit log. Only the admin role reaches them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated
from urllib.parse import quote, urlsplit

import sqlalchemy as sa
from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from netra.app import audit, auth, sessions, users
from netra.app.i18n import Labelled
from netra.app.users import User, UserError
from netra.app.web import flash, flash_error, render
from netra.db.schema import sources
from nlp.regions import gazetteer

router = APIRouter(prefix="/admin")
Admin = Annotated[User, Depends(auth.admin)]


def _back(path: str) -> Response:
    return RedirectResponse(path, status_code=303)


@contextmanager
def _saving(request: Request) -> Iterator[None]:
    """Run a change: a refusal (a labelled error) becomes the next page's message, else "saved"."""
    try:
        yield
    except Labelled as exc:
        flash_error(request, exc)
    else:
        flash(request, "common.saved", "ok")


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
    with _saving(request), request.app.state.engine.begin() as conn:
        created = users.add(conn, username, password, role, env=env, display_name=display_name.strip())
        audit.by(conn, request, user, "user_add", target=created.username, detail={"role": created.role})
    return _back("/admin/users")


def _guard_last_admin(conn: sa.Connection, target: str, *, demoting: bool) -> None:
    account = users.by_name(conn, target)
    if account is None:
        raise HTTPException(status_code=404)
    if demoting and account.role == "admin" and account.active and users.active_admins(conn) <= 1:
        raise UserError("users.last_admin")


def _change(request: Request, user: User, target: str, action: str, change, detail: dict) -> Response:
    with _saving(request), request.app.state.engine.begin() as conn:
        _guard_last_admin(conn, target, demoting=detail.get("demoting", False))
        change(conn)
        detail = {k: v for k, v in detail.items() if k != "demoting"}
        audit.by(conn, request, user, action, target=target, detail=detail)
    return _back("/admin/users")


@router.post("/users/{username}/active")
def set_active(request: Request, user: Admin, username: str, active: Annotated[bool, Form()]) -> Response:
    return _change(
        request,
        user,
        username,
        "user_enable" if active else "user_disable",
        lambda conn: users.set_active(conn, username, active, by=user.user_id),
        {"demoting": not active},
    )


@router.post("/users/{username}/role")
def set_role(request: Request, user: Admin, username: str, role: Annotated[str, Form()]) -> Response:
    return _change(
        request,
        user,
        username,
        "user_role",
        lambda conn: users.set_role(conn, username, role, by=user.user_id),
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
        lambda conn: users.set_password(conn, username, password, env=env, by=user.user_id),
        {},
    )


@router.get("/users/{username}/sessions")
def sessions_page(request: Request, user: Admin, username: str) -> Response:
    with request.app.state.engine.connect() as conn:
        account = users.by_name(conn, username)
        if account is None:
            raise HTTPException(status_code=404)
        rows = sessions.of_user(conn, account.user_id, request.app.state.settings)
    own = getattr(request.state, "session", None)
    return render(
        request,
        "admin_sessions.html",
        {
            "account": account,
            "rows": rows,
            "open_count": sum(1 for r in rows if r.ended is None),
            "own": own.session_id if own else None,
        },
    )


@router.post("/users/{username}/sessions/revoke")
def revoke_sessions(
    request: Request, user: Admin, username: str, session_id: Annotated[str, Form(max_length=64)]
) -> Response:
    """End one session of ``username`` (its stored id) or, with ``all``, every open one."""
    with request.app.state.engine.begin() as conn:
        account = users.by_name(conn, username)
        if account is None:
            raise HTTPException(status_code=404)
        if session_id == "all":
            count = sessions.revoke_user(conn, account.user_id, "admin", by=user.user_id)
        else:
            count = sessions.revoke_of_user(conn, account.user_id, session_id, "admin", by=user.user_id)
    flash(request, "sessions.revoked", "ok", count=count)
    return _back(f"/admin/users/{quote(username)}/sessions")


# --- sources -------------------------------------------------------------------------------------


@router.get("/sources")
def sources_page(request: Request, user: Admin) -> Response:
    with request.app.state.engine.connect() as conn:
        rows = list(conn.execute(sa.select(sources).order_by(sources.c.name)).mappings())
    provinces = sorted(gazetteer().provinces)
    return render(request, "admin_sources.html", {"sources": rows, "provinces": provinces})


def _check_frequency(frequency: int) -> None:
    if not 5 <= frequency <= 7 * 24 * 60:
        raise UserError("sources.bad_frequency")


def _check_source(domain: str, homepage: str, province: str, frequency: int) -> None:
    if not domain or "/" in domain or " " in domain or "." not in domain:
        raise UserError("sources.bad_domain", domain=domain)
    if homepage:
        parts = urlsplit(homepage)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UserError("sources.bad_homepage", homepage=homepage)
    if province and province not in gazetteer().provinces:
        raise UserError("sources.unknown_province", province=province)
    _check_frequency(frequency)


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
    with _saving(request):
        if not name:
            raise UserError("sources.no_name")
        _check_source(domain, homepage, province, frequency)
        with request.app.state.engine.begin() as conn:
            exists = conn.execute(sa.select(sources.c.name).where(sources.c.name == name)).first()
            if exists:
                raise UserError("sources.exists", name=name)
            conn.execute(
                sa.insert(sources).values(
                    name=name,
                    domain=domain,
                    homepage=homepage or None,
                    province=province or None,
                    crawl_frequency_minutes=frequency,
                )
            )
            audit.by(
                conn,
                request,
                user,
                "source_add",
                target=name,
                detail={"domain": domain, "province": province, "frequency": frequency},
            )
    return _back("/admin/sources")


@router.post("/sources/{name}")
def update_source(
    request: Request,
    user: Admin,
    name: str,
    active: Annotated[bool, Form()],
    frequency: Annotated[int, Form()],
) -> Response:
    with _saving(request):
        _check_frequency(frequency)
        with request.app.state.engine.begin() as conn:
            updated = conn.execute(
                sa.update(sources)
                .where(sources.c.name == name)
                .values(active=active, crawl_frequency_minutes=frequency, updated_at=sa.func.now())
                .returning(sources.c.name)
            ).scalar()
            if updated is None:
                raise HTTPException(status_code=404)
            audit.by(
                conn,
                request,
                user,
                "source_update",
                target=name,
                detail={"active": active, "frequency": frequency},
            )
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
