"""A case's second conduct code: what the classifier learns from single sentences.

A story told at length about one code drowns the cues of its second code in the case's pooled counts, so
the conduct classifier also learns from each evidence sentence alone, labelled only for the codes that
sentence cues. Sentences are written for the test, not copied from the corpus.
"""

from __future__ import annotations

from nlp.training_data import conduct_examples, conduct_training_examples, sentence_examples


def _evidence(sentence: str) -> dict[str, object]:
    return {"text": sentence, "start": 0, "end": len(sentence)}


STORY = {
    "title": "Camat Bagikan Beras Pakai Truk Pemkab",
    "cases": [
        {
            "conduct": ["C07_FASILITAS_NEGARA", "C09_KEPUTUSAN"],
            "evidence": [
                _evidence("Penyaluran bantuan pangan itu dipimpin langsung sang camat."),
                _evidence("Berasnya diangkut truk milik pemkab pada jam kerja."),
                _evidence("Camat itu belum bisa dihubungi."),
                _evidence("Ia juga memasang spanduk di depan gudang."),
            ],
        },
        {"conduct": [], "evidence": [_evidence("Kepala dinas menyalurkan bansos.")]},
    ],
}


def test_sentence_examples_label_only_the_codes_a_sentence_cues() -> None:
    examples = sentence_examples(STORY)
    # One per evidence sentence with cues, of cases with conduct (the sentence without cues and the
    # case without codes give none).
    assert [cats for _, cats in examples] == [
        {"C09_KEPUTUSAN": 1.0},
        {"C07_FASILITAS_NEGARA": 1.0},
        # A cue of a code the case does not have is a negative for that code alone.
        {"C03_ALAT_PERAGA": 0.0},
    ]
    text, _ = examples[1]
    assert text.split() == [
        "CUE_C07",
        "CUEW_milik_pemkab",
        "CUE_C07",
        "CUEW_pada_jam_kerja",
    ]


def test_training_examples_are_the_cases_then_their_sentences() -> None:
    both = conduct_training_examples(STORY)
    assert both == conduct_examples(STORY) + sentence_examples(STORY)
    # The case example keeps every code labelled, absent ones at 0.
    case_text, case_cats = both[0]
    assert case_cats["C07_FASILITAS_NEGARA"] == case_cats["C09_KEPUTUSAN"] == 1.0
    assert case_cats["C01_MEDSOS"] == 0.0
    assert "CUE_C07" in case_text and "CUE_C09" in case_text
