"""netra_warehouse: build the dbt warehouse whenever new articles or official records land.

Airflow DAG scheduled on the raw-articles and official-reports Assets (either
one triggers a run). The dbt project (``dbt/``) is rendered by astronomer-cosmos
from dbt's manifest: each model is a task followed by a task running its tests,
and each source with a freshness rule is checked before the models that read
it, so a failing model is visible, and retryable, on its own. The profile is
the one ``netra build`` uses, generated from the NETRA_* settings. Models are
idempotent rebuilds (tables, views, incremental merges on their keys), so a
re-run of the same run changes nothing.
"""

from __future__ import annotations

from airflow.sdk import dag

from netra.orchestration import warehouse
from netra.orchestration.assets import OFFICIAL_REPORTS, RAW_ARTICLES
from netra.orchestration.defaults import START_DATE, default_args, tags


@dag(
    dag_id="netra_warehouse",
    schedule=(RAW_ARTICLES | OFFICIAL_REPORTS),
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("dbt", "warehouse"),
    default_args=default_args(),
    doc_md=__doc__,
)
def netra_warehouse() -> None:
    warehouse.task_group("dbt")


netra_warehouse()
