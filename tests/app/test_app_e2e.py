"""End to end in Chromium on a real warehouse: log in, filter the queue, open a case, see the
highlighted evidence, confirm one case and reject another, see the history, run `netra build`,
see the decisions in the marts and on the dashboard. Screenshots go to test-artifacts/app/."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import sqlalchemy as sa
from fastapi import FastAPI

from netra.app import users
from netra.app.queries.marts import marts as mart_tables
from tests.app import warehouse
from tests.app.browser import ARTIFACTS, live_server
from tests.app.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _one(engine: sa.Engine, sql: str, **params: object) -> sa.Row:
    with engine.connect() as conn:
        return conn.execute(sa.text(sql), params).one()


def _login(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/login")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("form[action='/login'] button[type=submit]")


def _shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def test_the_app_reads_the_columns_the_warehouse_builds(wh_engine: sa.Engine) -> None:
    """Every mart column the app declares exists in the marts a real build made."""
    inspector = sa.inspect(wh_engine)
    missing = []
    for table in mart_tables.tables.values():
        built = {c["name"] for c in inspector.get_columns(table.name, schema="marts")}
        missing += [f"{table.name}.{c.name}" for c in table.columns if c.name not in built]
    assert missing == []


def test_review_round_trip_in_chromium(
    browser: Browser,
    wh_app: FastAPI,
    wh_user: Callable[..., users.User],
    wh_engine: sa.Engine,
    warehouse_url: str,
    tmp_path: Path,
) -> None:
    wh_user("sari", "monitor")
    wh_user("ana", "analyst")
    province = "Jawa Timur"
    expected_total = _one(
        wh_engine,
        "select count(*) from marts.fct_media_cases where review_status = 'unreviewed' and province = :p",
        p=province,
    )[0]
    assert expected_total >= 3, "the fixture needs a few Jawa Timur cases"
    media_before = _one(
        wh_engine, "select count(*) from marts.fct_media_cases where review_status <> 'rejected'"
    )[0]

    with live_server(wh_app) as base:
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="id-ID")
        page = context.new_page()
        _login(page, base, "sari")
        page.wait_for_url(f"{base}/queue")
        assert page.locator("#case-table tbody tr").count() > 0
        _shot(page, "queue.png")

        # Filter the queue: choosing a province applies at once (data-autosubmit).
        page.select_option("#f-province", province)
        page.wait_for_url("**province=Jawa+Timur**")
        assert page.inner_text("#result-count") == f"{expected_total} hasil"
        regions = page.locator("#case-table tbody tr td:nth-child(3)").all_inner_texts()
        assert regions and all(province in r for r in regions)

        # Open the first case: its evidence is highlighted in the article text.
        first = page.locator("#case-table tbody tr").first.get_attribute("data-case")
        page.locator("#case-table tbody tr").first.locator("a").first.click()
        page.wait_for_url(f"{base}/cases/{first}")
        marks = page.locator(".article-text mark.evidence")
        assert marks.count() >= 1 and marks.first.is_visible()
        with wh_engine.connect() as conn:
            spans = set(
                conn.execute(
                    sa.text(
                        "select s ->> 'text' from marts.fct_media_case_articles a, "
                        "jsonb_array_elements(a.evidence) s where a.media_case_id = :id"
                    ),
                    {"id": first},
                ).scalars()
            )
        assert set(marks.all_inner_texts()) <= spans | {
            m for m in marks.all_inner_texts() if any(m in s for s in spans)
        }
        _shot(page, "case.png")

        # Confirm it.
        page.click("#form-confirm button[type=submit]")
        page.wait_for_url(f"{base}/cases/{first}")
        assert "Keputusan tersimpan." in page.inner_text("main")
        assert "Konfirmasi oleh sari" in page.inner_text("#history li[data-decision=confirm]")

        # Back in the queue it is gone; reject the next one with a reason.
        page.goto(f"{base}/queue?province=Jawa+Timur")
        assert page.inner_text("#result-count") == f"{expected_total - 1} hasil"
        second = page.locator("#case-table tbody tr").first.get_attribute("data-case")
        assert second != first
        page.goto(f"{base}/cases/{second}")
        page.click("#d-reject summary")
        page.select_option("#reject-reason", "NOT_ASN")
        page.fill("#reject-note", "Pelaku guru honorer, bukan ASN.")
        page.click("#form-reject button[type=submit]")
        page.wait_for_url(f"{base}/cases/{second}")
        entry = page.inner_text("#history li[data-decision=reject]")
        assert "Tolak oleh sari" in entry and "Pelaku bukan ASN" in entry and "guru honorer" in entry

        # The warehouse build takes the decisions in.
        warehouse.build(warehouse_url, tmp_path / "home")
        first_row = _one(
            wh_engine,
            "select review_status, confirmed_fields, confidence_score from marts.fct_media_cases where media_case_id = :id",
            id=first,
        )
        assert first_row.review_status == "confirmed"
        assert sorted(first_row.confirmed_fields) == ["actors", "conduct", "region", "status"]
        assert first_row.confidence_score == 1
        second_row = _one(
            wh_engine,
            "select review_status, reject_reason_code, review_note from marts.fct_media_cases where media_case_id = :id",
            id=second,
        )
        assert tuple(second_row) == ("rejected", "NOT_ASN", "Pelaku guru honorer, bukan ASN.")

        page.goto(f"{base}/cases/{first}")
        assert "Dikonfirmasi" in page.inner_text("#summary-h + dl")
        assert page.locator("#confirmed-fields").is_visible()

        # The analyst's dashboard counts the decisions.
        analyst = context.browser.new_context(viewport={"width": 1400, "height": 1000})
        dash = analyst.new_page()
        _login(dash, base, "ana")
        dash.wait_for_url(f"{base}/dashboard")
        assert dash.inner_text("#stat-media") == f"{media_before - 1:,}".replace(",", ".")
        dash.goto(f"{base}/dashboard?review=all")
        titles = dash.locator("svg.bar-chart rect > title").all_text_contents()
        assert "Dikonfirmasi: 1" in titles and "Ditolak: 1" in titles
        _shot(dash, "dashboard.png")
        # An analyst reads the case but sees no decision forms.
        dash.goto(f"{base}/cases/{first}")
        assert dash.locator("#form-confirm").count() == 0
        assert "Peran Anda hanya dapat membaca." in dash.inner_text("#decide")
        analyst.close()
        context.close()
