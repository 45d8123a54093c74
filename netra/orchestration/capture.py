"""Send everything a run prints (Airflow's task logs, dbt, Scrapy subprocesses) to a log file.

Airflow's ``dag.test()`` logs every task to the process' stdout. ``netra demo``
shows a progress line and a summary instead, so while the DAGs run, file
descriptors 1 and 2 point at a log file and the returned console writes to
the terminal the command started with.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console


@contextmanager
def output_to(log_path: Path) -> Iterator[Console]:
    """Redirect stdout and stderr (the file descriptors, so child processes too) into ``log_path``."""
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    sys.stderr.flush()
    saved_out, saved_err = os.dup(1), os.dup(2)
    terminal = os.fdopen(os.dup(saved_out), "w", buffering=1, encoding="utf-8", errors="replace")
    isatty = os.isatty(saved_out)
    with log_path.open("ab") as log:
        os.dup2(log.fileno(), 1)
        os.dup2(log.fileno(), 2)
        try:
            yield Console(file=terminal, force_terminal=isatty or None, highlight=False)
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os.dup2(saved_out, 1)
            os.dup2(saved_err, 2)
            os.close(saved_out)
            os.close(saved_err)
            terminal.close()
