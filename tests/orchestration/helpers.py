"""Running Netra's Airflow code in subprocesses with a private NETRA_HOME.

Airflow configures itself (and Python's logging) when it is first imported, so
the orchestration tests never import it into the pytest process: every run of
a DAG happens in a child process, exactly as ``netra demo`` runs it.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent


def base_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a child process: no inherited NETRA_/AIRFLOW_ settings, a private home."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETRA_", "AIRFLOW", "DBT_"))}
    env.update(
        {
            "NETRA_HOME": str(home),
            "PYTHONUNBUFFERED": "1",
            # Short retry delays keep fault tests quick; the backoff still doubles them.
            "NETRA_TASK_RETRY_DELAY_SECONDS": "1",
            "NETRA_TASK_MAX_RETRY_DELAY_SECONDS": "8",
        }
    )
    env.update(extra)
    return env


def run_python(
    args: list[str], env: Mapping[str, str], *, timeout: float = 600, log: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python ARGS`` in the repository with ``env``; keep its output in ``log`` if given."""
    proc = subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=dict(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if log is not None:
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(proc.stdout + "\n--- stderr ---\n" + proc.stderr)
    return proc


def tagged_json(output: str, tag: str) -> dict:
    """The JSON a child printed on a line starting with ``tag``."""
    for line in output.splitlines():
        if line.startswith(tag + " "):
            return json.loads(line[len(tag) + 1 :])
    raise AssertionError(f"no {tag} line in the output:\n{output[-3000:]}")


class ConnectionCounter:
    """A TCP listener on 127.0.0.1 that counts (and drops) every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.count = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            self.count += 1
            conn.close()

    @contextmanager
    def running(self) -> Iterator[ConnectionCounter]:
        self._thread.start()
        try:
            yield self
        finally:
            self._stop.set()
            self._thread.join(timeout=5)
            self.sock.close()


RAW_TABLES = (
    "sources",
    "pages",
    "articles",
    "article_clusters",
    "annotations",
    "report_files",
    "official_cases",
    "official_case_history",
    "official_statistics",
    "official_rejects",
)

# Fingerprints of what the data is, not when it was written.
FINGERPRINTS = {
    "articles": "select md5(string_agg(canonical_url || ':' || content_hash, '|' order by canonical_url))"
    " from raw.articles",
    "annotations": "select md5(string_agg(a.canonical_url || ':' || n.pipeline_version || ':' || n.content_hash,"
    " '|' order by a.canonical_url, n.pipeline_version))"
    " from raw.annotations n join raw.articles a using (article_id)",
    "official_cases": "select md5(string_agg(source || nomor_laporan || row_hash, '|' order by source, nomor_laporan))"
    " from raw.official_cases",
}


def connect(home: Path, *, database: str = "netra") -> psycopg.Connection:
    """A connection to the embedded server a ``netra`` command left running under ``home``."""
    from netra.db import embedded

    server = embedded.status(home)
    assert server is not None, f"no embedded server running under {home}"
    return psycopg.connect(server.conninfo(database), autocommit=True)


def snapshot(home: Path) -> dict:
    """Row counts of the raw tables and every mart, and fingerprints of the data."""
    with connect(home) as conn:
        counts = {t: conn.execute(f"select count(*) from raw.{t}").fetchone()[0] for t in RAW_TABLES}
        prints = {k: conn.execute(q).fetchone()[0] for k, q in FINGERPRINTS.items()}
        marts = [
            r[0]
            for r in conn.execute(
                "select table_name from information_schema.tables"
                " where table_schema = 'marts' and table_type = 'BASE TABLE' order by 1"
            )
        ]
        mart_counts = {m: conn.execute(f'select count(*) from marts."{m}"').fetchone()[0] for m in marts}
        case_keys = None
        if "fct_media_cases" in marts:
            case_keys = conn.execute(
                "select md5(string_agg(media_case_id, '|' order by media_case_id)) from marts.fct_media_cases"
            ).fetchone()[0]
        by_source = dict(
            conn.execute("select source_name, count(*) from raw.articles group by 1 order by 1").fetchall()
        )
        failures = conn.execute(
            "select dag_id, task_id, map_index, try_number, error from raw.task_failures order by failure_id"
        ).fetchall()
    return {
        "raw": counts,
        "fingerprints": prints,
        "marts": mart_counts,
        "media_case_keys": case_keys,
        "articles_by_source": by_source,
        "task_failures": [list(f) for f in failures],
    }
