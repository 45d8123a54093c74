"""Regions: the prefixed form a story writes settles its bare mentions and its dateline."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.annotation import to_annotation

Run = Callable[[str, str], Doc]


def test_a_written_kota_settles_the_bare_name_and_the_dateline(run_until: Run) -> None:
    doc = run_until(
        "BEKASI - Seorang lurah di Kota Bekasi diduga mengarahkan ketua RT mendukung calon wali kota. "
        "Warga Bekasi melaporkan hal itu ke Bawaslu.",
        "netra_regions",
    )
    regencies = {m.region.regency for m in doc._.regions if m.region.regency}
    assert regencies == {"Kota Bekasi"}


def test_without_a_prefixed_form_the_bare_name_is_the_kabupaten(run_until: Run) -> None:
    doc = run_until(
        "BEKASI - Seorang kepala desa diduga mengarahkan warganya mendukung calon bupati. "
        "Warga Bekasi melaporkan hal itu ke Bawaslu.",
        "netra_regions",
    )
    regencies = {m.region.regency for m in doc._.regions if m.region.regency}
    assert regencies == {"Kabupaten Bekasi"}


def test_each_case_of_a_roundup_takes_the_place_its_own_section_names(nlp: Language) -> None:
    text = (
        "JAKARTA - Badan Kepegawaian Negara merilis sejumlah kasus pelanggaran netralitas ASN yang menonjol "
        "selama tahapan pilkada.\n\n"
        "Di Kabupaten Sijunjung, seorang guru PNS berinisial RA terbukti mengunggah dukungan kepada calon bupati "
        "di akun Facebook pribadinya. RA dijatuhi sanksi teguran tertulis.\n\n"
        "Sementara di Kabupaten Pohuwato, seorang camat berinisial TN diduga menghadiri deklarasi dukungan "
        "pasangan calon bupati dan berpose dua jari. TN sudah dipanggil Bawaslu untuk klarifikasi."
    )
    result = to_annotation(nlp(text), id="t")
    places = {
        a["name"]: case["region"]["regency"] for case in result["cases"] for a in case["actors"] if a["name"]
    }
    assert places == {"RA": "Kabupaten Sijunjung", "TN": "Kabupaten Pohuwato"}
