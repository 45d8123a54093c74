"""``netra_warehouse``' dbt project as Airflow tasks, through astronomer-cosmos.

Cosmos renders the project from dbt's ``manifest.json`` (no ``dbt ls`` and no
database at parse time): each model becomes a task followed by its tests, and
each source with a freshness rule is checked before the models that read it.
The profile is the warehouse room's (``netra.dbt_profile``, the same one
``netra build`` uses), written under ``$NETRA_HOME/dbt`` by :func:`prepare` and
rewritten before every dbt task, so a restarted embedded server is found.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from netra.config import Settings, get_settings

log = logging.getLogger(__name__)

TARGET = "netra"


class WarehouseNotPrepared(RuntimeError):
    """The dbt manifest or profile is missing: run the prepare step first."""


def paths(settings: Settings | None = None) -> dict[str, Path]:
    """Where the profile and the manifest Cosmos renders from live."""
    from netra.dbt_profile import DBT_PROJECT_DIR, dbt_home

    settings = settings or get_settings()
    home = dbt_home(settings)
    return {
        "project": DBT_PROJECT_DIR,
        "profiles": home / "profiles.yml",
        "manifest": home / "cosmos" / "manifest.json",
    }


def prepare(settings: Settings | None = None) -> Path:
    """Write the dbt profile and parse the project into the manifest Cosmos renders the DAG from.

    Runs in ``netra demo``, ``netra airflow`` and the production image's init
    step; re-run it after changing the dbt project.
    """
    from dbt.cli.main import dbtRunner

    from netra.dbt_profile import dbt_env, write_profile

    settings = settings or get_settings()
    folder, url = write_profile(settings)
    where = paths(settings)
    target = where["manifest"].parent
    env = dbt_env(url)
    previous = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        result = dbtRunner().invoke(
            [
                "parse",
                "--project-dir",
                str(where["project"]),
                "--profiles-dir",
                str(folder),
                "--target-path",
                str(target),
                "--log-path",
                str(folder / "logs"),
                "--write-json",
                "--quiet",
            ]
        )
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    if not result.success:
        raise WarehouseNotPrepared(f"dbt parse failed: {result.exception or 'see ' + str(folder / 'logs')}")
    return where["manifest"]


def refresh_profile(context: Any = None) -> None:
    """``pre_execute`` of every dbt task: rewrite the profile and export its password variable.

    The embedded server may have restarted since the DAG was parsed; the
    profile must name where it listens now.
    """
    from netra.dbt_profile import PASSWORD_ENV, write_profile

    _, url = write_profile(get_settings())
    os.environ[PASSWORD_ENV] = url.password or ""
    os.environ["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"
    # Each task would rewrite the 2 MB manifest.json and run_results.json into a throw-away copy
    # of the project (and have OpenLineage re-read them): half a second per task, for nothing.
    os.environ["DBT_WRITE_JSON"] = "false"


def task_group(group_id: str = "dbt", settings: Settings | None = None, **kwargs: Any) -> Any:
    """The project as a Cosmos ``DbtTaskGroup``: a task per model, its tests after it, freshness first."""
    from cosmos import DbtTaskGroup, ExecutionConfig, ProfileConfig, ProjectConfig, RenderConfig
    from cosmos.constants import (
        ExecutionMode,
        InvocationMode,
        LoadMode,
        SourceRenderingBehavior,
        TestBehavior,
    )

    settings = settings or get_settings()
    where = paths(settings)
    for what in ("manifest", "profiles"):
        if not where[what].exists():
            raise WarehouseNotPrepared(
                f"{where[what]} is missing: run `netra airflow prepare` (or `netra demo`) first"
            )
    return DbtTaskGroup(
        group_id=group_id,
        project_config=ProjectConfig(
            manifest_path=where["manifest"],
            project_name="netra",
            install_dbt_deps=False,
            partial_parse=True,
        ),
        profile_config=ProfileConfig(
            profile_name="netra", target_name=TARGET, profiles_yml_filepath=where["profiles"]
        ),
        execution_config=ExecutionConfig(
            execution_mode=ExecutionMode.LOCAL,
            invocation_mode=InvocationMode.DBT_RUNNER,
            dbt_project_path=where["project"],
        ),
        render_config=RenderConfig(
            load_method=LoadMode.DBT_MANIFEST,
            test_behavior=TestBehavior.BUILD,
            source_rendering_behavior=SourceRenderingBehavior.WITH_TESTS_OR_FRESHNESS,
            # A test over two models (relationships) runs as its own task once both are built.
            should_detach_multiple_parents_tests=True,
            # Cosmos' own Assets need a host:port URI; the DAG marks Netra's Assets itself.
            emit_datasets=False,
        ),
        operator_args={
            "install_deps": False,
            "append_env": True,
            "pre_execute": refresh_profile,
        },
        **kwargs,
    )
