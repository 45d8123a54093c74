"""Run some of Netra's DAGs with ``dag.test()`` in this process, optionally with a fault, and
print what happened as JSON (a ``PIPELINE_RESULT`` line).

Used by test_pipeline_faults.py in a subprocess, with a private NETRA_HOME:

    python tests/orchestration/pipeline_driver.py --dag netra_news [--demo-sites]
        [--registry FILE] [--conf JSON] [--mark-success REGEX]
        [--restart-db-after-first-crawl --db-home DIR]

``--restart-db-after-first-crawl`` stops the database server (an embedded
server under ``--db-home``, reached through NETRA_DATABASE_URL so nothing
restarts it on demand) as soon as the first crawl task has finished, and starts
it again a few seconds later: the next tasks meet a database that is down.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
import time
from contextlib import ExitStack
from pathlib import Path


def _restart_after_first_crawl(db_home: Path, downtime: float) -> None:
    """Wrap the crawl task's function: after the first crawl, stop the server, restart it later."""
    from netra.db import embedded
    from netra.orchestration import news

    real = news.crawl_source
    state = {"stopped": False}

    def crawl_then_stop(name: str, key: str) -> dict:
        result = real(name, key)
        if not state["stopped"]:
            state["stopped"] = True
            from netra.db.engine import reset_engines

            reset_engines()
            embedded.stop(db_home)
            print(f"FAULT database stopped after crawling {name}", flush=True)

            def restart() -> None:
                time.sleep(downtime)
                embedded.start(db_home, "netra")
                print("FAULT database started again", flush=True)

            threading.Thread(target=restart, daemon=True).start()
        return result

    news.crawl_source = crawl_then_stop


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dag", action="append", required=True)
    parser.add_argument("--conf", default="{}", help="JSON: {dag_id: conf}")
    parser.add_argument("--demo-sites", action="store_true")
    parser.add_argument("--registry", type=Path)
    parser.add_argument("--mark-success", help="regex of task ids to mark successful, not run")
    parser.add_argument("--restart-db-after-first-crawl", action="store_true")
    parser.add_argument("--db-home", type=Path)
    parser.add_argument("--downtime", type=float, default=4.0)
    args = parser.parse_args()

    from netra.config import get_settings
    from netra.orchestration import runner

    runner.setup(get_settings())
    if args.restart_db_after_first_crawl:
        _restart_after_first_crawl(args.db_home, args.downtime)
    conf = json.loads(args.conf)
    with ExitStack() as stack:
        if args.demo_sites:
            from netra.orchestration.demo_setup import demo_sites

            print("SITES " + stack.enter_context(demo_sites()), flush=True)
        if args.registry:
            os.environ["NETRA_CRAWL_REGISTRY"] = str(args.registry)
            get_settings.cache_clear()
        results = [
            runner.run_dag(dag_id, conf.get(dag_id), mark_success_pattern=args.mark_success)
            for dag_id in args.dag
        ]
    print("PIPELINE_RESULT " + json.dumps([r.to_dict() for r in results]), flush=True)


if __name__ == "__main__":
    main()
