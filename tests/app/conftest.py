"""Fixtures for the review app: the real app on the test's fresh database, users, logged-in clients."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import psycopg
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient
from psycopg import sql

from netra.app import users
from netra.app.queries import reference
from netra.config import get_settings
from netra.db import embedded
from netra.db.engine import reset_engines
from tests.app import warehouse
from tests.conftest import _create_db, _drop_db

if TYPE_CHECKING:
    from playwright.sync_api import Browser
from netra.app.factory import create_app
from netra.config import Settings

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


def _clone_db(server: embedded.EmbeddedServer, name: str, template: str) -> None:
    with psycopg.connect(server.conninfo("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("create database {} template {}").format(sql.Identifier(name), sql.Identifier(template))
        )


def csrf_from(html: str) -> str:
    match = _TOKEN.search(html)
    assert match, "page has no CSRF token"
    return match.group(1)


@pytest.fixture
def app(settings: Settings, engine: sa.Engine) -> FastAPI:
    return create_app(settings, engine=engine)


@pytest.fixture
def make_user(engine: sa.Engine) -> Callable[..., users.User]:
    def make(username: str, role: str = "monitor", password: str = PASSWORD) -> users.User:
        with engine.begin() as conn:
            return users.add(conn, username, password, role, env="development")

    return make


class Client(TestClient):
    """A TestClient that knows how to log in and post forms with the page's CSRF token."""

    def token(self, path: str = "/login") -> str:
        return csrf_from(self.get(path).text)

    def login(self, username: str, password: str = PASSWORD) -> object:
        return self.post(
            "/login",
            data={"username": username, "password": password, "csrf_token": self.token()},
            follow_redirects=False,
        )

    def post_form(self, path: str, data: dict | None = None, page: str = "/login", **kw: object):
        body = {"csrf_token": self.token(page), **(data or {})}
        return self.post(path, data=body, follow_redirects=False, **kw)


@pytest.fixture
def client(app: FastAPI) -> Iterator[Client]:
    with Client(app) as c:
        yield c


@pytest.fixture
def logged_in(app: FastAPI, make_user: Callable[..., users.User]) -> Callable[[str], Client]:
    """``logged_in(role)``: a new user of that role and a client logged in as them."""
    clients: list[Client] = []

    def make(role: str) -> Client:
        name = f"{role}{len(clients)}"
        make_user(name, role)
        c = Client(app)
        clients.append(c)
        response = c.login(name)
        assert response.status_code == 303, response.text
        return c

    yield make
    for c in clients:
        c.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for the session (Debian's, never a downloaded one)."""
    from playwright.sync_api import sync_playwright

    from tests.app.browser import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def built_warehouse(pg_server: embedded.EmbeddedServer, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A database with the fixture rows and a real `netra build` on them, built once per session.

    Tests get their own copy (:func:`warehouse_url`), cloned from it as a template.
    """
    name = f"app_wh_{uuid.uuid4().hex[:8]}"
    _create_db(pg_server, name)
    url = pg_server.url(name)
    engine = sa.create_engine(url)
    try:
        warehouse.load(engine)
    finally:
        engine.dispose()
    warehouse.build(url, tmp_path_factory.mktemp("wh-home"))
    return name


@pytest.fixture
def warehouse_url(
    pg_server: embedded.EmbeddedServer, built_warehouse: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """A private copy of the built warehouse; NETRA_DATABASE_URL points at it."""
    name = f"t_wh_{uuid.uuid4().hex[:10]}"
    _clone_db(pg_server, name, built_warehouse)
    url = pg_server.url(name)
    monkeypatch.setenv("NETRA_DATABASE_URL", url)
    get_settings.cache_clear()
    reset_engines()
    reference.clear()
    yield url
    reset_engines()
    get_settings.cache_clear()
    _drop_db(pg_server, name)


@pytest.fixture
def wh_engine(warehouse_url: str) -> Iterator[sa.Engine]:
    eng = sa.create_engine(warehouse_url)
    yield eng
    eng.dispose()


@pytest.fixture
def wh_app(warehouse_url: str, wh_engine: sa.Engine) -> FastAPI:
    return create_app(get_settings(), engine=wh_engine)


@pytest.fixture
def wh_user(wh_engine: sa.Engine) -> Callable[..., users.User]:
    def make(username: str, role: str = "monitor", password: str = PASSWORD) -> users.User:
        with wh_engine.begin() as conn:
            return users.add(conn, username, password, role, env="development")

    return make


@pytest.fixture
def wh_client(wh_app: FastAPI, wh_user: Callable[..., users.User]) -> Iterator[Callable[[str], Client]]:
    """``wh_client(role)``: a client logged in as a new user of that role, on the built warehouse."""
    clients: list[Client] = []

    def make(role: str) -> Client:
        name = f"{role}{len(clients)}"
        wh_user(name, role)
        c = Client(wh_app)
        clients.append(c)
        assert c.login(name).status_code == 303
        return c

    yield make
    for c in clients:
        c.close()
