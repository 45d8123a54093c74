"""Netra's NLP: Indonesian news in, codebook annotations out. Never opens a database.

``nlp.load()`` returns the one versioned spaCy pipeline (:mod:`nlp.pipeline`);
:mod:`nlp.records` turns an input line into a contract object, and
:mod:`nlp.evaluate` scores annotations against gold.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from nlp.version import VERSION as __version__
from nlp.version import pipeline_version

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["__version__", "load", "pipeline_version"]


def load(path: Path | None = None) -> Language:
    """The versioned pipeline (``nlp/model`` unless ``path`` is given); see :func:`nlp.pipeline.load`."""
    from nlp.pipeline import load as load_pipeline

    return load_pipeline(path)
