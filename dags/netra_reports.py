"""netra_reports: load official case registers and statistics (KASN/BKN, Bawaslu).

Airflow DAG, thin wiring over ``netra.orchestration.reports``:

* ``fetch`` downloads the files listed in ``NETRA_REPORT_URLS`` into the inbox
  (skipped when none are configured; a failed download does not stop the load);
* ``load`` validates and loads every CSV/XLSX file in the inbox
  (``NETRA_REPORTS_INBOX``, default ``$NETRA_HOME/reports-inbox``). Files
  already loaded are recognised by their SHA-256 and change nothing; broken
  rows are kept in ``raw.official_rejects``; a refused file is moved to
  ``refused/`` with the reason and fails the task after the others are loaded.
  When rows were added or changed it marks the official-reports Asset, which
  schedules ``netra_warehouse``.
"""

from __future__ import annotations

from typing import Any

from airflow.sdk import dag, task
from airflow.sdk.exceptions import AirflowSkipException

from netra.config import get_settings
from netra.orchestration import reports
from netra.orchestration.assets import OFFICIAL_REPORTS
from netra.orchestration.defaults import START_DATE, default_args, tags


@dag(
    dag_id="netra_reports",
    schedule=get_settings().reports_schedule,
    start_date=START_DATE,
    catchup=False,
    max_active_runs=1,
    tags=tags("official"),
    default_args=default_args(),
    doc_md=__doc__,
)
def netra_reports() -> None:
    @task
    def fetch() -> list[str]:
        if not get_settings().report_urls:
            raise AirflowSkipException("NETRA_REPORT_URLS is empty: only the inbox is loaded")
        return [str(p) for p in reports.fetch()]

    @task(trigger_rule="all_done", outlets=[OFFICIAL_REPORTS])
    def load() -> dict[str, Any]:
        result = reports.load_inbox()
        if not result.changed:
            raise AirflowSkipException(f"{result.files} file(s) in the inbox, no new or changed rows")
        return result.to_dict()

    fetch() >> load()


netra_reports()
