"""The dbt project keeps dbt Labs' structure rules, checked over dbt's own manifest.

dbt-project-evaluator is a dbt hub package, which this project cannot install (only
PyPI, Debian and npm are reachable), so its key rules are checked here instead:
staging selects only from sources, one source per staging model and no joins there;
no source() outside staging; marts build on intermediate models (or seeds,
snapshots, other marts), never on staging or sources; every model has a description
and its grain tested unique + not_null; every documented column has a description;
naming conventions; no hard-coded schema references; every source is used and has
freshness. sqlfluff lints the SQL; the seeds stay equal to the lists they copy.
"""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sqlalchemy.engine import make_url

from netra.dbt_profile import DBT_PROJECT_DIR, profile
from netra.loaders.report_values import CONDUCT_CODES

ROOT = Path(__file__).resolve().parent.parent
DBT = Path(sys.executable).parent / "dbt"
# A date spine has no parent by nature; the evaluator's root-model rule allows such exceptions.
ROOT_MODEL_EXCEPTIONS = {"dim_date"}


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """dbt parse (no database connection) and its manifest.json."""
    folder = tmp_path_factory.mktemp("dbt-parse")
    (folder / "profiles.yml").write_text(
        yaml.safe_dump(profile(make_url("postgresql://netra@localhost:5432/netra"), 1))
    )
    proc = subprocess.run(
        [
            str(DBT),
            "parse",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(folder),
            "--target-path",
            str(folder / "target"),
            "--log-path",
            str(folder / "logs"),
            "--no-partial-parse",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return json.loads((folder / "target" / "manifest.json").read_text())


def _models(manifest: dict) -> dict[str, dict]:
    return {n["name"]: n for n in manifest["nodes"].values() if n["resource_type"] == "model"}


def _layer(node: dict) -> str:
    return Path(node["original_file_path"]).parts[1]


def _parents(manifest: dict, node: dict) -> list[tuple[str, str]]:
    """(resource type, name) of a node's direct parents."""
    out = []
    for uid in node["depends_on"]["nodes"]:
        parent = manifest["nodes"].get(uid) or manifest["sources"].get(uid)
        name = parent["name"] if parent else uid
        out.append((uid.split(".")[0], name))
    return out


def test_staging_selects_from_exactly_one_source_and_nothing_else(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if _layer(node) != "staging":
            continue
        parents = _parents(manifest, node)
        assert [kind for kind, _ in parents] == ["source"], f"{name} depends on {parents}"
        source = manifest["sources"][node["depends_on"]["nodes"][0]]
        folder = Path(node["original_file_path"]).parts[2]
        assert source["source_name"] == folder, (
            f"{name} lives under staging/{folder} but reads {source['source_name']}"
        )
        assert re.fullmatch(rf"stg_{folder}__[a-z_]+s", name), (
            f"{name}: staging models are stg_<source>__<entity>s"
        )


def test_no_joins_in_staging(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if _layer(node) == "staging":
            assert not re.search(r"\bjoin\b", node["raw_code"], re.I), f"{name} joins"


def test_sources_only_in_staging(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if any(kind == "source" for kind, _ in _parents(manifest, node)):
            assert _layer(node) == "staging", f"{name} reads a source outside staging"


def test_marts_build_on_intermediate_models_not_staging(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if _layer(node) != "marts":
            continue
        for kind, parent in _parents(manifest, node):
            assert kind in ("model", "seed", "snapshot"), f"{name} depends on {kind} {parent}"
            if kind == "model":
                assert parent.startswith(("int_", "fct_", "dim_")), f"{name} selects from {parent} directly"


def test_intermediate_models_build_on_staging_or_intermediate(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if _layer(node) == "intermediate":
            assert re.fullmatch(r"int_[a-z_]+s_([a-z]+ed|split)", name), f"{name}: int_<entity>s_<verb>s"
            for kind, parent in _parents(manifest, node):
                assert kind in ("model", "seed"), f"{name} depends on {kind} {parent}"
                if kind == "model":
                    assert parent.startswith(("stg_", "int_")), f"{name} depends on {parent}"


def test_naming_and_folders(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        prefix = {"staging": "stg_", "intermediate": "int_", "marts": ("fct_", "dim_")}[_layer(node)]
        assert name.startswith(prefix), f"{name} in {_layer(node)}"
    for yml in (DBT_PROJECT_DIR / "models").rglob("*.yml"):
        folder = yml.parent.name
        assert yml.name in (f"_{folder}__models.yml", f"_{folder}__sources.yml"), yml


def test_no_root_models_except_the_date_spine(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        if name not in ROOT_MODEL_EXCEPTIONS:
            assert node["depends_on"]["nodes"], f"{name} has no parent"


def test_no_hard_coded_references(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        code = re.sub(r"--[^\n]*", "", node["raw_code"])
        found = re.findall(r"\b(raw|staging|intermediate|marts|snapshots)\.[a-z_]+", code)
        assert not found, f"{name} names relations directly: {found}"


def _tests_by_model(manifest: dict) -> dict[str, dict[str, set[str]]]:
    """model name -> column -> generic test names."""
    out: dict[str, dict[str, set[str]]] = {}
    for node in manifest["nodes"].values():
        if node["resource_type"] != "test" or not node.get("test_metadata"):
            continue
        column = node.get("column_name")
        for uid in node["depends_on"]["nodes"]:
            if uid.startswith("model."):
                model = manifest["nodes"][uid]["name"]
                if node.get("attached_node") and node["attached_node"] != uid:
                    continue
                out.setdefault(model, {}).setdefault(column, set()).add(node["test_metadata"]["name"])
    return out


def test_every_model_has_its_grain_tested_unique_and_not_null(manifest: dict) -> None:
    tests = _tests_by_model(manifest)
    for name in _models(manifest):
        columns = tests.get(name, {})
        grain = [c for c, t in columns.items() if c and {"unique", "not_null"} <= t]
        assert grain, f"{name}: no column tested unique + not_null"


def test_every_model_and_mart_column_is_documented(manifest: dict) -> None:
    for name, node in _models(manifest).items():
        assert node["description"].strip(), f"{name} has no description"
        for column, spec in node["columns"].items():
            assert spec["description"].strip(), f"{name}.{column} has no description"
        if _layer(node) == "marts":
            assert len(node["columns"]) >= 2, f"{name}: document every mart column"


def test_unit_tests_cover_case_merging_and_linkage(manifest: dict) -> None:
    tested = {n["model"] for n in manifest.get("unit_tests", {}).values()}
    assert {
        "int_article_case_pairs_matched",
        "int_article_case_components_connected",
        "int_article_cases_split",
        "int_article_cases_grouped",
        "int_official_cases_normalised",
        "int_case_links_scored",
    } <= tested


def test_every_source_is_used_and_fresh(manifest: dict) -> None:
    used = {uid for node in manifest["nodes"].values() for uid in node.get("depends_on", {}).get("nodes", [])}
    exempt = {"sources", "official_rejects"}  # reference tables: a registry and an error log
    for uid, source in manifest["sources"].items():
        assert uid in used, f"source {source['source_name']}.{source['name']} is never selected"
        freshness = source.get("freshness") or {}
        if source["name"] not in exempt:
            assert freshness.get("warn_after", {}).get("count"), f"{source['name']} has no freshness"
            assert source.get("loaded_at_field"), f"{source['name']} has no loaded_at_field"


def test_sqlfluff_lints_the_dbt_project_clean() -> None:
    proc = subprocess.run(
        [str(Path(sys.executable).parent / "sqlfluff"), "lint", "dbt", "--nocolor"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-5000:] + proc.stderr[-2000:]


def test_seeds_keep_to_the_lists_they_copy() -> None:
    with (ROOT / "nlp" / "data" / "regions.csv").open(encoding="utf-8") as f:
        gazetteer = list(csv.DictReader(f))
    with (DBT_PROJECT_DIR / "seeds" / "regions.csv").open(encoding="utf-8") as f:
        seed = list(csv.DictReader(f))
    assert seed == gazetteer, "dbt/seeds/regions.csv differs from nlp/data/regions.csv: copy it again"
    with (DBT_PROJECT_DIR / "seeds" / "conduct_codes.csv").open(encoding="utf-8") as f:
        codes = [r["conduct_code"] for r in csv.DictReader(f)]
    assert tuple(codes) == CONDUCT_CODES
    codebook = ROOT.parent / "shared" / "codebook.md"
    if codebook.exists():
        assert re.findall(r"^\| `(C\d\d_[A-Z_]+)` \|", codebook.read_text(), re.M) == codes
