"""Institution names read whole and in their canonical form: universities, regional agencies, branches."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

Run = Callable[[str, str], Doc]


def names(run: Run, text: str) -> dict[str, str]:
    doc = run(text, "netra_institutions")
    return {m.name: m.role for m in doc._.institutions}


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
    assert found == {"Korpri Kabupaten Bone": "OTHER", "PGRI Kabupaten Bengkulu Utara": "CIVIL_SOCIETY"}


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
