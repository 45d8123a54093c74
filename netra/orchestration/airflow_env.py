"""Airflow's configuration for running Netra locally (``netra demo``, ``netra airflow``, tests).

Airflow reads its configuration when it is first imported, so :func:`apply`
must run before anything imports ``airflow``. Local state lives under
``$NETRA_HOME/airflow``: a SQLite metadata database, logs, Cosmos' cache and
the UI's generated password. Variables already in the environment win, so a
production deployment (docker-compose.yml) keeps its own configuration.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path

from netra.config import PROJECT_ROOT, Settings

DAGS_FOLDER = PROJECT_ROOT / "dags"
POOL = "netra_outlets"
CONNECTION_ID = "netra_postgres"

# Telemetry that would otherwise phone home from a machine that must stay offline.
_NO_TELEMETRY = {
    "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
    "SCARF_NO_ANALYTICS": "true",
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
}


def airflow_home(settings: Settings) -> Path:
    """Where Airflow keeps its local state (``AIRFLOW_HOME`` if set, else under NETRA_HOME)."""
    configured = os.environ.get("AIRFLOW_HOME")
    return Path(configured) if configured else settings.home / "airflow"


def _jwt_secret(home: Path) -> str:
    """A per-installation secret for the api-server's task tokens, kept across restarts."""
    path = home / "jwt_secret"
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


def local_environment(settings: Settings, *, port: int | None = None) -> dict[str, str]:
    """The variables a local Airflow needs: home, SQLite metadata DB, DAG folder, Cosmos cache.

    With ``port`` it also configures the api-server on 127.0.0.1 (``netra airflow``).
    """
    home = airflow_home(settings)
    env = {
        "AIRFLOW_HOME": str(home),
        "AIRFLOW__CORE__DAGS_FOLDER": str(DAGS_FOLDER),
        "AIRFLOW__CORE__LOAD_EXAMPLES": "False",
        "AIRFLOW__CORE__EXECUTOR": "LocalExecutor",
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN": f"sqlite:///{home / 'airflow.db'}",
        "AIRFLOW__COSMOS__CACHE_DIR": str(home / "cosmos-cache"),
        "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS": "admin:admin",
        **_NO_TELEMETRY,
    }
    if port is not None:
        env |= {
            "AIRFLOW__API__HOST": "127.0.0.1",
            "AIRFLOW__API__PORT": str(port),
            "AIRFLOW__API__BASE_URL": f"http://127.0.0.1:{port}",
            "AIRFLOW__CORE__EXECUTION_API_SERVER_URL": f"http://127.0.0.1:{port}/execution/",
            "AIRFLOW__API_AUTH__JWT_SECRET": _jwt_secret(home),
        }
    return env


def connection_json(url_host: str, port: int | None, user: str | None, password: str | None, db: str) -> str:
    """An Airflow connection in the JSON form ``AIRFLOW_CONN_*`` accepts (a socket dir works as host)."""
    conn: dict[str, object] = {"conn_type": "postgres", "host": url_host, "schema": db}
    if port:
        conn["port"] = port
    if user:
        conn["login"] = user
    if password:
        conn["password"] = password
    return json.dumps(conn)


def netra_connection(settings: Settings) -> str:
    """``AIRFLOW_CONN_NETRA_POSTGRES``: Netra's database (embedded socket or NETRA_DATABASE_URL)."""
    from netra.db.engine import database_url

    url = database_url(settings)
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    port = url.port or int(str(url.query.get("port", 0)) or 0) or None
    return connection_json(str(host), port, url.username, url.password, str(url.database))


def apply(settings: Settings, *, port: int | None = None, connection: bool = True) -> dict[str, str]:
    """Put the local Airflow configuration into ``os.environ`` (existing values win).

    Must run before ``airflow`` is imported in this process; raises if it was
    imported with another home, which would silently use the wrong database.
    """
    env = local_environment(settings, port=port)
    if connection and f"AIRFLOW_CONN_{CONNECTION_ID.upper()}" not in os.environ:
        env[f"AIRFLOW_CONN_{CONNECTION_ID.upper()}"] = netra_connection(settings)
    for key, value in env.items():
        os.environ.setdefault(key, value)
    if "airflow.configuration" in sys.modules:
        from airflow.configuration import AIRFLOW_HOME

        if Path(AIRFLOW_HOME).resolve() != Path(os.environ["AIRFLOW_HOME"]).resolve():
            raise RuntimeError(
                f"airflow was imported with AIRFLOW_HOME={AIRFLOW_HOME} before Netra configured "
                f"{os.environ['AIRFLOW_HOME']}"
            )
    Path(os.environ["AIRFLOW_HOME"]).mkdir(parents=True, exist_ok=True)
    return {k: os.environ[k] for k in env}
