"""Source freshness on a fresh install: empty raw tables warn (nothing loaded yet), never error.

Cosmos runs each source's freshness as a task before the models that read it, so an error there
would stop a first run; a stale source that has rows still errors as before.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from netra.db import migrate


def _freshness(database_url: str, netra_env: dict[str, str], home: Path) -> tuple[int, dict[str, str]]:
    env = {**netra_env, "NETRA_DATABASE_URL": database_url, "NETRA_HOME": str(home)}
    code = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from netra.cli.build import InProcessDbt; sys.exit(InProcessDbt().invoke(['source', 'freshness']))",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    ).returncode
    results = json.loads((home / "dbt" / "target" / "sources.json").read_text())["results"]
    return code, {r["unique_id"].removeprefix("source.netra."): r["status"] for r in results}


def test_empty_sources_warn_and_stale_sources_still_error(
    database_url: str, netra_env: dict[str, str], tmp_path: Path
) -> None:
    engine = sa.create_engine(database_url)
    migrate.upgrade(engine)
    code, statuses = _freshness(database_url, netra_env, tmp_path)
    assert code == 0, statuses
    assert statuses["news.articles"] == "warn" and statuses["nlp.annotations"] == "warn"
    assert "error" not in statuses.values() and "runtime error" not in statuses.values()

    # One article loaded 20 days ago: its table is stale, not empty, and errors (error_after 14 days).
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "insert into raw.articles (canonical_url, title, text, content_hash, updated_at) "
                "values ('https://contoh.example/a', 't', 'x', 'h', now() - interval '20 days')"
            )
        )
    engine.dispose()
    code, statuses = _freshness(database_url, netra_env, tmp_path)
    assert code != 0
    assert statuses["news.articles"] == "error"
    assert statuses["nlp.annotations"] == "warn"
