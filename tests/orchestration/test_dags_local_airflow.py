"""`netra airflow`: a real local Airflow (api-server, scheduler, dag-processor, triggerer) on 127.0.0.1
with the project's DAGs and pool; stopping it (Ctrl-C, kill) stops every process it started."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from tests.orchestration.helpers import ROOT, base_env

pytestmark = pytest.mark.slow

SERVICES = ("api-server", "scheduler", "dag-processor", "triggerer")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(base: str, proc: subprocess.Popen[str], timeout: float = 240) -> dict:
    deadline = time.monotonic() + timeout
    health: dict = {}
    while time.monotonic() < deadline:
        assert proc.poll() is None, "netra airflow exited early"
        try:
            health = httpx.get(f"{base}/api/v2/monitor/health", timeout=5).json()
        except (httpx.HTTPError, ValueError):
            time.sleep(1)
            continue
        parts = ("metadatabase", "scheduler", "triggerer", "dag_processor")
        if all((health.get(p) or {}).get("status") == "healthy" for p in parts):
            return health
        time.sleep(1)
    raise AssertionError(f"Airflow did not become healthy: {health}")


def _tree(pid: int) -> list[psutil.Process]:
    """The live (non-zombie) process and its descendants."""
    try:
        root = psutil.Process(pid)
        found = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []
    alive = []
    for p in found:
        try:
            if p.status() != psutil.STATUS_ZOMBIE:
                alive.append(p)
        except psutil.NoSuchProcess:
            pass
    return alive


def test_netra_airflow_runs_the_four_services_on_loopback_with_the_dags(
    tmp_path: Path, database_url: str
) -> None:
    home = tmp_path / "home"
    port = _free_port()
    env = base_env(home, NETRA_DATABASE_URL=database_url)
    out = (tmp_path / "netra-airflow.out").open("w+")
    proc = subprocess.Popen(
        [sys.executable, "-m", "netra", "airflow", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=out,
        stderr=subprocess.STDOUT,
        text=True,
    )
    service_pids: dict[str, int] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_healthy(base, proc)
        text = Path(out.name).read_text()
        service_pids = {name: int(pid) for name, pid in re.findall(r"✓ ([a-z-]+) \(pid (\d+)\)", text)}
        assert set(service_pids) == set(SERVICES), text

        password = json.loads((home / "airflow" / "simple_auth_manager_passwords.json.generated").read_text())
        assert password["admin"] in text, "the UI password is printed"
        token = httpx.post(
            f"{base}/auth/token", json={"username": "admin", "password": password["admin"]}, timeout=10
        ).json()["access_token"]
        api = httpx.Client(
            base_url=f"{base}/api/v2", headers={"Authorization": f"Bearer {token}"}, timeout=10
        )
        deadline = time.monotonic() + 120
        dags: set[str] = set()
        while time.monotonic() < deadline and len(dags) < 3:  # the dag-processor's first pass
            dags = {d["dag_id"] for d in api.get("/dags").json()["dags"]}
            time.sleep(1)
        assert dags == {"netra_news", "netra_reports", "netra_warehouse"}
        assert api.get("/importErrors").json()["total_entries"] == 0
        assert api.get("/pools/netra_outlets").json()["slots"] == 4
        assert all(d["is_paused"] for d in api.get("/dags").json()["dags"]), "DAGs start paused"

        listening = [
            c.laddr
            for pid in service_pids.values()
            for p in _tree(pid)
            for c in p.net_connections(kind="inet")
            if c.status == psutil.CONN_LISTEN
        ]
        assert listening, "nothing listens"
        assert all(addr.ip == "127.0.0.1" for addr in listening), listening
    finally:
        # SIGTERM, not SIGINT: a shell that starts jobs in the background makes them ignore SIGINT.
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=90)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        leftovers = [p for pid in service_pids.values() for p in _tree(pid)]
        for p in leftovers:  # only processes this test started
            try:
                p.kill()
            except psutil.NoSuchProcess:
                pass
        out.close()
    assert proc.returncode == 0
    assert leftovers == [], f"still running after Ctrl-C: {leftovers}"
