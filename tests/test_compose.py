"""docker-compose.yml cannot run here (no Docker engine), so check it statically."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
ENV_EXAMPLE = {
    line.split("=", 1)[0]
    for line in (ROOT / ".env.example").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}


def test_has_the_production_services() -> None:
    commands = {
        name: " ".join(svc.get("command") or [])
        if isinstance(svc.get("command"), list)
        else str(svc.get("command"))
        for name, svc in SERVICES.items()
    }
    for needed in ("api-server", "scheduler", "dag-processor", "triggerer", "celery worker"):
        assert any(needed in cmd for cmd in commands.values()), f"no service runs airflow {needed}"
    assert {"postgres", "redis", "review-app"} <= set(SERVICES)
    worker_env = SERVICES["airflow-worker"]["environment"]
    assert worker_env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert worker_env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")


def test_images_are_pinned() -> None:
    for name, svc in SERVICES.items():
        image = svc.get("image")
        assert image, f"{name} has no image"
        repo, _, tag = image.rpartition(":")
        assert repo and tag and tag != "latest", f"{name}: image {image!r} is not pinned to a version"
        assert re.search(r"\d", tag), f"{name}: tag {tag!r} names no version"
    base = re.search(r"^FROM (\S+)", (ROOT / "Dockerfile").read_text(), re.M).group(1)
    assert re.search(r":\d+\.\d+\.\d+", base), f"Dockerfile base {base} is not pinned"


def test_references_resolve() -> None:
    volumes = set(COMPOSE.get("volumes") or {})
    for name, svc in SERVICES.items():
        for dep in svc.get("depends_on") or {}:
            assert dep in SERVICES, f"{name} depends on unknown service {dep}"
        for mount in svc.get("volumes") or []:
            source = mount.split(":", 1)[0]
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name} mounts missing path {source}"
            else:
                assert source in volumes, f"{name} uses undeclared volume {source}"
        if svc.get("build"):
            assert (ROOT / svc["build"] / "Dockerfile").exists()


def test_every_variable_is_documented_in_env_example() -> None:
    used = set(re.findall(r"\$\{([A-Z0-9_]+)(?::-[^}]*)?\}", (ROOT / "docker-compose.yml").read_text()))
    defaults = set(re.findall(r"\$\{([A-Z0-9_]+):-", (ROOT / "docker-compose.yml").read_text()))
    missing = used - ENV_EXAMPLE - defaults
    assert not missing, f"variables used but not in .env.example: {sorted(missing)}"
