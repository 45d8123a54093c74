"""The canonical region list and the resolution of the names news uses."""

from __future__ import annotations

import pytest

from nlp.regions import Region, gazetteer


def test_region_list_has_38_provinces_and_the_papua_split() -> None:
    g = gazetteer()
    assert len(g.provinces) == 38
    assert len(g.rows) == 514
    assert g.regencies["Kabupaten Merauke"].province == "Papua Selatan"
    assert g.regencies["Kabupaten Jayawijaya"].province == "Papua Pegunungan"
    assert g.regencies["Kabupaten Mimika"].province == "Papua Tengah"
    assert g.regencies["Kota Sorong"].province == "Papua Barat Daya"
    assert g.regencies["Kota Jayapura"].province == "Papua"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kab. Jombang", Region("Jawa Timur", "Kabupaten Jombang")),
        ("Pemkab Jombang", Region("Jawa Timur", "Kabupaten Jombang")),
        ("Jombang", Region("Jawa Timur", "Kabupaten Jombang")),
        ("Kota Surabaya", Region("Jawa Timur", "Kota Surabaya")),
        ("Surabaya", Region("Jawa Timur", "Kota Surabaya")),
        ("Kota Malang", Region("Jawa Timur", "Kota Malang")),
        ("Jatim", Region("Jawa Timur")),
        ("Sumatra Utara", Region("Sumatera Utara")),
        ("Kota Jakarta Selatan", Region("DKI Jakarta", "Kota Jakarta Selatan")),
    ],
)
def test_variants_resolve_to_canonical_names(text: str, expected: Region) -> None:
    assert gazetteer().resolve(text) == expected


def test_unknown_name_is_none() -> None:
    assert gazetteer().resolve("Atlantis") is None
