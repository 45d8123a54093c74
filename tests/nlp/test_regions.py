"""Regions: the prefixed form a story writes settles its bare mentions and its dateline."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

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
