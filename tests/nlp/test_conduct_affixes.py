"""Verb families in the conduct lexicon: ``@root`` written out as the root's affixed forms (nlp.affixes).

The sentences are written for the test: each uses a form of a family that the lexicon names once by its
root, so the cue is found whichever form a writer chooses.
"""

from __future__ import annotations

import pytest

from nlp.affixes import verb_forms
from nlp.components.conduct import cue_scores, expand_roots


@pytest.mark.parametrize(
    ("root", "forms"),
    [
        # The voiceless first consonant drops after meN-/peN- (and loans keep it: both are made).
        ("pasang", {"memasang", "dipasang", "dipasangi", "terpasang", "memasangkannya"}),
        ("tempel", {"menempel", "menempelkan", "ditempeli", "tertempel", "tempelkan"}),
        ("kumpul", {"mengumpulkan", "dikumpulkan", "terkumpul", "kumpulkan"}),
        ("sebar", {"menyebarkan", "disebarkan", "tersebar"}),
        ("sosialisasi", {"menyosialisasikan", "mensosialisasikan", "disosialisasikan"}),
        ("posting", {"memosting", "memposting", "diposting"}),
        # Voiced consonants and vowels keep the root whole; r- takes te-, l/m/n/r/w/y take me-.
        ("bagi", {"membagikan", "dibagikan", "membagi"}),
        ("guna", {"menggunakan", "digunakan"}),
        ("rangkul", {"merangkul", "dirangkul", "terangkul"}),
        # A one-syllable root takes menge-.
        ("cat", {"mengecat", "dicat"}),
    ],
)
def test_verb_forms(root: str, forms: set[str]) -> None:
    assert forms <= set(verb_forms(root))


def test_the_deed_noun_only_on_request() -> None:
    """peN-...-an is another word for some roots (perintah -> pemerintahan, pungut -> pemungutan suara)."""
    assert "pemerintahan" not in verb_forms("perintah")
    assert "penggunaan" in verb_forms("guna", noun=True)
    assert "pembagian" in verb_forms("bagi", noun=True)
    assert "pembagian" not in verb_forms("bagi")


def test_roots_expand_to_whole_alternatives() -> None:
    expanded = expand_roots(r"\b(?:stiker|(?:@@bagi) (?:beras|uang)|@rangkul)\b")
    assert "|pembagian|" in expanded and "|dirangkul|" in expanded
    with pytest.raises(ValueError):
        expand_roots(r"\b(?:@bagi beras)\b")  # the context must stand outside the family's group
    with pytest.raises(ValueError):
        expand_roots(r"\b(?:x@bagi)\b")
    with pytest.raises(ValueError):
        verb_forms("bagi-bagi")


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        (
            "C07_FASILITAS_NEGARA",
            "Warga memprotes pemakaian kendaraan milik kecamatan untuk menjemput massa.",
        ),
        ("C07_FASILITAS_NEGARA", "Ruang rapat kantor desa dipinjamkan kepada tim pasangan calon."),
        ("C06_KEGIATAN_BERPIHAK", "Para janda di dusun itu dibujuk agar datang ke rumah sang calon."),
        ("C12_POLITIK_UANG", "Pembagian uang itu berlangsung selepas magrib di rumah seorang kader."),
        ("C02_FOTO_SIMBOL", "Dalam foto itu sang camat dirangkul calon bupati di atas panggung."),
        ("C05_KAMPANYE", "Ia kerap mendampingi rombongan calon wali kota blusukan ke pasar."),
        ("C08_MOBILISASI", "Para guru honorer diperintahkan hadir dengan seragam hitam putih."),
        ("C14_PROFESIONALITAS", "Warga yang datang dari kubu lawan merasa disulitkan saat mengurus akta."),
    ],
)
def test_an_unlisted_form_of_a_family_is_found(code: str, sentence: str) -> None:
    assert code in cue_scores(sentence)


def test_the_voting_noun_is_no_levy() -> None:
    """``@pungut`` writes the verbs only: "pemungutan suara" (voting) is no extortion cue."""
    assert "C14_PROFESIONALITAS" not in cue_scores("Pemungutan suara digelar serentak pada 27 November.")
