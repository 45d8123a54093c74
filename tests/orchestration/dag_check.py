"""Parse every DAG file the way Airflow's dag-processor does and report what it finds, as JSON.

Run in a subprocess by test_dags_integrity.py, with Airflow configured for a
private home. Socket connects and name lookups are recorded by an audit hook
from the moment the DAG files start importing, so the test can tell whether
importing a DAG opened a network or database connection.
"""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path


def main() -> None:
    from netra.config import get_settings
    from netra.orchestration import airflow_env

    # connection=False: building the Airflow connection would start the embedded server.
    airflow_env.apply(get_settings(), connection=False)
    from airflow.dag_processing.dagbag import DagBag

    events: list[str] = []
    parsing = False

    def hook(event: str, args: tuple) -> None:
        if parsing and event in ("socket.connect", "socket.getaddrinfo", "subprocess.Popen"):
            events.append(f"{event} {args!r}"[:300])

    sys.addaudithook(hook)
    parsing = True
    bag = DagBag(dag_folder=str(airflow_env.DAGS_FOLDER))
    parsing = False

    dags = {}
    for dag_id, dag in bag.dags.items():
        tasks = {}
        for task in dag.tasks:
            tasks[task.task_id] = {
                "retries": task.retries,
                "retry_exponential_backoff": float(task.retry_exponential_backoff or 0),
                "execution_timeout": task.execution_timeout.total_seconds()
                if isinstance(task.execution_timeout, timedelta)
                else None,
                "on_failure_callback": bool(task.on_failure_callback),
                "downstream": sorted(task.downstream_task_ids),
                "pool": task.pool,
            }
        dags[dag_id] = {
            "fileloc": dag.fileloc,
            "tags": sorted(dag.tags or []),
            "catchup": dag.catchup,
            "start_date": dag.start_date.isoformat() if dag.start_date else None,
            "start_tz_offset": dag.start_date.utcoffset().total_seconds() if dag.start_date else None,
            "timetable": type(dag.timetable).__name__,
            "schedule": str(dag.schedule),
            "doc_md": bool(dag.doc_md),
            "tasks": tasks,
        }
    report = {
        "import_errors": {Path(k).name: v for k, v in bag.import_errors.items()},
        "dags": dags,
        "events": events,
    }
    print("DAG_CHECK " + json.dumps(report))


if __name__ == "__main__":
    main()
