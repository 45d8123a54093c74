"""`nlp/corpus/build_gold.py`: contract-format gold with spans computed from the evidence sentences."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from nlp.corpus.build_gold import build
from tests.nlp.conftest import ROOT, schema_errors

ARTICLE = {
    "id": "x-001",
    "site": "detakdaerah.example",
    "title": "Camat Dilaporkan",
    "author": None,
    "published_at": "2024-01-18T09:12:00+07:00",
    "split": "test",
    "text": "JOMBANG - Seorang camat diduga berpose dua jari.\n\nIa dilaporkan ke Bawaslu Kabupaten Jombang.\n",
    "gold": {
        "article_types": ["CASE_REPORT"],
        "cases": [
            {
                "actors": [
                    {
                        "name": None,
                        "position": "Camat",
                        "actor_type": "PNS",
                        "institution": None,
                        "region": {"province": "Jawa Timur", "regency": "Kabupaten Jombang"},
                    }
                ],
                "conduct": ["C02_FOTO_SIMBOL"],
                "violation_kind": ["NETRALITAS"],
                "incident_date": None,
                "region": {"province": "Jawa Timur", "regency": "Kabupaten Jombang"},
                "status": "REPORTED",
                "evidence": ["JOMBANG - Seorang camat diduga berpose dua jari."],
            }
        ],
        "institutions": [{"name": "Bawaslu Kabupaten Jombang", "role": "OVERSIGHT"}],
        "statistics": [],
    },
}


def write(directory: Path, article: dict) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{article['id']}.yaml").write_text(
        yaml.safe_dump(article, allow_unicode=True), encoding="utf-8"
    )


def test_gold_lines_are_contract_objects_with_exact_spans(
    tmp_path: Path, validator: jsonschema.Draft202012Validator
) -> None:
    write(tmp_path / "articles", ARTICLE)
    counts, problems = build(tmp_path / "articles", tmp_path / "gold")
    assert problems == [] and counts == {"train": 0, "dev": 0, "test": 1}
    (gold,) = [json.loads(line) for line in (tmp_path / "gold" / "test.jsonl").read_text().splitlines()]
    assert schema_errors(validator, gold) == []
    (span,) = gold["cases"][0]["evidence"]
    assert gold["text"][span["start"] : span["end"]] == span["text"] and span["start"] == 0
    assert gold["relevant"] is True and gold["source"] == "detakdaerah.example"


def test_an_evidence_sentence_not_in_the_text_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    bad = json.loads(json.dumps(ARTICLE))
    bad["id"] = "x-002"
    bad["gold"]["cases"][0]["evidence"] = ["Kalimat yang tidak ada."]
    write(tmp_path / "articles", ARTICLE)
    write(tmp_path / "articles", bad)
    counts, problems = build(tmp_path / "articles", tmp_path / "gold")
    assert counts["test"] == 1
    assert len(problems) == 1 and "x-002" in problems[0] and "not found verbatim" in problems[0]


def test_a_name_cut_at_a_comma_by_yaml_is_reported(tmp_path: Path) -> None:
    from nlp.corpus.validate import load_regions, validate_file

    # A corpus article whose dinas name holds a comma, written unquoted as a writer might type it.
    source = (ROOT / "nlp" / "corpus" / "articles" / "w7-008.yaml").read_text(encoding="utf-8")
    quoted = '{name: "Dinas Perkebunan, Peternakan dan Kesehatan Hewan Kabupaten Rokan Hulu", role: EMPLOYER}'
    assert quoted in source
    path = tmp_path / "w7-008.yaml"
    path.write_text(source, encoding="utf-8")
    assert validate_file(path, load_regions())[0] == []
    path.write_text(source.replace(quoted, quoted.replace('"', "")), encoding="utf-8")
    problems, _ = validate_file(path, load_regions())
    assert any("cut at a comma" in p for p in problems), problems
