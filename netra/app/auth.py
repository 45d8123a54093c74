"""Logging in and who may do what.

Logins are rate-limited twice: per account (``failed_logins`` and
``locked_until`` on ``raw.users``) and per client address (failed attempts
counted in ``raw.audit_log``, so the limit holds across app workers and
restarts). Every attempt is audited. Each route names the capability it needs
through :data:`reader`, :data:`reviewer` or :data:`admin`; a test walks the
routes to make sure none is left without one. A login starts a server-side
session (:mod:`netra.app.sessions`); every request checks it in the database,
so a revoked or timed-out session stops working at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import Enum

import sqlalchemy as sa
from fastapi import Depends, Request

from netra.app import audit, passwords, sessions
from netra.app.users import CAN_ADMINISTER, CAN_READ, CAN_REVIEW, User, get
from netra.config import Settings
from netra.db.schema import audit_log, users


class Outcome(Enum):
    OK = "ok"
    BAD_CREDENTIALS = "bad_credentials"
    LOCKED = "locked"
    IP_LIMITED = "ip_limited"


@dataclass(frozen=True)
class LoginResult:
    outcome: Outcome
    user: User | None = None


class LoginRequired(Exception):
    """No valid session: HTML pages redirect to the login form."""


class Forbidden(Exception):
    """Logged in, but the role lacks the capability the route needs."""


def _ip_failures(conn: sa.Connection, ip: str, window: timedelta) -> int:
    return conn.execute(
        sa.select(sa.func.count()).where(
            audit_log.c.action == "login_failed",
            audit_log.c.ip == ip,
            audit_log.c.occurred_at > sa.func.now() - window,
        )
    ).scalar_one()


def authenticate(
    conn: sa.Connection, username: str, password: str, ip: str, settings: Settings
) -> LoginResult:
    """Check a login attempt, update the lockout counters and audit it.

    Run inside a transaction: the account row is locked while its counters change,
    so parallel attempts cannot race past the limit.
    """
    window = timedelta(minutes=settings.login_lockout_minutes)
    username = username.strip()[:128]
    if _ip_failures(conn, ip, window) >= settings.login_ip_max_failures:
        audit.record(conn, "login_refused", username=username, ip=ip, detail={"reason": "ip_limited"})
        return LoginResult(Outcome.IP_LIMITED)
    row = (
        conn.execute(
            sa.select(
                users.c.user_id,
                users.c.password_hash,
                users.c.active,
                users.c.failed_logins,
                (users.c.locked_until > sa.func.now()).label("locked"),
            )
            .where(users.c.username == username)
            .with_for_update()
        )
        .mappings()
        .first()
    )
    if row is None:
        passwords.burn_time(password)
        audit.record(conn, "login_failed", username=username, ip=ip, detail={"reason": "unknown_user"})
        return LoginResult(Outcome.BAD_CREDENTIALS)
    uid = row["user_id"]
    if row["locked"]:
        audit.record(
            conn, "login_refused", user_id=uid, username=username, ip=ip, detail={"reason": "locked"}
        )
        return LoginResult(Outcome.LOCKED)
    good = passwords.verify_password(row["password_hash"], password)
    if not good or not row["active"]:
        failures = row["failed_logins"] + 1
        values: dict[str, object] = {"failed_logins": failures}
        locking = failures >= settings.login_max_failures
        if locking:
            # The count starts afresh after the lockout, so each lockout grants the full allowance.
            values = {"failed_logins": 0, "locked_until": sa.func.now() + window}
        conn.execute(sa.update(users).where(users.c.user_id == uid).values(**values))
        reason = "wrong_password" if not good else "disabled"
        audit.record(conn, "login_failed", user_id=uid, username=username, ip=ip, detail={"reason": reason})
        if locking:
            audit.record(conn, "account_locked", user_id=uid, username=username, ip=ip)
        return LoginResult(Outcome.BAD_CREDENTIALS)
    values = {"failed_logins": 0, "locked_until": None, "last_login_at": sa.func.now()}
    if passwords.needs_rehash(row["password_hash"]):
        values["password_hash"] = passwords.hash_password(password)
    conn.execute(sa.update(users).where(users.c.user_id == uid).values(**values))
    audit.record(conn, "login", user_id=uid, username=username, ip=ip)
    return LoginResult(Outcome.OK, get(conn, uid))


def start_session(request: Request, user: User, conn: sa.Connection) -> None:
    """A fresh server-side session for ``user``; nothing from before login carries over but the language."""
    lang = request.session.get("lang")
    request.session.clear()
    # Logins are rare enough to carry the housekeeping of old session rows.
    sessions.purge(conn, request.app.state.settings)
    request.session["sid"] = sessions.start(
        conn, user.user_id, user_agent=request.headers.get("user-agent"), ip=audit.client_ip(request)
    )
    if lang:
        request.session["lang"] = lang


def current_user(request: Request) -> User:
    """The active user of a valid session (``request.state.session`` is set too), or LoginRequired."""
    cached = getattr(request.state, "user", None)
    if cached is not None:
        return cached
    token = request.session.get("sid")
    if not isinstance(token, str):
        raise LoginRequired
    with request.app.state.engine.begin() as conn:
        active = sessions.check(conn, token, request.app.state.settings)
        user = get(conn, active.user_id) if active is not None else None
    if active is None or user is None or not user.active:
        request.session.pop("sid", None)
        raise LoginRequired
    request.state.session = active
    request.state.user = user
    return user


def _require(roles: frozenset[str]):
    def dependency(user: User = Depends(current_user)) -> User:  # noqa: B008
        if user.role not in roles:
            raise Forbidden
        return user

    dependency.roles = roles  # type: ignore[attr-defined]  # read by the route audit test
    return dependency


reader = _require(CAN_READ)
reviewer = _require(CAN_REVIEW)
admin = _require(CAN_ADMINISTER)
ROLE_DEPENDENCIES = (reader, reviewer, admin)
