"""A case's second conduct code: what the classifier learns from single sentences.

A story told at length about one code drowns the cues of its second code in the case's pooled counts, so
the conduct classifier also learns from each evidence sentence alone, labelled only for the codes that
sentence cues. Sentences are written for the test, not copied from the corpus.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from nlp.components.conduct import WORDS_TEXTCAT, predict_codes, words_input
from nlp.pipeline import TOKENIZER_CONFIG
from nlp.training_data import (
    conduct_examples,
    conduct_training_examples,
    sentence_examples,
    word_examples,
)
from nlp.tune import _train_words, folds


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


def test_one_sentence_about_the_accused_carries_a_second_code(nlp: Language) -> None:
    """A code one sentence about the accused cues twice, and that the classifier ranks first for that
    sentence alone, joins the case's codes however much the main code dominates the pooled counts."""
    builder = nlp.get_pipe("netra_cases")
    doc = nlp(
        "Camat Sukamaju, Budi Santoso, membagikan bantuan pangan kepada warga di tiga desa. "
        "Beras itu diangkut dengan truk milik pemkab pada jam kerja. "
        "Warga menerima penyaluran bantuan itu di balai desa. "
        "Sebuah truk milik pemkab terlihat di jalan pada jam kerja."
    )
    assert set(doc._.conduct.get(1, {})) == {"C07_FASILITAS_NEGARA"}
    main = ["C09_KEPUTUSAN"]
    span = sorted(doc._.conduct)
    # Sentence 1 follows one about the accused (sentence 0): its two C07 cues carry the code.
    assert builder._sentence_codes(doc, span, {0}, main) == ["C07_FASILITAS_NEGARA", "C09_KEPUTUSAN"]
    # The same wording two sentences away from the accused is background.
    assert builder._sentence_codes(doc, [3], {0}, main) == main
    before = builder.sentence_model, builder.sentence_hits
    try:
        builder.sentence_model = 99.0  # off
        assert builder._sentence_codes(doc, span, {0}, main) == main
        builder.sentence_model, builder.sentence_hits = before[0], 3.0  # two cues are not three
        assert builder._sentence_codes(doc, span, {0}, main) == main
    finally:
        builder.sentence_model, builder.sentence_hits = before


def test_word_examples_read_the_sentence_words_with_the_same_labels() -> None:
    """The confirming classifier learns from the same sentences and labels, read as cues and words."""
    words = word_examples(STORY)
    assert [cats for _, cats in words] == [cats for _, cats in sentence_examples(STORY)]
    tokens = words[1][0].split()
    assert tokens[:4] == ["CUE_C07", "CUEW_milik_pemkab", "CUE_C07", "CUEW_pada_jam_kerja"]
    # Words of three letters or more, lower-cased; "itu" is a word, "di" is not.
    assert tokens[4:] == [
        "W_berasnya",
        "W_diangkut",
        "W_truk",
        "W_milik",
        "W_pemkab",
        "W_pada",
        "W_jam",
        "W_kerja",
    ]
    assert words_input("Tanpa isyarat apa pun.") == "TANPA_CUE W_tanpa W_isyarat W_apa W_pun"


def test_the_confirming_classifier_adds_only_cued_codes_it_believes(nlp: Language) -> None:
    """A code the case's sentences cue (weighted hits of one or more) joins when the confirming classifier,
    asked about one such sentence, gives it ``second_sentence``; codes no sentence cues never join."""
    builder = nlp.get_pipe("netra_cases")
    doc = nlp(
        "Kepala Dinas Sosial Sukamaju, Budi Santoso, membagikan bantuan pangan kepada warga di tiga desa. "
        "Ia mengangkut beras itu dengan mobil dinas berpelat merah. "
        "Warga menerima penyaluran bantuan itu di balai desa."
    )
    assert "C07_FASILITAS_NEGARA" in doc._.conduct.get(1, {})
    span, main = sorted(doc._.conduct), ["C09_KEPUTUSAN"]
    body = {"C09_KEPUTUSAN": 3.0, "C07_FASILITAS_NEGARA": 2.0}
    before = builder.second_sentence
    try:
        builder.second_sentence = 0.0  # every cued code the classifier is asked about
        assert builder._confirmed_codes(doc, span, main, body) == ["C07_FASILITAS_NEGARA", "C09_KEPUTUSAN"]
        # A cue beside the accused's sentences only once (weighted 0.5) is not enough to ask.
        assert builder._confirmed_codes(doc, span, main, {**body, "C07_FASILITAS_NEGARA": 0.5}) == main
        builder.second_sentence = 99.0  # off
        assert builder._confirmed_codes(doc, span, main, body) == main
    finally:
        builder.second_sentence = before
    # A sentence about the accused (``near``) is held to ``second_near``, any other to ``second_sentence``.
    before = builder.second_sentence, builder.second_near
    try:
        builder.second_sentence, builder.second_near = 99.0, 0.0
        assert builder._confirmed_codes(doc, span, main, body, {1}) == [
            "C07_FASILITAS_NEGARA",
            "C09_KEPUTUSAN",
        ]
        assert builder._confirmed_codes(doc, span, main, body, {0, 2}) == main
        builder.second_sentence, builder.second_near = 0.0, 99.0
        assert builder._confirmed_codes(doc, span, main, body, {1}) == main
    finally:
        builder.second_sentence, builder.second_near = before
    # The shipped bar: a fine to be paid is no order to subordinates, whatever its cue ("diwajibkan").
    fine = nlp(
        "Kepala desa Sukamaju, Budi Santoso, terbukti membagikan uang kepada pemilih. "
        "Selain hukuman percobaan, ia diwajibkan membayar denda Rp 5 juta."
    )
    cued = sorted(fine._.conduct)
    assert "C08_MOBILISASI" in fine._.conduct.get(1, {})
    body = {"C12_POLITIK_UANG": 2.0, "C08_MOBILISASI": 1.0}
    assert builder._confirmed_codes(fine, cued, ["C12_POLITIK_UANG"], body) == ["C12_POLITIK_UANG"]
    # ... also when it is said of the accused ("ia diwajibkan"), under the lower bar for such sentences.
    assert builder._confirmed_codes(fine, cued, ["C12_POLITIK_UANG"], body, {0, 1}) == ["C12_POLITIK_UANG"]
    # The words tell the two sentences apart where their cues alone (a C07 pair, a C08 verb) cannot.
    car, order = predict_codes(
        nlp,
        [
            words_input("Ia mengangkut beras itu dengan mobil dinas berpelat merah."),
            words_input("Selain hukuman percobaan, ia diwajibkan membayar denda Rp 5 juta."),
        ],
        WORDS_TEXTCAT,
    )
    assert car["C07_FASILITAS_NEGARA"] > order["C08_MOBILISASI"] + 0.2


def test_a_fold_trains_its_confirming_classifier_on_its_training_part_only(tmp_path: Path) -> None:
    """Cross-validation judges the confirming classifier on sentences it never learnt from."""
    stories = [
        {
            "id": f"s{n}",
            "cases": [
                {
                    "conduct": ["C07_FASILITAS_NEGARA"],
                    "evidence": [_evidence(f"Camat {place} memakai mobil dinas ke lokasi kampanye.")],
                }
            ],
        }
        for n, place in enumerate(
            [
                "Sukamaju",
                "Sukarame",
                "Cibodas",
                "Pameungpeuk",
                "Lembang",
                "Ciwidey",
                "Pangalengan",
                "Banjaran",
            ]
        )
    ]
    held_out, *rest = folds(stories, 4)
    training = [g for part in rest for g in part]
    model = _train_words(training, held_out, tmp_path / "words", steps=20)
    assert "C07_FASILITAS_NEGARA" in model.get_pipe("textcat_multilabel").labels
    vocab = spacy.blank("id", config=TOKENIZER_CONFIG).vocab
    trained = [d.text for d in DocBin().from_disk(tmp_path / "words" / "train.spacy").get_docs(vocab)]
    assert sorted(trained) == sorted(x for g in training for x, _ in word_examples(g))
    assert all("W_camat" in text and "W_mobil" in text for text in trained)
    assert not {x for g in held_out for x, _ in word_examples(g)} & set(trained)
