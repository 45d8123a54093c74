"""How `netra build --daily` decides what to build: the saved state, the freshness results, the
database it runs on. (The daily run itself, against a full rebuild, is in test_warehouse_build.py.)
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sqlalchemy as sa

from netra.cli.build import (
    daily_selection,
    empty_source_seconds,
    freshness_complete,
    missing_relations,
    save_state,
    settle_empty_sources,
)

EMPTY = empty_source_seconds()


def _result(source: str, max_loaded_at: str | None, age: float) -> dict:
    result = {"unique_id": f"source.netra.{source}", "max_loaded_at_time_ago_in_s": age, "status": "warn"}
    if max_loaded_at is not None:
        result["max_loaded_at"] = max_loaded_at
    return result


def _sources(folder: Path, *results: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.json").write_text(json.dumps({"metadata": {}, "results": list(results)}))


def _manifest(folder: Path, *relations: tuple[str, str]) -> None:
    nodes = {
        f"model.netra.{alias}": {
            "resource_type": "model",
            "schema": schema,
            "alias": alias,
            "config": {"materialized": "table"},
        }
        for schema, alias in relations
    }
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"nodes": nodes}))


def test_a_source_empty_then_and_now_is_not_fresher(tmp_path: Path) -> None:
    target, state = tmp_path / "target", tmp_path / "state"
    _sources(
        state,
        _result("review.review_decisions", "2026-01-01T00:00:00+00:00", EMPTY),
        _result("news.articles", "2026-01-03T00:00:00+00:00", 60.0),
        _result("official.official_statistics", "2026-01-02T00:00:00+00:00", 120.0),
    )
    _sources(
        target,
        # Still empty: its synthetic load time moved with the clock.
        _result("review.review_decisions", "2026-01-05T00:00:00+00:00", EMPTY),
        _result("news.articles", "2026-01-05T00:00:00+00:00", 60.0),
        # Emptied since (had rows before): left as dbt reported it.
        _result("official.official_statistics", "2026-01-04T00:00:00+00:00", EMPTY),
    )
    assert settle_empty_sources(target, state) == ["source.netra.review.review_decisions"]
    current = {
        r["unique_id"]: r["max_loaded_at"]
        for r in json.loads((target / "sources.json").read_text())["results"]
    }
    assert current == {
        "source.netra.review.review_decisions": "2026-01-01T00:00:00+00:00",
        "source.netra.news.articles": "2026-01-05T00:00:00+00:00",
        "source.netra.official.official_statistics": "2026-01-04T00:00:00+00:00",
    }


def test_a_failed_freshness_query_makes_freshness_incomplete(tmp_path: Path) -> None:
    assert not freshness_complete(tmp_path)  # no results at all
    _sources(tmp_path, _result("news.articles", "2026-01-05T00:00:00+00:00", 60.0))
    assert freshness_complete(tmp_path)
    _sources(
        tmp_path,
        _result("news.articles", "2026-01-05T00:00:00+00:00", 60.0),
        _result("nlp.annotations", None, 0.0),  # dbt's runtime error: no max_loaded_at
    )
    assert not freshness_complete(tmp_path)


def test_daily_selection_builds_everything_unless_the_state_fits_the_database(
    tmp_path: Path, engine: sa.Engine
) -> None:
    target, state = tmp_path / "target", tmp_path / "state"
    _sources(target, _result("news.articles", "2026-01-05T00:00:00+00:00", 60.0))
    assert daily_selection(target, state, engine) == ["build"]  # nothing saved yet

    _manifest(target, ("raw", "articles"), ("marts", "fct_media_cases"))
    save_state(target, state)
    assert sorted(p.name for p in state.iterdir()) == ["manifest.json", "sources.json"]
    # The saved build's marts are not in this database (another database, or dropped).
    assert missing_relations(engine, state / "manifest.json") == ["marts.fct_media_cases"]
    assert daily_selection(target, state, engine) == ["build"]

    _manifest(target, ("raw", "articles"), ("raw", "annotations"))
    save_state(target, state)
    assert missing_relations(engine, state / "manifest.json") == []
    assert daily_selection(target, state, engine) == ["build", "--selector", "daily", "--state", str(state)]

    _sources(target, _result("news.articles", None, 0.0))
    assert daily_selection(target, state, engine) == ["build"]  # a source's freshness unknown


def test_daily_decides_its_own_selection(netra_env: dict[str, str]) -> None:
    for extra in (["--select", "fct_media_cases"], ["--full-refresh"], ["--no-freshness"]):
        proc = subprocess.run(
            [sys.executable, "-m", "netra", "build", "--daily", *extra],
            env={**netra_env, "COLUMNS": "200"},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "--daily decides the selection itself" in proc.stdout
