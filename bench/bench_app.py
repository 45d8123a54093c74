"""Review-app benchmark: queue and case-page latency with 100,000 cases, 20 concurrent users.

Setup, on a private embedded PostgreSQL that the benchmark starts and deletes:
the labelled corpus and the demo official reports go into the raw tables, the real
`netra build` makes the marts, and then the marts are scaled to 100,000 media cases
by replicating the built cases (new ids, dates spread over two years, a fifth of them
reviewed, their articles and official links with them; the replicas point at the
corpus articles' text, so raw.articles stays corpus-sized). 2,000 decisions are added.
Building 100,000 cases with dbt (about 300,000 articles) is bench_dbt.py's subject, not
this one's.

Then `netra serve` (2 workers) runs on loopback and locust drives 20 concurrent users
(each logs in, then opens the queue, often filtered (province, conduct, outlet) and paged, and case pages, with
0.5-2 s between requests) for a fixed time. Printed: requests, median and p95 per page
(target: p95 under 200 ms for queue and case page). Run twice: on the marts exactly as
dbt builds them, and with the indexes this app asks the warehouse to declare
(``--indexes`` names them). A chart goes to bench/results/bench_app.png.

    .venv/bin/python bench/bench_app.py [--cases 100000] [--users 20] [--seconds 60]
"""

from __future__ import annotations

# locust patches the standard library with gevent; it must come first.
from locust import HttpUser, between, events, task  # isort: skip
from locust.env import Environment  # isort: skip

import argparse
import os
import random
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import gevent
import psycopg
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netra.db import embedded, migrate  # noqa: E402
from netra.demo import corpus_fixture  # noqa: E402
from netra.loaders import reports  # noqa: E402

out = Console()
RESULTS = ROOT / "bench" / "results"
PASSWORD = "bench password 1234"  # noqa: S105 (a throwaway account in a throwaway database)
TARGET_MS = 200

# Indexes the review app asks of the marts (dbt `indexes` config); the second run adds them.
INDEXES = (
    "create unique index on marts.fct_media_cases (media_case_id)",
    "create index on marts.fct_media_cases "
    "(latest_reported_at desc nulls last, confidence_score desc nulls last, media_case_id)",
    "create index on marts.fct_media_cases (province)",
    "create index on marts.fct_media_cases using gin (conduct_codes)",
    "create index on marts.fct_media_cases using gin (actor_names)",
    "create index on marts.fct_media_cases using gin (source_names)",
    "create index on marts.fct_media_cases (institution, latest_reported_at desc nulls last)",
    "create index on marts.fct_media_case_articles (media_case_id)",
    "create index on marts.fct_case_links (media_case_id)",
)


def _columns(conn: psycopg.Connection, table: str) -> list[tuple[str, str]]:
    return conn.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_schema = 'marts' and table_name = %s order by ordinal_position",
        (table,),
    ).fetchall()


def _shifted(name: str, kind: str) -> str:
    """The column's expression in a replica: ids renamed, times moved back up to two years."""
    if name in ("media_case_id", "media_case_article_id", "case_link_id"):
        return f"md5({name} || ':' || g)"
    if name == "actor_names":  # one person is not in 700 cases: each replica names its own actors
        return "array(select n || ' ' || g from unnest(actor_names) as n)"
    if name == "article_case_ids":
        return "array(select md5(x || ':' || g) from unnest(article_case_ids) as x)"
    if kind.startswith("timestamp") or kind == "date":
        return f"({name} - make_interval(days => (g * 7) %% 730))::{kind}"
    if name == "review_status":
        return (
            "case when g %% 10 < 2 then 'confirmed' when g %% 10 = 2 then 'rejected' else review_status end"
        )
    return name


def scale(conn: psycopg.Connection, cases: int) -> int:
    """Replicate the built media cases (and their articles and links) up to ``cases``."""
    built = conn.execute("select count(*) from marts.fct_media_cases").fetchone()[0]
    copies = max(0, -(-(cases - built) // built))
    for table in ("fct_media_cases", "fct_media_case_articles", "fct_case_links"):
        cols = _columns(conn, table)
        names = ", ".join(c for c, _ in cols)
        exprs = ", ".join(_shifted(c, k) for c, k in cols)
        conn.execute(
            f"insert into marts.{table} ({names}) "
            f"select {exprs} from marts.{table}, generate_series(1, %s) as g",
            (copies,),
        )
    uid = conn.execute(
        "insert into raw.users (username, password_hash, role) values ('bench-decider', 'x', 'monitor') "
        "returning user_id"
    ).fetchone()[0]
    conn.execute(
        "insert into raw.review_decisions (request_id, case_key, decision, user_id) "
        "select gen_random_uuid(), media_case_id, 'confirm', %s from marts.fct_media_cases "
        "where review_status = 'unreviewed' order by md5(media_case_id) limit 2000",
        (uid,),
    )
    conn.execute("analyze")
    return conn.execute("select count(*) from marts.fct_media_cases").fetchone()[0]


# --- load ------------------------------------------------------------------------------------------

CASE_IDS: list[str] = []
LOGGED_IN: list[int] = []
PROVINCES: list[str] = []
CONDUCTS: list[str] = []
OUTLETS: list[str] = []
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Reviewer(HttpUser):
    """A monitor: the queue (paged, sometimes filtered) and case pages, a dashboard now and then."""

    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        page = self.client.get("/login", name="login form")
        token = CSRF.search(page.text).group(1)
        self.client.post(
            "/login",
            data={"username": f"bench{random.randint(0, 19)}", "password": PASSWORD, "csrf_token": token},
            name="login",
        )
        LOGGED_IN.append(1)

    @task(4)
    def queue(self) -> None:
        roll = random.random()
        params: dict[str, str | int] = {"page": random.choice([1, 1, 1, 2, 3, 5])}
        if roll < 0.25:
            params["province"] = random.choice(PROVINCES)
        elif roll < 0.4:
            params["conduct"] = random.choice(CONDUCTS)
        elif roll < 0.5 and OUTLETS:
            params["outlet"] = random.choice(OUTLETS)
        self.client.get("/queue", params=params, name="queue")

    @task(4)
    def case_page(self) -> None:
        self.client.get(f"/cases/{random.choice(CASE_IDS)}", name="case page")

    @task(1)
    def dashboard(self) -> None:
        self.client.get("/dashboard", name="dashboard")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(url: str, home: Path, workers: int) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_")}
    env.update(NETRA_HOME=str(home), NETRA_DATABASE_URL=url)
    proc = subprocess.Popen(
        [sys.executable, "-m", "netra", "serve", "--port", str(port), "--workers", str(workers)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/healthz", timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return proc, base
        except OSError:
            time.sleep(0.3)
        if proc.poll() is not None:
            raise SystemExit(f"netra serve exited: {proc.stderr.read().decode()[-2000:]}")
    proc.kill()
    raise SystemExit("netra serve did not answer within 60 s")


def run_load(base: str, users: int, seconds: int) -> dict[str, dict[str, float]]:
    env = Environment(user_classes=[Reviewer], host=base, events=events)
    runner = env.create_local_runner()
    LOGGED_IN.clear()
    runner.start(users, spawn_rate=users)
    # Logging in hashes a password with argon2 (deliberately slow): measure pages after everyone is in.
    deadline = time.monotonic() + 300
    while len(LOGGED_IN) < users and time.monotonic() < deadline:
        gevent.sleep(0.2)
    login = env.stats.entries.get(("login", "POST"))
    login_figures = (
        {
            "requests": login.num_requests,
            "failures": login.num_failures,
            "median": login.median_response_time,
            "p95": login.get_response_time_percentile(0.95),
            "rps": 0.0,
        }
        if login
        else None
    )
    env.stats.reset_all()
    gevent.sleep(seconds)
    runner.quit()
    figures: dict[str, dict[str, float]] = {}
    for (name, _method), entry in env.stats.entries.items():
        figures[name] = {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "median": entry.get_response_time_percentile(0.5),
            "p95": entry.get_response_time_percentile(0.95),
            "rps": entry.total_rps,
        }
    figures.pop("login form", None)
    if login_figures:
        figures["login"] = login_figures
    return figures


def _table(title: str, figures: dict[str, dict[str, float]]) -> Table:
    table = Table(title=title)
    for column in ("page", "requests", "failures", "median ms", "p95 ms", "req/s", "p95 < 200 ms"):
        table.add_column(column, justify="left" if column == "page" else "right")
    for name in ("queue", "case page", "dashboard", "login"):
        if name in figures:
            f = figures[name]
            verdict = "" if name in ("dashboard", "login") else ("yes" if f["p95"] < TARGET_MS else "NO")
            table.add_row(
                name,
                str(f["requests"]),
                str(f["failures"]),
                f"{f['median']:.0f}",
                f"{f['p95']:.0f}",
                f"{f['rps']:.1f}",
                verdict,
            )
    return table


def _chart(runs: dict[str, dict[str, dict[str, float]]]) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    pages = ["queue", "case page", "dashboard"]
    fig, ax = plt.subplots(figsize=(8, 4))
    width = 0.2
    for i, (label, figures) in enumerate(runs.items()):
        for j, stat in enumerate(("median", "p95")):
            xs = [k + (i * 2 + j) * width for k in range(len(pages))]
            ax.bar(xs, [figures.get(p, {}).get(stat, 0) for p in pages], width, label=f"{label}: {stat}")
    ax.axhline(TARGET_MS, color="red", linestyle="--", linewidth=1, label="target p95")
    ax.set_xticks([k + 1.5 * width for k in range(len(pages))], pages)
    ax.set_ylabel("ms")
    ax.set_yscale("log")
    ax.set_title("Review app latency, 100,000 cases, 20 users")
    ax.legend(fontsize=7)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "bench_app.png"
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--indexes", action="store_true", help="print the index statements and exit")
    args = parser.parse_args()
    if args.indexes:
        print(";\n".join(INDEXES) + ";")
        return

    with embedded.scratch("netra-bench-app-", "bench") as (home, server):
        url = server.url("bench")
        started = time.perf_counter()
        import sqlalchemy as sa

        engine = sa.create_engine(url)
        migrate.upgrade(engine)
        corpus_fixture.load(engine, corpus_fixture.read_corpus())
        with engine.begin() as conn:
            for path in sorted((ROOT / "netra" / "demo" / "reports").glob("*.*")):
                reports.load_file(conn, path)
            from netra.app import users

            for i in range(20):
                users.add(conn, f"bench{i}", PASSWORD, "monitor", env="development")
        engine.dispose()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_")}
        env.update(NETRA_HOME=str(home), NETRA_DATABASE_URL=url)
        out.print("netra build on the labelled corpus…")
        build = subprocess.run(
            [sys.executable, "-m", "netra", "build", "--no-freshness"],
            env=env,
            capture_output=True,
            text=True,
        )
        if build.returncode != 0:
            raise SystemExit(f"netra build failed:\n{build.stdout[-3000:]}")
        with psycopg.connect(server.conninfo("bench"), autocommit=True) as conn:
            total = scale(conn, args.cases)
            CASE_IDS.extend(
                r[0]
                for r in conn.execute(
                    "select media_case_id from marts.fct_media_cases order by random() limit 5000"
                )
            )
            PROVINCES.extend(
                r[0]
                for r in conn.execute(
                    "select distinct province from marts.fct_media_cases where province is not null"
                )
            )
            CONDUCTS.extend(r[0] for r in conn.execute("select conduct_code from marts.dim_conduct"))
            OUTLETS.extend(
                r[0] for r in conn.execute("select distinct unnest(source_names) from marts.fct_media_cases")
            )
        out.print(
            f"{total:,} media cases in marts.fct_media_cases (setup {time.perf_counter() - started:.0f} s)"
        )

        runs: dict[str, dict[str, dict[str, float]]] = {}
        for label, statements in (("marts as built", ()), ("with requested indexes", INDEXES)):
            if statements:
                with psycopg.connect(server.conninfo("bench"), autocommit=True) as conn:
                    for statement in statements:
                        conn.execute(statement)
                    conn.execute("analyze")
            proc, base = _serve(url, home, args.workers)
            try:
                out.print(
                    f"{label}: {args.users} users for {args.seconds} s against {base} ({args.workers} workers)…"
                )
                runs[label] = run_load(base, args.users, args.seconds)
                load = os.getloadavg()
                out.print(
                    f"load average after the run (1/5/15 min): {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}"
                )
            finally:
                proc.terminate()
                proc.wait(timeout=30)
            out.print(_table(f"{label} — {total:,} cases, {args.users} users, {args.seconds} s", runs[label]))
        chart = _chart(runs)
        if chart:
            out.print(f"chart: {chart}")


if __name__ == "__main__":
    main()
