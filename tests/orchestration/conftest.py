"""The orchestration tests' shared run: the README's main command, twice, in a private NETRA_HOME.

``netra demo --no-serve`` runs in a subprocess exactly as a user runs it (the
embedded PostgreSQL, Airflow's SQLite metadata, the offline demo sites on
127.0.0.1, dag.test()). The first run is shared by the end-to-end and fault
tests; each snapshot of the database is read over the embedded server's socket.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from netra.db import embedded
from tests.orchestration.helpers import base_env, run_python, snapshot

# One full demo run takes a few minutes on two cores; leave room for a loaded CI machine.
DEMO_TIMEOUT = 1200


@dataclass
class DemoRun:
    """One ``netra demo`` run: its output, its JSON report and the database afterwards."""

    home: Path
    returncode: int
    stdout: str
    stderr: str
    report: dict
    snapshot: dict

    @property
    def dags(self) -> dict[str, dict]:
        return {d["dag_id"]: d for d in self.report["dags"]}


def run_demo(home: Path, name: str) -> DemoRun:
    report = home / f"{name}.json"
    proc = run_python(
        ["-m", "netra", "demo", "--no-serve", "--report", str(report)],
        base_env(home, COLUMNS="120"),
        timeout=DEMO_TIMEOUT,
        log=home / f"{name}.out",
    )
    assert report.exists(), (
        f"netra demo wrote no report (exit {proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}"
    )
    return DemoRun(
        home, proc.returncode, proc.stdout, proc.stderr, json.loads(report.read_text()), snapshot(home)
    )


@pytest.fixture(scope="session")
def demo_home() -> Iterator[Path]:
    """Not under pytest's numbered tmp dirs, which a concurrent pytest session may prune."""
    home = Path(tempfile.mkdtemp(prefix="netra-demo-test-"))
    yield home
    # The demo leaves the embedded server running for the next command, as documented; stop it.
    embedded.destroy(home)
    shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def first_run(demo_home: Path) -> DemoRun:
    return run_demo(demo_home, "first")


@pytest.fixture(scope="session")
def second_run(first_run: DemoRun) -> DemoRun:
    return run_demo(first_run.home, "second")
