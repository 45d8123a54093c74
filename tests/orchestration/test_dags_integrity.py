"""DAG integrity: every DAG file imports cleanly, follows the Airflow 3 conventions, and opens no
database or network connection while it is parsed."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.orchestration.helpers import HERE, ROOT, ConnectionCounter, base_env, run_python, tagged_json

DAGS = ROOT / "dags"
DAG_FILES = sorted(DAGS.glob("*.py"))
EXPECTED = {"netra_news", "netra_reports", "netra_warehouse"}


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """Prepare the dbt manifest, then parse the DAG folder while a fake database counts connections."""
    home = tmp_path_factory.mktemp("dag-integrity")
    with ConnectionCounter().running() as db:
        env = base_env(home, NETRA_DATABASE_URL=f"postgresql://netra:secret@127.0.0.1:{db.port}/netra")
        prep = run_python(
            ["-c", "from netra.orchestration import warehouse; print(warehouse.prepare())"],
            env,
            timeout=300,
        )
        assert prep.returncode == 0, prep.stdout[-2000:] + prep.stderr[-4000:]
        db.count = 0
        proc = run_python([str(HERE / "dag_check.py")], env, timeout=300)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-4000:]
        report = tagged_json(proc.stdout, "DAG_CHECK")
        report["db_connections"] = db.count

    # The embedded default: parsing must not start the embedded PostgreSQL either.
    embedded = run_python([str(HERE / "dag_check.py")], base_env(home), timeout=300)
    assert embedded.returncode == 0, embedded.stderr[-4000:]
    report["embedded"] = tagged_json(embedded.stdout, "DAG_CHECK")
    report["pgdata_created"] = (home / "pgdata").exists()
    return report


def test_every_dag_file_imports_without_errors(parsed: dict) -> None:
    assert parsed["import_errors"] == {}
    assert parsed["embedded"]["import_errors"] == {}
    assert set(parsed["dags"]) == EXPECTED
    for dag_id, dag in parsed["dags"].items():
        assert Path(dag["fileloc"]).name == f"{dag_id}.py", "one DAG per file, file named after the dag_id"
    assert {p.stem for p in DAG_FILES} == EXPECTED


def test_importing_a_dag_opens_no_database_or_network_connection(parsed: dict) -> None:
    assert parsed["events"] == [], "DAG import touched the network"
    assert parsed["db_connections"] == 0, "DAG import connected to the configured database"
    assert parsed["embedded"]["events"] == []
    assert not parsed["pgdata_created"], "DAG import started the embedded PostgreSQL"


def test_dags_follow_the_conventions(parsed: dict) -> None:
    for dag_id, dag in parsed["dags"].items():
        assert "netra" in dag["tags"] and len(dag["tags"]) >= 2, dag_id
        assert dag["catchup"] is False, dag_id
        assert dag["start_tz_offset"] == 0, f"{dag_id}: start_date must be UTC"
        assert dag["doc_md"], f"{dag_id}: no documentation"
    assert parsed["dags"]["netra_news"]["schedule"] == "@hourly"
    assert parsed["dags"]["netra_reports"]["schedule"] == "@daily"
    # Scheduled on the Assets the other two DAGs mark.
    assert parsed["dags"]["netra_warehouse"]["timetable"] == "AssetTriggeredTimetable"


def test_every_task_retries_with_backoff_times_out_and_reports_failure(parsed: dict) -> None:
    for dag_id, dag in parsed["dags"].items():
        for task_id, task in dag["tasks"].items():
            where = f"{dag_id}.{task_id}"
            assert task["retries"] >= 1, where
            assert task["retry_exponential_backoff"] > 0, where
            assert task["execution_timeout"] and task["execution_timeout"] > 0, where
            assert task["on_failure_callback"], where


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """A path that returns to its start, or None (depth-first, colouring nodes)."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def test_the_cycle_check_finds_cycles() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_cycles(parsed: dict) -> None:
    for dag_id, dag in parsed["dags"].items():
        graph = {t: set(v["downstream"]) for t, v in dag["tasks"].items()}
        assert find_cycle(graph) is None, dag_id


def test_news_crawls_each_outlet_in_the_pool_then_annotates(parsed: dict) -> None:
    tasks = parsed["dags"]["netra_news"]["tasks"]
    assert tasks["crawl"]["pool"] == "netra_outlets"
    assert tasks["plan"]["downstream"] == ["crawl"]
    assert tasks["crawl"]["downstream"] == ["annotate"]


def test_warehouse_runs_each_model_with_its_tests_after_source_freshness(parsed: dict) -> None:
    tasks = parsed["dags"]["netra_warehouse"]["tasks"]
    # Cosmos' build mode: "dbt.<model>_model_build" runs the model, then its tests (`dbt build`).
    models = [t for t in tasks if t.endswith("_model_build")]
    assert len(models) >= 20, f"expected a task per dbt model, got {models}"
    assert "dbt.fct_media_cases_model_build" in models
    # A test over two models runs as its own task after both.
    built = [t for t in tasks if t.endswith(("_model_build", "_seed_build", "_snapshot_build"))]
    detached = [t for t in tasks if t.endswith("_test")]
    for test in detached:
        parents = [m for m in built if test in tasks[m]["downstream"]]
        assert len(parents) >= 2, f"{test} runs after {parents}"
    freshness = [t for t in tasks if t.endswith("_source")]
    assert len(freshness) >= 5, "no source freshness checks"
    for check in freshness:
        assert tasks[check]["downstream"], f"{check} gates nothing"
    assert "dbt.stg_news__articles_model_build" in tasks["dbt.news_articles_source"]["downstream"]


@pytest.mark.parametrize("path", DAG_FILES, ids=lambda p: p.name)
def test_dag_files_are_thin_and_use_only_the_task_sdk(path: Path) -> None:
    source = path.read_text()
    tree = ast.parse(source)
    assert ast.get_docstring(tree), f"{path.name} has no module docstring"
    assert "airflow" in source and "dag" in source  # the dag-processor's safe-mode heuristic
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("airflow"):
            assert node.module.startswith(("airflow.sdk", "airflow.providers")), f"{path.name}: {node.module}"
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("airflow"):
                    assert alias.name.startswith(("airflow.sdk", "airflow.providers")), alias.name
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    assert len(source.splitlines()) < 120, f"{path.name} is not thin"
    assert all(len(ast.unparse(f).splitlines()) < 40 for f in functions), "DAG functions hold logic"
