"""Assemble the versioned pipeline from the trained components and write it to ``nlp/model``.

Usage: ``python -m nlp.package CONDUCT_MODEL TYPES_MODEL [--words WORDS_MODEL] [--out DIR]``; the
models are ``spacy train`` outputs (``model-last``, ``model-best``). The result is what
:func:`nlp.pipeline.load` reads: Netra's rule components, the sentence-level
conduct classifier, the confirming conduct classifier (sentence cues and words) and the
article-type classifier, with the pipeline version in ``meta.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import spacy

from nlp.pipeline import MODEL_DIR, build, save


def package(
    conduct_model: Path, types_model: Path, out: Path = MODEL_DIR, words_model: Path | None = None
) -> Path:
    """Build the full pipeline from the trained ``spacy train`` outputs and save it to ``out``."""
    conduct = spacy.load(conduct_model)
    types = spacy.load(types_model)
    words = spacy.load(words_model) if words_model else None
    nlp = build(textcat_source=conduct, types_source=types, words_source=words)
    return save(nlp, out)


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conduct_model", type=Path)
    parser.add_argument("types_model", type=Path)
    parser.add_argument("--out", type=Path, default=MODEL_DIR)
    parser.add_argument(
        "--words", type=Path, help="the confirming conduct classifier (sentence cues and words)"
    )
    args = parser.parse_args(argv)
    out = package(args.conduct_model, args.types_model, args.out, args.words)
    print(f"pipeline -> {out} ({_size(out) / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
