"""The dbt profile for the configured database, generated from the settings.

With no ``NETRA_DATABASE_URL`` the profile points at the embedded server's Unix
socket; otherwise at the URL's host. The password never lands in the file: the
profile reads it from ``NETRA_DBT_PASSWORD``, which :func:`dbt_env` sets for the
dbt process. The file lives under ``$NETRA_HOME/dbt/`` and is never committed.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml
from sqlalchemy.engine import URL

from netra.config import PROJECT_ROOT, Settings, get_settings
from netra.db.engine import database_url

DBT_PROJECT_DIR = PROJECT_ROOT / "dbt"
PROFILE_NAME = "netra"
PASSWORD_ENV = "NETRA_DBT_PASSWORD"  # noqa: S105 (the name of a variable, not a password)


def dbt_home(settings: Settings | None = None) -> Path:
    """Where the profile, dbt's target (manifest, run results) and logs go."""
    settings = settings or get_settings()
    return settings.home / "dbt"


def _host(url: URL) -> tuple[str, int]:
    host = url.host or url.query.get("host") or "localhost"
    if isinstance(host, tuple):
        host = host[0]
    port = url.port or url.query.get("port") or 5432
    if isinstance(port, tuple):
        port = port[0]
    return str(host), int(port)


def profile(url: URL, threads: int) -> dict:
    """The profiles.yml content for ``url`` (the password left to the environment)."""
    host, port = _host(url)
    output = {
        "type": "postgres",
        "host": host,
        "port": port,
        "user": url.username or "postgres",
        "password": "{{ env_var('" + PASSWORD_ENV + "', '') }}",
        "dbname": url.database,
        "schema": "staging",
        "threads": threads,
        "connect_timeout": 10,
    }
    return {PROFILE_NAME: {"target": "netra", "outputs": {"netra": output}}}


def write_profile(settings: Settings | None = None) -> tuple[Path, URL]:
    """Write ``profiles.yml`` under NETRA_HOME for the configured database; return its folder and URL."""
    settings = settings or get_settings()
    url = database_url(settings)
    folder = dbt_home(settings)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "profiles.yml"
    path.write_text(yaml.safe_dump(profile(url, settings.dbt_threads), sort_keys=False))
    path.chmod(0o600)
    return folder, url


def dbt_env(url: URL) -> dict[str, str]:
    """The environment for a dbt process: ours, plus the password and no usage tracking."""
    env = dict(os.environ)
    env[PASSWORD_ENV] = url.password or ""
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    env.setdefault("DBT_PARTIAL_PARSE", "true")
    return env
