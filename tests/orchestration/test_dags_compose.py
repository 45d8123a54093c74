"""docker-compose.yml runs these DAGs on the CeleryExecutor (checked statically: no Docker engine here)."""

from __future__ import annotations

import re

import yaml

from tests.orchestration.helpers import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
AIRFLOW = [name for name in SERVICES if name.startswith("airflow-")]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_the_image_holds_the_dags_and_the_dbt_project_where_airflow_looks() -> None:
    workdir = re.search(r"^WORKDIR (\S+)", DOCKERFILE, re.M).group(1)
    assert re.search(r"^COPY dags \./dags$", DOCKERFILE, re.M)
    assert re.search(r"^COPY dbt \./dbt$", DOCKERFILE, re.M)
    # An editable install: netra finds dags/ and dbt/ beside itself in the image.
    assert re.search(r"pip install .*-e '\.\[production\]'", DOCKERFILE)
    for name in AIRFLOW:
        assert SERVICES[name]["environment"]["AIRFLOW__CORE__DAGS_FOLDER"] == f"{workdir}/dags", name


def test_init_prepares_what_the_dags_need_and_every_airflow_service_shares_it() -> None:
    assert SERVICES["airflow-init"]["command"] == ["netra", "airflow", "prepare"]
    home = SERVICES["airflow-init"]["environment"]["NETRA_HOME"]
    for name in AIRFLOW:
        mounts = [m.split(":")[1] for m in SERVICES[name].get("volumes", [])]
        assert home in mounts, f"{name} does not see the dbt profile and manifest under {home}"
        if name != "airflow-init":
            ready = SERVICES[name]["depends_on"]["airflow-init"]["condition"]
            assert ready == "service_completed_successfully", name


def test_workers_scale_out_on_celery_and_nothing_phones_home() -> None:
    env = SERVICES["airflow-worker"]["environment"]
    assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert "airflow celery worker" == " ".join(SERVICES["airflow-worker"]["command"])
    assert "replicas" in SERVICES["airflow-worker"]["deploy"]
    assert env["AIRFLOW__COSMOS__ENABLE_TELEMETRY"] == "false"
    assert env["DBT_SEND_ANONYMOUS_USAGE_STATS"] == "false"
    assert env["AIRFLOW_CONN_NETRA_POSTGRES"] == "${NETRA_DATABASE_URL}"
