"""The functions the DAG tasks call, on a real database and real HTTP servers on 127.0.0.1:
which sources are due, crawl keys, the report inbox, failure records and alerts."""

from __future__ import annotations

import json
import shutil
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import sqlalchemy as sa

from netra.config import PROJECT_ROOT, get_settings
from netra.orchestration import failures, news, reports

DEMO_REPORTS = PROJECT_ROOT / "netra" / "demo" / "reports"
REFUSED = PROJECT_ROOT / "tests" / "fixtures" / "official" / "laporan_kasn.pdf.csv"


class _Recorder(BaseHTTPRequestHandler):
    received: list[tuple[str, bytes]] = []  # noqa: RUF012 (one server per test)
    files: dict[str, bytes] = {}  # noqa: RUF012

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((self.path, body))
        self.send_response(204)
        self.end_headers()

    def do_GET(self) -> None:
        body = type(self).files.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[tuple[str, type[_Recorder]]]:
    handler = type("Recorder", (_Recorder,), {"received": [], "files": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", handler
    server.shutdown()
    server.server_close()


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database_url: str) -> Path:
    monkeypatch.setenv("NETRA_HOME", str(tmp_path / "home"))
    get_settings.cache_clear()
    return tmp_path / "home"


def test_a_source_is_due_when_its_frequency_has_elapsed() -> None:
    now = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
    assert news.is_due(None, 60, now) == (True, "never crawled")
    assert news.is_due(now - timedelta(minutes=58), 60, now)[0], "scheduling jitter is not a reason to wait"
    due, why = news.is_due(now - timedelta(minutes=30), 60, now)
    assert not due and "not due until 2024-03-01 12:30" in why
    assert not news.is_due(now - timedelta(hours=5), 24 * 60, now)[0]


def test_plan_syncs_the_registry_and_skips_sources_not_due(
    home: Path, monkeypatch: pytest.MonkeyPatch, engine: sa.Engine
) -> None:
    from netra.demo.sites import DEMO_REGISTRY, DEMO_SOURCES

    monkeypatch.setenv("NETRA_CRAWL_REGISTRY", str(DEMO_REGISTRY))
    get_settings.cache_clear()
    now = datetime.now(UTC)
    first = news.plan(now)
    assert [s["source"] for s in first] == DEMO_SOURCES
    assert all(s["due"] for s in first)
    with engine.begin() as conn:
        conn.execute(sa.text("update raw.sources set last_crawled_at = now() where name = 'tribunnusa'"))
    again = {s["source"]: s for s in news.plan(now)}
    assert not again["tribunnusa"]["due"] and "not due until" in again["tribunnusa"]["reason"]
    assert again["detakdaerah"]["due"]
    forced = news.plan(now, force=True, only=["tribunnusa"])
    assert forced == [{"source": "tribunnusa", "due": True, "reason": "forced"}]
    with pytest.raises(Exception, match="no active source named nosuch"):
        news.plan(now, only=["nosuch"])


def test_a_crawl_is_keyed_on_its_dag_source_and_data_interval() -> None:
    start = datetime(2024, 3, 1, 11, tzinfo=UTC)
    context = {"data_interval_start": start, "data_interval_end": start + timedelta(hours=1), "run_id": "r"}
    key = news.run_key(context, "tribunnusa")
    assert key == "netra_news/tribunnusa/2024-03-01T11:00:00+00:00/2024-03-01T12:00:00+00:00"
    assert news.run_key(dict(context), "tribunnusa") == key, "a retry or re-run reuses the key"
    assert news.run_key({"run_id": "manual__x"}, "tribunnusa") == "netra_news/tribunnusa/manual__x"


def test_an_outlet_that_gave_only_errors_fails() -> None:
    assert news._outlet_failed({"status": "partial", "pages_fetched": 0, "errors": {"http_502": 3}})
    assert news._outlet_failed({"status": "failed", "pages_fetched": 10})
    assert not news._outlet_failed({"status": "partial", "pages_fetched": 40, "errors": {"timeout": 1}})
    assert not news._outlet_failed({"status": "succeeded", "pages_not_modified": 12, "errors": {}})


def test_the_inbox_loads_good_files_once_and_moves_refused_ones_aside(home: Path) -> None:
    inbox = reports.inbox()
    assert inbox == home / "reports-inbox"
    for f in DEMO_REPORTS.iterdir():
        shutil.copy(f, inbox / f.name)
    shutil.copy(REFUSED, inbox / REFUSED.name)
    with pytest.raises(reports.ReportsRefused, match=r"1 file\(s\) refused"):
        reports.load_inbox()
    refused = inbox / "refused" / REFUSED.name
    assert refused.exists() and not (inbox / REFUSED.name).exists()
    assert refused.with_name(refused.name + ".reason.txt").read_text().strip()

    second = reports.load_inbox()
    assert second.files == len(list(DEMO_REPORTS.iterdir()))
    assert not second.changed, "loading the same files again changes nothing"
    assert second.rows_unchanged > 0 and second.rows_loaded == 0


def test_fetch_downloads_configured_files_into_the_inbox(
    home: Path, monkeypatch: pytest.MonkeyPatch, http_server: tuple[str, type[_Recorder]]
) -> None:
    base, handler = http_server
    body = (DEMO_REPORTS / "kasn_rekomendasi_2024.csv").read_bytes()
    handler.files["/unduh/kasn.csv"] = body
    monkeypatch.setenv("NETRA_REPORT_URLS", f"{base}/unduh/kasn.csv")
    get_settings.cache_clear()
    [path] = reports.fetch()
    assert path == home / "reports-inbox" / "downloads" / "kasn.csv" and path.read_bytes() == body
    result = reports.load_inbox()
    assert result.changed and result.rows_loaded > 0

    monkeypatch.setenv("NETRA_REPORT_URLS", f"{base}/unduh/kasn.csv,{base}/hilang.csv")
    get_settings.cache_clear()
    with pytest.raises(Exception, match=r"hilang\.csv: .*404"):
        reports.fetch()


def _failure(**overrides: object) -> failures.Failure:
    values = {
        "dag_id": "netra_news",
        "task_id": "crawl",
        "run_id": "manual__1",
        "map_index": 2,
        "try_number": 1,
        "error": "OutletFailed: downsite: nothing could be crawled",
        "failed_at": datetime.now(UTC).isoformat(),
    }
    return failures.Failure(**{**values, **overrides})  # type: ignore[arg-type]


def test_a_failure_is_recorded_once_and_spooled_while_the_database_is_down(
    home: Path, engine: sa.Engine, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    assert failures.record(_failure())
    assert failures.record(_failure()), "recording the same try again is harmless"
    # The database goes away: the record waits in the spool.
    monkeypatch.setenv("NETRA_DATABASE_URL", "postgresql://netra@127.0.0.1:9/netra")
    monkeypatch.setenv("NETRA_DB_CONNECT_TIMEOUT", "1")
    get_settings.cache_clear()
    assert not failures.record(_failure(try_number=2))
    spool = home / "logs" / "task_failures.jsonl"
    assert len(spool.read_text().splitlines()) == 1
    # Back again: the next task drains it.
    monkeypatch.setenv("NETRA_DATABASE_URL", database_url)
    get_settings.cache_clear()
    assert failures.drain_spool() == 1
    assert not spool.exists()
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("select try_number, map_index, error from raw.task_failures order by try_number")
        ).all()
    assert [(r.try_number, r.map_index) for r in rows] == [(1, 2), (2, 2)]
    assert rows[0].error.startswith("OutletFailed: downsite")


def test_a_failure_context_says_which_task_and_why() -> None:
    class TI:
        dag_id, task_id, run_id, map_index, try_number = "netra_warehouse", "dbt.x_model_build", "r1", -1, 3

    try:
        raise ValueError('column "rekomendasi" does not exist')
    except ValueError as exc:
        failure = failures.failure_from_context({"ti": TI(), "run_id": "r1", "exception": exc})
    assert failure.label == "netra_warehouse.dbt.x_model_build (run r1, try 3)"
    assert failure.error.splitlines()[0] == 'ValueError: column "rekomendasi" does not exist'
    assert "test_dags_tasks.py" in failure.error, "the innermost frames follow"
    killed = failures.failure_from_context({"ti": TI(), "run_id": "r1"})
    assert "no exception" in killed.error


def test_alerts_go_to_the_webhook_only_when_configured(
    monkeypatch: pytest.MonkeyPatch, http_server: tuple[str, type[_Recorder]]
) -> None:
    base, handler = http_server
    monkeypatch.delenv("NETRA_ALERT_WEBHOOK_URL", raising=False)
    get_settings.cache_clear()
    assert not failures.notify(_failure())
    assert handler.received == []
    monkeypatch.setenv("NETRA_ALERT_WEBHOOK_URL", f"{base}/hooks/netra")
    get_settings.cache_clear()
    assert failures.notify(_failure())
    [(path, body)] = handler.received
    sent = json.loads(body)
    assert path == "/hooks/netra"
    assert sent["text"] == (
        "Netra task failed: netra_news.crawl[2] (run manual__1, try 1): "
        "OutletFailed: downsite: nothing could be crawled"
    )
    assert sent["dag_id"] == "netra_news" and sent["map_index"] == 2
    get_settings.cache_clear()
