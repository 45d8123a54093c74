"""A live progress line for the DAG run in progress, read from Airflow's SQLite metadata database.

``dag.test()`` runs the tasks in the calling thread; a watcher thread reads the
task states of the newest DAG run twice a second and shows how many tasks are
done and which are running. Read-only and best effort: a locked or
not-yet-created database just means no update this time.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rich.console import Console

FINISHED = {"success", "failed", "skipped", "upstream_failed", "removed"}

_QUERY = """
with newest as (select dag_id, run_id from dag_run order by id desc limit 1)
select ti.dag_id, ti.task_id, ti.map_index, ti.rendered_map_index, ti.state
from task_instance ti join newest using (dag_id, run_id)
"""


def snapshot(db_path: Path) -> tuple[str, int, int, list[str]]:
    """(DAG id, finished tasks, all tasks, labels of running tasks) of the newest DAG run."""
    with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=0.5) as conn:
        rows = conn.execute(_QUERY).fetchall()
    running = [
        task_id + (f"[{rendered or index}]" if index >= 0 else "")
        for _, task_id, index, rendered, state in rows
        if state == "running"
    ]
    dag_id = rows[0][0] if rows else ""
    return dag_id, sum(1 for r in rows if r[4] in FINISHED), len(rows), running


@contextmanager
def watch_pipeline(console: Console, db_path: Path) -> Iterator[None]:
    """Show ``netra_news: 3/8 tasks done · crawl[tribunnusa]`` until the block ends."""
    stop = threading.Event()
    with console.status("starting…") as status:

        def poll() -> None:
            while not stop.wait(0.5):
                try:
                    dag_id, done, total, running = snapshot(db_path)
                except sqlite3.Error:
                    continue
                if not dag_id:
                    continue
                now = ", ".join(running[:2]) + (" …" if len(running) > 2 else "")
                status.update(f"{dag_id}: {done}/{total} tasks done" + (f" · {now}" if now else ""))

        thread = threading.Thread(target=poll, name="progress", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=2)
