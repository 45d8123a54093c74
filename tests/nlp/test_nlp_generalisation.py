"""Wording the corpus rarely shows but news writes often: shortened first names, place words left over,
officials responding to a case, stories whose election words are specific rather than many."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from nlp.names import clean_name
from nlp.records import Prepared, annotate_prepared
from nlp.sentences import sentence_spans

Run = Callable[[str, str], Doc]


def story(nlp: Language, text: str, title: str, published_at: str) -> dict:
    """The contract object `netra annotate` writes for one article."""
    meta = {"title": title, "published_at": published_at}
    return annotate_prepared(nlp, Prepared(id="t", url=None, text=text, meta=meta))


def test_a_shortened_first_name_neither_ends_the_sentence_nor_the_name(run_until: Run) -> None:
    text = "Camat Omben, Moh. Sahrul, diduga mengajak warga memilih petahana. Abd. Rahman melaporkannya."
    assert len(sentence_spans(text)) == 2
    doc = run_until(text, "netra_persons")
    assert [p.name for p in doc._.persons if p.position == "Camat"] == ["Moh. Sahrul"]


def test_words_of_a_region_name_are_not_a_persons_name() -> None:
    assert clean_name("Nusa Tenggara") is None
    assert clean_name("Pesisir Selatan") is None
    assert clean_name("Rahmat Hidayat") == "Rahmat Hidayat"


def test_an_official_responding_to_the_case_is_not_accused(run_until: Run) -> None:
    doc = run_until(
        "Sekretaris Daerah Kabupaten Gowa, Taufik Rahman, menyerahkan sepenuhnya kasus itu kepada BKN. "
        "Camat Bontonompo, Andi Baso, membantah terlibat.",
        "netra_persons",
    )
    assert {p.name: p.speaker for p in doc._.persons} == {"Taufik Rahman": True, "Andi Baso": True}


def test_a_support_id_card_story_is_about_an_election(nlp: Language) -> None:
    text = (
        "LEMBATA - Seorang kepala puskesmas di Kabupaten Lembata, Nusa Tenggara Timur, dilaporkan mengumpulkan "
        "fotokopi KTP warga untuk mendukung bakal calon bupati jalur perseorangan.\n\n"
        "Kepala Puskesmas Waipukang berinisial MBL itu meminta pasien menyerahkan fotokopi KTP saat berobat, "
        "Senin (6/5/2024).\n\n"
        '"Saya disuruh kasih fotokopi KTP kalau mau dilayani cepat," kata Maria, seorang pasien.'
    )
    result = story(nlp, text, "Kepala Puskesmas Kumpulkan KTP Warga", "2024-05-08T10:00:00+08:00")
    assert "CASE_REPORT" in result["article_types"]
    actors = [(a["name"], a["institution"]) for case in result["cases"] for a in case["actors"]]
    assert actors == [("MBL", "Puskesmas Waipukang")]
    assert {code for case in result["cases"] for code in case["conduct"]} == {"C10_DUKUNGAN_KTP"}


def test_conduct_cues_for_indirect_and_everyday_wording() -> None:
    from nlp.components.conduct import cue_scores

    cases = {
        "Dalam foto itu ia tampak bersama calon bupati sambil membentuk angka dua dengan jarinya.": "C02_FOTO_SIMBOL",
        "Ia juga berorasi di atas panggung dan ikut menyanyikan jingle pasangan itu.": "C05_KAMPANYE",
        "Ia menjadi admin grup relawan dan menyebarkan poster dukungan ke grup lain.": "C01_MEDSOS",
        "Warga yang datang diberi uang bensin Rp50.000 agar mencoblos nomor tiga.": "C12_POLITIK_UANG",
        "Kepala dinas itu mengarahkan para pegawai honorer agar memenuhi target suara di kecamatan.": "C08_MOBILISASI",
        "Nama dan NIK warga dicatut sebagai pendukung bakal calon perseorangan.": "C10_DUKUNGAN_KTP",
        "Puluhan surat suara ditemukan sudah tercoblos sebelum TPS dibuka.": "C13_MANIPULASI",
        "Ia membolos selama sepekan dan pasien terlantar di puskesmas.": "C14_PROFESIONALITAS",
        "Warga disuruh bayar Rp100 ribu di loket, padahal gratis.": "C14_PROFESIONALITAS",
        "Ia menempelkan stiker itu saat menjalankan tugas di terminal.": "C07_FASILITAS_NEGARA",
        "Dua camat yang tidak hadir kemudian dimutasi menjadi staf ahli.": "C08_MOBILISASI",
        "Bupati menyerahkan bantuan benih kepada kelompok tani pendukungnya.": "C09_KEPUTUSAN",
        "Namanya tercatat sebagai bakal caleg dari partai itu.": "C11_PARPOL",
        "Ia menjadi pemateri dalam pelatihan saksi partai tersebut.": "C99_LAINNYA",
    }
    for sentence, code in cases.items():
        assert code in cue_scores(sentence), sentence
    assert cue_scores("Rapat itu membahas jadwal piket kebersihan kantor.") == {}


def test_an_agency_head_written_with_its_acronym() -> None:
    from nlp.positions import find_positions

    found = [
        (p.canonical, p.actor_type) for p in find_positions("Kepala Pelaksana BPBD Konawe dan Kepala Bappeda")
    ]
    assert found == [
        ("Kepala Badan Penanggulangan Bencana Daerah", "PNS"),
        ("Kepala Badan Perencanaan Pembangunan Daerah", "PNS"),
    ]


def test_a_position_after_a_relative_clause_places_the_named_person(run_until: Run) -> None:
    doc = run_until(
        "Kolom penyusun dokumen itu tercatat atas nama Yosias Mambrasar, yang saat ini menjabat Kepala "
        "Badan Perencanaan Pembangunan Daerah (Bappeda) Kota Jayapura.",
        "netra_persons",
    )
    assert [(p.name, p.position) for p in doc._.persons] == [
        ("Yosias Mambrasar", "Kepala Badan Perencanaan Pembangunan Daerah")
    ]


def test_an_agency_heads_employer_is_the_agency_of_the_story_region(nlp: Language) -> None:
    text = (
        "JAYAPURA - Kepala Bappeda Kota Jayapura, Yosias Mambrasar, diduga ikut menyusun dokumen visi dan misi "
        "salah satu bakal pasangan calon wali kota yang diserahkan ke KPU Kota Jayapura.\n\n"
        "Bawaslu Kota Jayapura menilai keterlibatan itu bentuk keberpihakan ASN dalam pencalonan."
    )
    result = story(
        nlp, text, "Kepala Bappeda Diduga Susun Visi Misi Bakal Calon", "2024-09-12T10:00:00+09:00"
    )
    actors = [(a["name"], a["institution"]) for case in result["cases"] for a in case["actors"]]
    assert actors == [("Yosias Mambrasar", "Badan Perencanaan Pembangunan Daerah Kota Jayapura")]
    roles = {i["name"]: i["role"] for i in result["institutions"]}
    assert roles["Badan Perencanaan Pembangunan Daerah Kota Jayapura"] == "EMPLOYER"


def test_cues_opening_with_a_word_group_are_found_by_their_first_word() -> None:
    from nlp.components.conduct import _first_words, cue_hits

    assert _first_words("(?:meminta|minta) dukungan") == ["meminta", "minta"]
    assert _first_words("titip(?:an)? (?:suara|salam)") == ["titip", "titipan"]
    assert _first_words("(?:ingat|jangan lupa(?: pilih)?) nomor") == []
    hits = cue_hits("Ia minta dukungan warga dan menitipkan salam, lalu titipan suara itu diteruskan.")
    assert [(code, words) for _, code, words in hits] == [
        ("C06_KEGIATAN_BERPIHAK", "minta dukungan"),
        ("C06_KEGIATAN_BERPIHAK", "menitipkan salam"),
        ("C06_KEGIATAN_BERPIHAK", "titipan suara"),
    ]


def test_a_dinas_head_written_with_the_dinas_acronym() -> None:
    from nlp.positions import find_positions

    found = [
        p.canonical for p in find_positions("Kadisdik Lampung Tengah, Kepala Dinkes Bone dan Kadisdukcapil")
    ]
    assert found == [
        "Kepala Dinas Pendidikan",
        "Kepala Dinas Kesehatan",
        "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    ]


def test_initials_after_a_position_and_a_unit_name_with_dan(run_until: Run) -> None:
    doc = run_until(
        "Kepala Bidang Pembinaan SMP Dinas Pendidikan dan Kebudayaan Kabupaten Agam berinisial ZA dilaporkan.",
        "netra_persons",
    )
    assert [(p.name, p.position) for p in doc._.persons] == [("ZA", "Kepala Bidang Pembinaan SMP")]


def test_a_generic_word_refers_back_to_the_one_named_official_of_its_kind(nlp: Language) -> None:
    text = (
        "MARTAPURA - Sebuah video yang memperlihatkan seorang pria memasang baliho pasangan calon bupati di "
        "pagar balai desa beredar di media sosial.\n\n"
        "Warganet mengenali pria itu sebagai RB (41), Kepala Urusan Keuangan Desa Sungai Rangas, Kecamatan "
        "Martapura Barat.\n\n"
        "Bawaslu Kabupaten Banjar menyatakan perangkat desa itu diduga melanggar netralitas karena ikut "
        "memasang alat peraga kampanye."
    )
    result = story(nlp, text, "Perangkat Desa Pasang Baliho Paslon", "2024-10-20T10:00:00+08:00")
    actors = [(a["name"], a["position"]) for case in result["cases"] for a in case["actors"]]
    assert actors == [("RB", "Kepala Urusan Keuangan")]


def test_where_others_spread_the_evidence_is_not_social_media_conduct() -> None:
    from nlp.components.conduct import cue_hits

    def medsos(text: str) -> list[str]:
        return [words for _, code, words in cue_hits(text) if code == "C01_MEDSOS"]

    assert medsos("Video itu ramai dibagikan di grup Facebook warga sejak Minggu.") == []
    assert medsos("Rekaman itu pertama kali diunggah akun TikTok anonim.") == []
    assert medsos("Foto itu beredar setelah diunggah RL ke akun Facebook pribadinya.") == [
        "diunggah",
        "akun facebook",
    ]
    assert medsos("Ia mengunggah foto itu di akun Instagram miliknya.") == ["mengunggah", "akun instagram"]
    # The press's closing formula says when the story went online, not what anyone did.
    assert medsos("Sampai tulisan ini diunggah, kepala bidang itu belum menjawab pesan kami.") == []
    assert medsos("Hingga berita ini diupload, sang lurah belum bisa dihubungi.") == []


def test_a_sentence_about_a_photo_is_not_a_photo_credit(run_until: Run) -> None:
    doc = run_until(
        "Camat itu berpose dua jari. Foto tersebut kemudian diunggah ke akun Facebook pribadinya.\n\n"
        "Foto: Bawaslu Gowa\n\nPosting Komentar",
        "netra_sentences",
    )
    text = doc.text
    assert [text[s:e] for s, e in doc._.boilerplate] == ["Foto: Bawaslu Gowa", "Posting Komentar"]


def test_no_person_inside_an_organisation_or_a_unit(run_until: Run) -> None:
    doc = run_until(
        "Kepala bidang pada Dinas Tanaman Pangan, Hortikultura dan Perkebunan Kabupaten Banjar hadir. "
        "Sementara RA, Lurah Simpang Baru, memilih diam. Spanduk terpasang di depan Kantor Lurah Bagan Pete.",
        "netra_persons",
    )
    assert [p.name for p in doc._.persons if p.name] == ["RA"]


def test_a_connective_before_a_name_is_not_part_of_it(run_until: Run) -> None:
    doc = run_until(
        "Sementara Budi Santoso, Lurah Simpang Baru, memilih diam. Menurut Hairil, perangkat desa wajib netral.",
        "netra_persons",
    )
    assert [(p.name, p.position) for p in doc._.persons if p.name] == [("Budi Santoso", "Lurah")]


def test_a_name_introduced_with_a_verb_of_being_takes_the_position(run_until: Run) -> None:
    doc = run_until(
        "Masalahnya, Yohanes Kaize selama ini dikenal warga sebagai PNS di Dinas Perhubungan. "
        "Herman sebelumnya menjabat Kepala Seksi Lalu Lintas pada Dinas Perhubungan Kota Bengkulu. "
        "Sekretaris Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Lampung Selatan, Bambang Sutrisno, hadir.",
        "netra_persons",
    )
    assert [(p.name, p.position) for p in doc._.persons] == [
        ("Yohanes Kaize", "PNS"),
        ("Herman", "Kepala Seksi Lalu Lintas"),
        ("Bambang Sutrisno", "Sekretaris Badan Penanggulangan Bencana Daerah"),
    ]


def test_a_one_word_name_takes_the_full_form_the_story_writes() -> None:
    from nlp.components.cases import _full_name

    text = (
        "Di dapil itu tercantum nama Fransiskus Gebze dari Partai Perindo. Fransiskus dikenal sebagai PNS. "
        "Kepala Dinas Sosial Lalu Ahmad Zainuri hadir. Zainuri membantah."
    )
    assert _full_name(text, "Fransiskus") == "Fransiskus Gebze"
    assert _full_name(text, "Zainuri") == "Lalu Ahmad Zainuri"
    assert _full_name("Warga melihat Budi di pasar. Budi pulang.", "Budi") == "Budi"


def test_functional_posts_and_initials_set_off_by_commas(run_until: Run) -> None:
    doc = run_until(
        "Dalam foto itu, pengawas sekolah jenjang SD, Mulyono Hadi, mengacungkan tiga jari. "
        "Perintah itu diteruskan oleh seorang kepala bidang, AT, yang juga mencatat nama pegawai. "
        "Kepala UPTD Balai Benih Ikan, Rustam Effendi, berorasi.",
        "netra_persons",
    )
    found = [(p.name, p.position) for p in doc._.persons if p.name]
    assert ("AT", "Kepala Bidang") in found
    assert ("Rustam Effendi", "Kepala UPTD Balai Benih Ikan") in found
    assert ("Mulyono Hadi", "pengawas sekolah") in found
    assert [p.position for p in doc._.persons if p.name is None] == ["pegawai"]


def test_a_batak_womans_clan_marker_stays_in_the_name(run_until: Run) -> None:
    doc = run_until(
        "Guru SD Negeri 5 Lubuk Pakam, Sri Wahyuni br Ginting, mengunggah foto calon.", "netra_persons"
    )
    assert [(p.name, p.position) for p in doc._.persons] == [("Sri Wahyuni br Ginting", "guru")]


def test_position_lookup_by_first_and_second_word_keeps_the_longest_form() -> None:
    from nlp.positions import find_positions

    text = "Kepala Desa Sukamaju, Kepala Disdik Gowa, kepala dusun, Kepala Seksi Pemerintahan dan kepala sekolah."
    assert [p.canonical for p in find_positions(text)] == [
        "Kepala Desa",
        "Kepala Dinas Pendidikan",
        "Kepala Dusun",
        "Kepala Seksi Pemerintahan",
        "Kepala Sekolah",
    ]
