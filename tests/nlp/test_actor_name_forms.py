"""Name forms of the session-7 writers: initials given by "inisialnya" set off by commas, "oknum" before the
post of a name, a post set beside a name by apposition (no name itself), a police unit after a post."""

from __future__ import annotations

from spacy.language import Language

from nlp.extensions import with_title
from tests.nlp.people import Run, people


def test_inisialnya_set_off_by_commas_introduces_initials(run_until: Run) -> None:
    text = "Seorang bidan PPPK di Puskesmas Sukamaju, inisialnya TW, mengunggah video ajakan memilih calon."
    assert ("TW", "bidan", "PPPK") in people(run_until, text)


def test_oknum_before_the_post_of_a_name(run_until: Run) -> None:
    text = "Pelakunya ialah MR, oknum PNS yang bertugas di Dinas Perikanan, dan seorang sopir."
    assert ("MR", "PNS", "PNS") in people(run_until, text)


def test_a_post_set_beside_a_name_is_no_name(run_until: Run) -> None:
    found = people(run_until, "Yang kedua adalah Brigpol AK, Bhabinkamtibmas Polsek Sukamaju. Ia berfoto.")
    assert ("AK", "anggota Polri", "POLRI") in found
    assert not any(name and ("Polsek" in name or "Bhabinkamtibmas" in name) for name, _, _ in found)


def test_a_named_accused_of_a_second_case_told_briefly_is_kept(nlp: Language) -> None:
    text = (
        "PADANG - Bawaslu Kabupaten Sukamaju menangani dua perkara. Kepala Desa Sungai Jernih, Rusli Hamid, kami "
        "duga membagikan beras bantuan pemerintah yang ditempeli stiker calon bupati, kata Ketua Bawaslu, Senin "
        "(4/11/2024). Perkara lain menyangkut seorang guru PPPK, inisialnya DN, yang membuat video TikTok berisi "
        "ajakan memilih pasangan calon tertentu. Dalam video itu DN memakai seragam dinas. Video DN ditonton "
        "ribuan kali. DN sudah diperiksa dan mengakui perbuatannya."
    )
    doc = nlp(with_title(nlp.make_doc(text), "Guru PPPK Bikin Video TikTok Dukung Paslon"))
    names = {a.name for case in doc._.cases for a in case.actors}
    assert {"Rusli Hamid", "DN"} <= names


def test_a_possessive_between_a_post_and_its_name(run_until: Run) -> None:
    found = people(
        run_until, "Warga Kampung Sukamaju melaporkan kepala kampung mereka, Budi Santoso, ke Bawaslu."
    )
    assert ("Budi Santoso", "Kepala Desa", "KEPALA_DESA") in found


def test_a_units_abbreviation_ends_no_sentence(run_until: Run) -> None:
    found = people(
        run_until, "Kasus itu melibatkan Camat Lembah Hijau, Kab. Sukamaju, berinisial RT (51), kata Rudi."
    )
    assert ("RT", "Camat", "PNS") in found
    assert not any(name == "Kab" for name, _, _ in found)


def test_a_post_whose_holder_is_introduced_is_no_one_elses(run_until: Run) -> None:
    text = "Bidan berstatus PPPK berinisial WS itu dilaporkan oleh Siti Aminah (35), warga Desa Sukamaju."
    found = people(run_until, text)
    assert ("WS", "bidan", "PPPK") in found
    assert ("Siti Aminah", "bidan", "PPPK") not in found


def test_a_person_introduced_then_named_keeps_the_post_written_first(run_until: Run) -> None:
    text = (
        "Nama seorang dosen berstatus PNS di Universitas Sukamaju tercantum dalam DCS. Dosen tersebut, Andreas "
        "Wijaya, diusung Partai Gelora."
    )
    assert ("Andreas Wijaya", "dosen", "PNS") in people(run_until, text)
    text = "Bawaslu menangani seorang anggota Polri di Polsek Sukamaju. Oknum berinisial DK itu membagikan amplop."
    assert ("DK", "anggota Polri", "POLRI") in people(run_until, text)
    text = (
        "Seorang petugas pelayanan di Dinas Kependudukan dijatuhi hukuman disiplin. Petugas berinisial RS itu, "
        "seorang PNS golongan II, kini dibebastugaskan."
    )
    found = people(run_until, text)
    assert ("RS", "petugas pelayanan", "PNS") in found
    assert (None, "petugas pelayanan", "ASN") not in found  # the same person, not another one
    text = (
        "Pemkab menjatuhkan hukuman kepada seorang perawat berstatus PNS di RSUD Sukamaju. Maria Goretti (40) "
        "diturunkan jabatannya."
    )
    assert ("Maria Goretti", "perawat", "PNS") in people(run_until, text)


def test_someone_beside_a_named_post_holder_does_not_take_the_post(run_until: Run) -> None:
    text = (
        "Seorang kepala desa diamankan warga. Kepala desa berinisial JS (47) itu didapati bersama seorang pria "
        "berinisial AM yang mengaku anggota tim sukses."
    )
    found = people(run_until, text)
    assert ("JS", "Kepala Desa", "KEPALA_DESA") in found
    assert ("AM", "Kepala Desa", "KEPALA_DESA") not in found


def test_an_opening_word_is_no_part_of_the_name_after_it(run_until: Run) -> None:
    text = (
        "Kisah Yohanes Lamuri (41), guru berstatus PPPK di SMP Negeri 1 Sukamaju, berakhir di ruang sidang."
    )
    assert ("Yohanes Lamuri", "guru", "PPPK") in people(run_until, text)
    text = "Belakangan, Camat Sukamaju, Rudi Hartono, terlihat di tengah massa kampanye."
    found = people(run_until, text)
    assert ("Rudi Hartono", "Camat", "PNS") in found
    assert not any(name == "Belakangan" for name, _, _ in found)


def test_dotted_initials_keep_their_last_dot(run_until: Run) -> None:
    found = people(
        run_until, "Bawaslu memeriksa seorang guru berinisial A.S. (45) yang mengunggah foto calon."
    )
    assert ("A.S.", "guru", "PNS") in found


def test_the_unit_after_a_units_staff_is_no_name(run_until: Run) -> None:
    found = people(
        run_until, "Pelakunya MS, oknum ASN yang bertugas sebagai staf Kelurahan Gedong Air Permai, dan DN."
    )
    assert ("MS", "ASN", "ASN") in found
    assert not any(name and "Permai" in name for name, _, _ in found)


def test_a_unit_located_in_a_larger_one_is_no_name(run_until: Run) -> None:
    found = people(
        run_until, "Sekretaris Gampong Lhok Meureu di Kecamatan Sukamaju dilaporkan mengumpulkan warga."
    )
    assert found == [(None, "Sekretaris Desa", "PERANGKAT_DESA")]
