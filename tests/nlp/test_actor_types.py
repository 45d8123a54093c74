"""Actor types as the corpus README's "Actor types" rule gives them: the status the story states, else what the
post implies; a functional post a PPPK may hold too (guru, penyuluh, bidan) says no more than ``ASN``."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.components.case_status import status_of
from nlp.extensions import with_title


def actors(nlp: Language, title: str, text: str) -> list[tuple[str | None, str | None, str | None]]:
    doc = nlp(with_title(nlp.make_doc(text), title))
    return [(a.name, a.position, a.actor_type) for case in doc._.cases for a in case.actors]


TITLE = "{post} di Lembah Hijau Bagikan Stiker Paslon, Bawaslu Periksa"
STORY = (
    "LEMBAH HIJAU - Bawaslu Kabupaten Lembah Hijau memeriksa Hendra Saputra, {post} di Kecamatan Tanjung "
    "Raya, Senin (4/11/2024). Hendra diduga membagikan stiker bergambar pasangan calon bupati kepada petani "
    "saat penyuluhan. Ia juga mengajak warga memilih pasangan calon itu."
)


def test_a_functional_post_with_no_status_stated_is_asn(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Penyuluh"), STORY.format(post="penyuluh pertanian"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "ASN")]


def test_a_functional_post_takes_the_status_the_story_states(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Penyuluh"), STORY.format(post="penyuluh pertanian berstatus PNS"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "PNS")]
    # stated in the headline only ("Penyuluh PNS"), or as "pegawai negeri" without "sipil"
    found = actors(nlp, TITLE.format(post="Penyuluh PNS"), STORY.format(post="penyuluh pertanian"))
    assert found == [("Hendra Saputra", "penyuluh pertanian", "PNS")]
    story = STORY.format(post="penyuluh pertanian") + " Ia masih aktif sebagai pegawai negeri."
    assert actors(nlp, TITLE.format(post="Penyuluh"), story) == [
        ("Hendra Saputra", "penyuluh pertanian", "PNS")
    ]


def test_a_post_only_a_pns_holds_stays_pns(nlp: Language) -> None:
    found = actors(nlp, TITLE.format(post="Camat"), STORY.format(post="Camat Tanjung Raya"))
    assert found == [("Hendra Saputra", "Camat", "PNS")]


def test_a_status_written_beside_the_name_is_not_overridden_by_a_vaguer_one(nlp: Language) -> None:
    text = (
        "WAMENA - Dua pegawai Dinas Kesehatan Kabupaten Sukamaju ikut konvoi kampanye calon bupati, Sabtu "
        "(9/11/2024). Mereka adalah Markus Tabuni, PNS pada bidang pelayanan kesehatan, dan seorang pegawai PPPK "
        "berinisial YK yang bertugas sebagai staf administrasi. Keduanya mengenakan kaus pasangan calon dan membawa "
        "bendera partai. Warga menyebut Markus berstatus ASN sejak 2010."
    )
    found = actors(nlp, "Dua Pegawai Dinas Kesehatan Ikut Konvoi Kampanye", text)
    assert ("Markus Tabuni", "PNS", "PNS") in found  # not PPPK, the other one's status in a shared sentence
    assert ("YK", "pegawai", "PPPK") in found


def test_a_status_denied_is_not_theirs(run_until: Callable[[str, str], Doc]) -> None:
    text = "AH membawa amplop caleg. Kepala BKPSDM memastikan AH bukan PNS ataupun PPPK, melainkan pekerja kontrak."
    doc = run_until(text, "netra_persons")
    assert status_of(doc, "ASN", "staf", {0, 1}) == "ASN"
    assert status_of(doc, "ASN", "staf", {0}) == "ASN"
    doc = run_until("AH membawa amplop caleg. Kepala BKPSDM memastikan AH berstatus PPPK.", "netra_persons")
    assert status_of(doc, "ASN", "staf", {0, 1}) == "PPPK"


def test_an_office_before_a_name_is_not_their_post(run_until: Callable[[str, str], Doc]) -> None:
    doc = run_until(
        "Seorang tenaga honorer di Kantor Camat Sukamaju, AH (27), diamankan warga.", "netra_persons"
    )
    assert ("AH", "honorer", "LAINNYA") in [(p.name, p.position, p.actor_type) for p in doc._.persons]


def test_pegawai_negeri_without_sipil_states_pns(run_until: Callable[[str, str], Doc]) -> None:
    doc = run_until(
        "AH membawa amplop caleg. AH masih tercatat sebagai pegawai negeri di dinas itu.", "netra_persons"
    )
    assert status_of(doc, "ASN", "staf", {0, 1}) == "PNS"
