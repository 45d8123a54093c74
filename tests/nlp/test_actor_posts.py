"""Actors' posts and names as new writers phrase them (session 5): posts as written, a post shortened to its
head word, a name set apart from its post, places and headlines that look like names, listed accused."""

from __future__ import annotations

from spacy.language import Language

from nlp.positions import find_positions
from tests.nlp.people import Run, people


def canonical(text: str) -> list[str]:
    return [p.canonical for p in find_positions(text)]


def test_health_workers_are_not_nurses() -> None:
    """README "Positions as written": "tenaga kesehatan"/"nakes" is its own post; "perawat" stays."""
    assert canonical("Dua nakes dan seorang tenaga medis ikut berfoto.") == ["tenaga kesehatan"] * 2
    assert canonical("Seorang tenaga kesehatan dan seorang perawat hadir.") == ["tenaga kesehatan", "perawat"]


def test_satpol_pp_and_firefighters_are_posts_of_their_own() -> None:
    found = find_positions("Tiga personel Satpol PP dan dua petugas damkar terekam menghadiri kampanye.")
    assert [(p.canonical, p.actor_type) for p in found] == [
        ("anggota Satpol PP", "ASN"),
        ("petugas pemadam kebakaran", "ASN"),
    ]
    assert canonical("Seorang anggota Satuan Polisi Pamong Praja memasang spanduk.") == ["anggota Satpol PP"]
    assert canonical("Anggota pemadam kebakaran itu berpose dua jari.") == ["petugas pemadam kebakaran"]


def test_the_municipal_police_unit_is_not_the_police() -> None:
    # "polisi" inside "Satuan Polisi Pamong Praja" names a regional government service.
    assert "anggota Polri" not in canonical("Kepala Satuan Polisi Pamong Praja Kota Tual menegur anggotanya.")


def test_election_posts_written_out_in_full() -> None:
    assert canonical("Ketua Kelompok Penyelenggara Pemungutan Suara di TPS 4 dilaporkan.") == ["Ketua KPPS"]


def test_initials_after_a_field_are_no_part_of_it() -> None:
    assert canonical("bawahannya, Kabid Cipta Karya TW.") == ["Kepala Bidang Cipta Karya"]
    assert canonical("Kepala Bidang Pembinaan SMP Dinas Pendidikan") == ["Kepala Bidang Pembinaan SMP"]


def test_initials_after_a_post_name_its_holder(run_until: Run) -> None:
    found = people(run_until, "Ia datang bersama bawahannya, Kasi Trantib MK.")
    assert ("MK", "Kepala Seksi Trantib", "ASN") in found


def test_a_post_shortened_to_its_head_takes_the_post_written_in_full(run_until: Run) -> None:
    text = (
        "Seorang penyuluh pertanian lapangan berstatus PPPK di Kabupaten Bone memasang stiker calon. "
        "Penyuluh berinisial KT (37) itu mengaku diminta kerabatnya."
    )
    found = people(run_until, text)
    assert ("KT", "penyuluh pertanian lapangan", "PPPK") in found
    assert (None, "penyuluh pertanian lapangan", "PPPK") not in found  # the same person, not another one
    text = (
        "Bawaslu memeriksa seorang pegawai negeri sipil Dinas Sosial yang menjadi saksi partai. "
        "Pegawai berinisial DW (29) itu sudah dipanggil."
    )
    assert ("DW", "PNS", "PNS") in people(run_until, text)


def test_a_post_and_its_name_set_apart_by_yang_dimaksud_or_sendiri(run_until: Run) -> None:
    found = people(run_until, "Camat yang dimaksud, Drs. Harun Tamher, dipanggil Bawaslu.")
    assert ("Harun Tamher", "Camat", "PNS") in found
    found = people(run_until, "Di balik kemudi duduk Kepala Distrik Wamena Kota sendiri, Yosias Tabuni.")
    assert ("Yosias Tabuni", "Kepala Distrik", "PNS") in found


def test_a_place_after_a_units_post_is_no_name(run_until: Run) -> None:
    names = [
        n
        for n, _, _ in people(
            run_until, "Jaket partai tergantung di ruang kerja Lurah Tanjung Harapan Barat."
        )
    ]
    assert names == [None]


def test_capitals_after_a_post_in_a_headline_are_no_name(run_until: Run) -> None:
    found = people(
        run_until, "Nama Pegawai Dinkes Kolaka Tercantum di Daftar Calon, Bawaslu Minta Klarifikasi"
    )
    assert [n for n, _, _ in found] == [None]


def test_a_name_said_to_be_a_post_after_a_comma(run_until: Run) -> None:
    found = people(
        run_until, "Kepala Dinas Sosial, Hendra Ruma, membenarkan JT merupakan tenaga honorer di kantornya."
    )
    assert ("JT", "honorer", "LAINNYA") in found


def test_every_name_listed_after_the_introducer_is_accused(nlp: Language) -> None:
    doc = nlp(
        "RANTAU - Dua pegawai Dinas Perhubungan Kabupaten Tapin kepergok memasang baliho bergambar pasangan calon "
        "bupati di simpang Jalan Ahmad Yani, Sabtu malam. Keduanya, masing-masing berinisial AR (38) dan GS (42), "
        "berstatus pegawai negeri sipil. Mereka dipergoki petugas pengawas yang tengah berpatroli. Ketua Bawaslu "
        "Tapin menyebut pemasangan alat peraga oleh ASN dilarang. Dalam klarifikasi, AR dan GS mengaku dibayar "
        "Rp100 ribu per titik oleh seorang relawan."
    )
    actors = {a.name for case in doc._.cases for a in case.actors}
    assert actors == {"AR", "GS"}


def test_a_civil_society_branch_keeps_the_place_after_its_acronym(run_until: Run) -> None:
    doc = run_until(
        "Laporan itu diajukan Lembaga Pemantau Anggaran Daerah (LPAD) Musi Rawas kepada Bawaslu.",
        "netra_institutions",
    )
    found = {(m.name, m.role) for m in doc._.institutions}
    assert ("Lembaga Pemantau Anggaran Daerah Musi Rawas", "CIVIL_SOCIETY") in found
    mention = next(m for m in doc._.institutions if m.name.startswith("Lembaga"))
    assert mention.text == "Lembaga Pemantau Anggaran Daerah (LPAD) Musi Rawas"


def test_an_adat_council_is_other(run_until: Run) -> None:
    """README "From the session-4 audits": adat councils are OTHER."""
    doc = run_until("Ketua Lembaga Adat Dayak Kenyah menolak politisasi upacara.", "netra_institutions")
    assert {(m.name, m.role) for m in doc._.institutions} == {("Lembaga Adat Dayak Kenyah", "OTHER")}


def test_a_statistics_office_with_its_region_employs_the_accused(nlp: Language) -> None:
    doc = nlp(
        "KENDARI - Bawaslu Kota Kendari merekomendasikan sanksi bagi seorang pegawai Badan Pusat Statistik (BPS) "
        "Kota Kendari berinisial LM yang terbukti menjadi anggota tim kampanye seorang caleg. LM mengaku "
        "namanya dimasukkan tanpa izin, tetapi ia hadir dalam rapat tim kampanye."
    )
    actors = [(a.name, a.institution) for case in doc._.cases for a in case.actors]
    assert actors == [("LM", "Badan Pusat Statistik Kota Kendari")]


def test_the_status_stated_for_a_post_is_the_named_holders(run_until: Run) -> None:
    text = (
        "Seorang guru berstatus PPPK di Kecamatan Tanjung Raja dipanggil Bawaslu Kabupaten Ogan Ilir pada Senin "
        "pagi bersama kepala sekolahnya. Guru berinisial LS (31) itu membagikan poster calon bupati."
    )
    assert ("LS", "guru", "PPPK") in people(run_until, text)


def test_a_speaker_who_urges_or_confirms_is_a_speaker(run_until: Run) -> None:
    doc = run_until(
        "Kepala Dinas Pendidikan, Rahmat Sulaiman, mengimbau seluruh guru menjaga netralitas.",
        "netra_persons",
    )
    assert [(p.name, p.speaker) for p in doc._.persons if p.name] == [("Rahmat Sulaiman", True)]


def test_functional_posts_keep_their_grade() -> None:
    assert canonical("Ia bekerja sebagai statistisi ahli pertama di kantor itu.") == [
        "statistisi ahli pertama"
    ]
    assert canonical("Seorang pranata komputer mahir ikut berkampanye.") == ["pranata komputer mahir"]
    assert canonical("Seorang arsiparis dinas itu hadir.") == ["arsiparis"]


def test_posts_new_writers_gave_the_accused() -> None:
    found = find_positions(
        "Seorang kepala satuan kerja, dua petugas pelayanan dan regu jaga pos damkar Panakkukang hadir."
    )
    assert [p.canonical for p in found] == [
        "kepala satuan kerja",
        "petugas pelayanan",
        "petugas pemadam kebakaran",
    ]
    assert [(p.canonical, p.actor_type) for p in find_positions("seorang dosen berstatus PNS")] == [
        ("dosen", "PNS")
    ]


def test_a_head_word_and_initials_take_the_post_introduced_just_before(run_until: Run) -> None:
    # "dosen" alone is a commentator's title, no post: the initials are the lecturer introduced as a PNS.
    text = (
        "Bawaslu memeriksa seorang dosen berstatus PNS di sebuah universitas negeri yang ikut kampanye. "
        "Dosen berinisial FH itu mengaku hadir sebagai undangan."
    )
    found = people(run_until, text)
    assert ("FH", "dosen", "PNS") in found
    assert (None, "dosen", "PNS") not in found  # the same person, not another one


def test_an_adat_council_branch_takes_the_regions_full_name(run_until: Run) -> None:
    """README: branches of associations as "PGRI Kabupaten X", with Kabupaten even when the text drops it."""
    doc = run_until(
        "Perwakilan Lembaga Adat Melayu (LAM) Kampar ikut menandatangani deklarasi.",
        "netra_institutions",
    )
    found = {(m.name, m.role) for m in doc._.institutions}
    assert ("Lembaga Adat Melayu Kabupaten Kampar", "OTHER") in found


# -- session 6: how the w26/w27 writers set names and posts ---------------------------------------------------


def test_a_post_after_netralitas_set_beside_a_name_is_that_person(run_until: Run) -> None:
    text = "Bawaslu memeriksa dugaan pelanggaran netralitas Kepala Bagian Umum Setda Sinjai, Rahmat Palallo, pekan lalu."
    assert ("Rahmat Palallo", "Kepala Bagian Umum", "ASN") in people(run_until, text)
    # The topic without a name stays no person; so does a status beside a name ("Netralitas ASN, X").
    assert canonical("Bawaslu menggelar sosialisasi netralitas kepala desa di aula kecamatan.") == []
    found = people(
        run_until, "Koordinator Bidang Pengawasan Netralitas ASN, Dewi Lestari, hadir di Makassar."
    )
    assert all(position != "ASN" for _, position, _ in found)


def test_a_kecamatan_or_village_unit_is_no_name(run_until: Run) -> None:
    found = people(run_until, "Teguran dijatuhkan kepada dua staf Kecamatan Tanjung Morawa pada Senin.")
    assert [name for name, _, _ in found] == [None]
    found = people(run_until, "Seorang dukuh di Kalurahan Sidorejo, Kapanewon Ponjong, dilaporkan warga.")
    assert [name for name, _, _ in found] == [None]


def test_initials_after_berinisial_are_a_name_even_when_they_spell_an_acronym(run_until: Run) -> None:
    found = people(run_until, "Seorang kepala desa di Kecamatan Kayen berinisial PP dilaporkan ke Bawaslu.")
    assert ("PP", "Kepala Desa", "KEPALA_DESA") in found
    # Without the introducing word an acronym stays an acronym.
    assert all(
        name != "PP" for name, _, _ in people(run_until, "Aturan itu tertuang dalam PP 94 Tahun 2021.")
    )


def test_a_name_read_inside_a_longer_one_is_the_same_person(run_until: Run) -> None:
    text = "Hakim menjatuhkan vonis kepada I Wayan Sukarta (47), Kelian Banjar Dinas Sari, Desa Tegallalang."
    names = [name for name, _, _ in people(run_until, text) if name]
    assert names == ["I Wayan Sukarta"]


def test_a_status_stated_after_the_name_and_age_is_the_post(run_until: Run) -> None:
    text = (
        "Salah satu petugas yang dilaporkan warga, YT (29), diketahui berstatus tenaga honorer di kantor itu."
    )
    assert ("YT", "honorer", "LAINNYA") in people(run_until, text)


def test_the_post_a_sanction_takes_away_is_the_named_persons(run_until: Run) -> None:
    text = "Agus Salim diberhentikan dari jabatannya sebagai Kepala Desa Lembah Hijau sejak Senin."
    assert ("Agus Salim", "Kepala Desa", "KEPALA_DESA") in people(run_until, text)


def test_every_name_listed_after_yakni_holds_the_post(run_until: Run) -> None:
    text = "Dua kepala sekolah yang hadir dalam acara itu, yakni MR dan Sri Wahyuni, dipanggil Bawaslu."
    found = people(run_until, text)
    assert ("MR", "Kepala Sekolah", "PNS") in found and ("Sri Wahyuni", "Kepala Sekolah", "PNS") in found


def test_the_post_a_story_identifies_beats_a_generic_word_after_the_name(run_until: Run) -> None:
    text = "Camat yang dimaksud adalah Drs. Hendrik Lewerissa, pejabat karier di Pemerintah Kabupaten Maluku Tengah."
    assert ("Hendrik Lewerissa", "Camat", "PNS") in people(run_until, text)


def test_village_posts_as_regions_name_them() -> None:
    """Regional names of village heads, secretaries, hamlet heads and staff take the corpus's canonical posts."""
    assert canonical("Kuwu Sukamulya dan Peratin Way Jambu hadir.") == ["Kepala Desa", "Kepala Desa"]
    assert canonical("Carik desa itu dan Sekretaris Tiyuh Mulya ikut.") == [
        "Sekretaris Desa",
        "Sekretaris Desa",
    ]
    assert canonical("Seorang kepala dukuh dan kamituwo Krajan memasang stiker.") == [
        "Kepala Dusun",
        "Kepala Dusun",
    ]
    assert canonical("Dua perangkat pekon dan pamong kalurahan dilaporkan.") == [
        "perangkat desa",
        "perangkat desa",
    ]
    assert canonical("Beberapa aparat kampung dan aparat gampong hadir.") == [
        "perangkat desa",
        "perangkat desa",
    ]
    assert canonical("Ia menyerahkan secarik kertas.") == []


def test_a_post_inside_an_associations_name_is_no_post() -> None:
    assert canonical("Ketua Forum Kepala Desa Kecamatan Sambas, Junaidi, hadir.") == []
    assert canonical("Ketua Asosiasi Kepala Sekolah dan seorang kepala sekolah hadir.") == ["Kepala Sekolah"]


def test_excusing_oneself_is_speaking(run_until: Run) -> None:
    text = "Kepala Bagian Umum Setda Tual, Yosef Renwarin, berdalih rotasi itu hanya mengisi jabatan kosong."
    assert [p.speaker for p in run_until(text, "netra_persons")._.persons if p.name] == [True]


def test_a_sections_common_field_written_in_lower_case_is_part_of_the_post() -> None:
    assert canonical("Seorang kepala seksi pemerintahan di kelurahan itu dilaporkan.") == [
        "Kepala Seksi Pemerintahan"
    ]
    assert canonical("Ia menjabat kepala urusan keuangan desa sejak 2019.") == ["Kepala Urusan Keuangan"]
    # A word after the post that is no field stays out of it.
    assert canonical("Kepala seksi itu hadir.") == ["Kepala Seksi"]


def test_a_day_job_a_relative_clause_gives_the_person_named_is_theirs(run_until: Run) -> None:
    text = (
        "Ketua KPPS di TPS 03 berinisial RM, yang sehari-hari bekerja sebagai perawat PPPK di Puskesmas Lela, "
        "diduga mencoblos sisa surat suara."
    )
    found = people(run_until, text)
    assert found == [("RM", "Ketua KPPS", "PPPK")]


def test_heads_of_offices_a_regency_does_not_run() -> None:
    assert canonical("Kepala KUA Kecamatan Woha hadir.") == ["Kepala KUA"]
    assert canonical("Kepala Kantor Urusan Agama Woha hadir.") == ["Kepala KUA"]
    assert canonical("Kepala Cabang Dinas Pendidikan Wilayah III hadir.") == ["Kepala Cabang Dinas"]
    assert canonical("Kepala Tata Usaha SMA Negeri 1 Bima hadir.") == ["Kepala Tata Usaha"]


def test_the_office_of_a_post_is_nobody(run_until: Run) -> None:
    found = people(run_until, "Seorang pegawai Kantor Camat Woha diduga mengunggah dukungan.")
    assert [position for _, position, _ in found] == ["pegawai"]


def test_name_forms_new_writers_used(run_until: Run) -> None:
    # The post after the name, age and "yang menjabat".
    found = people(run_until, "Pria berinisial KRT (48) yang menjabat Kepala Dusun II itu membawa amplop.")
    assert ("KRT", "Kepala Dusun", "PERANGKAT_DESA") in found
    # A Sasak title before a one-word name.
    found = people(run_until, "Kepala desa yang dimaksud adalah Lalu Marzuki, Kepala Desa Aikmel Utara.")
    assert ("Lalu Marzuki", "Kepala Desa", "KEPALA_DESA") in found
    # A relative clause of one passive verb between the post and the name.
    found = people(run_until, "Guru yang dilaporkan, Yosep Manek (39), mengajar di SD Inpres Atambua.")
    assert ("Yosep Manek", "guru", "PNS") in found
    # The legal term for the sanctioning official is no name; an acronym is no initials.
    assert all(
        name != "Pembina Kepegawaian"
        for name, _, _ in people(run_until, "Pejabat Pembina Kepegawaian hadir.")
    )
    found = people(run_until, "Anggota KPPS yang sehari-hari bekerja sebagai perangkat desa itu mencoblos.")
    assert all(name != "KPPS" for name, _, _ in found)


def test_a_counted_part_of_a_group_recognised_as_a_post_is_a_group(run_until: Run) -> None:
    text = "Belakangan, tiga orang di antaranya dikenali warga sebagai perawat di RSUD Kefamenanu."
    doc = run_until(text, "netra_persons")
    assert [(p.position, p.group) for p in doc._.persons] == [("perawat", True)]


def test_pegawai_after_one_civil_servant_introduced_is_that_person(run_until: Run) -> None:
    text = (
        "Bawaslu menemukan naskah itu disusun oleh seorang PNS di Bagian Umum Setda Kabupaten Buol. "
        "Pegawai berinisial HK (41) itu menulis tujuh naskah pidato."
    )
    assert ("HK", "PNS", "PNS") in people(run_until, text)


def test_a_name_given_by_sex_names_the_one_official_just_described(run_until: Run) -> None:
    text = (
        "Ketua KPPS di TPS 07 Desa Lembah Hijau resmi diberhentikan dari jabatannya. "
        "Pria bernama Syamsudin itu terbukti mencoblos sisa surat suara."
    )
    assert ("Syamsudin", "Ketua KPPS", "LAINNYA") in people(run_until, text)
