"""Fixtures for the review app: the real app on the test's fresh database, users, logged-in clients."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from netra.app import users

if TYPE_CHECKING:
    from playwright.sync_api import Browser
from netra.app.factory import create_app
from netra.config import Settings

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


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
