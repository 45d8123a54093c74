"""Groups told beside a named accused: a group that did it too ("sejumlah staf ... juga terlihat") is an actor
of that accused's case; a group asked or gathered as well ("para pegawai juga diminta hadir") is not."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from nlp.annotation import to_annotation


def actors(nlp: Language, text: str) -> list[list[tuple[Any, Any]]]:
    cases = to_annotation(nlp(text), id="t")["cases"]
    return [sorted((a["name"] or "", a["position"]) for a in c["actors"]) for c in cases]


def test_a_group_that_did_it_too_is_in_the_named_accuseds_case(nlp: Language) -> None:
    text = (
        "SINTANG - Camat Sepauk, Rudolf Sembiring, dilaporkan ke Bawaslu Kabupaten Sintang karena berorasi "
        "dalam kampanye salah satu calon bupati di lapangan bola desa, Sabtu (12/10/2024).\n\n"
        "Rudolf diduga melanggar netralitas ASN karena mengajak warga memilih calon tersebut.\n\n"
        "Dalam foto yang diterima redaksi, lima staf kantor kecamatan juga terlihat memakai kaus calon itu "
        "di depan panggung. Mereka diduga ikut berkampanye pada jam kerja.\n\n"
        "Bawaslu Sintang masih mengkaji laporan tersebut."
    )
    assert actors(nlp, text) == [[("", "staf"), ("Rudolf Sembiring", "Camat")]]


def test_a_group_asked_as_well_is_no_actor(nlp: Language) -> None:
    text = (
        "SINTANG - Camat Sepauk, Rudolf Sembiring, dilaporkan ke Bawaslu Kabupaten Sintang karena berorasi "
        "dalam kampanye salah satu calon bupati di lapangan bola desa, Sabtu (12/10/2024).\n\n"
        "Rudolf diduga melanggar netralitas ASN karena mengajak warga memilih calon tersebut.\n\n"
        "Dalam rapat sebelumnya, lima staf kantor kecamatan juga diminta hadir di depan panggung. "
        "Mereka diduga ikut berkampanye pada jam kerja.\n\n"
        "Bawaslu Sintang masih mengkaji laporan tersebut."
    )
    assert actors(nlp, text) == [[("Rudolf Sembiring", "Camat")]]
