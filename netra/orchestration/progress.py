"""A live progress line for a DAG run, read from Airflow's SQLite metadata database.

``dag.test()`` runs the tasks in the calling thread; a watcher thread reads the
task states of the newest run of the DAG twice a second and shows how many
tasks are done and which are running. Read-only and best effort: a locked or
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
select ti.task_id, ti.map_index, ti.rendered_map_index, ti.state
from task_instance ti
where ti.dag_id = ? and ti.run_id = (
    select run_id from dag_run where dag_id = ? order by id desc limit 1
)
"""


def snapshot(db_path: Path, dag_id: str) -> tuple[int, int, list[str]]:
    """(finished tasks, all tasks, labels of running tasks) of the DAG's newest run."""
    uri = f"file:{db_path}?mode=ro"
    with sqlite3.connect(uri, uri=True, timeout=0.5) as conn:
        rows = conn.execute(_QUERY, (dag_id, dag_id)).fetchall()
    running = [
        task_id + (f"[{rendered or index}]" if index >= 0 else "")
        for task_id, index, rendered, state in rows
        if state == "running"
    ]
    return sum(1 for r in rows if r[3] in FINISHED), len(rows), running


@contextmanager
def watch(console: Console, db_path: Path, dag_id: str) -> Iterator[None]:
    """Show ``dag_id: 12/40 tasks done · running …`` until the block ends."""
    stop = threading.Event()
    with console.status(f"{dag_id}: starting…") as status:

        def poll() -> None:
            while not stop.wait(0.5):
                try:
                    done, total, running = snapshot(db_path, dag_id)
                except sqlite3.Error:
                    continue
                now = ", ".join(running[:3]) + (" …" if len(running) > 3 else "")
                status.update(f"{dag_id}: {done}/{total} tasks done" + (f" · {now}" if now else ""))

        thread = threading.Thread(target=poll, name=f"progress-{dag_id}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join(timeout=2)
