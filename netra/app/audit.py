"""The audit trail: logins, decisions, user and source management, exports.

Rows go to ``raw.audit_log`` in the caller's transaction, so an action and its
audit row are committed together or not at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import sqlalchemy as sa
from starlette.requests import Request

from netra.db.schema import audit_log

if TYPE_CHECKING:
    from netra.app.users import User


def record(
    conn: sa.Connection,
    action: str,
    *,
    user_id: int | None = None,
    username: str | None = None,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
    ip: str | None = None,
) -> None:
    conn.execute(
        sa.insert(audit_log).values(
            action=action,
            user_id=user_id,
            username=username,
            target=target,
            detail=detail or {},
            ip=ip,
        )
    )


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def by(
    conn: sa.Connection,
    request: Request,
    user: User,
    action: str,
    *,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """``action`` done by ``user`` in ``request`` (who, and from which address)."""
    record(
        conn,
        action,
        user_id=user.user_id,
        username=user.username,
        target=target,
        detail=detail,
        ip=client_ip(request),
    )


def recent(conn: sa.Connection, *, limit: int = 200, action: str | None = None) -> list[sa.RowMapping]:
    """The newest audit rows, optionally of one action."""
    stmt = sa.select(audit_log).order_by(audit_log.c.occurred_at.desc(), audit_log.c.audit_id.desc())
    if action:
        stmt = stmt.where(audit_log.c.action == action)
    return list(conn.execute(stmt.limit(limit)).mappings())
