"""Netra's spaCy pipeline: building it, saving it, loading it.

``load()`` returns the one versioned pipeline that ``netra annotate`` runs:
a blank Indonesian pipeline (``spacy.blank("id")``, no pretrained model
exists) with Netra's fast tokenizer and components, plus the trained
classifiers from ``nlp/model/``. ``build()`` assembles the
same pipeline from code (optionally without the trained part, for tests and
for training itself).
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from nlp import components as _components  # noqa: F401
from nlp import tokenizer as _tokenizer  # noqa: F401  (registers netra.fast_tokenizer.v1)
from nlp.components import (  # noqa: F401  (imported to register the factories)
    article_types,
    cases,
    conduct,
    dates,
    institutions,
    language,
    persons,
    regions,
    sentences,
    statistics,
)
from nlp.version import PIPELINE_NAME, VERSION, pipeline_version

MODEL_DIR = Path(__file__).resolve().parent / "model"
TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "netra.fast_tokenizer.v1"}}}
TEXTCAT = conduct.TEXTCAT
WORDS_TEXTCAT = conduct.WORDS_TEXTCAT
TYPES_TEXTCAT = article_types.TEXTCAT

COMPONENTS = (
    "netra_sentences",
    "netra_language",
    "netra_regions",
    "netra_institutions",
    "netra_persons",
    "netra_dates",
    "netra_statistics",
    "netra_conduct",
    "netra_cases",
    "netra_article_types",
)


class PipelineNotFound(RuntimeError):
    """The trained pipeline is not where it should be."""


def _source_name(source: Language, name: str) -> str:
    return name if name in source.component_names else "textcat_multilabel"


def build(
    textcat_source: Language | None = None,
    types_source: Language | None = None,
    words_source: Language | None = None,
) -> Language:
    """Assemble the pipeline from code.

    ``textcat_source``, ``types_source`` and ``words_source`` are trained pipelines (``spacy train``
    output) holding the conduct, article-type and confirming conduct classifiers; without them the
    pipeline runs on rules alone.
    """
    nlp = spacy.blank("id", config=TOKENIZER_CONFIG)
    for name in COMPONENTS:
        nlp.add_pipe(name, name=name)
    classifiers = (
        # Runs on the whole article and writes doc.cats for netra_article_types.
        (types_source, TYPES_TEXTCAT, "netra_article_types", True),
        # Runs per sentence inside netra_conduct, never on the whole article.
        (textcat_source, TEXTCAT, "netra_conduct", False),
        # Asked by netra_cases about single sentences only.
        (words_source, WORDS_TEXTCAT, "netra_conduct", False),
    )
    for source, name, before, on_articles in classifiers:
        if source is None:
            continue
        nlp.add_pipe(_source_name(source, name), name=name, source=source, before=before)
        if not on_articles:
            nlp.disable_pipe(name)
    nlp.meta["name"] = PIPELINE_NAME
    nlp.meta["version"] = VERSION
    nlp.meta["description"] = (
        "Netra: ASN election-neutrality cases from Indonesian news (codebook annotations)"
    )
    return nlp


def save(nlp: Language, path: Path = MODEL_DIR) -> Path:
    """Write the pipeline to ``path``."""
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    return path


def load(path: Path | None = None) -> Language:
    """The versioned pipeline (``nlp/model`` by default). Raises :class:`PipelineNotFound` without it."""
    path = path or MODEL_DIR
    if not (path / "config.cfg").exists():
        raise PipelineNotFound(
            f"no trained pipeline in {path}; build it with `python -m spacy project run all nlp`"
        )
    nlp = spacy.load(path)
    if nlp.meta.get("version") != VERSION:
        raise PipelineNotFound(
            f"pipeline in {path} is version {nlp.meta.get('version')}, code expects {VERSION}; retrain it"
        )
    return nlp


__all__ = ["MODEL_DIR", "PipelineNotFound", "build", "load", "pipeline_version", "save"]
