"""Faults, on the demo's database after its runs: a dbt model that fails, an outlet that is down,
the database restarting mid-run. Each time the run records which task failed and why, and a
re-run completes without duplicates or loss.

The DAGs run through tests/orchestration/pipeline_driver.py (dag.test() in a subprocess), which
can stop and restart the database server between two tasks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from netra.db import embedded
from tests.orchestration.conftest import DemoRun
from tests.orchestration.helpers import HERE, base_env, connect, run_python, snapshot, tagged_json

pytestmark = pytest.mark.slow

DRIVER = str(HERE / "pipeline_driver.py")
BROKEN_MODEL = "stg_official__cases"
BROKEN_COLUMN = ("official_cases", "rekomendasi")  # read by stg_official__cases


def drive(home: Path, args: list[str], log: str, **env: str) -> list[dict]:
    proc = run_python([DRIVER, *args], base_env(home, **env), timeout=900, log=home / f"{log}.out")
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return tagged_json(proc.stdout, "PIPELINE_RESULT")


def descendants(manifest: Path, model: str) -> set[str]:
    """The model and every model downstream of it, by name, from dbt's manifest."""
    children = json.loads(manifest.read_text())["child_map"]
    found, todo = {model}, [f"model.netra.{model}"]
    while todo:
        for child in children.get(todo.pop(), []):
            if child.startswith("model.") and child.split(".")[-1] not in found:
                found.add(child.split(".")[-1])
                todo.append(child)
    return found


def only_these_models(models: set[str]) -> str:
    """A mark-success pattern: every task except these models' builds and the tests that name them."""
    names = "|".join(sorted(models, key=len, reverse=True))
    return rf"(?!dbt\.(?:{names})_model_build$)(?!dbt\..*(?:{names}).*_test$).*"


def test_a_failing_dbt_model_is_recorded_and_a_rerun_completes(
    first_run: DemoRun, second_run: DemoRun
) -> None:
    home = first_run.home
    models = descendants(home / "dbt" / "cosmos" / "manifest.json", BROKEN_MODEL)
    assert "fct_media_cases" in models, models
    pattern = only_these_models(models)
    assert re.fullmatch(pattern, "dbt.fct_media_cases_model_build") is None
    assert re.fullmatch(pattern, "dbt.dim_region_model_build") is not None
    table, column = BROKEN_COLUMN
    with connect(home) as conn:  # schema drift: the column the staging model reads is gone
        conn.execute(f"alter table raw.{table} rename column {column} to {column}_gone")
    try:
        [broken] = drive(
            home,
            ["--dag", "netra_warehouse", "--mark-success", pattern],
            "dbt-broken",
            NETRA_TASK_RETRIES="1",
        )
    finally:
        with connect(home) as conn:
            conn.execute(f"alter table raw.{table} rename column {column}_gone to {column}")
    states = {t["label"]: (t["state"], t["tries"]) for t in broken["tasks"]}
    assert broken["state"] == "failed"
    assert states[f"dbt.{BROKEN_MODEL}_model_build"] == ("failed", 2)
    assert states["dbt.fct_media_cases_model_build"][0] == "upstream_failed"
    assert states["dbt.dim_region_model_build"][0] == "success"  # marked, not rebuilt
    failures = [f for f in snapshot(home)["task_failures"] if f[1] == f"dbt.{BROKEN_MODEL}_model_build"]
    assert [f[3] for f in failures] == [1, 2], "both tries are recorded"
    assert all(column in f[4] and "does not exist" in f[4] for f in failures), failures[0][4]

    [fixed] = drive(home, ["--dag", "netra_warehouse", "--mark-success", pattern], "dbt-fixed")
    assert fixed["state"] == "success", [t for t in fixed["tasks"] if t["state"] != "success"]
    ran = {t["label"] for t in fixed["tasks"] if t["seconds"] > 0}
    assert f"dbt.{BROKEN_MODEL}_model_build" in ran and "dbt.fct_media_cases_model_build" in ran
    after = snapshot(home)
    assert after["marts"] == first_run.snapshot["marts"]
    assert after["media_case_keys"] == first_run.snapshot["media_case_keys"]


def _registry(path: Path, keep: list[str]) -> Path:
    """The demo registry cut to ``keep``, plus an outlet whose host answers every request with 502."""
    from netra.demo.sites import DEMO_REGISTRY

    sources = yaml.safe_load(DEMO_REGISTRY.read_text())["sources"]
    chosen = [s for s in sources if s["name"] in keep]
    down = json.loads(json.dumps(chosen[0]).replace(chosen[0]["domain"], "downsite.example"))
    down.update(name="downsite", outlet="Down Site", domain="downsite.example")
    path.write_text(yaml.safe_dump({"sources": [*chosen, down]}, sort_keys=False))
    return path


def test_outlet_down_and_database_restart_fail_only_their_tasks_and_rerun_is_clean(
    first_run: DemoRun, second_run: DemoRun, tmp_path: Path
) -> None:
    home = first_run.home
    keep = ["suarawarga", "antaranusa"]
    expected = {s: first_run.snapshot["articles_by_source"][s] for s in keep}
    registry = _registry(tmp_path / "sources.yml", keep)
    # Forget one outlet entirely, so that its articles must be crawled again after the restart.
    with connect(home) as conn:
        conn.execute("delete from raw.articles where source_name = 'antaranusa'")
        conn.execute("delete from raw.pages where source_name = 'antaranusa'")
        conn.execute("update raw.sources set watermark = null where name = 'antaranusa'")
    server = embedded.status(home)
    assert server is not None
    # Through NETRA_DATABASE_URL nothing restarts the server on demand: the tasks meet it down.
    # Retries after 1, 2 and 4 seconds outlast the 4 s outage.
    env = {"NETRA_DATABASE_URL": server.url("netra"), "NETRA_TASK_RETRIES": "3"}
    args = ["--dag", "netra_news", "--demo-sites", "--registry", str(registry)]
    conf = json.dumps({"netra_news": {"force": True}})
    [run] = drive(
        home,
        [*args, "--conf", conf, "--restart-db-after-first-crawl", "--db-home", str(home)],
        "restart",
        **env,
    )
    crawls = {t["label"]: t for t in run["tasks"] if t["task_id"] == "crawl"}
    assert crawls["crawl[downsite]"]["state"] == "failed"
    others = [crawls[f"crawl[{s}]"] for s in keep]
    assert all(t["state"] == "success" for t in others)
    assert max(t["tries"] for t in others) >= 2, "no crawl met the stopped database"
    annotate = next(t for t in run["tasks"] if t["task_id"] == "annotate")
    assert annotate["state"] == "success"

    after = snapshot(home)
    recorded = {(f[1], f[2], f[3]): f[4] for f in after["task_failures"] if f[0] == "netra_news"}
    down_index = crawls["crawl[downsite]"]["map_index"]
    last_try = crawls["crawl[downsite]"]["tries"]
    assert "nothing could be crawled" in recorded[("crawl", down_index, last_try)]
    db_errors = [e for e in recorded.values() if "PostgreSQL" in e or "connection" in e.lower()]
    assert db_errors, f"the database outage was not recorded: {recorded}"
    assert not (home / "logs" / "task_failures.jsonl").exists(), "spooled failures were not written"
    assert {s: after["articles_by_source"][s] for s in keep} == expected, "articles lost or duplicated"
    with connect(home) as conn:
        unannotated = conn.execute(
            "select count(*) from raw.articles a where not exists"
            " (select 1 from raw.annotations n where n.article_id = a.article_id"
            "  and n.content_hash = a.content_hash)"
        ).fetchone()[0]
    assert unannotated == 0

    [rerun] = drive(home, [*args, "--conf", conf], "restart-rerun", **{**env, "NETRA_TASK_RETRIES": "0"})
    assert {t["label"]: t["state"] for t in rerun["tasks"] if t["task_id"] == "crawl"} == {
        "crawl[suarawarga]": "success",
        "crawl[antaranusa]": "success",
        "crawl[downsite]": "failed",
    }
    again = snapshot(home)
    for part in ("raw", "fingerprints", "articles_by_source"):
        assert again[part] == after[part], part
