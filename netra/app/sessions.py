"""Server-side sessions of the review app: each login is a row that can be revoked.

The signed cookie carries only a random token; ``raw.user_sessions`` keeps its
SHA-256 with the user, when it started and was last used, and the browser and
address. A session ends when it is idle longer than ``session_idle_minutes``,
older than ``session_hours``, or revoked: logout, a new password, a new role,
a disabled account, or an admin's revoke. Every end is audited.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa

from netra.app import audit
from netra.config import Settings
from netra.db.schema import user_sessions, users

# last_seen_at is written at most this often per session: a write on every request would cost
# more than the idle timeout's precision is worth.
TOUCH_EVERY = timedelta(seconds=60)
USER_AGENT_MAX = 300


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class Active:
    """What a valid session tells a request."""

    session_id: str
    user_id: int


def start(conn: sa.Connection, user_id: int, *, user_agent: str | None, ip: str | None) -> str:
    """A new session for ``user_id``; returns the token for the cookie (only its digest is stored)."""
    token = secrets.token_urlsafe(32)
    conn.execute(
        sa.insert(user_sessions).values(
            session_id=digest(token),
            user_id=user_id,
            user_agent=(user_agent or "")[:USER_AGENT_MAX] or None,
            ip=ip,
        )
    )
    return token


def purge(conn: sa.Connection, settings: Settings) -> int:
    """Close timed-out sessions nobody presented again (audited, as :func:`check` would), then
    delete rows ended more than ``session_retention_days`` ago; return how many were deleted.

    Without this the table grows by one row per login forever, and a session that timed out
    unseen would never get its end into the audit log.
    """
    s = user_sessions
    now = sa.func.now()
    _close(conn, s.c.created_at <= now - timedelta(hours=settings.session_hours), "expired")
    _close(conn, s.c.last_seen_at <= now - timedelta(minutes=settings.session_idle_minutes), "idle")
    keep = timedelta(days=settings.session_retention_days)
    return conn.execute(sa.delete(s).where(s.c.revoked_at < now - keep)).rowcount


def _ended(s: sa.TableClause, settings: Settings) -> sa.ColumnElement[str | None]:
    """Why a session row is no longer valid (SQL), or NULL while it is."""
    now = sa.func.now()
    return sa.case(
        (s.c.revoked_at.is_not(None), s.c.revoked_reason),
        (s.c.created_at <= now - timedelta(hours=settings.session_hours), sa.literal("expired")),
        (s.c.last_seen_at <= now - timedelta(minutes=settings.session_idle_minutes), sa.literal("idle")),
        else_=sa.null(),
    )


def check(conn: sa.Connection, token: str, settings: Settings) -> Active | None:
    """The session ``token`` names if it is still valid (and mark it used); None otherwise.

    A session found timed out is closed here, with its reason, and audited once.
    """
    s = user_sessions
    sid = digest(token)
    row = conn.execute(
        sa.select(
            s.c.user_id,
            s.c.revoked_at,
            _ended(s, settings).label("ended"),
            (s.c.last_seen_at <= sa.func.now() - TOUCH_EVERY).label("stale"),
        ).where(s.c.session_id == sid)
    ).first()
    if row is None:
        return None
    if row.ended is not None:
        if row.revoked_at is None:
            _close(conn, s.c.session_id == sid, row.ended)
        return None
    if row.stale:
        conn.execute(sa.update(s).where(s.c.session_id == sid).values(last_seen_at=sa.func.now()))
    return Active(sid, row.user_id)


def _close(conn: sa.Connection, where: sa.ColumnElement[bool], reason: str, *, by: int | None = None) -> int:
    """Revoke the open sessions ``where`` selects; audit each one; return how many."""
    s = user_sessions
    closed = conn.execute(
        sa.update(s)
        .where(where, s.c.revoked_at.is_(None))
        .values(revoked_at=sa.func.now(), revoked_reason=reason)
        .returning(s.c.session_id, s.c.user_id, s.c.ip)
    ).all()
    names = dict(
        conn.execute(
            sa.select(users.c.user_id, users.c.username).where(
                users.c.user_id.in_({row.user_id for row in closed} | ({by} if by else set()))
            )
        ).all()
    )
    for row in closed:
        # The actor is whoever ended it (None: a timeout, or a change made from the CLI).
        audit.record(
            conn,
            "session_end",
            user_id=by,
            username=names.get(by) if by is not None else None,
            target=names.get(row.user_id),
            detail={"session": row.session_id[:12], "reason": reason},
            ip=row.ip,
        )
    return len(closed)


def revoke(conn: sa.Connection, session_id: str, reason: str, *, by: int | None = None) -> int:
    """End one session (by its stored id); 0 when it was already over or does not exist."""
    return _close(conn, user_sessions.c.session_id == session_id, reason, by=by)


def revoke_of_user(conn: sa.Connection, user_id: int, session_id: str, reason: str, *, by: int) -> int:
    """End one session of ``user_id``; 0 when it is not theirs, already over, or unknown."""
    s = user_sessions
    return _close(conn, sa.and_(s.c.session_id == session_id, s.c.user_id == user_id), reason, by=by)


def revoke_user(
    conn: sa.Connection, user_id: int, reason: str, *, by: int | None = None, keep: str | None = None
) -> int:
    """End every open session of ``user_id`` (but ``keep``, the caller's own, when given)."""
    s = user_sessions
    where = s.c.user_id == user_id
    if keep is not None:
        where = sa.and_(where, s.c.session_id != keep)
    return _close(conn, where, reason, by=by)


@dataclass(frozen=True)
class SessionRow:
    session_id: str
    created_at: datetime
    last_seen_at: datetime
    user_agent: str | None
    ip: str | None
    revoked_at: datetime | None
    ended: str | None  # why it is over (revoked reason, "expired", "idle"); None while valid


def of_user(conn: sa.Connection, user_id: int, settings: Settings, *, limit: int = 50) -> list[SessionRow]:
    """A user's sessions, open ones first, newest first."""
    s = user_sessions
    ended = _ended(s, settings).label("ended")
    rows = conn.execute(
        sa.select(
            s.c.session_id,
            s.c.created_at,
            s.c.last_seen_at,
            s.c.user_agent,
            s.c.ip,
            s.c.revoked_at,
            ended,
        )
        .where(s.c.user_id == user_id)
        .order_by(ended.is_not(None), s.c.last_seen_at.desc())
        .limit(limit)
    ).mappings()
    return [SessionRow(**row) for row in rows]
