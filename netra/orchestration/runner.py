"""Run Netra's DAGs once each, in this process, with Airflow's ``dag.test()``.

This is what ``netra demo`` and the end-to-end tests do: real Airflow (its
scheduler loop, retries, callbacks, mapped tasks, Cosmos' dbt tasks) against
a local SQLite metadata database, without starting any Airflow service.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from netra.config import Settings, get_settings
from netra.orchestration import airflow_env
from netra.orchestration.metadata import DagRunResult

log = logging.getLogger(__name__)

PIPELINE = ("netra_news", "netra_reports", "netra_warehouse")


def setup(settings: Settings | None = None) -> None:
    """Configure Airflow for this process, migrate its metadata database, create the pool,
    and write the dbt profile and manifest (``dag.test()`` parses every DAG file)."""
    settings = settings or get_settings()
    airflow_env.apply(settings)
    from netra.orchestration import metadata, warehouse

    metadata.prepare(settings)
    warehouse.prepare(settings)


def load_dag(dag_id: str) -> Any:
    """Parse one DAG file (the file is named after its DAG) and return the DAG."""
    from airflow.dag_processing.dagbag import DagBag

    path = airflow_env.DAGS_FOLDER / f"{dag_id}.py"
    bag = DagBag(dag_folder=str(path))
    if bag.import_errors:
        raise RuntimeError(f"{path.name} does not import: {next(iter(bag.import_errors.values()))}")
    dag = bag.get_dag(dag_id)
    if dag is None:
        raise RuntimeError(f"{path.name} defines no DAG named {dag_id}")
    return dag


def run_dag(
    dag_id: str, conf: Mapping[str, Any] | None = None, *, mark_success_pattern: str | None = None
) -> DagRunResult:
    """One run of ``dag_id`` with ``dag.test()``; returns its state and per-task timings.

    ``mark_success_pattern`` (a regex on task ids) marks matching tasks successful without
    running them, like clearing only some tasks of a run in the UI.
    """
    from netra.orchestration.metadata import run_result

    dag = load_dag(dag_id)
    # Cosmos runs gc.collect() after every dbt task; in one long process that walks every object
    # Airflow, dbt and spaCy ever loaded (a second a task). Frozen objects are skipped.
    gc.collect()
    gc.freeze()
    started = time.perf_counter()
    run = dag.test(
        run_conf=dict(conf or {}), logical_date=datetime.now(UTC), mark_success_pattern=mark_success_pattern
    )
    elapsed = time.perf_counter() - started
    result = run_result(dag_id, run.run_id)
    # dag.test's own clock includes parsing and syncing the DAG; report the wall time around it.
    result.seconds = elapsed
    return result


def warehouse_due(upstream: list[DagRunResult]) -> tuple[bool, str]:
    """Whether ``netra_warehouse`` would run now: an upstream run marked one of its Assets, or
    its own last run did not succeed (or never happened)."""
    from netra.orchestration.metadata import asset_events, last_run_state

    events = asset_events(upstream)
    if events:
        return True, f"{events} new Asset event(s) from {', '.join(r.dag_id for r in upstream)}"
    state = last_run_state("netra_warehouse")
    if state != "success":
        return True, "its last run did not succeed" if state else "it never ran"
    return False, "no new articles or official records since its last successful run"


def run_pipeline(
    conf: Mapping[str, Mapping[str, Any]] | None = None,
    on_done: Callable[[DagRunResult], None] | None = None,
    on_skip: Callable[[str, str], None] | None = None,
) -> list[DagRunResult]:
    """netra_news and netra_reports once each, then netra_warehouse as its Asset schedule would.

    A failed DAG run does not stop the next one.
    """
    results: list[DagRunResult] = []
    for dag_id in PIPELINE:
        if dag_id == "netra_warehouse":
            due, reason = warehouse_due(results)
            if not due:
                if on_skip is not None:
                    on_skip(dag_id, reason)
                continue
        result = run_dag(dag_id, (conf or {}).get(dag_id))
        results.append(result)
        if on_done is not None:
            on_done(result)
    return results
