"""Logging in: argon2 hashes, sessions, lockouts per account and per address, audit rows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from netra.app import users
from netra.app.factory import SESSION_COOKIE, create_app
from netra.app.security import InsecureConfiguration
from netra.config import DEFAULT_SECRET_KEY, Settings
from netra.db.schema import audit_log
from netra.db.schema import users as users_table
from tests.app.conftest import PASSWORD, Client


def _audit(engine: sa.Engine, action: str) -> list[sa.RowMapping]:
    with engine.connect() as conn:
        stmt = sa.select(audit_log).where(audit_log.c.action == action).order_by(audit_log.c.audit_id)
        return list(conn.execute(stmt).mappings())


def test_password_is_stored_as_argon2id(engine: sa.Engine, make_user: Callable[..., users.User]) -> None:
    make_user("sari")
    with engine.connect() as conn:
        stored = conn.execute(sa.select(users_table.c.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_login_sets_a_hardened_session_cookie_and_goes_by_role(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine
) -> None:
    make_user("sari", "monitor")
    before = client.get("/login")
    anonymous_cookie = client.cookies.get(SESSION_COOKIE)
    token_before = before.text.split('name="csrf_token" value="')[1].split('"')[0]
    response = client.login("sari")
    assert response.status_code == 303
    assert response.headers["location"] == "/queue"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert "secure" not in cookie  # development runs on plain http
    # A new session and a new token on login: a token seen before login is worthless after it.
    assert client.cookies.get(SESSION_COOKIE) != anonymous_cookie
    assert client.token("/login") != token_before
    rows = _audit(engine, "login")
    assert [r["username"] for r in rows] == ["sari"]
    assert rows[0]["ip"] == "testclient"


def test_analyst_lands_on_the_dashboard(client: Client, make_user: Callable[..., users.User]) -> None:
    make_user("ana", "analyst")
    assert client.login("ana").headers["location"] == "/dashboard"


def test_wrong_password_and_unknown_user_get_the_same_answer(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine
) -> None:
    make_user("sari")
    wrong = client.login("sari", "not the password")
    unknown = client.login("nobody", "not the password")
    assert wrong.status_code == unknown.status_code == 401
    assert "Nama pengguna atau kata sandi salah." in wrong.text
    assert "Nama pengguna atau kata sandi salah." in unknown.text
    reasons = [r["detail"]["reason"] for r in _audit(engine, "login_failed")]
    assert reasons == ["wrong_password", "unknown_user"]
    with engine.connect() as conn:
        assert conn.execute(sa.select(users_table.c.failed_logins)).scalar_one() == 1


def test_account_locks_after_repeated_failures_then_unlocks(
    client: Client, make_user: Callable[..., users.User], engine: sa.Engine, settings: Settings
) -> None:
    make_user("sari")
    for _ in range(settings.login_max_failures):
        assert client.login("sari", "guess").status_code == 401
    # Locked: even the right password is refused now.
    locked = client.login("sari")
    assert locked.status_code == 429
    assert "Terlalu banyak percobaan gagal" in locked.text
    assert len(_audit(engine, "account_locked")) == 1
    assert _audit(engine, "login_refused")[-1]["detail"] == {"reason": "locked"}
    # When the lockout has passed, the right password works again.
    with engine.begin() as conn:
        conn.execute(sa.update(users_table).values(locked_until=sa.text("now() - interval '1 second'")))
    assert client.login("sari").status_code == 303


def test_one_address_is_refused_after_many_failures_on_any_names(
    settings: Settings, engine: sa.Engine, make_user: Callable[..., users.User]
) -> None:
    strict = settings.model_copy(update={"login_ip_max_failures": 3})
    make_user("sari")
    with Client(create_app(strict, engine=engine)) as c:
        for name in ("a", "b", "c"):
            assert c.login(name, "guess").status_code == 401
        # The address is now refused, whatever the account and even with the right password.
        assert c.login("sari").status_code == 429
    assert _audit(engine, "login_refused")[-1]["detail"] == {"reason": "ip_limited"}
    with engine.connect() as conn:
        # sari's own counter was not touched: the refusal came before any password check.
        assert conn.execute(sa.select(users_table.c.failed_logins)).scalar_one() == 0


def test_disabled_account_cannot_log_in_and_loses_its_session(
    logged_in: Callable[[str], Client], engine: sa.Engine
) -> None:
    c = logged_in("monitor")
    assert c.get("/admin/users").status_code == 403  # logged in (forbidden, not redirected)
    with engine.begin() as conn:
        users.set_active(conn, "monitor0", False)
    response = c.get("/", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    assert c.login("monitor0").status_code == 401


def test_logout_ends_the_session(logged_in: Callable[[str], Client], engine: sa.Engine) -> None:
    c = logged_in("monitor")
    response = c.post_form("/logout")
    assert response.status_code == 303
    assert c.get("/", follow_redirects=False).headers["location"].startswith("/login")
    assert [r["username"] for r in _audit(engine, "logout")] == ["monitor0"]


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example"])
def test_login_never_redirects_off_site(
    client: Client, make_user: Callable[..., users.User], target: str
) -> None:
    make_user("sari")
    response = client.post(
        "/login",
        data={"username": "sari", "password": PASSWORD, "next": target, "csrf_token": client.token()},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/queue"


def test_login_returns_to_the_page_asked_for(client: Client, make_user: Callable[..., users.User]) -> None:
    make_user("ana", "analyst")
    first = client.get("/dashboard?province=Jawa+Timur", follow_redirects=False)
    assert first.status_code == 303
    login_page = client.get(first.headers["location"])
    assert 'name="next" value="/dashboard?province=Jawa+Timur"' in login_page.text
    response = client.post(
        "/login",
        data={
            "username": "ana",
            "password": PASSWORD,
            "next": "/dashboard?province=Jawa+Timur",
            "csrf_token": client.token(),
        },
        follow_redirects=False,
    )
    assert response.headers["location"] == "/dashboard?province=Jawa+Timur"


def test_production_refuses_the_default_secret(settings: Settings, engine: sa.Engine) -> None:
    for key in (DEFAULT_SECRET_KEY, "change-me-to-64-random-characters", "short-key"):
        prod = Settings.model_validate({**settings.model_dump(), "env": "production", "secret_key": key})
        with pytest.raises(InsecureConfiguration):
            create_app(prod, engine=engine)


def test_production_cookie_is_secure(
    settings: Settings, engine: sa.Engine, make_user: Callable[..., users.User]
) -> None:
    prod = Settings.model_validate({**settings.model_dump(), "env": "production", "secret_key": "k" * 48})
    make_user("sari")
    app: FastAPI = create_app(prod, engine=engine)
    with Client(app, base_url="https://testserver") as c:
        response = c.login("sari")
    assert response.status_code == 303
    assert "secure" in response.headers["set-cookie"].lower()
    assert response.headers["strict-transport-security"].startswith("max-age=")


def test_a_new_password_ends_the_old_sessions(logged_in: Callable[[str], Client], engine: sa.Engine) -> None:
    c = logged_in("monitor")
    assert c.get("/", follow_redirects=False).headers["location"] == "/queue"
    with engine.begin() as conn:
        users.set_password(conn, "monitor0", "a brand new passphrase", env="development")
    assert c.get("/", follow_redirects=False).headers["location"].startswith("/login")
    assert c.login("monitor0", "a brand new passphrase").status_code == 303
    assert c.get("/", follow_redirects=False).headers["location"] == "/queue"
