"""The review pages over a real warehouse (fixture rows + `netra build`): queue, filters, case page,
decisions and their history, exports, roles."""

from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Callable
from html import unescape

import pytest
import sqlalchemy as sa

from netra.db.schema import audit_log, review_decisions
from tests.app import warehouse
from tests.app.conftest import Client

ROW = re.compile(r'<tr data-case="([0-9a-f]+)">')
TOTAL = re.compile(r'<span id="result-count">([\d.]+) hasil</span>')


def _scalar(engine: sa.Engine, sql: str, **params: object) -> object:
    with engine.connect() as conn:
        return conn.execute(sa.text(sql), params).scalar()


def _column(engine: sa.Engine, sql: str, **params: object) -> list:
    with engine.connect() as conn:
        return list(conn.execute(sa.text(sql), params).scalars())


def _total(html: str) -> int:
    match = TOTAL.search(html)
    assert match, "no result count on the page"
    return int(match.group(1).replace(".", ""))


def _decisions(engine: sa.Engine) -> list[sa.RowMapping]:
    with engine.connect() as conn:
        return list(
            conn.execute(sa.select(review_decisions).order_by(review_decisions.c.decision_id)).mappings()
        )


def _decide(c: Client, case_id: str, **data: object) -> object:
    page = c.get(f"/cases/{case_id}")
    assert page.status_code == 200
    body = {"request_id": str(uuid.uuid4()), **data}
    return c.post_form(f"/cases/{case_id}/decisions", body, page=f"/cases/{case_id}")


def _errors(html: str) -> str:
    """The error messages a page shows, unescaped."""
    return unescape(" | ".join(re.findall(r'<p class="flash flash-error"[^>]*>(.*?)</p>', html)))


def _hostile_id(engine: sa.Engine) -> str:
    return _scalar(
        engine,
        "select media_case_id from marts.fct_media_cases where regency = 'Kabupaten Pulau Taliabu'",
    )


def test_queue_shows_unreviewed_cases_newest_and_most_confident_first(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("monitor")
    html = c.get("/queue").text
    expected = _column(
        wh_engine,
        "select media_case_id from marts.fct_media_cases where review_status = 'unreviewed' "
        "order by latest_reported_at desc nulls last, confidence_score desc nulls last, media_case_id limit 50",
    )
    assert ROW.findall(html) == expected
    assert _total(html) == _scalar(
        wh_engine, "select count(*) from marts.fct_media_cases where review_status = 'unreviewed'"
    )
    second = c.get("/queue?page=2").text
    assert ROW.findall(second) and set(ROW.findall(second)).isdisjoint(expected)


@pytest.mark.parametrize(
    ("params", "where"),
    [
        ({"province": "Jawa Timur"}, "province = 'Jawa Timur'"),
        ({"conduct": "C01_MEDSOS"}, "'C01_MEDSOS' = any(conduct_codes)"),
        ({"status": "SANCTIONED"}, "status = 'SANCTIONED'"),
        ({"actor_type": "KEPALA_DESA"}, 'actors @> \'[{"actor_type": "KEPALA_DESA"}]\''),
        (
            {"date_from": "2024-02-01", "date_to": "2024-02-29"},
            "latest_reported_date >= '2024-02-01' and first_reported_date <= '2024-02-29'",
        ),
        (
            {"outlet": "tribunnusa.example"},
            "exists (select 1 from marts.fct_media_case_articles a where a.media_case_id = "
            "fct_media_cases.media_case_id and a.source_name = 'tribunnusa.example')",
        ),
        ({"official": "no", "review": "all"}, "not in_official_record"),
        (
            {"q": "kepala desa", "review": "all"},
            "array_to_string(actor_positions, ' ') ilike '%kepala desa%' "
            "or institution ilike '%kepala desa%' or array_to_string(actor_names, ' ') ilike '%kepala desa%'",
        ),
    ],
)
def test_queue_filters_match_the_marts(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine, params: dict[str, str], where: str
) -> None:
    c = wh_client("analyst")
    html = c.get("/queue", params=params).text
    review = "" if params.get("review") == "all" else "review_status = 'unreviewed' and "
    expected = _scalar(wh_engine, f"select count(*) from marts.fct_media_cases where {review}({where})")
    assert expected, f"the fixture has no case for {params}; the test would prove nothing"
    assert _total(html) == expected
    shown = ROW.findall(html)
    assert len(shown) == min(50, expected)


def test_counts_per_filter_value(wh_client: Callable[[str], Client], wh_engine: sa.Engine) -> None:
    c = wh_client("monitor")
    html = c.get("/queue").text
    top, n = (
        sa.text("select 1"),
        0,
    )
    with wh_engine.connect() as conn:
        top, n = conn.execute(
            sa.text(
                "select province, count(*) from marts.fct_media_cases where review_status = 'unreviewed' "
                "group by province order by 2 desc, 1 limit 1"
            )
        ).one()
    assert f'<option value="{top}">{top} ({n})</option>' in html


@pytest.mark.parametrize("params", [{}, {"province": "Jawa Timur"}])
def test_counts_per_outlet(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine, params: dict[str, str]
) -> None:
    """Each outlet counts the queue's cases with at least one article from it (once per case)."""
    c = wh_client("monitor")
    html = unescape(c.get("/queue", params=params).text)
    where = " and c.province = :p" if params else ""
    with wh_engine.connect() as conn:
        expected = conn.execute(
            sa.text(
                "select a.source_name, count(distinct c.media_case_id) from marts.fct_media_cases c "
                "join marts.fct_media_case_articles a using (media_case_id) "
                f"where c.review_status = 'unreviewed' and a.source_name is not null{where} group by 1"
            ),
            {"p": params.get("province")},
        ).all()
        every = conn.execute(
            sa.text("select distinct source_name from marts.fct_media_case_articles")
        ).scalars()
        every = {name for name in every if name}
    assert len(expected) >= 3, "the fixture needs several outlets in the queue"
    outlet_select = html[html.index('id="f-outlet"') : html.index("</select>", html.index('id="f-outlet"'))]
    for name, n in expected:
        assert f'<option value="{name}">{name} ({n})</option>' in outlet_select
    for name in every - {name for name, _ in expected}:
        assert f'<option value="{name}">{name} (0)</option>' in outlet_select
    # The count is what filtering by the outlet finds.
    name, n = max(expected, key=lambda row: row[1])
    assert _total(c.get("/queue", params={**params, "outlet": name}).text) == n


def test_case_page_shows_articles_evidence_copies_links_and_related(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("analyst")
    case_id = _scalar(
        wh_engine,
        "select c.media_case_id from marts.fct_media_cases c join marts.fct_case_links l using (media_case_id) "
        "where c.syndicated_copy_count > 0 order by c.media_case_id limit 1",
    ) or _scalar(
        wh_engine,
        "select media_case_id from marts.fct_case_links order by media_case_id limit 1",
    )
    html = c.get(f"/cases/{case_id}").text
    marks = [unescape(m) for m in re.findall(r'<mark class="evidence">(.*?)</mark>', html, re.S)]
    spans = _column(
        wh_engine,
        "select s ->> 'text' from marts.fct_media_case_articles a, jsonb_array_elements(a.evidence) s "
        "where a.media_case_id = :id and not a.is_syndicated_copy",
        id=case_id,
    )
    assert marks, "no evidence highlighted"
    assert set(marks) <= set(spans) | {m for m in marks if any(m in s or s in m for s in spans)}
    link = (
        _column(
            wh_engine, "select report_number from marts.fct_case_links where media_case_id = :id", id=case_id
        )
    )[0]
    assert link in unescape(html)
    reasons = _column(
        wh_engine,
        "select unnest(link_reasons) from marts.fct_case_links where media_case_id = :id",
        id=case_id,
    )
    assert all(unescape(html).count(r) for r in reasons)
    copies = _scalar(
        wh_engine,
        "select syndicated_copy_count from marts.fct_media_cases where media_case_id = :id",
        id=case_id,
    )
    if copies:
        assert 'class="copies"' in html  # folded under their original, not listed as articles of their own
    assert 'id="form-confirm"' not in html, "an analyst must not see decision forms"


def test_hostile_article_is_escaped_everywhere(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("monitor")
    case_id = _hostile_id(wh_engine)
    assert case_id, "the hostile fixture article made no case"
    for path in (f"/cases/{case_id}", "/queue?province=Maluku+Utara", "/cases?q=Budi", "/dashboard"):
        body = c.get(path).text
        for needle in ("<script>window.__pwned", "<img src=x", "<svg onload", "<iframe", 'href="javascript:'):
            assert needle not in body, f"{needle!r} reached {path} unescaped"
    # The CSV holds the text as data: a download, never rendered (attachment, text/csv, nosniff).
    export = c.get("/cases.csv?province=Maluku+Utara")
    assert "<script>window.__pwned" in export.text
    assert export.headers["content-disposition"].startswith("attachment")
    assert export.headers["x-content-type-options"] == "nosniff"
    page = c.get(f"/cases/{case_id}").text
    assert "&lt;script&gt;window.__pwned = &#39;script&#39;&lt;/script&gt;" in page
    # The evidence sentence holds an <img onerror>: it is marked, as text.
    assert (
        '<mark class="evidence">Camat Budi &lt;img src=x onerror=&#34;window.__pwned = &#39;img&#39;&#34;&gt;'
        in page
    )


def test_each_decision_kind_is_stored_with_its_payload_and_shown_in_history(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("monitor")
    ids = _column(
        wh_engine,
        "select media_case_id from marts.fct_media_cases where review_status = 'unreviewed' "
        "and independent_article_count = 1 order by media_case_id limit 4",
    )
    multi = _scalar(
        wh_engine,
        "select media_case_id from marts.fct_media_cases where independent_article_count >= 2 order by 1 limit 1",
    )
    split_article = _scalar(
        wh_engine,
        "select max(article_id) from marts.fct_media_case_articles where media_case_id = :id and not is_syndicated_copy",
        id=multi,
    )
    linked = _column(
        wh_engine,
        "select media_case_id || '|' || official_source || '|' || report_number from marts.fct_case_links "
        "order by 1 limit 1",
    )[0].split("|")
    official = _column(
        wh_engine, "select source || '|' || nomor_laporan from raw.official_cases order by 1 limit 1"
    )[0].split("|")
    steps = [
        (ids[0], {"decision": "confirm"}, {}),
        (ids[0], {"decision": "confirm", "fields": ["actors", "region"]}, {"fields": ["actors", "region"]}),
        (ids[1], {"decision": "reject", "reason_code": "NOT_ASN", "note": "guru honorer, bukan ASN"}, {}),
        (
            ids[2],
            {
                "decision": "edit",
                "conduct": ["C05_KAMPANYE", "C01_MEDSOS"],
                "province": "Jawa Timur",
                "regency": "Kota Surabaya",
                "actor_name": "Sutrisno",
                "actor_type": "PNS",
                "status": "RECOMMENDED",
            },
            {
                "conduct": ["C01_MEDSOS", "C05_KAMPANYE"],
                "region": {"province": "Jawa Timur", "regency": "Kota Surabaya"},
                "actors": [{"name": "Sutrisno", "position": None, "actor_type": "PNS", "institution": None}],
                "status": "RECOMMENDED",
            },
        ),
        (ids[3], {"decision": "merge", "into": ids[2]}, {"into": ids[2]}),
        (multi, {"decision": "split", "article_ids": [str(split_article)]}, {"article_ids": [split_article]}),
        (
            linked[0],
            {"decision": "unlink", "source": linked[1], "nomor_laporan": linked[2]},
            {"source": linked[1], "nomor_laporan": linked[2]},
        ),
        (
            ids[2],
            {"decision": "link", "source": official[0], "nomor_laporan": official[1]},
            {"source": official[0], "nomor_laporan": official[1]},
        ),
        (
            ids[2],
            {"decision": "report_onward", "to": "BAWASLU", "note": "diteruskan"},
            {"to": "BAWASLU", "note": "diteruskan"},
        ),
    ]
    for case_id, form, _payload in steps:
        response = _decide(c, case_id, **form)
        assert response.status_code == 303, form
        assert "Keputusan tersimpan." in c.get(response.headers["location"]).text, form
    rows = _decisions(wh_engine)
    assert [(r["case_key"], r["decision"], r["payload"]) for r in rows] == [
        (case_id, form["decision"], payload) for case_id, form, payload in steps
    ]
    assert rows[2]["reason_code"] == "NOT_ASN" and rows[2]["note"] == "guru honorer, bukan ASN"
    assert {r["user_id"] for r in rows} == {rows[0]["user_id"]}
    with wh_engine.connect() as conn:
        audited = conn.execute(
            sa.select(audit_log.c.target, audit_log.c.detail).where(audit_log.c.action == "decision")
        ).all()
    assert [(t, d["decision"]) for t, d in audited] == [(s[0], s[1]["decision"]) for s in steps]
    history = c.get(f"/cases/{ids[2]}").text
    kinds = re.findall(r'<li data-decision="(\w+)">', history)
    assert kinds == ["report_onward", "link", "edit"]  # newest first
    assert "monitor0" in history


def test_a_form_posted_twice_is_stored_once(wh_client: Callable[[str], Client], wh_engine: sa.Engine) -> None:
    c = wh_client("monitor")
    case_id = _hostile_id(wh_engine)
    request_id = str(uuid.uuid4())
    for _ in range(2):
        assert _decide(c, case_id, decision="confirm", request_id=request_id).status_code == 303
    assert len(_decisions(wh_engine)) == 1


@pytest.mark.parametrize(
    ("form", "message", "pesan"),
    [
        ({"decision": "reject"}, "reason_code", "alasan penolakan: pilih"),
        ({"decision": "reject", "reason_code": "OTHER"}, "note", "catatan: jelaskan"),
        ({"decision": "edit"}, "change at least one field", "ubah paling sedikit satu kolom"),
        ({"decision": "edit", "conduct": ["C77_NOPE"]}, "unknown codes", "tidak dikenal"),
        (
            {"decision": "edit", "province": "Jawa Timur", "regency": "Kota Bandung"},
            "not a regency or city of",
            "bukan kabupaten atau kota di Jawa Timur",
        ),
        ({"decision": "merge", "into": "0" * 32}, "no other case", "tidak ada kasus lain"),
        ({"decision": "split", "article_ids": ["999999"]}, "do not belong", "bukan bagian dari kasus ini"),
        (
            {"decision": "link", "source": "KASN", "nomor_laporan": "TIDAK/ADA"},
            "no official record",
            "tidak ada catatan resmi 'TIDAK/ADA'",
        ),
        ({"decision": "report_onward", "to": "POLISI"}, "choose one of", "pilih salah satu dari KASN"),
        ({"decision": "confirm", "request_id": "not-a-uuid"}, "reload the page", "muat ulang halaman"),
        ({"decision": "destroy"}, "unknown kind", "jenis 'destroy' tidak dikenal"),
    ],
)
def test_invalid_decisions_are_refused_with_a_reason(
    wh_client: Callable[[str], Client],
    wh_engine: sa.Engine,
    form: dict[str, object],
    message: str,
    pesan: str,
) -> None:
    """The reason shows in Indonesian (the default), and in English for a reader who chose it."""
    c = wh_client("monitor")
    case_id = _hostile_id(wh_engine)
    response = _decide(c, case_id, **form)
    assert response.status_code == 303
    shown = _errors(c.get(response.headers["location"]).text)
    assert "Keputusan tidak sah" in shown and pesan in shown and message not in shown
    c.get("/lang?to=en")
    response = _decide(c, case_id, **form)
    shown = _errors(c.get(response.headers["location"]).text)
    assert "Invalid decision" in shown and message in shown
    assert _decisions(wh_engine) == []


def test_a_confirmed_case_leaves_the_queue_before_the_next_build(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("monitor")
    first = ROW.findall(c.get("/queue").text)[0]
    total = _total(c.get("/queue").text)
    _decide(c, first, decision="confirm")
    html = c.get("/queue").text
    assert first not in ROW.findall(html) and _total(html) == total - 1
    # In the list of all cases it stays, marked as waiting for the warehouse build.
    all_cases = c.get("/cases", params={"q": first}).text
    assert ROW.findall(all_cases) == [first] and "chip-pending" in all_cases


def test_analyst_cannot_write(wh_client: Callable[[str], Client], wh_engine: sa.Engine) -> None:
    c = wh_client("analyst")
    case_id = _hostile_id(wh_engine)
    page = c.get(f"/cases/{case_id}").text
    assert "Peran Anda hanya dapat membaca." in page and "/decisions" not in page
    response = c.post_form(
        f"/cases/{case_id}/decisions", {"decision": "confirm", "request_id": str(uuid.uuid4())}
    )
    assert response.status_code == 403
    for path in ("/admin/users", "/admin/sources", "/admin/audit"):
        assert c.get(path).status_code == 403
    assert (
        c.post_form("/admin/users", {"username": "x", "password": "y" * 12, "role": "admin"}).status_code
        == 403
    )
    assert _decisions(wh_engine) == []


def test_monitor_reviews_but_cannot_reach_admin_pages(wh_client: Callable[[str], Client]) -> None:
    c = wh_client("monitor")
    for path in ("/admin/users", "/admin/sources", "/admin/audit"):
        response = c.get(path)
        assert response.status_code == 403 and "Anda tidak berhak" in response.text
    for path, data in (
        ("/admin/users", {"username": "x", "password": "y" * 12, "role": "admin"}),
        ("/admin/users/monitor0/role", {"role": "admin"}),
        ("/admin/sources", {"name": "x", "domain": "x.example"}),
    ):
        assert c.post_form(path, data).status_code == 403


def test_csv_export_matches_the_filter_and_defuses_formulas(
    wh_client: Callable[[str], Client], wh_engine: sa.Engine
) -> None:
    c = wh_client("analyst")
    response = c.get("/cases.csv", params={"province": "Jawa Timur"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    expected = _column(
        wh_engine,
        "select media_case_id from marts.fct_media_cases where province = 'Jawa Timur' "
        "order by latest_reported_at desc nulls last, confidence_score desc nulls last, media_case_id",
    )
    assert [r["media_case_id"] for r in rows] == expected
    assert {r["province"] for r in rows} == {"Jawa Timur"}
    with wh_engine.connect() as conn:
        assert (
            conn.execute(sa.select(audit_log.c.target).where(audit_log.c.action == "export")).scalar()
            == "cases.csv"
        )


def test_dashboard_figures_match_the_marts(wh_client: Callable[[str], Client], wh_engine: sa.Engine) -> None:
    c = wh_client("analyst")
    html = c.get("/dashboard").text

    def stat(name: str) -> int:
        match = re.search(rf'id="stat-{name}">(?:<a[^>]*>)?([\d.]+)', html)
        assert match, name
        return int(match.group(1).replace(".", ""))

    valid = "review_status <> 'rejected'"
    assert stat("media") == _scalar(wh_engine, f"select count(*) from marts.fct_media_cases where {valid}")
    assert stat("media-only") == _scalar(
        wh_engine, f"select count(*) from marts.fct_media_cases where {valid} and not in_official_record"
    )
    assert stat("official-only") == _scalar(
        wh_engine, "select count(*) from marts.fct_official_cases where not has_press_coverage"
    )
    assert html.count('<g class="tile">') == 38
    assert "<svg" in html and "Kasus per bulan" in html
    published = c.get("/dashboard/published.csv")
    assert published.status_code == 200
    assert len(list(csv.reader(io.StringIO(published.text.lstrip("\ufeff"))))) - 1 == _scalar(
        wh_engine, "select count(*) from marts.fct_media_vs_published_statistics"
    )


def test_pages_in_english(wh_client: Callable[[str], Client], wh_engine: sa.Engine) -> None:
    c = wh_client("admin")
    c.get("/lang", params={"to": "en", "next": "/queue"})
    case_id = _hostile_id(wh_engine)
    for path, words in (
        ("/queue", "Case queue"),
        (f"/cases/{case_id}", "Articles reporting it"),
        ("/dashboard", "Analyst dashboard"),
        ("/admin/users", "Add user"),
        ("/admin/sources", "News sources"),
        ("/admin/audit", "Audit log"),
    ):
        html = c.get(path).text
        assert words in html and '<html lang="en">' in html, path
        # No label key leaked through untranslated.
        leaked = re.findall(
            r">\s*((?:nav|case|decision|dash|filter|review|status|users|sources|audit)\.[a-z_]+)\s*<", html
        )
        assert not leaked, (path, leaked)


def test_a_missing_warehouse_gets_a_clear_page(logged_in: Callable[[str], Client]) -> None:
    c = logged_in("monitor")  # a fresh database: the raw schema, no marts
    response = c.get("/queue")
    assert response.status_code == 503
    assert "netra build" in response.text


def test_fixture_holds_the_hostile_article() -> None:
    assert "<script>" in warehouse.HOSTILE_TEXT and warehouse.EVIDENCE in warehouse.HOSTILE_TEXT
