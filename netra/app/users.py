"""Accounts of the review app, shared by ``netra users`` and the admin pages.

Roles: ``admin`` manages users and sources and reviews; ``monitor`` reviews;
``analyst`` reads. Passwords are stored only as argon2id hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from netra.app import passwords, sessions
from netra.app.i18n import Labelled
from netra.db.schema import users

ROLES = ("admin", "monitor", "analyst")
# Who may do what: each capability lists the roles that hold it.
CAN_REVIEW = frozenset({"admin", "monitor"})
CAN_ADMINISTER = frozenset({"admin"})
CAN_READ = frozenset(ROLES)


class UserError(Labelled):
    """A user-management request that cannot be carried out (a label key and its values)."""


@dataclass(frozen=True)
class User:
    user_id: int
    username: str
    display_name: str | None
    role: str
    active: bool
    failed_logins: int = 0
    locked_until: datetime | None = None
    last_login_at: datetime | None = None
    created_at: datetime | None = None

    @property
    def can_review(self) -> bool:
        return self.role in CAN_REVIEW

    @property
    def is_admin(self) -> bool:
        return self.role in CAN_ADMINISTER

    @property
    def label(self) -> str:
        return self.display_name or self.username


_COLUMNS = [users.c[name] for name in User.__dataclass_fields__]


def _user(row: sa.RowMapping | None) -> User | None:
    return User(**row) if row is not None else None


def get(conn: sa.Connection, user_id: int) -> User | None:
    row = conn.execute(sa.select(*_COLUMNS).where(users.c.user_id == user_id)).mappings().first()
    return _user(row)


def by_name(conn: sa.Connection, username: str) -> User | None:
    row = conn.execute(sa.select(*_COLUMNS).where(users.c.username == username)).mappings().first()
    return _user(row)


def listing(conn: sa.Connection) -> list[User]:
    rows = conn.execute(sa.select(*_COLUMNS).order_by(users.c.username)).mappings()
    return [User(**row) for row in rows]


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError("users.unknown_role", role=role, roles=", ".join(ROLES))


def _check_username(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 64 or any(ch.isspace() for ch in username):
        raise UserError("users.bad_username")
    return username


def add(
    conn: sa.Connection,
    username: str,
    password: str,
    role: str,
    *,
    env: str,
    display_name: str | None = None,
) -> User:
    """Create an account; refuses an existing username, an unknown role and a weak password."""
    username = _check_username(username)
    _check_role(role)
    passwords.check_policy(password, username, env)
    if by_name(conn, username) is not None:
        raise UserError("users.exists", username=username)
    user_id = conn.execute(
        sa.insert(users)
        .values(
            username=username,
            display_name=display_name or None,
            password_hash=passwords.hash_password(password),
            role=role,
        )
        .returning(users.c.user_id)
    ).scalar_one()
    user = get(conn, user_id)
    assert user is not None
    return user


def _update(conn: sa.Connection, username: str, **values: object) -> User:
    """Change one account's columns; UserError when there is no such account."""
    updated = conn.execute(
        sa.update(users).where(users.c.username == username).values(**values).returning(users.c.user_id)
    ).scalar()
    if updated is None:
        raise UserError("users.missing", username=username)
    user = get(conn, updated)
    assert user is not None
    return user


def set_active(conn: sa.Connection, username: str, active: bool, *, by: int | None = None) -> User:
    """Disable or re-enable an account; re-enabling also lifts a lockout, disabling ends its sessions."""
    values: dict[str, object] = {"active": active}
    if active:
        values.update(failed_logins=0, locked_until=None)
    user = _update(conn, username, **values)
    if not active:
        sessions.revoke_user(conn, user.user_id, "disabled", by=by)
    return user


def set_role(conn: sa.Connection, username: str, role: str, *, by: int | None = None) -> User:
    """A new role; the account's sessions end, so no page keeps the old role's rights."""
    _check_role(role)
    before = by_name(conn, username)
    user = _update(conn, username, role=role)
    if before is not None and before.role != role:
        sessions.revoke_user(conn, user.user_id, "role", by=by)
    return user


def set_password(
    conn: sa.Connection, username: str, password: str, *, env: str, by: int | None = None
) -> User:
    """A new password (lifting a lockout); every session of the account ends."""
    passwords.check_policy(password, username, env)
    user = _update(
        conn, username, password_hash=passwords.hash_password(password), failed_logins=0, locked_until=None
    )
    sessions.revoke_user(conn, user.user_id, "password", by=by)
    return user


def active_admins(conn: sa.Connection) -> int:
    return conn.execute(
        sa.select(sa.func.count()).where(users.c.role == "admin", users.c.active.is_(True))
    ).scalar_one()
