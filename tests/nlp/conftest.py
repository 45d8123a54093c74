"""Fixtures of the NLP tests: the versioned pipeline, the rules-only pipeline, the contract schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.language import Language
from spacy.tokens import Doc

from nlp.pipeline import build, load

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "nlp" / "data" / "annotation.schema.json"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The committed, trained pipeline (nlp/model), as `netra annotate` runs it."""
    return load()


@pytest.fixture(scope="session")
def rules_nlp() -> Language:
    """The same pipeline built from code, without its trained classifiers."""
    return build()


@pytest.fixture(scope="session")
def validator() -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@pytest.fixture(scope="session")
def run_until(rules_nlp: Language) -> Callable[[str, str], Doc]:
    """Run the rules pipeline on a text up to and including one component."""

    def run(text: str, last: str) -> Doc:
        doc = rules_nlp.make_doc(text)
        for name, component in rules_nlp.pipeline:
            doc = component(doc)
            if name == last:
                break
        return doc

    return run


def schema_errors(validator: jsonschema.Draft202012Validator, obj: dict[str, Any]) -> list[str]:
    return [e.message for e in validator.iter_errors(obj)]
