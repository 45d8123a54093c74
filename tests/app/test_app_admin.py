"""Admin pages: accounts and news sources, every change audited; the last admin is kept."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

import pytest
import sqlalchemy as sa

from netra.app import users
from netra.db.schema import audit_log, sources
from tests.app.conftest import Client


def _actions(engine: sa.Engine) -> list[tuple[str, str | None]]:
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(audit_log.c.action, audit_log.c.target)
            .where(audit_log.c.action.not_in(["login", "login_failed"]))
            .order_by(audit_log.c.audit_id)
        )
        return [tuple(r) for r in rows]


def test_admin_manages_users(logged_in: Callable[[str], Client], engine: sa.Engine, client: Client) -> None:
    admin = logged_in("admin")
    response = admin.post_form(
        "/admin/users",
        {"username": "rina", "password": "kata sandi panjang", "role": "analyst", "display_name": "Rina"},
    )
    assert response.status_code == 303
    assert "Tersimpan." in admin.get("/admin/users").text
    assert admin.post_form("/admin/users/rina/role", {"role": "monitor"}).status_code == 303
    assert admin.post_form("/admin/users/rina/active", {"active": "false"}).status_code == 303
    with engine.connect() as conn:
        rina = users.by_name(conn, "rina")
    assert rina is not None and rina.role == "monitor" and not rina.active
    assert client.login("rina", "kata sandi panjang").status_code == 401  # disabled
    assert admin.post_form("/admin/users/rina/active", {"active": "true"}).status_code == 303
    assert (
        admin.post_form("/admin/users/rina/password", {"password": "kata sandi baru sekali"}).status_code
        == 303
    )
    assert client.login("rina", "kata sandi baru sekali").status_code == 303
    assert _actions(engine) == [
        ("user_add", "rina"),
        ("user_role", "rina"),
        ("user_disable", "rina"),
        ("user_enable", "rina"),
        ("user_password", "rina"),
    ]
    audit_page = admin.get("/admin/audit?action=user_role").text
    assert "user_role" in audit_page and "rina" in audit_page


@pytest.mark.parametrize(
    ("lang", "messages"),
    [
        ("en", ("without spaces", "at least 8 characters", "unknown role 'root'")),
        ("id", ("tanpa spasi", "paling sedikit 8 karakter", "peran 'root' tidak dikenal")),
    ],
)
def test_bad_user_input_is_refused_with_a_message(
    logged_in: Callable[[str], Client], engine: sa.Engine, lang: str, messages: tuple[str, str, str]
) -> None:
    admin = logged_in("admin")
    admin.get(f"/lang?to={lang}")
    spaces, short, role = messages
    admin.post_form("/admin/users", {"username": "x y", "password": "kata sandi panjang", "role": "monitor"})
    assert spaces in admin.get("/admin/users").text
    admin.post_form("/admin/users", {"username": "budi", "password": "pendek", "role": "monitor"})
    assert short in admin.get("/admin/users").text
    admin.post_form("/admin/users", {"username": "budi", "password": "kata sandi panjang", "role": "root"})
    assert role in unescape(admin.get("/admin/users").text)
    with engine.connect() as conn:
        assert [u.username for u in users.listing(conn)] == ["admin0"]


def test_the_last_active_admin_cannot_be_disabled_or_demoted(
    logged_in: Callable[[str], Client], engine: sa.Engine
) -> None:
    admin = logged_in("admin")
    admin.post_form("/admin/users/admin0/active", {"active": "false"})
    assert "Admin aktif terakhir" in admin.get("/admin/users").text
    admin.post_form("/admin/users/admin0/role", {"role": "monitor"})
    with engine.connect() as conn:
        me = users.by_name(conn, "admin0")
    assert me is not None and me.active and me.role == "admin"


def test_admin_manages_sources(logged_in: Callable[[str], Client], engine: sa.Engine) -> None:
    admin = logged_in("admin")
    ok = admin.post_form(
        "/admin/sources",
        {
            "name": "kabarmaluku",
            "domain": "Kabar.Maluku.example",
            "homepage": "https://kabar.maluku.example/",
            "province": "Maluku",
            "frequency": "30",
        },
    )
    assert ok.status_code == 303
    admin.get("/lang?to=en")
    admin.post_form(
        "/admin/sources", {"name": "bad", "domain": "bad.example", "homepage": "javascript:alert(1)"}
    )
    assert "is not an http(s) URL" in unescape(admin.get("/admin/sources").text)
    admin.get("/lang?to=id")
    admin.post_form("/admin/sources", {"name": "bad", "domain": "bad.example", "province": "Atlantis"})
    assert "provinsi 'Atlantis' tidak dikenal" in unescape(admin.get("/admin/sources").text)
    assert (
        admin.post_form("/admin/sources/kabarmaluku", {"active": "false", "frequency": "120"}).status_code
        == 303
    )
    with engine.connect() as conn:
        rows = conn.execute(
            sa.select(sources.c.name, sources.c.domain, sources.c.active, sources.c.crawl_frequency_minutes)
        ).all()
    assert [tuple(r) for r in rows] == [("kabarmaluku", "kabar.maluku.example", False, 120)]
    assert _actions(engine) == [("source_add", "kabarmaluku"), ("source_update", "kabarmaluku")]
    assert admin.post_form("/admin/sources/nothing", {"active": "true", "frequency": "60"}).status_code == 404
