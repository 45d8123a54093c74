"""Conduct evidence per sentence (codebook cues) and per article (the trained classifier); language guard."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.conduct import classifier_input, cue_hits, cue_scores
from nlp.components.language import indonesian_share
from nlp.extensions import with_title

Run = Callable[[str, str], Doc]


def test_cues_name_the_act_not_the_context() -> None:
    assert cue_scores("Ia mengunggah foto caleg di akun TikTok pribadinya.") == {"C01_MEDSOS": 2.0}
    assert cue_scores("Camat itu berpose dua jari bersama bakal calon bupati.") == {"C02_FOTO_SIMBOL": 2.0}
    assert "C12_POLITIK_UANG" in cue_scores("Ia membagikan amplop berisi uang Rp 50.000 kepada warga.")
    assert cue_scores("Bawaslu menerima laporan tentang bakal calon dan caleg.") == {}


def test_a_possessive_closes_a_cue_without_changing_its_words() -> None:
    assert cue_hits("Ia datang dengan mobil dinasnya.") == [(17, "C07_FASILITAS_NEGARA", "mobil dinas")]
    assert cue_hits("Spanduknya dipasang warga.") == [(0, "C03_ALAT_PERAGA", "spanduk")]
    assert cue_hits("Mobil dinasnyaa rusak.") == []  # only -nya, then a word boundary


def test_classifier_input_is_cue_tokens() -> None:
    hits = cue_hits("Ia memasang baliho dan spanduk.")
    assert [code for _, code, _ in hits] == ["C03_ALAT_PERAGA", "C03_ALAT_PERAGA"]
    assert classifier_input("", hits) == "CUE_C03 CUEW_baliho CUE_C03 CUEW_spanduk"
    assert classifier_input("Tidak ada apa-apa.") == "TANPA_CUE"


def test_component_scores_sentences_and_the_headline(nlp: Language) -> None:
    doc = nlp(
        with_title(
            nlp.make_doc(
                "KENDARI - Seorang guru berinisial LA menempelkan stiker bakal calon wali kota di mobil dinas. "
                "Bawaslu Kota Kendari memanggil LA."
            ),
            "Guru Pasang Stiker Calon Wali Kota di Mobil Dinas",
        )
    )
    assert doc._.conduct[0]["C03_ALAT_PERAGA"] >= 1 and doc._.conduct[0]["C07_FASILITAS_NEGARA"] >= 1
    assert 1 not in doc._.conduct  # no cue in the second sentence
    assert doc._.conduct_title == {"C03_ALAT_PERAGA": 1.0, "C07_FASILITAS_NEGARA": 1.0}
    model = doc._.conduct_model
    assert model is not None and set(model) == {c for c in model if c.startswith("C")}
    assert max(model, key=model.get) in {"C03_ALAT_PERAGA", "C07_FASILITAS_NEGARA"}


def test_a_summary_of_counted_breaches_is_no_evidence(run_until: Run) -> None:
    """A sentence summing up which kinds of breach a body counted most names no one's conduct."""
    doc = run_until(
        "MATARAM - Seorang guru berinisial KS diduga mengunggah foto calon bupati di akun Facebook pribadinya. "
        "Menurut Bawaslu, jenis pelanggaran terbanyak tahun ini berupa unggahan di media sosial dan kehadiran "
        "di kampanye terbuka. "
        "Sebagian besar laporan yang masuk soal foto bersama calon dengan pose dua jari. "
        "Dari jumlah itu, 14 kasus terkait spanduk di pagar kantor desa.",
        "netra_conduct",
    )
    assert doc._.conduct[0]["C01_MEDSOS"] >= 1  # the accused's own post
    assert not {1, 2, 3} & set(doc._.conduct)
    # The same words about the accused are evidence.
    doc = run_until(
        "MATARAM - Seorang guru berinisial KS diduga berpose dua jari bersama calon bupati di kampanye terbuka.",
        "netra_conduct",
    )
    assert {"C02_FOTO_SIMBOL", "C05_KAMPANYE"} <= set(doc._.conduct[0])


def test_no_one_to_accuse_no_conduct_work(run_until: Run) -> None:
    doc = run_until("Harga cabai naik. Pedagang memasang spanduk diskon.", "netra_conduct")
    assert doc._.conduct == {} and doc._.conduct_model is None


def test_language_guard() -> None:
    indonesian, english = indonesian_share(
        "Bawaslu memanggil seorang guru yang diduga berkampanye di media sosial."
    )
    assert indonesian > 0.1 and english == 0
    indonesian, english = indonesian_share(
        "The supervisory body summoned a teacher who was campaigning online."
    )
    assert english > indonesian


def test_training_examples_are_cases_not_articles() -> None:
    from nlp.training_data import conduct_examples

    def evidence(sentence: str) -> dict[str, object]:
        return {"text": sentence, "start": 0, "end": len(sentence)}

    two_cases = {
        "title": "Guru Unggah Foto Caleg, Kades Pasang Baliho",
        "cases": [
            {
                "conduct": ["C01_MEDSOS"],
                "evidence": [evidence("Guru itu mengunggah foto caleg di Facebook.")],
            },
            {
                "conduct": ["C03_ALAT_PERAGA"],
                "evidence": [evidence("Kepala desa memasang baliho di balai desa.")],
            },
            {"conduct": [], "evidence": []},
        ],
    }
    examples = conduct_examples(two_cases)
    assert [(text, [c for c, v in cats.items() if v]) for text, cats in examples] == [
        (
            "CUE_C01 CUEW_mengunggah CUE_C01 CUEW_facebook",
            ["C01_MEDSOS"],
        ),  # the headline is another case's too
        ("CUE_C03 CUEW_baliho", ["C03_ALAT_PERAGA"]),
    ]
    one_case = {**two_cases, "cases": two_cases["cases"][:1]}
    ((text, _),) = conduct_examples(one_case)
    # A single case's headline is read with it.
    assert text == "CUE_C03 CUEW_baliho CUE_C01 CUEW_mengunggah CUE_C01 CUEW_facebook"


def test_cross_validation_folds_partition_the_articles() -> None:
    from nlp.tune import folds

    articles = [{"id": str(i)} for i in range(23)]
    parts = folds(articles, 5)
    ids = [a["id"] for part in parts for a in part]
    assert len(parts) == 5 and sorted(ids) == sorted(a["id"] for a in articles)
    assert {len(p) for p in parts} <= {4, 5}
    assert folds(articles, 5) == parts  # seeded: the same folds every run


def test_cues_name_the_act_not_its_setting() -> None:
    def codes(sentence: str) -> set[str]:
        return {code for _, code, _ in cue_hits(sentence)}

    # An ID card or an office in the story is not yet a support letter or a misused facility.
    assert codes("Warga mengeluhkan pungli saat mencetak KTP-el di kantor kecamatan.") == {
        "C14_PROFESIONALITAS"
    }
    assert codes("Ia dipanggil ke kantor desa untuk dimintai keterangan.") == set()
    assert codes("Sekdes menyerahkan salinan KTP warga kepada tim bakal calon.") == {"C10_DUKUNGAN_KTP"}
    assert codes("Rapat itu memakai aula kantor desa.") == {"C07_FASILITAS_NEGARA"}
    assert codes("Guru itu nyaleg tanpa mundur dan sebulan tinggalkan kelas.") == {
        "C11_PARPOL",
        "C14_PROFESIONALITAS",
    }


def test_cues_for_indirect_wording() -> None:
    """Asking people to vote, threats to a contract and work left undone, told without the usual verbs."""

    def codes(sentence: str) -> set[str]:
        return {code for _, code, _ in cue_hits(sentence)}

    assert codes("Ia lalu meminta para orang tua mencoblos nama tersebut.") == {"C06_KEGIATAN_BERPIHAK"}
    assert codes("Ia berpesan kepada warga agar tidak lupa, ingat nomor 3.") == {"C06_KEGIATAN_BERPIHAK"}
    assert codes("Honorer yang menolak diancam kontraknya tidak diperpanjang.") == {"C08_MOBILISASI"}
    assert codes("Kehadiran mereka menjadi catatan dalam evaluasi kontrak tahun depan.") == {"C08_MOBILISASI"}
    assert codes("Para staf tidak berani menolak permintaan itu.") == {"C08_MOBILISASI"}
    assert codes("Ia tidak masuk mengajar selama tiga pekan sehingga kelas terbengkalai.") == {
        "C14_PROFESIONALITAS"
    }
    assert codes("Pelayanan di kantor desa tertunda berhari-hari.") == {"C14_PROFESIONALITAS"}
    # Asking for something else, or a delay of the election's own schedule, is not conduct.
    assert codes("Bawaslu meminta warga melapor bila menemukan pelanggaran.") == set()
    assert codes("Rapat pleno KPU tertunda karena hujan.") == set()


def test_headline_does_not_drown_a_second_code(nlp: Language) -> None:
    """A second code is weighed against the body's best cue count too, not only against a headline-inflated one."""
    builder = nlp.get_pipe("netra_cases")
    # Headline and one body sentence on campaigning (1 + 3.5 for the headline); one body sentence on an
    # official car, which the classifier half believes.
    sums = {"C05_KAMPANYE": 4.5, "C07_FASILITAS_NEGARA": 1.0}
    body = {"C05_KAMPANYE": 1.0, "C07_FASILITAS_NEGARA": 1.0}
    model = {"C05_KAMPANYE": 0.95, "C07_FASILITAS_NEGARA": 0.5}
    before = builder.second_cue, builder.second_model, builder.second_sum, builder.second_hits
    try:
        builder.second_cue, builder.second_model, builder.second_sum, builder.second_hits = 0.6, 0.4, 2.0, 2.0
        assert builder._codes(sums, model, body) == ["C05_KAMPANYE", "C07_FASILITAS_NEGARA"]
        # Measured against the headline-inflated best alone (share 0.22), the car stays out.
        assert builder._codes(sums, model) == ["C05_KAMPANYE"]
        # The body's share does not overrule a classifier that rules the code out.
        assert builder._codes(sums, {**model, "C07_FASILITAS_NEGARA": 0.1}, body) == ["C05_KAMPANYE"]
    finally:
        builder.second_cue, builder.second_model, builder.second_sum, builder.second_hits = before
