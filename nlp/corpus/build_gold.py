"""Write the labelled corpus as contract-format gold files, one per split.

Usage: ``python nlp/corpus/build_gold.py [--out DIR] [--exclude PREFIX ...]`` writes
``nlp/corpus/gold/{train,dev,test}.jsonl`` (DIR/... with ``--out``): one
``netra annotate`` output object per article, every evidence span computed
from the YAML evidence sentences (``text[start:end]`` is the sentence), every
line validated against ``shared/contracts/annotation.schema.json`` when the
schema is available. The files double as input for ``netra annotate`` (each
line has ``id``, ``url``, ``text`` and ``published_at``). ``--exclude w8- --exclude w9-``
leaves out the files whose names start so (a writer's batch still being written).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import yaml

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"
SPLITS = ("train", "dev", "test")
RELEVANT = {"CASE_REPORT", "AGGREGATE_STATS", "POLICY"}


class GoldError(ValueError):
    """An article whose labels cannot be turned into gold."""


def _find(text: str, sentence: str, where: str) -> dict[str, Any]:
    start = text.find(sentence)
    if start < 0:
        raise GoldError(f"{where}: evidence not found verbatim: {sentence[:70]!r}")
    return {"start": start, "end": start + len(sentence), "text": sentence}


def _region(region: dict | None) -> dict | None:
    if not region:
        return None
    return {"province": region.get("province"), "regency": region.get("regency")}


def to_gold(doc: dict[str, Any]) -> dict[str, Any]:
    """One YAML article as a contract-format gold object."""
    text = doc["text"]
    gold = doc["gold"]
    where = str(doc.get("id"))
    types = list(gold.get("article_types") or [])
    cases = []
    for i, case in enumerate(gold.get("cases") or []):
        cases.append(
            {
                "actors": [
                    {
                        "name": a.get("name"),
                        "position": a.get("position"),
                        "actor_type": a.get("actor_type"),
                        "institution": a.get("institution"),
                        "region": _region(a.get("region")),
                    }
                    for a in case.get("actors") or []
                ],
                "conduct": list(case.get("conduct") or []),
                "violation_kind": list(case.get("violation_kind") or []),
                "incident_date": str(case["incident_date"]) if case.get("incident_date") else None,
                "region": _region(case.get("region")),
                "status": case.get("status"),
                "evidence": [_find(text, s, f"{where} case {i}") for s in case.get("evidence") or []],
            }
        )
    statistics = []
    for i, st in enumerate(gold.get("statistics") or []):
        entry = {
            "value": st["value"],
            "unit": st["unit"],
            "subject": st.get("subject") or "",
            "period_start": str(st["period_start"]) if st.get("period_start") else None,
            "period_end": str(st["period_end"]) if st.get("period_end") else None,
            "source_org": st.get("source_org"),
        }
        if st.get("evidence"):
            entry["evidence"] = _find(text, st["evidence"], f"{where} statistic {i}")
        statistics.append(entry)
    return {
        "id": str(doc["id"]),
        "url": doc.get("url"),
        "title": doc.get("title"),
        "published_at": str(doc["published_at"]) if doc.get("published_at") else None,
        "author": doc.get("author"),
        "source": doc.get("site"),
        "text": text,
        "article_types": types,
        "relevant": bool(RELEVANT & set(types)),
        "cases": cases,
        "institutions": [{"name": i["name"], "role": i["role"]} for i in gold.get("institutions") or []],
        "statistics": statistics,
    }


def _validator() -> jsonschema.Draft202012Validator:
    # nlp/data keeps a copy of shared/contracts/annotation.schema.json (a test checks they agree).
    schema_path = HERE.parent / "data" / "annotation.schema.json"
    return jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def build(
    articles: Path = ARTICLES, out: Path = GOLD, exclude: tuple[str, ...] = ()
) -> tuple[dict[str, int], list[str]]:
    """Write the gold files; return articles per split and the problems of articles left out.

    Files whose names start with one of ``exclude`` are skipped without a problem reported.
    """
    out.mkdir(parents=True, exist_ok=True)
    validator = _validator()
    lines: dict[str, list[str]] = {s: [] for s in SPLITS}
    problems: list[str] = []
    for path in sorted(articles.glob("*.yaml")):
        if exclude and path.name.startswith(exclude):
            continue
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
            gold = to_gold(doc)
            errors = sorted(validator.iter_errors(gold), key=str)
            if errors:
                raise GoldError(f"not schema-valid: {errors[0].message}")
            split = doc.get("split")
            if split not in lines:
                raise GoldError(f"{path.name}: unknown split {split!r}")
        except (GoldError, KeyError, TypeError, yaml.YAMLError) as exc:
            problems.append(f"{path.name}: {exc}")
            continue
        lines[split].append(json.dumps(gold, ensure_ascii=False))
    for split, rows in lines.items():
        (out / f"{split}.jsonl").write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    return {s: len(r) for s, r in lines.items()}, problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--out", type=Path, default=GOLD)
    parser.add_argument(
        "--exclude", action="append", default=[], metavar="PREFIX", help="skip files whose names start so"
    )
    args = parser.parse_args(argv)
    counts, problems = build(args.articles, args.out, tuple(args.exclude))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(" ".join(f"{s}={n}" for s, n in counts.items()), "->", args.out)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
