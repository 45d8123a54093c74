"""The README's main command end to end: `netra demo` on the embedded default, run twice.

Real embedded PostgreSQL, real Airflow (dag.test() against its own SQLite
metadata database), real Scrapy against the offline demo sites on 127.0.0.1,
the real NLP pipeline, the real dbt project through Cosmos.
"""

from __future__ import annotations

import pytest

from tests.orchestration.conftest import DemoRun

pytestmark = pytest.mark.slow

DEMO_SOURCES = {"tribunnusa", "detakdaerah", "suarawarga", "radarpesisir", "kabarborneo", "antaranusa"}
CORE_MARTS = {"fct_media_cases", "fct_media_case_articles", "fct_case_links", "fct_official_cases"}


def test_demo_runs_each_dag_once_and_every_task_succeeds(first_run: DemoRun) -> None:
    assert first_run.returncode == 0, first_run.stdout[-4000:] + first_run.stderr[-4000:]
    assert list(first_run.dags) == ["netra_news", "netra_reports", "netra_warehouse"]
    for dag_id, dag in first_run.dags.items():
        assert dag["state"] == "success", dag_id
        bad = [t["label"] for t in dag["tasks"] if t["state"] not in ("success", "skipped")]
        assert bad == [], f"{dag_id}: {bad}"
    assert first_run.snapshot["task_failures"] == []


def test_each_outlet_is_its_own_mapped_crawl_task(first_run: DemoRun) -> None:
    crawls = [t for t in first_run.dags["netra_news"]["tasks"] if t["task_id"] == "crawl"]
    assert {t["label"] for t in crawls} == {f"crawl[{s}]" for s in DEMO_SOURCES}
    assert sorted(t["map_index"] for t in crawls) == list(range(len(DEMO_SOURCES)))
    assert set(first_run.snapshot["articles_by_source"]) == DEMO_SOURCES
    assert all(n > 0 for n in first_run.snapshot["articles_by_source"].values())


def test_the_warehouse_runs_a_task_per_model_after_source_freshness(first_run: DemoRun) -> None:
    tasks = first_run.dags["netra_warehouse"]["tasks"]
    labels = [t["label"] for t in tasks]
    models = [x for x in labels if x.endswith("_model_build")]
    assert len(models) >= 20 and "dbt.fct_media_cases_model_build" in models
    freshness = [x for x in labels if x.endswith("_source")]
    assert freshness, "no source freshness check ran"
    started = {t["label"]: i for i, t in enumerate(tasks)}  # tasks are listed in start order
    assert (
        max(started[f] for f in freshness if "news_articles" in f)
        < started["dbt.stg_news__articles_model_build"]
    )


def test_demo_fills_every_mart(first_run: DemoRun) -> None:
    marts = first_run.snapshot["marts"]
    assert CORE_MARTS <= set(marts)
    empty = [m for m, rows in marts.items() if rows == 0]
    assert empty == [], f"empty marts after the demo: {empty}"
    raw = first_run.snapshot["raw"]
    assert raw["articles"] > 100 and raw["annotations"] >= raw["articles"]
    assert raw["official_cases"] > 0 and raw["report_files"] >= 2


def test_demo_prints_the_summary_where_to_look_and_wall_time_by_task(first_run: DemoRun) -> None:
    out = first_run.stdout
    for needed in (
        "articles crawled",
        "cases found in the news",
        "cases linked to official records",
        "Where to look",
        "psql",
        "marts.fct_media_cases",
        "review app",
        "Wall time by DAG and task",
        "crawl[tribunnusa]",
        "dbt.fct_media_cases_model_build",
        "total (the whole command)",
    ):
        assert needed in out, f"{needed!r} missing from the demo's output"
    summary = first_run.report["summary"]
    assert summary["media_cases"] == first_run.snapshot["marts"]["fct_media_cases"] > 0
    assert 0 < summary["linked_cases"] <= summary["media_cases"]
    assert first_run.report["wall_seconds"] >= sum(d["seconds"] for d in first_run.report["dags"])


def test_a_second_run_adds_nothing(first_run: DemoRun, second_run: DemoRun) -> None:
    assert second_run.returncode == 0, second_run.stdout[-4000:] + second_run.stderr[-4000:]
    news = second_run.dags["netra_news"]
    crawls = [t for t in news["tasks"] if t["task_id"] == "crawl"]
    assert len(crawls) == len(DEMO_SOURCES) and all(t["state"] == "success" for t in crawls), "not re-crawled"
    # Nothing new: annotate marks no Asset, nor does the report load, so the warehouse is not triggered.
    states = {t["task_id"]: t["state"] for t in news["tasks"] if t["task_id"] != "crawl"}
    assert states == {"plan": "success", "annotate": "skipped"}
    assert {t["task_id"]: t["state"] for t in second_run.dags["netra_reports"]["tasks"]} == {
        "fetch": "skipped",
        "load": "skipped",
    }
    assert "netra_warehouse" in second_run.report["not_triggered"]
    for part in ("raw", "fingerprints", "marts", "media_case_keys", "articles_by_source"):
        assert second_run.snapshot[part] == first_run.snapshot[part], part
    assert second_run.snapshot["task_failures"] == []
