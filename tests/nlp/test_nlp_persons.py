"""People: names without titles, initials, positions, and who speaks or oversees."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.names import clean_name

Run = Callable[[str, str], Doc]


def people(run: Run, text: str) -> list[tuple[str | None, str | None, str | None, bool, bool]]:
    doc = run(text, "netra_persons")
    return [(p.name, p.position, p.actor_type, p.speaker, p.official) for p in doc._.persons]


def test_titles_and_degrees_are_stripped() -> None:
    assert clean_name("Drs. H. Suparman Wiryadinata, M.M.") == "Suparman Wiryadinata"
    assert clean_name("drg. Hj. Noor Aida") == "Noor Aida"
    assert clean_name("Kabupaten") is None
    assert clean_name("Gowa") is None  # a place, not a person


def test_apposition_with_place_words_between(run_until: Run) -> None:
    found = people(run_until, "Kepala Desa Poto, Kecamatan Moyo Hilir, Syarifuddin, dipanggil Bawaslu.")
    assert ("Syarifuddin", "Kepala Desa", "KEPALA_DESA", False, False) in found


def test_initials_age_and_status(run_until: Run) -> None:
    found = people(run_until, "Seorang penyuluh pertanian berstatus PNS berinisial YK (45) dilaporkan warga.")
    assert ("YK", "penyuluh pertanian", "PNS", False, False) in found
    found = people(run_until, "Guru berstatus PPPK berinisial NH itu memasang status WhatsApp kampanye.")
    assert ("NH", "guru", "PPPK", False, False) in found


def test_rank_and_initials(run_until: Run) -> None:
    found = people(run_until, "Bripka YW diduga hadir dalam kampanye caleg.")
    assert [(n, t) for n, _, t, _, _ in found] == [("YW", "POLRI")]


def test_position_with_field_and_name_after_a_place(run_until: Run) -> None:
    found = people(run_until, "Kepala Dinas PUPR Sikka, Yohanes Don Bosko Wangge, memakai mobil dinas.")
    assert (
        "Yohanes Don Bosko Wangge",
        "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
        "PNS",
        False,
        False,
    ) in found
    found = people(run_until, "Rotasi itu ditandatangani Bupati Muna La Ode Rustam Kadir tanpa izin.")
    assert any(name == "La Ode Rustam Kadir" and pos == "Bupati" for name, pos, _, _, _ in found)


def test_officials_and_speakers_are_flagged(run_until: Run) -> None:
    found = people(
        run_until,
        "Koordinator Divisi Penanganan Pelanggaran Bawaslu Gowa, Syamsul Bahri, mengatakan temuan itu "
        'berasal dari patroli siber. "Kami sudah memanggilnya," kata Syamsul.',
    )
    assert ("Syamsul Bahri", None, None, True, True) in found
    assert any(name == "Syamsul" and speaker for name, _, _, speaker, _ in found)


def test_unnamed_and_group_mentions(run_until: Run) -> None:
    doc = run_until("Sejumlah kepala desa dan seorang oknum guru hadir di deklarasi itu.", "netra_persons")
    found = [(p.name, p.position, p.group) for p in doc._.persons]
    assert (None, "Kepala Desa", True) in found
    assert (None, "guru", False) in found


def test_neutrality_of_civil_servants_is_a_topic_not_a_position(run_until: Run) -> None:
    """'Pengawasan Netralitas ASN' names a unit's subject; the official after it is not an ASN accused."""
    found = people(
        run_until, "Asisten Bidang Pengawasan Netralitas ASN, Melinda Sihombing, mengatakan hal itu."
    )
    assert all(position != "ASN" for _, position, _, _, _ in found)
    found = people(run_until, "Seorang ASN berinisial RK dilaporkan karena melanggar netralitas.")
    assert ("RK", "ASN", "ASN", False, False) in found


def test_a_candidate_named_after_bernama_does_not_take_the_subjects_position(run_until: Run) -> None:
    """'... video caleg dari Partai X bernama Rusdi Hamzah': the candidate, not a second civil servant."""
    text = (
        "Oknum pegawai pemda berinisial ES itu meneruskan video caleg DPRD Kampar dari Partai Amanat Nasional "
        "bernama Rusdi Hamzah ke grup warga."
    )
    found = {name: position for name, position, _, _, _ in people(run_until, text)}
    assert found["ES"] == "pegawai" and found["Rusdi Hamzah"] is None
    # The sentence's subject still names an accused introduced with 'bernama'.
    found = {
        name: position
        for name, position, _, _, _ in people(run_until, "Guru honorer bernama Sutrisno ikut kampanye.")
    }
    assert found["Sutrisno"] == "guru"


def test_initials_after_a_passive_relative_clause_name_the_position_holder(run_until: Run) -> None:
    found = people(run_until, "Lurah yang dilaporkan berinisial TS (48) hadir di posko pemenangan caleg.")
    assert ("TS", "Lurah", "PNS", False, False) in found
    found = people(run_until, "Guru yang diduga berinisial RH itu membagikan stiker calon.")
    assert ("RH", "guru", "PNS", False, False) in found


def test_a_capitalised_preposition_starts_no_name() -> None:
    assert clean_name("Di Maluku") is None
    assert clean_name("Dengan Sukarela") is None


def test_coordinated_initials_each_hold_the_position(run_until: Run) -> None:
    found = people(
        run_until, "Dua anggota PPS berinisial AK dan MF dilaporkan karena mengubah hasil penghitungan."
    )
    assert ("AK", "anggota PPS", "LAINNYA", False, False) in found
    assert ("MF", "anggota PPS", "LAINNYA", False, False) in found


def test_a_name_set_beside_an_introduced_position_is_accused(nlp: Language) -> None:
    doc = nlp(
        "SIGI - Bawaslu Kabupaten Sigi menangani dugaan pelanggaran netralitas ASN yang menyeret dua anggota Panitia "
        "Pemilihan Kecamatan (PPK) Dolo. Para teradu ialah Ketua PPK Dolo, Hasanuddin, serta seorang anggota PPK "
        "berinisial SN. Keduanya diduga menambah perolehan suara seorang caleg saat rekapitulasi di tingkat kecamatan."
    )
    names = {a.name for case in doc._.cases for a in case.actors}
    assert {"Hasanuddin", "SN"} <= names


def test_a_name_then_bertugas_sebagai_holds_the_position(run_until: Run) -> None:
    found = people(
        run_until, "Darmawan sehari-hari bertugas sebagai penyuluh pertanian lapangan di Kecamatan Ulu."
    )
    assert ("Darmawan", "penyuluh pertanian lapangan", "PNS", False, False) in found


def test_a_faith_alone_is_no_name() -> None:
    assert clean_name("Islam") is None
    assert clean_name("Nurul Islam") == "Nurul Islam"


def test_nama_then_a_name_names_a_person_and_a_pronoun_gives_them_their_post(run_until: Run) -> None:
    doc = run_until(
        "Nama Yohanes Sitorus muncul dalam daftar calon sementara anggota DPRD. Padahal ia masih tercatat "
        "sebagai pegawai negeri sipil di Dinas Perikanan.",
        "netra_persons",
    )
    found = [(p.name, p.position) for p in doc._.persons]
    assert ("Yohanes Sitorus", None) in found
    assert ("Yohanes Sitorus", "PNS") in found
    assert (None, "PNS") not in found


def test_a_name_read_from_a_list_takes_no_post_from_the_subject(run_until: Run) -> None:
    found = people(run_until, "Daftar hadir apel pegawai itu masih mencantumkan nama Rudianto.")
    assert ("Rudianto", None, None, False, False) in found


def test_officials_the_accused_moved_or_gathered_are_not_the_accused(nlp: Language) -> None:
    """README "Conduct": staff who were moved, gathered or pressured are not actors."""
    doc = nlp(
        "Rotasi Lima Kepala Dinas Jelang Pilkada, Bupati Sinjai Dilaporkan ke Bawaslu\n\n"
        "SINJAI - Bawaslu Kabupaten Sinjai mengkaji laporan atas mutasi lima kepala dinas yang dilakukan Bupati "
        "Sinjai, Andi Rahmat, sebulan sebelum penetapan pasangan calon. Sejumlah kepala dinas yang dicopot dikenal "
        "dekat dengan calon lain. Andi Rahmat juga diduga mengumpulkan seluruh kepala dinas dan meminta mereka "
        "memenangkan dirinya."
    )
    actors = [(a.name, a.position) for case in doc._.cases for a in case.actors]
    assert actors == [("Andi Rahmat", "Bupati")]


def test_an_election_officer_said_to_be_a_civil_servant_is_asn(nlp: Language) -> None:
    """README "Election officers": LAINNYA unless the text says the officer is a civil servant."""
    doc = nlp(
        "MAKASSAR - Bawaslu Kota Makassar merekomendasikan pemberhentian seorang anggota PPS Kelurahan Tamalanrea "
        "berinisial RZ kepada KPU Kota Makassar. RZ, yang berstatus ASN di lingkungan Pemerintah Kota Makassar, "
        "diduga mengubah perolehan suara seorang caleg saat rekapitulasi."
    )
    actors = [(a.name, a.position, a.actor_type) for case in doc._.cases for a in case.actors]
    assert actors == [("RZ", "anggota PPS", "ASN")]
