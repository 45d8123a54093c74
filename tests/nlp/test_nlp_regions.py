"""Regions in text resolve to canonical names, by context where a name is ambiguous."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from nlp.components.regions import main_region
from nlp.regions import Region, gazetteer

Run = Callable[[str, str], Doc]


def regions(run: Run, text: str) -> list[tuple[str, str | None, str]]:
    doc = run(text, "netra_regions")
    return [(m.text, m.region.regency or m.region.province, m.kind) for m in doc._.regions]


def test_prefixed_forms_and_provinces(run_until: Run) -> None:
    found = regions(
        run_until, "Pemkab Jombang dan Kab. Malang, Kota Surabaya, Provinsi Jawa Timur, juga Sulsel."
    )
    assert ("Pemkab Jombang", "Kabupaten Jombang", "regency") in found
    assert ("Kab. Malang", "Kabupaten Malang", "regency") in found
    assert ("Kota Surabaya", "Kota Surabaya", "regency") in found
    assert ("Provinsi Jawa Timur", "Jawa Timur", "province") in found
    assert ("Sulsel", "Sulawesi Selatan", "province") in found


def test_bare_names_news_shorthands_and_spelling_variants(run_until: Run) -> None:
    found = regions(run_until, "Warga Gowa, Kukar dan Palangkaraya ikut.")
    assert ("Gowa", "Kabupaten Gowa", "bare") in found
    assert ("Kukar", "Kabupaten Kutai Kartanegara", "regency") in found
    assert ("Palangkaraya", "Kota Palangka Raya", "bare") in found


def test_a_kecamatan_sharing_a_regency_name_is_not_that_regency(run_until: Run) -> None:
    # Kediri is a kabupaten and a kota in Jawa Timur, and a kecamatan in Lombok Barat (NTB).
    found = regions(run_until, "Camat di Kecamatan Kediri, Lombok Barat, NTB dilaporkan.")
    assert all(reg != "Kabupaten Kediri" and reg != "Kota Kediri" for _, reg, _ in found)
    assert ("Kecamatan Kediri", "Kabupaten Lombok Barat", "district") in found


def test_ambiguous_bare_name_follows_the_province_in_the_text(run_until: Run) -> None:
    # "Bengkulu Selatan" is unique; "Kupang" is a kabupaten and a kota of NTT, read as the kabupaten.
    found = regions(run_until, "Di Nusa Tenggara Timur, Bawaslu Kupang memeriksa guru.")
    assert ("Kupang", "Kabupaten Kupang", "bare") in found


def test_names_inside_other_names_are_not_regions(run_until: Run) -> None:
    found = regions(run_until, "Lurah Tegal Sari Mandala II dan dosen Universitas Lampung hadir.")
    assert not any(reg in {"Kabupaten Tegal", "Kota Tegal", "Lampung"} for _, reg, _ in found)


def test_dateline_capital_places_the_story(run_until: Run) -> None:
    doc = run_until("SUNGGUMINASA - Seorang guru dipanggil Bawaslu.", "netra_regions")
    assert [(m.kind, m.region.regency) for m in doc._.regions] == [("dateline", "Kabupaten Gowa")]
    assert main_region(doc._.regions) == Region("Sulawesi Selatan", "Kabupaten Gowa")


def test_papua_split_and_districts() -> None:
    gaz = gazetteer()
    assert gaz.resolve("Merauke") == Region("Papua Selatan", "Kabupaten Merauke")
    assert gaz.district("Bontonompo") == [Region("Sulawesi Selatan", "Kabupaten Gowa")]
    assert gaz.capital_of("Sungguminasa") == [Region("Sulawesi Selatan", "Kabupaten Gowa")]
    assert len(gaz.districts) > 6000  # distinct kecamatan names (7,097 kecamatan)
