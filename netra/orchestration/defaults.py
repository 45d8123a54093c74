"""What every Netra DAG shares: start date, tags, retries with backoff, timeouts, callbacks.

Read from the settings when a DAG file is parsed; reading settings touches
only environment variables, never a database or the network.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from netra.config import Settings, get_settings
from netra.orchestration import failures

# A fixed date in the past: with catchup=False the scheduler starts from the latest interval.
START_DATE = datetime(2024, 1, 1, tzinfo=UTC)
OWNER = "netra"


def default_args(settings: Settings | None = None) -> dict[str, Any]:
    """``default_args`` for every task: retries with exponential backoff, a timeout, failure records."""
    settings = settings or get_settings()
    return {
        "owner": OWNER,
        "retries": settings.task_retries,
        "retry_delay": timedelta(seconds=settings.task_retry_delay_seconds),
        "retry_exponential_backoff": 2.0,
        "max_retry_delay": timedelta(seconds=settings.task_max_retry_delay_seconds),
        "execution_timeout": timedelta(minutes=settings.task_timeout_minutes),
        "on_failure_callback": failures.on_task_failure,
        "on_retry_callback": failures.on_task_retry,
    }


def tags(*extra: str) -> list[str]:
    return ["netra", *extra]
