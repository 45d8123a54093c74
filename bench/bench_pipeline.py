"""Benchmark: the README's main command on the demo corpus, and what Airflow costs.

    .venv/bin/python bench/bench_pipeline.py

1. ``netra demo --no-serve`` on a fresh NETRA_HOME (embedded PostgreSQL, Airflow's
   SQLite metadata, the offline demo sites): wall time of the whole command,
   split by DAG and task (from the run's JSON report).
2. The same steps without Airflow, on another fresh NETRA_HOME: the functions
   the tasks call (crawl each source, annotate, load the inbox) and one
   ``dbt source freshness`` + ``dbt build`` (what ``netra build`` runs).
3. The Airflow overhead, per step and overall, as a ratio Airflow / direct.

Prints the figures, writes bench/results/bench_pipeline.json and a chart
bench/results/bench_pipeline.png.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NETRA_", "AIRFLOW", "DBT_"))}
    env.update(NETRA_HOME=str(home), COLUMNS="120", PYTHONUNBUFFERED="1")
    return env


def through_airflow(home: Path) -> dict:
    report = home / "report.json"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "netra", "demo", "--no-serve", "--report", str(report)],
        cwd=ROOT,
        env=_env(home),
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0 or not report.exists():
        sys.exit(f"netra demo failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    data = json.loads(report.read_text())
    data["measured_wall_seconds"] = wall
    return data


# The direct run, in a child process so that it starts as cold as `netra demo` does.
DIRECT = r"""
import json, sys, time
from netra.config import get_settings
from netra.db import migrate
from netra.db.engine import get_engine
from netra.orchestration import demo_setup, news, reports

t0 = time.perf_counter()
steps = {}
def timed(name, fn, *args):
    started = time.perf_counter()
    value = fn(*args)
    steps[name] = steps.get(name, 0.0) + time.perf_counter() - started
    return value

settings = get_settings()
timed("setup", lambda: migrate.upgrade(get_engine(settings)))
demo_setup.stock_inbox(settings)
with demo_setup.demo_sites():
    from scrapers.registry import load_registry, select
    names = [s.name for s in select(load_registry(get_settings().crawl_registry), None)]
    for name in names:
        timed("crawl", news.crawl_source, name, f"direct/{name}")
    timed("annotate", news.annotate)
timed("reports", reports.load_inbox)
from netra.cli.build import InProcessDbt
dbt = InProcessDbt()
timed("dbt", dbt.invoke, ["source", "freshness"])  # stale sources only warn
code = timed("dbt", dbt.invoke, ["build"])
if code != 0:
    sys.exit("dbt build failed")
steps["total"] = time.perf_counter() - t0
print("DIRECT " + json.dumps(steps))
"""


def direct(home: Path) -> dict[str, float]:
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", DIRECT], cwd=ROOT, env=_env(home), capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        sys.exit(f"direct run failed:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    line = next(x for x in proc.stdout.splitlines() if x.startswith("DIRECT "))
    steps = json.loads(line[len("DIRECT ") :])
    steps["process"] = time.perf_counter() - started
    return steps


def airflow_steps(report: dict) -> dict[str, float]:
    """Task seconds grouped into the direct run's steps, plus Airflow's time between tasks."""
    steps = {"crawl": 0.0, "annotate": 0.0, "reports": 0.0, "dbt": 0.0, "between tasks": 0.0}
    for dag in report["dags"]:
        task_sum = 0.0
        for t in dag["tasks"]:
            task_sum += t["seconds"]
            if dag["dag_id"] == "netra_warehouse":
                steps["dbt"] += t["seconds"]
            elif t["task_id"] == "crawl":
                steps["crawl"] += t["seconds"]
            elif t["task_id"] == "annotate":
                steps["annotate"] += t["seconds"]
            elif dag["dag_id"] == "netra_reports":
                steps["reports"] += t["seconds"]
            else:  # plan: registry sync and due check, which the direct run does inside crawl()
                steps["crawl"] += t["seconds"]
        steps["between tasks"] += dag["seconds"] - task_sum
    return steps


def chart(air: dict[str, float], direct_steps: dict[str, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = ["crawl", "annotate", "reports", "dbt"]
    fig, ax = plt.subplots(figsize=(8, 4))
    y = range(len(names))
    ax.barh([i + 0.2 for i in y], [air[n] for n in names], height=0.4, label="through Airflow (dag.test)")
    ax.barh([i - 0.2 for i in y], [direct_steps.get(n, 0.0) for n in names], height=0.4, label="direct")
    ax.set_yticks(list(y), names)
    ax.set_xlabel("seconds")
    ax.set_title("netra demo on the demo corpus: each step through Airflow vs direct")
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    from netra.db import embedded

    with tempfile.TemporaryDirectory(prefix="netra-bench-") as tmp:
        air_home, direct_home = Path(tmp) / "airflow", Path(tmp) / "direct"
        try:
            report = through_airflow(air_home)
        finally:
            embedded.destroy(air_home)
        try:
            direct_steps = direct(direct_home)
        finally:
            embedded.destroy(direct_home)

    print(f"netra demo (through Airflow): {report['measured_wall_seconds']:.1f} s wall on the demo corpus")
    print(f"  articles {report['summary']['articles']}, media cases {report['summary']['media_cases']}")
    print("\nwall time by DAG and task (seconds, all tries):")
    for dag in report["dags"]:
        print(f"  {dag['dag_id']:<58} {dag['state']:<9} {dag['seconds']:8.1f}")
        for t in sorted(dag["tasks"], key=lambda t: -t["seconds"]):
            print(f"    {t['label'][:56]:<56} {t['state']:<9} {t['seconds']:8.1f}")
    air = airflow_steps(report)
    print("\nAirflow overhead: the same steps direct vs through Airflow")
    print(f"  {'step':<16} {'direct s':>9} {'Airflow s':>10} {'ratio':>7}")
    for name in ("crawl", "annotate", "reports", "dbt"):
        d = direct_steps.get(name, 0.0)
        ratio = air[name] / d if d else float("nan")
        print(f"  {name:<16} {d:9.1f} {air[name]:10.1f} {ratio:7.2f}")
    print(f"  {'between tasks':<16} {'':>9} {air['between tasks']:10.1f}")
    total_direct = direct_steps["process"]
    total_air = report["measured_wall_seconds"]
    print(f"  {'whole command':<16} {total_direct:9.1f} {total_air:10.1f} {total_air / total_direct:7.2f}")
    chart(air, direct_steps, RESULTS / "bench_pipeline.png")
    (RESULTS / "bench_pipeline.json").write_text(
        json.dumps({"airflow": report, "airflow_steps": air, "direct": direct_steps}, indent=2)
    )
    print(f"\nchart: {RESULTS / 'bench_pipeline.png'}")


if __name__ == "__main__":
    main()
