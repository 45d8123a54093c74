"""`netra db` against a real embedded server in a private NETRA_HOME, as a user runs it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from netra.db import migrate

NETRA = [sys.executable, "-m", "netra"]


def run(env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([*NETRA, *args], env=env, capture_output=True, text=True, timeout=120)
    if check and proc.returncode != 0:
        raise AssertionError(
            f"netra {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return proc


def postmaster_pid(home: Path) -> int:
    return int((home / "pgdata" / "postmaster.pid").read_text().splitlines()[0])


@pytest.fixture
def home(netra_env: dict[str, str]):
    yield Path(netra_env["NETRA_HOME"])
    run(netra_env, "db", "down", "--purge", check=False)


def test_up_migrates_and_second_up_reuses_the_server(netra_env, home) -> None:
    first = run(netra_env, "db", "up")
    assert f"raw schema at revision {migrate.head()}" in first.stdout.replace("\n", " ")
    pid = postmaster_pid(home)
    run(netra_env, "db", "up")
    assert postmaster_pid(home) == pid
    assert str(pid) in run(netra_env, "db", "status").stdout


def test_concurrent_ups_share_one_server(netra_env, home) -> None:
    procs = [
        subprocess.Popen([*NETRA, "db", "up"], env=netra_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(3)
    ]
    codes = [p.wait(timeout=120) for p in procs]
    assert codes == [0, 0, 0]
    postmasters = [
        p
        for p in psutil.process_iter(["name", "cmdline"])
        if p.info["name"] == "postgres"
        and str(home / "pgdata") in " ".join(p.info["cmdline"] or [])
        and "-D" in (p.info["cmdline"] or [])
    ]
    assert len(postmasters) == 1


def test_down_stops_and_status_says_so(netra_env, home) -> None:
    run(netra_env, "db", "up")
    pid = postmaster_pid(home)
    assert "stopped" in run(netra_env, "db", "down").stdout
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    status = run(netra_env, "db", "status", check=False)
    assert status.returncode == 1 and "not running" in status.stdout
    # data survives a stop
    run(netra_env, "db", "up")
    assert migrate.head() in run(netra_env, "db", "migrate").stdout


def test_killed_server_leaves_stale_pidfile_and_up_recovers(netra_env, home) -> None:
    run(netra_env, "db", "up")
    pid = postmaster_pid(home)
    os.kill(pid, signal.SIGKILL)
    deadline = time.time() + 30
    # wait for the postmaster's children to notice and exit, as after a crash
    while time.time() < deadline and any(
        str(home / "pgdata") in " ".join(p.info["cmdline"] or [])
        for p in psutil.process_iter(["cmdline"])
        if p.pid != os.getpid()
    ):
        time.sleep(0.2)
    assert (home / "pgdata" / "postmaster.pid").exists(), "the crash should leave postmaster.pid behind"
    run(netra_env, "db", "up")
    assert postmaster_pid(home) != pid


def test_pidfile_naming_a_dead_process_is_recovered(netra_env, home) -> None:
    run(netra_env, "db", "up")
    pidfile = home / "pgdata" / "postmaster.pid"
    saved = pidfile.read_text()
    run(netra_env, "db", "down")
    dead = subprocess.Popen(["true"])
    dead.wait()
    pidfile.write_text("\n".join([str(dead.pid), *saved.splitlines()[1:]]) + "\n")
    assert "raw schema" in run(netra_env, "db", "up").stdout


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("postgresql://netra:secret@127.0.0.1:1/netra", "127.0.0.1"),
        ("postgresql://netra:secret@db.invalid:5432/netra", "db.invalid"),
    ],
)
def test_wrong_database_url_fails_fast_with_one_line(netra_env, url: str, host: str) -> None:
    env = {**netra_env, "NETRA_DATABASE_URL": url, "NETRA_DB_CONNECT_TIMEOUT": "3"}
    started = time.monotonic()
    proc = run(env, "db", "up", check=False)
    assert time.monotonic() - started < 20
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert host in lines[0] and "secret" not in lines[0]
    assert "Traceback" not in proc.stderr


def test_help_lists_the_commands(netra_env) -> None:
    out = run(netra_env, "--help").stdout
    for command in ("db", "demo"):
        assert command in out
    assert shutil.which("true")


def test_global_options_and_their_environment_variables(netra_env, tmp_path: Path) -> None:
    """`--home` on the command line and NETRA_HOME in the environment reach the same setting."""
    other = tmp_path / "elsewhere"
    try:
        run(netra_env, "--home", str(other), "db", "up")
        assert (other / "pgdata" / "postmaster.pid").exists()
        env = {**netra_env, "NETRA_HOME": str(other)}
        assert str(postmaster_pid(other)) in run(env, "db", "status").stdout
        bad = run(netra_env, "--database-url", "postgresql://u:p@127.0.0.1:1/x", "db", "up", check=False)
        assert bad.returncode == 2 and "127.0.0.1" in bad.stderr
    finally:
        run({**netra_env, "NETRA_HOME": str(other)}, "db", "down", "--purge", check=False)
