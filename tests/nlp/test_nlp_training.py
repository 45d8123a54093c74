"""The trained part reproduces from the project: `spacy project run` end to end on a small subset."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from nlp.pipeline import load
from nlp.version import VERSION
from tests.nlp.conftest import ROOT


def test_project_trains_and_packages_a_loadable_pipeline(tmp_path: Path) -> None:
    training, model = tmp_path / "training", tmp_path / "model"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "spacy",
            "project",
            "run",
            "smoke",
            "nlp",
            "--force",
            "--vars.training",
            str(training),
            "--vars.model",
            str(model),
            "--vars.limit",
            "12",
            "--vars.conduct_steps",
            "40",
            "--vars.types_steps",
            "40",
            "--vars.words_steps",
            "40",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=420,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (training / "gold" / "test.jsonl").exists()
    assert (training / "conduct" / "model-best").is_dir()
    nlp = load(model)
    assert nlp.meta["version"] == VERSION
    assert "conduct_words_textcat" in nlp.component_names  # the confirming classifier is packaged too
    doc = nlp(
        "JOMBANG - Camat berinisial AR diduga berpose dua jari bersama bakal calon bupati dalam Pilkada 2024."
    )
    assert doc._.conduct_model is not None and set(doc._.conduct_model) >= {"C02_FOTO_SIMBOL"}
