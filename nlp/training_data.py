"""Training data for the pipeline's two trained components, from the contract-format gold files.

* ``conduct``: one example per article with cases: the classifier input of
  :func:`nlp.components.conduct.classifier_input` (the cue hits of the article
  and its headline as tokens) labelled with the conduct codes of all its cases.
* ``article_types``: one example per article, its codebook article types.

Usage: ``python -m nlp.training_data GOLD_DIR OUT_DIR [--limit N]`` writes
``OUT_DIR/{conduct,article_types}-{train,dev}.spacy`` (spaCy DocBin files).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import spacy
from spacy.tokens import DocBin

from nlp.codebook import ARTICLE_TYPES, CONDUCT_CODES
from nlp.components.conduct import classifier_input, cue_hits
from nlp.evaluate import read_jsonl
from nlp.pipeline import TOKENIZER_CONFIG


def conduct_example(gold: dict[str, Any]) -> tuple[str, dict[str, float]] | None:
    """``(classifier input, cats)`` for one gold article with cases, else None."""
    codes = {code for case in gold.get("cases") or [] for code in case.get("conduct") or []}
    if not codes:
        return None
    hits = cue_hits(gold["text"]) + cue_hits(gold.get("title") or "")
    return classifier_input(gold["text"], hits), {code: float(code in codes) for code in CONDUCT_CODES}


def type_example(gold: dict[str, Any]) -> tuple[str, dict[str, float]]:
    """``(text, cats)`` for one gold article."""
    types = set(gold.get("article_types") or [])
    return gold["text"], {t: float(t in types) for t in ARTICLE_TYPES}


def build(gold_dir: Path, out_dir: Path, limit: int = 0) -> dict[str, int]:
    """Write the DocBin files; return how many examples each holds."""
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)  # the pipeline's own tokenizer
    out_dir.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for split in ("train", "dev"):
        articles = list(read_jsonl(gold_dir / f"{split}.jsonl"))
        if limit:
            articles = articles[:limit]
        conduct, types = DocBin(), DocBin()
        n_conduct = 0
        for gold in articles:
            example = conduct_example(gold)
            if example is not None:
                doc = nlp.make_doc(example[0])
                doc.cats = example[1]
                conduct.add(doc)
                n_conduct += 1
            text, cats = type_example(gold)
            doc = nlp.make_doc(text)
            doc.cats = cats
            types.add(doc)
        conduct.to_disk(out_dir / f"conduct-{split}.spacy")
        types.to_disk(out_dir / f"article_types-{split}.spacy")
        counts[f"conduct-{split}"] = n_conduct
        counts[f"article_types-{split}"] = len(articles)
    return counts


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="Articles per split (0: all); for quick runs.")
    args = parser.parse_args(argv)
    counts = build(args.gold_dir, args.out_dir, args.limit)
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
