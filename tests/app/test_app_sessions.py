"""Server-side sessions: a row per login, revoked on logout and account changes, timed out when idle
or too old, listed and revoked by admins, every end audited. Real app, real PostgreSQL."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from html import unescape

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from netra.app import users
from netra.app.factory import SESSION_COOKIE, create_app
from netra.config import Settings
from netra.db.schema import audit_log, user_sessions
from tests.app.conftest import Client


def _sessions(engine: sa.Engine, username: str) -> list[sa.RowMapping]:
    s = user_sessions
    with engine.connect() as conn:
        user = users.by_name(conn, username)
        assert user is not None
        return list(
            conn.execute(sa.select(s).where(s.c.user_id == user.user_id).order_by(s.c.created_at)).mappings()
        )


def _ends(engine: sa.Engine) -> list[tuple[str | None, str | None, str]]:
    """(actor, whose session, reason) of every audited session end, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(audit_log.c.username, audit_log.c.target, audit_log.c.detail)
            .where(audit_log.c.action == "session_end")
            .order_by(audit_log.c.audit_id)
        )
        return [(who, target, detail["reason"]) for who, target, detail in rows]


def _logged_out(c: Client) -> bool:
    response = c.get("/", follow_redirects=False)
    assert response.status_code == 303
    return response.headers["location"].startswith("/login")


def _replay(app: FastAPI, cookie: str) -> Client:
    """A new client presenting a copy of someone's session cookie."""
    other = Client(app)
    other.cookies.set(SESSION_COOKIE, cookie)
    return other


def test_login_stores_a_session_row_and_the_cookie_only_a_token(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine
) -> None:
    make_user("sari")
    client.headers["user-agent"] = "Mozilla/5.0 (X11; Linux) NetraTest/1"
    assert client.login("sari").status_code == 303
    [row] = _sessions(engine, "sari")
    assert row["user_agent"] == "Mozilla/5.0 (X11; Linux) NetraTest/1"
    assert row["ip"] == "testclient"
    assert row["revoked_at"] is None and row["last_seen_at"] >= row["created_at"]
    # Only the token's digest is stored: the table cannot be turned back into cookies.
    assert len(row["session_id"]) == 64
    assert row["session_id"] not in client.cookies[SESSION_COOKIE]
    assert not _logged_out(client)
    # Logging in again makes a new session (a token from before login is never reused).
    client.login("sari")
    assert len(_sessions(engine, "sari")) == 2


def test_logout_revokes_the_session_so_a_copied_cookie_is_worthless(
    app: FastAPI, logged_in: Callable[[str], Client], engine: sa.Engine
) -> None:
    c = logged_in("monitor")
    stolen = c.cookies[SESSION_COOKIE]
    with _replay(app, stolen) as thief:
        assert not _logged_out(thief)  # the copy works while the session is open
        assert c.post_form("/logout", page="/queue").status_code == 303
        assert _logged_out(thief)
    [row] = _sessions(engine, "monitor0")
    assert row["revoked_reason"] == "logout" and row["revoked_at"] is not None
    assert _ends(engine) == [("monitor0", "monitor0", "logout")]


def test_an_idle_session_times_out(
    logged_in: Callable[[str], Client], engine: sa.Engine, settings: Settings
) -> None:
    c = logged_in("monitor")
    idle = settings.session_idle_minutes
    with engine.begin() as conn:
        conn.execute(
            sa.update(user_sessions).values(
                last_seen_at=sa.func.now() - sa.text(f"interval '{idle - 1} minutes'")
            )
        )
    assert not _logged_out(c)  # still within the idle limit; the request counts as activity
    [row] = _sessions(engine, "monitor0")
    with engine.connect() as conn:
        age = conn.execute(sa.select(sa.func.now() - row["last_seen_at"])).scalar_one()
    assert age.total_seconds() < 60, "a request must renew last_seen_at"
    with engine.begin() as conn:
        conn.execute(
            sa.update(user_sessions).values(
                last_seen_at=sa.func.now() - sa.text(f"interval '{idle + 1} minutes'")
            )
        )
    assert _logged_out(c)
    assert _sessions(engine, "monitor0")[0]["revoked_reason"] == "idle"
    assert _ends(engine) == [(None, "monitor0", "idle")]


def test_a_busy_session_still_ends_at_the_absolute_limit(
    logged_in: Callable[[str], Client], engine: sa.Engine, settings: Settings
) -> None:
    c = logged_in("monitor")
    with engine.begin() as conn:
        conn.execute(
            sa.update(user_sessions).values(
                created_at=sa.func.now() - sa.text(f"interval '{settings.session_hours} hours 1 minute'")
            )
        )
    assert _logged_out(c)  # although it was used a moment ago
    assert _sessions(engine, "monitor0")[0]["revoked_reason"] == "expired"


def test_timeouts_follow_the_settings(
    settings: Settings, engine: sa.Engine, make_user: Callable[..., users.User]
) -> None:
    short = settings.model_copy(update={"session_idle_minutes": 2})
    make_user("sari")
    with Client(create_app(short, engine=engine)) as c:
        c.login("sari")
        with engine.begin() as conn:
            conn.execute(
                sa.update(user_sessions).values(last_seen_at=sa.func.now() - sa.text("interval '3 minutes'"))
            )
        assert _logged_out(c)


@pytest.mark.parametrize(
    ("path", "data", "reason"),
    [
        ("/admin/users/monitor1/password", {"password": "a brand new passphrase"}, "password"),
        ("/admin/users/monitor1/role", {"role": "analyst"}, "role"),
        ("/admin/users/monitor1/active", {"active": "false"}, "disabled"),
    ],
)
def test_account_changes_end_every_session_of_the_account(
    logged_in: Callable[[str], Client], engine: sa.Engine, path: str, data: dict[str, str], reason: str
) -> None:
    admin = logged_in("admin")
    monitor = logged_in("monitor")
    assert not _logged_out(monitor)
    assert admin.post_form(path, data, page="/admin/users").status_code == 303
    assert _logged_out(monitor)
    assert [r["revoked_reason"] for r in _sessions(engine, "monitor1")] == [reason]
    assert _ends(engine) == [("admin0", "monitor1", reason)]
    assert not _logged_out(admin), "the admin's own session is untouched"


def test_giving_the_same_role_again_keeps_the_sessions(
    logged_in: Callable[[str], Client], engine: sa.Engine
) -> None:
    admin = logged_in("admin")
    monitor = logged_in("monitor")
    admin.post_form("/admin/users/monitor1/role", {"role": "monitor"}, page="/admin/users")
    assert not _logged_out(monitor)


def test_a_password_set_from_the_cli_ends_sessions_too(
    logged_in: Callable[[str], Client], engine: sa.Engine
) -> None:
    c = logged_in("monitor")
    with engine.begin() as conn:  # what `netra users passwd` calls
        users.set_password(conn, "monitor0", "a brand new passphrase", env="development")
    assert _logged_out(c)
    assert _ends(engine) == [(None, "monitor0", "password")]


def test_admin_lists_and_revokes_a_users_sessions(
    app: FastAPI, logged_in: Callable[[str], Client], make_user: Callable[..., users.User], engine: sa.Engine
) -> None:
    admin = logged_in("admin")
    make_user("rina")
    laptop, phone = Client(app), Client(app)
    laptop.headers["user-agent"] = "Laptop <script>alert(1)</script>"
    phone.headers["user-agent"] = "Phone/2"
    with laptop, phone:
        assert laptop.login("rina").status_code == 303 and phone.login("rina").status_code == 303
        page = admin.get("/admin/users/rina/sessions")
        assert page.status_code == 200
        assert "Laptop &lt;script&gt;" in page.text and "<script>alert" not in page.text  # hostile UA escaped
        assert "Phone/2" in page.text
        laptop_id = next(
            r["session_id"] for r in _sessions(engine, "rina") if r["user_agent"].startswith("Laptop")
        )

        response = admin.post_form(
            "/admin/users/rina/sessions/revoke", {"session_id": laptop_id}, page="/admin/users/rina/sessions"
        )
        assert response.status_code == 303 and response.headers["location"] == "/admin/users/rina/sessions"
        assert _logged_out(laptop) and not _logged_out(phone)
        assert "1 sesi dicabut." in admin.get("/admin/users/rina/sessions").text

        # Revoking a session that is not rina's (the admin's own) through rina's page does nothing.
        own = _sessions(engine, "admin0")[0]["session_id"]
        admin.post_form("/admin/users/rina/sessions/revoke", {"session_id": own}, page="/admin/users")
        assert not _logged_out(admin)

        admin.post_form("/admin/users/rina/sessions/revoke", {"session_id": "all"}, page="/admin/users")
        assert _logged_out(phone)
    assert sorted(r["revoked_reason"] for r in _sessions(engine, "rina")) == ["admin", "admin"]
    assert _ends(engine) == [("admin0", "rina", "admin"), ("admin0", "rina", "admin")]
    assert "session_end" in admin.get("/admin/audit?action=session_end").text


def test_only_admins_reach_sessions(
    logged_in: Callable[[str], Client], make_user: Callable[..., users.User]
) -> None:
    monitor = logged_in("monitor")
    make_user("rina")
    assert monitor.get("/admin/users/rina/sessions").status_code == 403
    response = monitor.post_form("/admin/users/rina/sessions/revoke", {"session_id": "all"}, page="/queue")
    assert response.status_code == 403
    admin = logged_in("admin")
    assert admin.get("/admin/users/nobody/sessions").status_code == 404


def test_sessions_page_in_both_languages(logged_in: Callable[[str], Client]) -> None:
    admin = logged_in("admin")
    page = unescape(admin.get("/admin/users/admin0/sessions").text)
    assert "Sesi admin0" in page and "sesi Anda ini" in page
    admin.get("/lang?to=en")
    page = unescape(admin.get("/admin/users/admin0/sessions").text)
    assert "Sessions of admin0" in page and "this session of yours" in page


def test_stored_id_is_the_digest_of_the_token(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine
) -> None:
    """The cookie's token hashes to the stored id (so the check needs no other secret)."""
    from netra.app import sessions

    make_user("sari")
    with engine.begin() as conn:
        user = users.by_name(conn, "sari")
        assert user is not None
        token = sessions.start(conn, user.user_id, user_agent=None, ip=None)
        assert sessions.check(conn, token, client.app.state.settings) is not None
        assert sessions.check(conn, token + "x", client.app.state.settings) is None
    assert _sessions(engine, "sari")[0]["session_id"] == hashlib.sha256(token.encode()).hexdigest()


def test_a_login_purges_old_ended_sessions_and_audits_unseen_timeouts(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine, settings: Settings
) -> None:
    make_user("sari")
    make_user("budi")
    client.login("budi")  # budi's open session must survive sari's login
    keep_days = settings.session_retention_days
    with engine.begin() as conn:
        uid = users.by_name(conn, "sari").user_id
        old = sa.func.now() - sa.text(f"interval '{keep_days + 1} days'")
        recent = sa.func.now() - sa.text(f"interval '{keep_days - 1} days'")
        long_ago = sa.func.now() - sa.text(f"interval '{keep_days * 3} days'")
        for row in (
            # ended (logout) beyond retention: deleted
            {"session_id": "a" * 64, "revoked_at": old, "revoked_reason": "logout"},
            # ended within retention: kept for the admin's list
            {"session_id": "b" * 64, "revoked_at": recent, "revoked_reason": "logout"},
            # timed out long ago and never presented again: closed now, audited, kept for now
            {"session_id": "c" * 64, "created_at": long_ago, "last_seen_at": long_ago},
        ):
            conn.execute(sa.insert(user_sessions).values(user_id=uid, **row))
    with Client(client.app) as other:
        assert other.login("sari").status_code == 303
    # Keyed by the whole id: the new login's token hash may start with any hex digit.
    rows = {r["session_id"]: r for r in _sessions(engine, "sari")}
    assert "a" * 64 not in rows
    assert rows["b" * 64]["revoked_reason"] == "logout"
    assert rows["c" * 64]["revoked_reason"] == "expired" and rows["c" * 64]["revoked_at"] is not None
    assert len(rows) == 3  # b, c and the new login's session
    assert (None, "sari", "expired") in _ends(engine)
    assert [r["revoked_at"] for r in _sessions(engine, "budi")] == [None]
