"""The versioned pipeline: what it holds, its size, and schema-valid output on the held-out split."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from spacy.language import Language

from nlp.corpus.build_gold import build as build_gold
from nlp.evaluate import evaluate, read_jsonl
from nlp.pipeline import MODEL_DIR, PipelineNotFound, load
from nlp.records import annotate_prepared, prepare
from nlp.version import VERSION, pipeline_version
from tests.nlp.conftest import ROOT, SCHEMA, schema_errors


def test_one_versioned_pipeline(nlp: Language) -> None:
    assert nlp.meta["version"] == VERSION and pipeline_version().endswith(VERSION)
    assert nlp.lang == "id"
    for name in (
        "netra_sentences",
        "netra_regions",
        "netra_institutions",
        "netra_persons",
        "netra_statistics",
        "netra_conduct",
        "netra_cases",
        "netra_article_types",
    ):
        assert name in nlp.pipe_names
    assert {"conduct_textcat", "types_textcat", "conduct_words_textcat"} <= set(nlp.component_names)


def test_the_package_loads_the_pipeline() -> None:
    import nlp as nlp_package

    pipeline = nlp_package.load()
    assert pipeline.meta["version"] == nlp_package.__version__ == VERSION
    assert pipeline("SURABAYA - Tes.")._.sentences == [(0, 15)]


def test_trained_artefact_is_small() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert 0 < size < 20_000_000


def test_missing_pipeline_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PipelineNotFound, match="project run"):
        load(tmp_path)


def test_schema_copy_matches_the_shared_contract() -> None:
    shared = ROOT.parent / "shared" / "contracts" / "annotation.schema.json"
    if not shared.exists():
        pytest.skip("shared contracts are not beside this checkout")
    assert json.loads(shared.read_text()) == json.loads(SCHEMA.read_text())


@pytest.fixture(scope="module")
def test_split(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    out = tmp_path_factory.mktemp("gold")
    build_gold(ROOT / "nlp" / "corpus" / "articles", out)
    return list(read_jsonl(out / "test.jsonl"))


def test_held_out_split_is_schema_valid_with_exact_spans_and_no_regression(
    nlp: Language, validator: jsonschema.Draft202012Validator, test_split: list[dict]
) -> None:
    assert len(test_split) >= 15
    predictions = []
    for gold in test_split:
        line = json.dumps({k: gold[k] for k in ("id", "url", "text", "published_at", "source")})
        result = annotate_prepared(nlp, prepare(line, 1, None, 1_000_000))
        assert schema_errors(validator, result) == [], result["id"]
        assert "error" not in result
        assert result["relevant"] == bool(
            {"CASE_REPORT", "AGGREGATE_STATS", "POLICY"} & set(result["article_types"])
        )
        predictions.append(result)
    report = evaluate(test_split, predictions)
    assert report.evidence_exact == 1.0 and report.spans_total > 50
    f1 = {name: score.f1 for name, score in report.scores.items()}
    # Floors that catch a regression; the targets themselves are reported by `netra eval`.
    assert f1["relevance"] >= 0.85, f1
    assert f1["statistics"] >= 0.75, f1
    assert f1["conduct"] >= 0.6, f1
    assert f1["actors"] >= 0.6, f1
    assert f1["regency"] >= 0.7, f1
    assert f1["institutions"] >= 0.6, f1
