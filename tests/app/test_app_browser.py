"""In a real Chromium: the hostile article's markup is shown as text and none of it runs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from netra.app import users

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Route
from tests.app import warehouse
from tests.app.browser import live_server
from tests.app.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _strip_csp(stripped: list[str]) -> Callable[[Route], None]:
    """A route handler that removes the Content-Security-Policy, so escaping alone must hold."""

    def handler(route: Route) -> None:
        # Redirects go back to the browser, which follows them itself.
        response = route.fetch(max_redirects=0)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-security-policy"}
        if len(headers) != len(response.headers):
            stripped.append(route.request.url)
        route.fulfill(response=response, headers=headers)

    return handler


def test_hostile_article_text_never_executes(
    browser: Browser, wh_app: FastAPI, wh_user: Callable[..., users.User], wh_engine: sa.Engine
) -> None:
    wh_user("sari", "monitor")
    with wh_engine.connect() as conn:
        case_id = conn.execute(
            sa.text(
                "select media_case_id from marts.fct_media_cases where regency = 'Kabupaten Pulau Taliabu'"
            )
        ).scalar_one()
    with live_server(wh_app) as base:
        context = browser.new_context()
        stripped: list[str] = []
        context.route(f"{base}/**", _strip_csp(stripped))
        # The canary proves the harness: the same hostile text served raw does run here.
        canary = f"<!doctype html><html><body>{warehouse.HOSTILE_TEXT}</body></html>"
        context.route(f"{base}/__canary", lambda route: route.fulfill(body=canary, content_type="text/html"))
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

        page.goto(f"{base}/__canary")
        page.wait_for_load_state("load")
        page.wait_for_function("window.__pwned !== undefined", timeout=10_000)

        page.goto(f"{base}/login")
        page.fill("#username", "sari")
        page.fill("#password", PASSWORD)
        page.click("form[action='/login'] button[type=submit]")
        page.wait_for_url(f"{base}/queue")
        for path in (
            f"/cases/{case_id}",
            "/queue?province=Maluku+Utara",
            "/cases?q=Budi",
            "/dashboard?province=Maluku+Utara",
        ):
            page.goto(base + path)
            page.wait_for_load_state("load")
            # Hover over and click into the article text as a reviewer would.
            if path.startswith("/cases/"):
                page.hover(".article-text")
                page.click("#best-evidence")
            assert page.evaluate("window.__pwned") is None, path
            assert page.locator("main script, main iframe, main svg[onload], main img").count() == 0, path
        assert dialogs == []
        assert any("/cases/" in url for url in stripped), "the CSP was not removed; the test would prove less"

        page.goto(f"{base}/cases/{case_id}")
        text = page.inner_text(".article-text")
        assert warehouse.SCRIPT in text and warehouse.IMG in text  # shown, as text
        marked = page.locator("mark.evidence").all_inner_texts()
        assert warehouse.EVIDENCE in marked
        assert warehouse.HOSTILE_ACTOR in page.inner_text("h1")
        context.close()
