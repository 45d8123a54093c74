"""Sentence segmentation for Indonesian news: datelines, day-date brackets, quotes, abbreviations."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import yaml
from spacy.tokens import Doc

from nlp.sentences import sentence_spans
from tests.nlp.conftest import ROOT


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_dateline_stays_in_its_sentence_and_is_recorded() -> None:
    text = "SURABAYA - Seorang camat diduga berpose dua jari. Ia dipanggil Bawaslu."
    datelines: list[tuple[int, int]] = []
    assert sentence_spans(text, datelines) and sentences(text) == [
        "SURABAYA - Seorang camat diduga berpose dua jari.",
        "Ia dipanggil Bawaslu.",
    ]
    assert text[datelines[0][0] : datelines[0][1]] == "SURABAYA - "


@pytest.mark.parametrize(
    "dateline",
    [
        "TRIBUNNUSA.EXAMPLE, MAKASSAR - ",
        "Kupang (ANTARANUSA) - ",
        "SURYA.co.id | SURABAYA - ",
        "LAHAT, RADARPESISIR – ",
    ],
)
def test_dateline_forms(dateline: str) -> None:
    text = dateline + "Bawaslu memanggil seorang lurah."
    found: list[tuple[int, int]] = []
    sentence_spans(text, found)
    assert found == [(0, len(dateline))]


def test_day_date_brackets_and_abbreviations_do_not_end_sentences() -> None:
    text = (
        "Kepala Dinas Pendidikan Kab. Gowa, Drs. H. Ahmad Fauzi, S.Pd., M.Si., dipanggil Kamis (30/11). "
        "Ia hadir bersama dr. Rina pada Sabtu (6/1/2024) malam."
    )
    assert sentences(text) == [
        "Kepala Dinas Pendidikan Kab. Gowa, Drs. H. Ahmad Fauzi, S.Pd., M.Si., dipanggil Kamis (30/11).",
        "Ia hadir bersama dr. Rina pada Sabtu (6/1/2024) malam.",
    ]


def test_quotes_paragraphs_and_lower_case_continuations() -> None:
    text = (
        '"Kami sudah memanggil yang bersangkutan. Beliau hadir," kata Syamsul.\n\n'
        "Angka 2.034 laporan itu naik. desa lain menyusul\nBaris baru tanpa titik"
    )
    assert sentences(text) == [
        '"Kami sudah memanggil yang bersangkutan.',
        'Beliau hadir," kata Syamsul.',
        "Angka 2.034 laporan itu naik. desa lain menyusul",
        "Baris baru tanpa titik",
    ]


def test_component_marks_sentence_starts(run_until: Callable[[str, str], Doc]) -> None:
    text = "JOMBANG - Camat itu dilaporkan. Ia membantah.\n\nBaca juga: Bawaslu Jatim"
    doc = run_until(text, "netra_sentences")
    assert [s.text.strip() for s in doc.sents] == [
        "JOMBANG - Camat itu dilaporkan.",
        "Ia membantah.",
        "Baca juga: Bawaslu Jatim",
    ]
    assert doc._.dateline == (0, len("JOMBANG - "))
    assert doc._.boilerplate == [doc._.sentences[2]]


def test_every_corpus_evidence_sentence_is_one_sentence() -> None:
    """The labelled corpus cites whole sentences; the segmenter must produce exactly those."""
    missing, total = [], 0
    for path in sorted((ROOT / "nlp" / "corpus" / "articles").glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        text, gold = doc["text"], doc["gold"]
        found = {text[s:e] for s, e in sentence_spans(text)}
        cited = [e for c in gold.get("cases") or [] for e in c.get("evidence") or []]
        cited += [s["evidence"] for s in gold.get("statistics") or [] if s.get("evidence")]
        for sentence in cited:
            total += 1
            if sentence not in found:
                missing.append(f"{path.name}: {sentence[:60]}")
    assert total > 300
    # A writer's label can disagree with the corpus rules; allow one in a hundred, not more.
    assert len(missing) <= total // 100, missing


def test_initials_that_spell_a_title_end_the_sentence() -> None:
    text = (
        "Laporan itu menyebut seorang guru berinisial HJ. Dalam rekaman, ia mengajak wali murid memilih. "
        "Acara dibuka oleh Hj. Ratna."
    )
    assert sentences(text) == [
        "Laporan itu menyebut seorang guru berinisial HJ.",
        "Dalam rekaman, ia mengajak wali murid memilih.",
        "Acara dibuka oleh Hj. Ratna.",
    ]
