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
