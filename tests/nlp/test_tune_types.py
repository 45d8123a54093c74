"""Cross-validation trains each fold's own article-type classifier, so the type gate is judged on unseen stories."""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.tokens import DocBin

from nlp.codebook import ARTICLE_TYPES
from nlp.pipeline import TOKENIZER_CONFIG
from nlp.tune import _train_types, folds

STORIES = {
    "CASE_REPORT": "Camat {n} diduga ikut kampanye calon bupati dan dilaporkan ke Bawaslu.",
    "AGGREGATE_STATS": "Bawaslu mencatat {n} dugaan pelanggaran netralitas ASN sepanjang tahapan pemilu.",
    "POLICY": "Pemerintah menerbitkan surat edaran netralitas ASN nomor {n} menjelang pilkada.",
    "IRRELEVANT": "Harga cabai di pasar naik menjadi Rp {n} ribu per kilogram pekan ini.",
}


def test_a_fold_trains_an_article_type_classifier_on_its_training_part_only(tmp_path: Path) -> None:
    gold = [
        {"id": f"{kind}-{n}", "text": text.format(n=n), "article_types": [kind]}
        for n in range(3, 7)
        for kind, text in STORIES.items()
    ]
    held_out, *rest = folds(gold, 4)
    training = [g for part in rest for g in part]
    model = _train_types(training, held_out, tmp_path / "types", steps=20)
    scores = model(held_out[0]["text"]).cats
    assert set(scores) == set(ARTICLE_TYPES) and all(0.0 <= v <= 1.0 for v in scores.values())
    # Trained on the fold's training part, never on what it is judged on.
    vocab = spacy.blank("id", config=TOKENIZER_CONFIG).vocab
    trained = [d.text for d in DocBin().from_disk(tmp_path / "types" / "train.spacy").get_docs(vocab)]
    assert sorted(trained) == sorted(g["text"] for g in training)
    assert not {g["text"] for g in held_out} & set(trained)
