"""Pure parts of the review app: highlighting, chart geometry, labels, Indonesian formatting."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from markupsafe import Markup

from netra.app import charts, formatting, i18n, passwords
from netra.app.highlight import highlight, locate, merge
from netra.app.web import make_templates

HOSTILE = 'Camat <script>window.pwned=1</script> <img src=x onerror="alert(1)"> & "kutip" pose dua jari.'


def test_highlight_escapes_every_segment_and_marks_evidence() -> None:
    start = HOSTILE.index("pose dua jari")
    html = highlight(HOSTILE, [(start, start + len("pose dua jari")), (0, 5)])
    assert isinstance(html, Markup)
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(1)&#34;&gt;" in html
    assert html.startswith('<mark class="evidence">Camat</mark>')
    assert '<mark class="evidence">pose dua jari</mark>.' in html
    # Only our own two marks are tags; everything else is text.
    assert re.findall(r"<(/?\w+)", html) == ["mark", "/mark", "mark", "/mark"]


def test_highlight_of_a_span_full_of_markup_stays_text() -> None:
    start = HOSTILE.index("<script>")
    end = HOSTILE.index("</script>") + len("</script>")
    html = highlight(HOSTILE, [(start, end)])
    assert '<mark class="evidence">&lt;script&gt;window.pwned=1&lt;/script&gt;</mark>' in html


def test_locate_trusts_matching_offsets_and_refinds_moved_quotes() -> None:
    text = "Kepala desa itu memasang baliho. Camat ikut kampanye."
    spans = [
        {"start": 0, "end": 32, "text": "Kepala desa itu memasang baliho."},
        {"start": 0, "end": 5, "text": "Camat ikut kampanye."},  # stale offsets: found by its words
        {"start": 3, "end": 9, "text": "tidak ada di teks"},  # cannot be found: left out
        {"start": 40, "end": 10, "text": ""},  # nonsense offsets
    ]
    assert locate(text, spans) == [(0, 32), (33, 53)]


def test_merge_joins_overlapping_ranges() -> None:
    assert merge([(5, 9), (0, 3), (2, 6), (12, 14), (14, 15)]) == [(0, 9), (12, 15)]


def test_every_province_has_one_tile_and_tiles_do_not_overlap() -> None:
    codes = charts.province_codes()
    assert set(charts.TILES) == set(codes) and len(codes) == 38
    assert len(set(charts.TILES.values())) == 38
    drawn = charts.tile_map({"Jawa Timur": 40, "Aceh": 1})
    by_name = {t.province: t for t in drawn["tiles"]}
    assert by_name["Jawa Timur"].fill == charts.PALETTE[-1] and by_name["Jawa Timur"].dark
    assert by_name["Aceh"].fill != charts.PALETTE[0]
    assert by_name["Bali"].fill == charts.PALETTE[0] and by_name["Bali"].value == 0
    assert by_name["Jawa Timur"].code == "JI"


def test_bars_and_columns_scale_to_the_largest_value() -> None:
    drawn = charts.bars([("a", 10, "a"), ("b", 5, "b")], width=400, label_width=100)
    widths = [b.width for b in drawn["bars"]]
    assert widths[0] == pytest.approx(250) and widths[1] == pytest.approx(125)
    cols = charts.columns([("Jan", [3, 7]), ("Feb", [0, 1])], series=2, height=210, bottom=40)
    assert [value for _, value in cols["ticks"]] == [0, 2, 4, 6, 8]  # 7 rounds up to 8, in steps of 2
    assert cols["columns"][0].heights[1] == pytest.approx(160 * 7 / 8)
    assert charts.axis(142) == (150, 50) and charts.axis(2034) == (2500, 500) and charts.axis(0) == (0, 1)


def test_indonesian_dates_and_numbers() -> None:
    assert formatting.format_date(date(2024, 2, 14)) == "14 Februari 2024"
    assert formatting.format_date("2023-11-30", "en") == "30 November 2023"
    assert formatting.format_month(date(2024, 8, 1)) == "Agustus 2024"
    moment = datetime(2024, 2, 14, 13, 5, tzinfo=UTC)
    assert formatting.format_datetime(moment) == "14 Feb 2024 20.05 WIB"
    assert formatting.format_datetime(moment, tz="Asia/Jayapura") == "14 Feb 2024 22.05 WIT"
    assert formatting.format_number(2034) == "2.034" and formatting.format_number(78.5) == "78,5"
    assert formatting.format_number(2034, "en") == "2,034"
    assert formatting.format_date(None) == ""


def test_every_label_used_by_a_template_exists() -> None:
    used: set[str] = set()
    for path in Path(make_templates().env.loader.searchpath[0]).glob("*.html"):
        used |= set(re.findall(r"""\bt\(\s*["']([a-z_]+\.[A-Za-z0-9_]+)["']""", path.read_text()))
    missing = sorted(k for k in used if not i18n.has(k))
    assert not missing, f"labels used but not defined: {missing}"


def test_labels_have_both_languages() -> None:
    t_id, t_en = i18n.translator("id"), i18n.translator("en")
    assert t_id("nav.queue") == "Antrean" and t_en("nav.queue") == "Queue"
    assert t_id("common.page_of", page=2, pages=5) == "Halaman 2 dari 5"
    assert all(t_id(k) and t_en(k) for k in i18n.keys())
    assert t_id("no.such.key") == "no.such.key"


def test_templates_autoescape_everything() -> None:
    env = make_templates().env
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


@pytest.mark.parametrize(
    ("password", "env", "ok"),
    [
        ("short", "development", False),
        ("dev-pass-1", "development", True),
        ("dev-pass-1", "production", False),  # 12 characters at least in production
        ("admin123456789", "production", False),
        ("Password2024!!", "production", False),
        ("change-me-please-now", "production", False),
        ("sari.wulandari", "development", False),  # equals the username
        ("tiga kata acak panjang", "production", True),
    ],
)
def test_password_policy(password: str, env: str, ok: bool) -> None:
    if ok:
        passwords.check_policy(password, "Sari.Wulandari", env)
    else:
        with pytest.raises(passwords.WeakPassword):
            passwords.check_policy(password, "Sari.Wulandari", env)


def test_cache_serves_fresh_values_computes_once_and_clears() -> None:
    import threading
    import time

    from netra.app.cache import TTLCache

    calls: list[int] = []
    gate = threading.Event()

    def slow() -> int:
        calls.append(1)
        gate.wait(5)
        return len(calls)

    cache = TTLCache(ttl=60)
    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(cache.get("k", slow))) for _ in range(5)]
    for th in threads:
        th.start()
    time.sleep(0.2)
    gate.set()
    for th in threads:
        th.join(5)
    assert results == [1] * 5 and len(calls) == 1  # five concurrent misses, one computation
    assert cache.get("k", slow) == 1 and len(calls) == 1
    cache.clear()
    assert cache.get("k", slow) == 2


def test_cache_serves_a_stale_value_while_refreshing() -> None:
    import time

    from netra.app.cache import TTLCache

    cache = TTLCache(ttl=0.3)
    values = iter(range(10))
    assert cache.get("k", lambda: next(values)) == 0
    time.sleep(0.4)
    assert cache.get("k", lambda: next(values)) == 0  # stale, served at once; refresh runs behind
    deadline = time.monotonic() + 5
    while cache.get("k", lambda: next(values)) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("k", lambda: 99) == 1
    assert TTLCache(ttl=0).get("k", lambda: 7) == 7  # ttl 0: no caching at all
