"""Accounts of the review app, shared by ``netra users`` and the admin pages.

Roles: ``admin`` manages users and sources and reviews; ``monitor`` reviews;
``analyst`` reads. Passwords are stored only as argon2id hashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from netra.app import passwords
from netra.db.schema import users
from netra.errors import NetraError

ROLES = ("admin", "monitor", "analyst")
# Who may do what: each capability lists the roles that hold it.
CAN_REVIEW = frozenset({"admin", "monitor"})
CAN_ADMINISTER = frozenset({"admin"})
CAN_READ = frozenset(ROLES)


class UserError(NetraError):
    """A user-management request that cannot be carried out."""


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


def get_with_hash(conn: sa.Connection, user_id: int) -> tuple[User | None, str]:
    """The user and their stored password hash, in one query (every request checks both)."""
    row = (
        conn.execute(sa.select(*_COLUMNS, users.c.password_hash).where(users.c.user_id == user_id))
        .mappings()
        .first()
    )
    if row is None:
        return None, ""
    values = dict(row)
    stored = values.pop("password_hash")
    return User(**values), stored


def by_name(conn: sa.Connection, username: str) -> User | None:
    row = conn.execute(sa.select(*_COLUMNS).where(users.c.username == username)).mappings().first()
    return _user(row)


def listing(conn: sa.Connection) -> list[User]:
    rows = conn.execute(sa.select(*_COLUMNS).order_by(users.c.username)).mappings()
    return [User(**row) for row in rows]


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise UserError(f"unknown role {role!r}; choose one of {', '.join(ROLES)}")


def _check_username(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 64 or any(ch.isspace() for ch in username):
        raise UserError("username must be 1 to 64 characters without spaces")
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
        raise UserError(f"user {username!r} already exists")
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


def set_active(conn: sa.Connection, username: str, active: bool) -> User:
    """Disable or re-enable an account; re-enabling also lifts a lockout."""
    values: dict[str, object] = {"active": active}
    if active:
        values.update(failed_logins=0, locked_until=None)
    updated = conn.execute(
        sa.update(users).where(users.c.username == username).values(**values).returning(users.c.user_id)
    ).scalar()
    if updated is None:
        raise UserError(f"no user {username!r}")
    user = get(conn, updated)
    assert user is not None
    return user


def set_role(conn: sa.Connection, username: str, role: str) -> User:
    _check_role(role)
    updated = conn.execute(
        sa.update(users).where(users.c.username == username).values(role=role).returning(users.c.user_id)
    ).scalar()
    if updated is None:
        raise UserError(f"no user {username!r}")
    user = get(conn, updated)
    assert user is not None
    return user


def set_password(conn: sa.Connection, username: str, password: str, *, env: str) -> None:
    passwords.check_policy(password, username, env)
    updated = conn.execute(
        sa.update(users)
        .where(users.c.username == username)
        .values(password_hash=passwords.hash_password(password), failed_logins=0, locked_until=None)
        .returning(users.c.user_id)
    ).scalar()
    if updated is None:
        raise UserError(f"no user {username!r}")


def active_admins(conn: sa.Connection) -> int:
    return conn.execute(
        sa.select(sa.func.count()).where(users.c.role == "admin", users.c.active.is_(True))
    ).scalar_one()
