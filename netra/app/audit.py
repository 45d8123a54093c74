"""The audit trail: logins, decisions, user and source management, exports.

Rows go to ``raw.audit_log`` in the caller's transaction, so an action and its
audit row are committed together or not at all.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from netra.db.schema import audit_log


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


def recent(conn: sa.Connection, *, limit: int = 200, action: str | None = None) -> list[sa.RowMapping]:
    """The newest audit rows, optionally of one action."""
    stmt = sa.select(audit_log).order_by(audit_log.c.occurred_at.desc(), audit_log.c.audit_id.desc())
    if action:
        stmt = stmt.where(audit_log.c.action == action)
    return list(conn.execute(stmt.limit(limit)).mappings())
