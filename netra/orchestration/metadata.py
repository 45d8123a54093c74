"""Airflow's own state for a local run: its metadata database, the outlet pool, timings.

Everything here imports ``airflow``: call :func:`netra.orchestration.airflow_env.apply`
first so that Airflow reads the local configuration.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from netra.config import Settings
from netra.orchestration.airflow_env import POOL

log = logging.getLogger(__name__)


def prepare(settings: Settings) -> None:
    """Migrate Airflow's metadata database (a no-op when current) and create the outlet pool."""
    from airflow.utils import db

    db.upgradedb()
    ensure_pool(settings)


def ensure_pool(settings: Settings) -> None:
    from airflow.models.pool import Pool

    Pool.create_or_update_pool(
        POOL,
        settings.outlet_pool_slots,
        "outlets crawled at once by netra_news (NETRA_OUTLET_POOL_SLOTS)",
        include_deferred=False,
    )


@dataclass
class TaskTiming:
    """One task instance of a DAG run: its final state and the time spent over all its tries."""

    task_id: str
    map_index: int
    label: str
    state: str | None
    tries: int
    seconds: float
    started: datetime | None
    ended: datetime | None


@dataclass
class DagRunResult:
    """What one DAG run did, from Airflow's metadata database."""

    dag_id: str
    run_id: str
    state: str
    seconds: float
    tasks: list[TaskTiming] = field(default_factory=list)

    @property
    def failed(self) -> list[TaskTiming]:
        return [t for t in self.tasks if t.state in ("failed", "upstream_failed")]

    def to_dict(self) -> dict[str, object]:
        return {
            "dag_id": self.dag_id,
            "run_id": self.run_id,
            "state": self.state,
            "seconds": round(self.seconds, 3),
            "tasks": [
                {
                    "task_id": t.task_id,
                    "map_index": t.map_index,
                    "label": t.label,
                    "state": t.state,
                    "tries": t.tries,
                    "seconds": round(t.seconds, 3),
                }
                for t in self.tasks
            ],
        }


def run_result(dag_id: str, run_id: str) -> DagRunResult:
    """Read a finished DAG run's task instances (and earlier tries) from the metadata database."""
    from airflow.models.dagrun import DagRun
    from airflow.models.taskinstance import TaskInstance
    from airflow.models.taskinstancehistory import TaskInstanceHistory
    from airflow.utils.session import create_session

    with create_session() as session:
        run = session.query(DagRun).filter(DagRun.dag_id == dag_id, DagRun.run_id == run_id).one()
        tis = session.query(TaskInstance).filter(TaskInstance.dag_id == dag_id, TaskInstance.run_id == run_id)
        earlier: dict[tuple[str, int], list[float]] = {}
        for h in session.query(TaskInstanceHistory).filter(
            TaskInstanceHistory.dag_id == dag_id, TaskInstanceHistory.run_id == run_id
        ):
            earlier.setdefault((h.task_id, h.map_index), []).append(float(h.duration or 0.0))
        tasks = []
        for ti in tis:
            previous = earlier.get((ti.task_id, ti.map_index), [])
            label = ti.task_id
            if ti.map_index >= 0:
                label += f"[{ti.rendered_map_index or ti.map_index}]"
            tasks.append(
                TaskTiming(
                    task_id=ti.task_id,
                    map_index=ti.map_index,
                    label=label,
                    state=str(ti.state) if ti.state is not None else None,
                    tries=max(int(ti.try_number or 0), len(previous) + (1 if ti.start_date else 0)),
                    seconds=float(ti.duration or 0.0) + sum(previous),
                    started=ti.start_date,
                    ended=ti.end_date,
                )
            )
        tasks.sort(key=lambda t: (t.started.timestamp() if t.started else float("inf"), t.label))
        started, ended = run.start_date, run.end_date
        seconds = (ended - started).total_seconds() if started and ended else 0.0
        return DagRunResult(dag_id=dag_id, run_id=run_id, state=str(run.state), seconds=seconds, tasks=tasks)


def asset_events(results: list[DagRunResult]) -> int:
    """How many Asset events these DAG runs emitted (what schedules ``netra_warehouse``)."""
    from airflow.models.asset import AssetEvent
    from airflow.utils.session import create_session
    from sqlalchemy import func, select

    if not results:
        return 0
    with create_session() as session:
        return int(
            session.scalar(
                select(func.count())
                .select_from(AssetEvent)
                .where(AssetEvent.source_run_id.in_([r.run_id for r in results]))
            )
            or 0
        )


def last_run_state(dag_id: str) -> str | None:
    """State of the DAG's newest run, or None if it never ran."""
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        state = session.scalar(
            select(DagRun.state).where(DagRun.dag_id == dag_id).order_by(DagRun.id.desc()).limit(1)
        )
    return None if state is None else str(state)
