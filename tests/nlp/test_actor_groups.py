"""Groups told beside a named accused: a group that did it too ("sejumlah staf ... juga terlihat") is an actor
of that accused's case; a group asked or gathered as well ("para pegawai juga diminta hadir") is not."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from nlp.annotation import to_annotation
from nlp.extensions import with_title


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


def test_a_headlines_short_post_names_the_accused_holding_it_in_full(nlp: Language) -> None:
    # "Kadisdik" in the headline is the "Kepala Dinas Pendidikan dan Kebudayaan" of the body.
    title = "Rekaman Suara Kadisdik Sumba Barat Minta Kepala Sekolah Dukung Paslon Beredar"
    text = (
        "WAIKABUBAK - Bawaslu Kabupaten Sumba Barat memanggil Kepala Dinas Pendidikan dan Kebudayaan setempat, "
        "Yohanes Bili Tena, terkait rekaman suara yang ramai di grup WhatsApp guru.\n\n"
        "Dalam rekaman itu, Yohanes terdengar mengarahkan kepala sekolah agar wali murid memilih salah satu "
        "pasangan calon bupati.\n\n"
        "Bawaslu juga memeriksa Maria Ose, staf dinas yang diduga menyebarkan rekaman itu ke grup guru. Maria "
        "diduga ikut memasang stiker pasangan calon di mobil dinas. Maria terlihat memakai kaus pasangan calon "
        "saat apel pagi."
    )
    cases = to_annotation(nlp(with_title(nlp.make_doc(text), title)), id="t")["cases"]
    names = {a["name"] for c in cases for a in c["actors"]}
    assert names == {"Yohanes Bili Tena", "Maria Ose"}


def test_a_sentence_that_goes_on_to_another_case_opens_it(nlp: Language) -> None:
    # "... juga menyinggung kasus lain ...": the unnamed official of the next sentence is that case's accused.
    title = "Guru Honorer di Ende Jadi Saksi Partai, Bawaslu Rekomendasikan Sanksi"
    text = (
        "ENDE - Bawaslu Kabupaten Ende merekomendasikan sanksi terhadap seorang guru honorer berinisial PW yang "
        "menjadi saksi partai politik di TPS 04 Kelurahan Onekore pada hari pemungutan suara.\n\n"
        "PW terbukti menandatangani formulir sebagai saksi partai. Ketua Bawaslu Ende juga menyinggung kasus lain "
        "yang ditangani pada bulan sebelumnya. Seorang staf Dinas Pertanian Kabupaten Ende dilaporkan karena "
        "mengunggah poster kampanye seorang caleg di akun Facebook miliknya. Staf tersebut sudah diberi teguran "
        "oleh atasannya."
    )
    cases = to_annotation(nlp(with_title(nlp.make_doc(text), title)), id="t")["cases"]
    assert [[(a["name"], a["position"]) for a in c["actors"]] for c in cases] == [
        [("PW", "guru")],
        [(None, "staf")],
    ]


def test_an_enumerations_next_item_opens_the_next_case(nlp: Language) -> None:
    # "Kedua, di Kabupaten X." announces the next case like "Perkara kedua ...".
    title = "Dua Potret Ketidaknetralan ASN di Nusa Tenggara"
    text = (
        "KUPANG - Dua kasus menunjukkan rapuhnya netralitas aparatur di daerah.\n\n"
        "Pertama, di Kabupaten Rote Ndao. Camat Lobalain, Yeremias Ndun, diduga mengajak kepala desa memenangkan "
        "calon bupati petahana dalam rapat kerja kecamatan. Bawaslu telah merekomendasikan kasus itu ke BKN.\n\n"
        "Kedua, di Kabupaten Alor. Kepala Dinas Perikanan setempat diduga memindahkan jadwal penyerahan bantuan "
        "jaring agar bertepatan dengan kunjungan calon bupati ke desa nelayan."
    )
    cases = to_annotation(nlp(with_title(nlp.make_doc(text), title)), id="t")["cases"]
    assert sorted((a["name"] or "", a["position"]) for c in cases for a in c["actors"]) == [
        ("", "Kepala Dinas Perikanan"),
        ("Yeremias Ndun", "Camat"),
    ]
