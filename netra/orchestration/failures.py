"""Task failures: recorded in ``raw.task_failures`` and, when configured, sent to a webhook.

Airflow calls :func:`on_task_failure` (and :func:`on_task_retry`) with the task's
context. A failure is recorded even when the database is the thing that failed:
the record then waits in a spool file under ``$NETRA_HOME/logs`` and is written
by the next callback or task that reaches the database. Records are keyed on
(dag, task, run, map index, try), so writing one twice changes nothing.
"""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import fasteners

from netra.config import Settings, get_settings

log = logging.getLogger(__name__)

# Long tracebacks are kept in Airflow's task log; the table holds enough to say why.
MAX_ERROR_CHARS = 4000


@dataclass(frozen=True)
class Failure:
    """One failed try of one task instance."""

    dag_id: str
    task_id: str
    run_id: str
    map_index: int
    try_number: int
    error: str
    failed_at: str
    will_retry: bool = False

    @property
    def label(self) -> str:
        index = f"[{self.map_index}]" if self.map_index >= 0 else ""
        return f"{self.dag_id}.{self.task_id}{index} (run {self.run_id}, try {self.try_number})"


def describe_exception(exc: BaseException | str | None) -> str:
    """One readable line (type and message), then the innermost frames, capped."""
    if exc is None:
        return "task failed (no exception was given: killed, timed out or marked failed)"
    if isinstance(exc, str):
        return exc[:MAX_ERROR_CHARS]
    head = f"{type(exc).__name__}: {exc}".strip()
    frames = traceback.format_exception(type(exc), exc, exc.__traceback__)
    tail = "".join(frames[-3:]) if exc.__traceback__ is not None else ""
    text = head if not tail else f"{head}\n{tail}"
    return text[:MAX_ERROR_CHARS]


def failure_from_context(context: Mapping[str, Any], *, will_retry: bool = False) -> Failure:
    """Build a :class:`Failure` from an Airflow callback context."""
    ti = context["ti"]
    map_index = getattr(ti, "map_index", -1)
    return Failure(
        dag_id=str(ti.dag_id),
        task_id=str(ti.task_id),
        run_id=str(context.get("run_id") or ti.run_id),
        map_index=-1 if map_index is None else int(map_index),
        try_number=int(getattr(ti, "try_number", 1) or 1),
        error=describe_exception(context.get("exception")),
        failed_at=datetime.now(UTC).isoformat(),
        will_retry=will_retry,
    )


def _spool(settings: Settings) -> Path:
    return settings.home / "logs" / "task_failures.jsonl"


def _spool_lock(settings: Settings) -> fasteners.InterProcessLock:
    path = _spool(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    return fasteners.InterProcessLock(str(path) + ".lock")


def _write(failures: list[Failure], settings: Settings) -> None:
    import sqlalchemy as sa
    from sqlalchemy.dialects.postgresql import insert

    from netra.db import schema
    from netra.db.engine import get_engine

    rows = [
        {
            "dag_id": f.dag_id,
            "task_id": f.task_id,
            "run_id": f.run_id,
            "map_index": f.map_index,
            "try_number": f.try_number,
            "failed_at": datetime.fromisoformat(f.failed_at),
            "error": ("[will retry] " if f.will_retry else "") + f.error,
        }
        for f in failures
    ]
    engine = get_engine(settings)
    with engine.begin() as conn:
        conn.execute(sa.text("set local statement_timeout = '10s'"))
        conn.execute(
            insert(schema.task_failures)
            .values(rows)
            .on_conflict_do_nothing(index_elements=["dag_id", "task_id", "run_id", "map_index", "try_number"])
        )


def drain_spool(settings: Settings | None = None) -> int:
    """Write failures that waited in the spool (the database was down) and empty it."""
    settings = settings or get_settings()
    path = _spool(settings)
    if not path.exists():
        return 0
    with _spool_lock(settings):
        lines = [line for line in path.read_text().splitlines() if line.strip()]
        if not lines:
            return 0
        waiting = [Failure(**json.loads(line)) for line in lines]
        _write(waiting, settings)
        path.unlink()
    log.info("wrote %d spooled task failure(s) to raw.task_failures", len(waiting))
    return len(waiting)


def record(failure: Failure, settings: Settings | None = None) -> bool:
    """Write the failure to the database; spool it when that is impossible. True if written."""
    settings = settings or get_settings()
    try:
        _write([failure], settings)
    except Exception as exc:  # the database may be what failed: never lose the record
        log.warning("database unavailable (%s); spooling failure of %s", exc, failure.label)
        with _spool_lock(settings):
            with _spool(settings).open("a") as fh:
                fh.write(json.dumps(asdict(failure)) + "\n")
        return False
    try:
        drain_spool(settings)
    except Exception as exc:
        log.warning("could not drain the failure spool yet: %s", exc)
    return True


def notify(failure: Failure, settings: Settings | None = None) -> bool:
    """POST the failure to NETRA_ALERT_WEBHOOK_URL (when set). True if it was delivered."""
    settings = settings or get_settings()
    if settings.alert_webhook_url is None:
        return False
    import httpx

    first_line = failure.error.splitlines()[0] if failure.error else ""
    body = {**asdict(failure), "text": f"Netra task failed: {failure.label}: {first_line}"}
    try:
        response = httpx.post(settings.alert_webhook_url.get_secret_value(), json=body, timeout=10)
        response.raise_for_status()
    except httpx.HTTPError as exc:
        log.warning("alert webhook failed for %s: %s", failure.label, exc)
        return False
    return True


def on_task_failure(context: Mapping[str, Any]) -> None:
    """Airflow ``on_failure_callback``: the task failed for good (no retries left)."""
    failure = failure_from_context(context)
    log.error("task failed: %s: %s", failure.label, failure.error.splitlines()[0])
    record(failure)
    notify(failure)


def on_task_retry(context: Mapping[str, Any]) -> None:
    """Airflow ``on_retry_callback``: the try failed and will be retried; record it, do not alert."""
    failure = failure_from_context(context, will_retry=True)
    log.warning("task will retry: %s: %s", failure.label, failure.error.splitlines()[0])
    record(failure)
