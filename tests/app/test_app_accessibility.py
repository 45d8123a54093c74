"""Accessible markup: every form control has a label, pages have a language, a skip link and one h1."""

from __future__ import annotations

from collections.abc import Callable

import lxml.html
import sqlalchemy as sa

from tests.app.conftest import Client


def _problems(html: str) -> list[str]:
    doc = lxml.html.fromstring(html)
    labelled = {label.get("for") for label in doc.iter("label") if label.get("for")}
    problems = []
    for control in doc.xpath("//input|//select|//textarea"):
        if control.get("type") in ("hidden", "submit", "button"):
            continue
        wrapped = any(parent.tag == "label" for parent in control.iterancestors())
        if not (control.get("id") in labelled or wrapped or control.get("aria-label")):
            problems.append(f"unlabelled {control.tag} name={control.get('name')}")
    if doc.get("lang") not in ("id", "en"):
        problems.append("no lang on <html>")
    if not doc.xpath("//a[@class='skip-link'][@href='#main']"):
        problems.append("no skip link")
    if len(doc.xpath("//h1")) != 1:
        problems.append("not exactly one h1")
    for table in doc.xpath("//table"):
        if not table.xpath(".//th"):
            problems.append("table without header cells")
    return problems


def test_pages_label_every_control(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine, client: Client
) -> None:
    assert _problems(client.get("/login").text) == []
    c = wh_client("admin")
    with wh_engine.connect() as conn:
        case_id = conn.execute(
            sa.text("select media_case_id from marts.fct_media_cases order by article_count desc limit 1")
        ).scalar()
    for path in (
        "/queue?province=Jawa+Timur",
        f"/cases/{case_id}",
        "/dashboard",
        "/admin/users",
        "/admin/users/admin0/sessions",
        "/admin/sources",
        "/admin/audit",
    ):
        assert _problems(c.get(path).text) == [], path
