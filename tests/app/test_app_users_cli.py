"""`netra users` creates the first admin and manages accounts; the audit log records it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from netra.db.schema import audit_log, users

NETRA = str(Path(sys.executable).with_name("netra"))


def _run(args: list[str], env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([NETRA, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120)


def test_users_add_list_disable(database_url: str, netra_env: dict[str, str], engine: sa.Engine) -> None:
    env = {**netra_env, "NETRA_DATABASE_URL": database_url}
    added = _run(
        ["users", "add", "kepala", "--role", "admin", "--password-stdin"], env, "kuda-baterai-staples\n"
    )
    assert added.returncode == 0, added.stderr
    assert "added kepala (admin)" in added.stdout
    again = _run(["users", "add", "kepala", "--password-stdin"], env, "kuda-baterai-staples\n")
    assert again.returncode == 2 and "already exists" in again.stderr
    bad_role = _run(
        ["users", "add", "x", "--role", "root", "--password-stdin"], env, "kuda-baterai-staples\n"
    )
    assert bad_role.returncode == 2 and "unknown role" in bad_role.stderr
    listed = _run(["users", "list"], env)
    assert listed.returncode == 0 and "kepala" in listed.stdout and "admin" in listed.stdout
    disabled = _run(["users", "disable", "kepala"], env)
    assert disabled.returncode == 0, disabled.stderr
    missing = _run(["users", "disable", "nobody"], env)
    assert missing.returncode == 2 and "no user 'nobody'" in missing.stderr
    with engine.connect() as conn:
        row = conn.execute(sa.select(users.c.role, users.c.active, users.c.password_hash)).one()
        actions = conn.execute(sa.select(audit_log.c.action, audit_log.c.target).order_by("audit_id")).all()
    assert row.role == "admin" and row.active is False and row.password_hash.startswith("$argon2id$")
    assert [tuple(a) for a in actions] == [("user_add", "kepala"), ("user_disable", "kepala")]


def test_production_refuses_weak_passwords(
    database_url: str, netra_env: dict[str, str], engine: sa.Engine
) -> None:
    env = {**netra_env, "NETRA_DATABASE_URL": database_url, "NETRA_ENV": "production"}
    for weak in ("admin", "admin12345678", "change-me-netra"):
        result = _run(["users", "add", "kepala", "--role", "admin", "--password-stdin"], env, weak + "\n")
        assert result.returncode == 2, result.stdout
        assert "password" in result.stderr
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(users)).scalar_one() == 0


def test_serve_refuses_production_with_the_default_secret(
    database_url: str, netra_env: dict[str, str]
) -> None:
    env = {**netra_env, "NETRA_DATABASE_URL": database_url, "NETRA_ENV": "production"}
    result = _run(["serve", "--port", "1"], env)
    assert result.returncode == 2
    assert "NETRA_SECRET_KEY" in result.stderr


def test_netra_serve_answers_on_loopback(database_url: str, netra_env: dict[str, str]) -> None:
    """The real command: settings checked, schema migrated, uvicorn serving the app."""
    import socket
    import time
    import urllib.request

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**netra_env, "NETRA_DATABASE_URL": database_url}
    proc = subprocess.Popen([NETRA, "serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as response:
                    page = response.read().decode()
                    policy = response.headers.get("content-security-policy", "")
                break
            except OSError:
                assert proc.poll() is None, "netra serve exited"
                assert time.monotonic() < deadline, "netra serve did not answer"
                time.sleep(0.3)
        assert 'name="csrf_token"' in page and "Masuk" in page
        assert policy.startswith("default-src 'self'")
    finally:
        proc.terminate()
        out, _ = proc.communicate(timeout=30)
    assert "no accounts yet" in out
