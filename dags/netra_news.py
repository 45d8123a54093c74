"""netra_news: crawl every due outlet, then annotate new and changed articles.

Airflow DAG, thin wiring over ``netra.orchestration.news``:

* ``plan`` syncs the source registry into ``raw.sources`` and says which
  sources are due (each has its own ``crawl_frequency_minutes``; the DAG runs
  on ``NETRA_NEWS_SCHEDULE``, hourly by default);
* ``crawl`` is mapped over the sources, one task per outlet in the
  ``netra_outlets`` pool: an outlet that is not due is skipped, an outlet that
  is down fails only its own task;
* ``annotate`` runs once all crawls are done (whatever their outcome) and
  marks the raw-articles Asset when something new was written, which
  schedules ``netra_warehouse``.

Crawls are keyed on the data interval, so a retry or a re-run of the same
interval is idempotent. Params: ``force`` crawls every source now; ``sources``
limits the run to some source names.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import Param, dag, get_current_context, task
from airflow.sdk.exceptions import AirflowSkipException

from netra.config import get_settings
from netra.orchestration import news
from netra.orchestration.airflow_env import POOL
from netra.orchestration.assets import RAW_ARTICLES
from netra.orchestration.defaults import START_DATE, default_args, tags


@dag(
    dag_id="netra_news",
    schedule=get_settings().news_schedule,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("crawl", "nlp"),
    default_args=default_args(),
    doc_md=__doc__,
    params={
        "force": Param(False, type="boolean", description="Crawl every active source, due or not."),
        "sources": Param([], type="array", description="Only these source names (empty: all)."),
    },
)
def netra_news() -> None:
    @task
    def plan() -> list[dict[str, Any]]:
        context = get_current_context()
        at = context.get("data_interval_end") or context["logical_date"]
        params = context["params"]
        return news.plan(at, force=bool(params.get("force")), only=params.get("sources") or None)

    @task(pool=POOL, map_index_template="{{ source_name }}")
    def crawl(slot: dict[str, Any]) -> dict[str, Any]:
        context = get_current_context()
        context["source_name"] = slot["source"]  # type: ignore[typeddict-unknown-key]
        if not slot["due"]:
            raise AirflowSkipException(f"{slot['source']}: {slot['reason']}")
        return news.crawl_source(slot["source"], news.run_key(context, slot["source"]))

    @task(trigger_rule="all_done", outlets=[RAW_ARTICLES])
    def annotate(crawled: list[dict[str, Any] | None]) -> dict[str, Any]:
        counts = news.annotate()
        written = news.wrote_articles(crawled)
        if not written and not counts.get("annotated"):
            raise AirflowSkipException("no new or changed articles: the warehouse has nothing to rebuild")
        return {"articles_written": written, **counts}

    annotate(crawl.expand(slot=plan()))


netra_news()
