"""Institutions get canonical names and roles (codebook §4, corpus README)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

Run = Callable[[str, str], Doc]


def names(run: Run, text: str) -> dict[str, str]:
    doc = run(text, "netra_institutions")
    return {m.name: m.role for m in doc._.institutions}


def test_national_bodies_and_aliases(run_until: Run) -> None:
    found = names(
        run_until,
        "Komisi Aparatur Sipil Negara (KASN), yang oleh warga ditulis KSN, dan BKN bekerja sama dengan "
        "Bawaslu RI, KemenPAN-RB, Kemendagri, DKPP serta Ombudsman RI.",
    )
    assert found == {
        "Komisi Aparatur Sipil Negara": "OVERSIGHT",
        "Badan Kepegawaian Negara": "OVERSIGHT",
        "Badan Pengawas Pemilihan Umum": "OVERSIGHT",
        "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi": "OVERSIGHT",
        "Kementerian Dalam Negeri": "OVERSIGHT",
        "Dewan Kehormatan Penyelenggara Pemilu": "OVERSIGHT",
        "Ombudsman Republik Indonesia": "OVERSIGHT",
    }


def test_regional_bodies_keep_their_region(run_until: Run) -> None:
    found = names(
        run_until,
        "Badan Pengawas Pemilu (Bawaslu) Kabupaten Gowa meneruskan kasus ke Bawaslu Sulsel, "
        "KPU Kota Makassar, BKPSDM Gowa dan Panwaslu Kecamatan Bontonompo.",
    )
    assert found == {
        "Bawaslu Kabupaten Gowa": "OVERSIGHT",
        "Bawaslu Provinsi Sulawesi Selatan": "OVERSIGHT",
        "KPU Kota Makassar": "OVERSIGHT",
        "BKPSDM Kabupaten Gowa": "OVERSIGHT",
        "Panwaslu Kecamatan Bontonompo": "OVERSIGHT",
    }


def test_employers_from_patterns(run_until: Run) -> None:
    found = names(
        run_until,
        "Guru SDN 2 Masbagik itu diperiksa Disdik Lombok Timur dan Dinas Pekerjaan Umum dan Penataan Ruang "
        "(PUPR) Kota Jambi, bersama Pemkab Lombok Timur dan Puskesmas Masbagik.",
    )
    assert "SD Negeri 2 Masbagik" in found
    assert "Dinas Pendidikan Kabupaten Lombok Timur" in found
    assert "Dinas Pekerjaan Umum dan Penataan Ruang Kota Jambi" in found
    assert "Pemerintah Kabupaten Lombok Timur" in found
    assert "Puskesmas Masbagik" in found


def test_parties_civil_society_and_cited_media(run_until: Run) -> None:
    found = names(
        run_until,
        "Peneliti Perludem dan SINGKAP menyebut kader PDIP dan Partai NasDem, kata dia kepada Kompas.com.",
    )
    assert found == {
        "Perkumpulan untuk Pemilu dan Demokrasi": "CIVIL_SOCIETY",
        "Koalisi NGO untuk Keadilan Pemilu": "CIVIL_SOCIETY",
        "PDI Perjuangan": "PARTY_OR_CANDIDATE",
        "Partai NasDem": "PARTY_OR_CANDIDATE",
        "Kompas.com": "MEDIA",
    }


def test_a_contested_seat_the_credit_line_and_linked_headlines_are_not_institutions(run_until: Run) -> None:
    found = names(
        run_until,
        "TRIBUNNUSA.EXAMPLE, GOWA - Ia mengampanyekan calon anggota DPRD Sulawesi Selatan.\n\n"
        "Baca juga: Bawaslu Jatim Siaga",
    )
    assert found == {}


def test_employer_is_the_accused_instansi_and_the_bodies_above_it(nlp: Language) -> None:
    doc = nlp(
        "GOWA - Bawaslu Kabupaten Gowa memanggil seorang guru berinisial SR (41) yang mengajar di "
        "SD Negeri 47 Bontonompo karena mengunggah video kampanye caleg di akun TikTok pribadinya. "
        "Dinas Pendidikan Gowa mengimbau guru netral selama tahapan Pemilu 2024, sementara Dinas Sosial Gowa "
        "menyalurkan bantuan banjir."
    )
    roles = {m.name: m.role for m in doc._.institutions}
    assert roles["SD Negeri 47 Bontonompo"] == "EMPLOYER"
    assert roles["Dinas Pendidikan Kabupaten Gowa"] == "EMPLOYER"
    assert roles["Dinas Sosial Kabupaten Gowa"] == "OTHER"
    assert roles["Bawaslu Kabupaten Gowa"] == "OVERSIGHT"


def test_without_a_case_government_bodies_are_other_and_bare_bawaslu_is_the_local_office(
    nlp: Language,
) -> None:
    """README "Bare Bawaslu / KPU": the story's own office, whether or not it reports a case."""
    doc = nlp(
        "GOWA - Pemkab Gowa bersama Bawaslu menggelar sosialisasi netralitas ASN menjelang Pilkada 2024. "
        "Bawaslu mengingatkan ASN agar tidak berkampanye."
    )
    roles = {m.name: m.role for m in doc._.institutions}
    assert roles == {"Pemerintah Kabupaten Gowa": "OTHER", "Bawaslu Kabupaten Gowa": "OVERSIGHT"}


def test_bare_kpu_in_a_story_led_by_a_provincial_body_is_the_provincial_office(nlp: Language) -> None:
    doc = nlp(
        "KUPANG - Bawaslu Provinsi Nusa Tenggara Timur menerima 12 laporan dugaan pelanggaran netralitas ASN "
        "selama masa kampanye. Satu laporan menyangkut seorang lurah di Kabupaten Kupang. Bawaslu meminta "
        "KPU memperbarui daftar pemilih."
    )
    names = {m.name for m in doc._.institutions}
    assert "KPU Provinsi Nusa Tenggara Timur" in names
    assert "Komisi Pemilihan Umum" not in names


def test_bawaslu_marked_national_is_the_national_body_and_a_bare_one_the_local_office(nlp: Language) -> None:
    doc = nlp(
        "SLEMAN - Ketua Bawaslu RI menghadiri apel siaga pengawasan di Kabupaten Sleman. Bawaslu mengingatkan "
        "ASN agar tidak ikut berkampanye."
    )
    names = {m.text: m.name for m in doc._.institutions}
    assert names == {"Bawaslu RI": "Badan Pengawas Pemilihan Umum", "Bawaslu": "Bawaslu Kabupaten Sleman"}


def test_a_minister_names_the_ministry(run_until: Run) -> None:
    """The joint decree 'Menteri PANRB, Mendagri, ...' signs for the ministries, the oversight bodies."""
    found = names(
        run_until,
        "Keputusan Bersama Menteri PANRB, Mendagri, Kepala BKN, Ketua KASN dan Ketua Bawaslu mengatur hal itu.",
    )
    assert found["Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi"] == "OVERSIGHT"
    assert found["Kementerian Dalam Negeri"] == "OVERSIGHT"
    found = names(run_until, "SKB itu ditandatangani Menteri Dalam Negeri dan Kepala BKN.")
    assert found["Kementerian Dalam Negeri"] == "OVERSIGHT"


# Names read whole and in their canonical form: universities, regional agencies, branches.
def test_a_known_university_keeps_its_town_and_stops_before_a_speakers_name(run_until: Run) -> None:
    found = names(
        run_until,
        "Pengamat Universitas Hasanuddin Andi Baso menilai, dan dosen Universitas Borneo Tarakan "
        "Rukmini sependapat.",
    )
    assert found == {"Universitas Hasanuddin": "CIVIL_SOCIETY", "Universitas Borneo Tarakan": "CIVIL_SOCIETY"}


def test_an_unknown_university_keeps_a_town_that_is_its_only_name(run_until: Run) -> None:
    found = names(run_until, "Dosen Universitas Muhammadiyah Kendari dan Universitas Khairun Ternate hadir.")
    assert found == {
        "Universitas Muhammadiyah Kendari": "CIVIL_SOCIETY",
        "Universitas Khairun": "CIVIL_SOCIETY",
    }


def test_state_islamic_universities_keep_their_town(run_until: Run) -> None:
    found = names(run_until, "Akademisi UIN Alauddin Makassar dan IAIN Ternate diundang.")
    assert found == {"UIN Alauddin Makassar": "CIVIL_SOCIETY", "IAIN Ternate": "CIVIL_SOCIETY"}


def test_regional_agencies_written_as_acronyms(run_until: Run) -> None:
    found = names(run_until, "Seorang staf Bappeda Kota Sorong dan pegawai BPBD Gowa ikut berkampanye.")
    assert found == {
        "Badan Perencanaan Pembangunan Daerah Kota Sorong": "OTHER",
        "Badan Penanggulangan Bencana Daerah Kabupaten Gowa": "OTHER",
    }


def test_branches_of_associations_name_their_region(run_until: Run) -> None:
    found = names(
        run_until, "Ketua Korpri Kabupaten Bone dan Ketua PGRI Bengkulu Utara ikut memberi sambutan."
    )
    assert found == {"Korpri Kabupaten Bone": "OTHER", "PGRI Kabupaten Bengkulu Utara": "OTHER"}
    found = names(
        run_until, "Persatuan Guru Republik Indonesia (PGRI) Provinsi Bengkulu dan APDESI Langkat hadir."
    )
    assert found == {"PGRI Provinsi Bengkulu": "OTHER", "APDESI Kabupaten Langkat": "OTHER"}


def test_national_companies_and_parliament(run_until: Run) -> None:
    found = names(run_until, "Gudang Bulog dan kantor Pos Indonesia dijaga. Komisi II DPR memanggil KPU RI.")
    assert found == {
        "Perum Bulog": "OTHER",
        "PT Pos Indonesia": "OTHER",
        "Dewan Perwakilan Rakyat": "OTHER",
        "Komisi Pemilihan Umum": "OVERSIGHT",
    }


def test_a_seat_in_parliament_is_not_an_organisation(run_until: Run) -> None:
    assert names(run_until, "Ia maju sebagai calon anggota DPR RI dari daerah pemilihan itu.") == {}


def test_se_prefix_names_the_region_of_every_office(run_until: Run) -> None:
    found = names(run_until, "Sentra Gakkumdu se-Kaltim menangani 46 laporan politik uang.")
    assert found == {"Sentra Gakkumdu Provinsi Kalimantan Timur": "OTHER"}


def test_a_dinas_named_by_a_list_of_fields_is_read_whole(run_until: Run) -> None:
    found = names(
        run_until,
        "Kepala Dinas Perkebunan, Peternakan dan Kesehatan Hewan Kabupaten Kutai Timur dan staf "
        "Disdikpora Kota Bima hadir.",
    )
    assert found == {
        "Dinas Perkebunan, Peternakan dan Kesehatan Hewan Kabupaten Kutai Timur": "EMPLOYER",
        "Dinas Pendidikan, Pemuda dan Olahraga Kota Bima": "EMPLOYER",
    }


def test_a_name_after_a_dinas_is_not_one_of_its_fields(run_until: Run) -> None:
    found = names(run_until, "Kepala Dinas Pendidikan Gowa, Andi Baso dan Camat Sunggal hadir.")
    assert found == {"Dinas Pendidikan Kabupaten Gowa": "EMPLOYER"}
    found = names(run_until, "Kepala Dinas Sosial, Andi Baso, dan Kepala Dinas Kesehatan hadir.")
    assert found == {"Dinas Sosial": "EMPLOYER", "Dinas Kesehatan": "EMPLOYER"}


def test_a_kecamatan_election_supervisor_written_out_is_panwaslu_kecamatan(run_until: Run) -> None:
    found = names(
        run_until,
        "Panitia Pengawas Pemilihan Umum Kecamatan Bareng dan Panitia Pengawas Pemilu Kecamatan Ngoro melapor.",
    )
    assert found == {"Panwaslu Kecamatan Bareng": "OVERSIGHT", "Panwaslu Kecamatan Ngoro": "OVERSIGHT"}


def test_a_kecamatan_supervisor_with_its_short_name_in_brackets(run_until: Run) -> None:
    found = names(
        run_until,
        "Laporan masuk ke Panwaslu Kecamatan (Panwascam) Patikraja, lalu seluruh Panwaslu Kecamatan.",
    )
    assert found == {"Panwaslu Kecamatan Patikraja": "OVERSIGHT"}


def test_named_monitoring_groups_and_associations_of_officials(run_until: Run) -> None:
    found = names(
        run_until,
        "Forum Pemantau Pilkada Sidrap dan Ketua Forum Kepala Desa Kecamatan Watang Pulu melapor, "
        "sementara Gerakan Memasyarakatkan Makan Ikan berjalan dan Forum Warga berkumpul.",
    )
    assert found == {
        "Forum Pemantau Pilkada Sidrap": "CIVIL_SOCIETY",
        "Forum Kepala Desa Kecamatan Watang Pulu": "OTHER",
    }


def test_candidate_lists_name_seats_and_aceh_councils_are_dprk(run_until: Run) -> None:
    found = names(
        run_until,
        "Namanya ada di Daftar Calon Sementara (DCS) anggota DPRD Kabupaten Merauke. "
        "Dewan Perwakilan Rakyat Kabupaten (DPRK) Aceh Utara dan Dewan Perwakilan Rakyat Daerah (DPRD) "
        "Kota Padang menggelar rapat.",
    )
    assert found == {"DPRK Kabupaten Aceh Utara": "OTHER", "DPRD Kota Padang": "OTHER"}


def test_ad_hoc_election_bodies_are_named_with_their_place(nlp: Language) -> None:
    """README "Election officers": PPK Kecamatan Y, PPS Desa Z, Panwaslu Kelurahan/Desa Z."""
    doc = nlp(
        "BREBES - KPU Kabupaten Brebes memberhentikan seorang anggota Panitia Pemilihan Kecamatan (PPK) "
        "Bulakamba berinisial RN (36) karena mengubah perolehan suara seorang caleg. Temuan itu berawal dari "
        "laporan Panwaslu Desa Cimohong dan PPS Desa Luwungragi yang mencocokkan salinan formulir."
    )
    roles = {m.name: m.role for m in doc._.institutions}
    assert roles["PPK Kecamatan Bulakamba"] == "EMPLOYER"
    assert roles["Panwaslu Desa Cimohong"] == "OVERSIGHT"
    assert roles["PPS Desa Luwungragi"] == "OVERSIGHT"


def test_ppk_before_a_regency_is_the_staffing_official_not_a_body(nlp: Language) -> None:
    doc = nlp(
        "MAROS - Bawaslu Kabupaten Maros meneruskan rekomendasi kepada PPK Maros agar menjatuhkan sanksi kepada "
        "seorang camat yang berfoto dengan calon bupati."
    )
    assert not [m for m in doc._.institutions if m.name.startswith("PPK")]


def test_a_balinese_banjar_dinas_is_a_hamlet_not_a_dinas(nlp: Language) -> None:
    doc = nlp(
        "KARANGASEM - Kelian Banjar Dinas Pesagi, I Made Sukra, dilaporkan ke Bawaslu Kabupaten Karangasem "
        "karena mengumpulkan KTP warga untuk seorang caleg."
    )
    assert not [m for m in doc._.institutions if m.name.startswith("Dinas")]


def test_sub_units_are_named_with_their_place_and_employ_their_staff(nlp: Language) -> None:
    """README "Institutions": UPT/UPTD with the regency, Cabang Dinas with its wilayah, Suku Dinas with its city."""
    doc = nlp(
        "SAMBAS - Kepala UPTD Pengelolaan Air Minum Dinas Pekerjaan Umum Kabupaten Sambas, Hendri Gunawan, "
        "dilaporkan ke Bawaslu Kabupaten Sambas karena diduga ikut berkampanye untuk seorang caleg DPRD."
    )
    roles = {m.name: m.role for m in doc._.institutions}
    assert roles["UPTD Pengelolaan Air Minum Kabupaten Sambas"] == "EMPLOYER"
    assert roles["Dinas Pekerjaan Umum Kabupaten Sambas"] == "EMPLOYER"
    doc = nlp(
        "JAKARTA TIMUR - Suku Dinas Perhubungan Jakarta Timur menggelar apel netralitas ASN. Kepala Cabang Dinas "
        "Pendidikan Wilayah III Dinas Pendidikan Provinsi Jawa Barat juga hadir."
    )
    names = {m.name for m in doc._.institutions}
    assert {"Suku Dinas Perhubungan Kota Jakarta Timur", "Cabang Dinas Pendidikan Wilayah III"} <= names
    assert "Dinas Pendidikan Provinsi Jawa Barat" in names


def test_pemerintah_daerah_with_a_demonstrative_is_the_storys_own_government(nlp: Language) -> None:
    doc = nlp(
        "TAHUNA - Seorang kepala bidang hadir dalam peresmian pasar. Dalam acara pemerintah daerah tersebut ia "
        "mengenakan kaus bergambar caleg. Kabupaten Kepulauan Sangihe dikenal sebagai daerah perbatasan."
    )
    assert "Pemerintah Kabupaten Kepulauan Sangihe" in {m.name for m in doc._.institutions}
    doc = nlp(
        "TAHUNA - Semua pemda di Sulawesi Utara diminta menjaga netralitas ASN di Kabupaten Kepulauan Sangihe."
    )
    assert "Pemerintah Kabupaten Kepulauan Sangihe" not in {m.name for m in doc._.institutions}


def test_a_lower_case_inspektorat_is_the_storys_regency_office(nlp: Language) -> None:
    doc = nlp(
        "MAGELANG - Pemkab Magelang menjatuhkan teguran tertulis kepada dua pegawai yang ikut kampanye. "
        "Pemeriksaan dilakukan bersama tim dari inspektorat dan bagian kepegawaian."
    )
    roles = {m.name: m.role for m in doc._.institutions}
    assert roles.get("Inspektorat Kabupaten Magelang") == "OVERSIGHT"


def test_a_bare_association_is_the_branch_the_story_names(nlp: Language) -> None:
    doc = nlp(
        "SOLOK - Pengurus PGRI Kabupaten Solok dan Korpri Kabupaten Solok menggelar apel netralitas. Ketua "
        "PGRI mengimbau guru menjaga jarak dari kampanye, sementara Korpri menyiapkan posko aduan."
    )
    names = {m.name for m in doc._.institutions}
    assert {"PGRI Kabupaten Solok", "Korpri Kabupaten Solok"} <= names
    assert not names & {"Persatuan Guru Republik Indonesia", "Korps Pegawai Republik Indonesia"}


def test_a_bare_association_without_a_branch_is_the_national_one(nlp: Language) -> None:
    doc = nlp("JAKARTA - PGRI dan APDESI meminta anggotanya tidak ikut kampanye.")
    names = {m.name: m.role for m in doc._.institutions}
    assert names == {
        "Persatuan Guru Republik Indonesia": "OTHER",
        "Asosiasi Pemerintah Desa Seluruh Indonesia": "OTHER",
    }


def test_a_units_commander_names_the_unit(run_until: Run) -> None:
    found = names(
        run_until,
        "Kapolres Bantul AKBP Hendra Wijaya dan Dandim 0729/Bantul Letkol Inf Sugeng memimpin apel siaga. "
        "Kapolsek Sewon juga hadir.",
    )
    assert {"Polres Bantul", "Kodim 0729/Bantul", "Polsek Sewon"} <= set(found)
