"""The labelling rules of nlp/corpus/README.md as the pipeline applies them: employer chains, seats,
name forms, commanders quoted beside a rank, appositions across place words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from nlp.annotation import to_annotation

Run = Callable[[str, str], Doc]
ROOT = Path(__file__).resolve().parents[2]


def annotate(nlp: Language, text: str) -> dict[str, Any]:
    return to_annotation(nlp(text), id="t")


def roles(result: dict[str, Any]) -> dict[str, str]:
    return {i["name"]: i["role"] for i in result["institutions"]}


def employed(nlp: Language, text: str) -> tuple[list[tuple[str | None, str | None]], dict[str, str]]:
    """The one case's actors with their institution, and every institution's role."""
    result = annotate(nlp, text)
    (case,) = result["cases"]
    return [(a["name"], a["institution"]) for a in case["actors"]], roles(result)


def institutions(nlp: Language, text: str) -> dict[str, str]:
    return roles(annotate(nlp, text))


def test_seats_contested_or_won_are_not_institutions(run_until: Run) -> None:
    doc = run_until(
        "PALEMBANG - Partai Amanat Nasional menargetkan tambahan kursi di DPRD Provinsi Sumatera Selatan. "
        "Seorang guru mengunggah foto calon anggota DPRD Kota Palembang. "
        "Anggota DPRD Kota Palembang, Rudi Hartono, menyayangkan hal itu.",
        "netra_institutions",
    )
    found = [(m.name, m.text) for m in doc._.institutions if m.name.startswith("DPRD")]
    assert found == [("DPRD Kota Palembang", "DPRD Kota Palembang")]  # only the body whose member speaks
    assert doc._.institutions[-1].start > doc.text.index("Anggota DPRD")


def test_name_forms(run_until: Run) -> None:
    doc = run_until(
        "BANDA ACEH - Kanwil Kemenag Aceh dan Satpol PP Kabupaten Aceh Besar menertibkan spanduk. "
        "Personel TNI dan Polri ikut berjaga.",
        "netra_institutions",
    )
    assert {m.name for m in doc._.institutions} == {
        "Kantor Wilayah Kementerian Agama Provinsi Aceh",
        "Satuan Polisi Pamong Praja Kabupaten Aceh Besar",
        "TNI",
        "Polri",
    }


def test_initials_are_not_an_institution(run_until: Run) -> None:
    doc = run_until("Seorang guru berinisial MK diduga mengunggah foto caleg.", "netra_institutions")
    assert doc._.institutions == []


def test_dinas_field_stops_before_the_regency(run_until: Run) -> None:
    doc = run_until(
        "SAMBAS - Kepala Dinas Pemberdayaan Masyarakat dan Desa Sambas, Dedi Kurniawan, memanggil kepala desa itu.",
        "netra_institutions",
    )
    assert [m.name for m in doc._.institutions] == ["Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Sambas"]
    doc = run_until(
        "Dinas Sosial Gowa dan Dinas Pendidikan Kabupaten Gowa dan Pemkab Gowa.", "netra_institutions"
    )
    assert [m.name for m in doc._.institutions] == [
        "Dinas Sosial Kabupaten Gowa",
        "Dinas Pendidikan Kabupaten Gowa",
        "Pemerintah Kabupaten Gowa",
    ]


def test_employer_chain_of_a_provincial_school(nlp: Language) -> None:
    found = institutions(
        nlp,
        "KUPANG - Seorang guru SMA Negeri 3 Kupang berinisial YT diduga mengunggah foto bakal calon gubernur "
        "di akun Facebook pribadinya. Dinas Pendidikan dan Kebudayaan NTT dan Pemerintah Provinsi NTT "
        "menyatakan akan menunggu rekomendasi Bawaslu.",
    )
    assert found["SMA Negeri 3 Kupang"] == "EMPLOYER"
    assert found["Dinas Pendidikan dan Kebudayaan Provinsi Nusa Tenggara Timur"] == "EMPLOYER"
    assert found["Pemerintah Provinsi Nusa Tenggara Timur"] == "EMPLOYER"


def test_village_officials_belong_to_the_village_not_the_regency(nlp: Language) -> None:
    actors, found = employed(
        nlp,
        "BANTUL - Bawaslu Kabupaten Bantul memanggil Dukuh Karang, Desa Sumbermulyo, berinisial SW yang diduga "
        "mengajak warga memilih caleg tertentu dalam pengajian. Dinas Pemberdayaan Masyarakat dan Desa Bantul "
        "dan Pemkab Bantul akan membina para dukuh.",
    )
    assert actors == [("SW", "Pemerintah Desa Sumbermulyo")]
    assert found["Pemerintah Desa Sumbermulyo"] == "EMPLOYER"
    assert found["Pemerintah Kabupaten Bantul"] == "OTHER"
    assert found["Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Bantul"] == "OTHER"


def test_a_police_officer_belongs_to_the_unit_the_story_names(nlp: Language) -> None:
    actors, found = employed(
        nlp,
        "SERANG - Bawaslu Kabupaten Serang memeriksa seorang Bhabinkamtibmas berinisial HR yang diduga "
        "menghadiri deklarasi relawan bakal calon bupati di Kecamatan Cikeusal.\n\n"
        "Kasi Propam Polres Serang, Iptu Andri Wijaya, membenarkan anggotanya sedang diperiksa.",
    )
    assert actors == [("HR", "Polres Serang")]
    assert found["Polres Serang"] == "EMPLOYER"


def test_farming_instructor_belongs_to_the_farming_dinas(nlp: Language) -> None:
    found = institutions(
        nlp,
        "KAYUAGUNG - Seorang penyuluh pertanian berinisial SR diduga mengajak kelompok tani memilih caleg "
        "tertentu. Penyuluh dari Dinas Tanaman Pangan dan Hortikultura Ogan Komering Ilir itu dipanggil Bawaslu.",
    )
    assert found["Dinas Tanaman Pangan dan Hortikultura Kabupaten Ogan Komering Ilir"] == "EMPLOYER"


def test_commander_quoted_after_comma_and_rank_is_not_accused(nlp: Language) -> None:
    result = annotate(
        nlp,
        "SENTANI - Seorang anggota Polri berinisial YW diduga hadir dalam kampanye caleg dengan mengenakan "
        "baju partai.\n\n"
        "Kapolres Jayapura, AKBP Herman Rumbiak, membenarkan anggotanya sedang menjalani pemeriksaan Propam.\n\n"
        "Herman menegaskan netralitas anggota Polri tidak bisa ditawar.",
    )
    assert [a["name"] for c in result["cases"] for a in c["actors"]] == ["YW"]


def test_apposition_across_village_words(run_until: Run) -> None:
    doc = run_until(
        "Di sebelah kiri ada sekdes desa yang sama, Hamdan Wahyudi, yang mengacungkan lima jari. "
        "Kepala dusun di desa tersebut, Hermanto, meminta fotokopi KTP warga. "
        "Kabid Bina Marga di dinas yang sama, Syamsul Alam, naik ke panggung.",
        "netra_persons",
    )
    found = {(p.name, p.position) for p in doc._.persons if p.name}
    assert ("Hamdan Wahyudi", "Sekretaris Desa") in found
    assert ("Hermanto", "Kepala Dusun") in found
    assert ("Syamsul Alam", "Kepala Bidang Bina Marga") in found


def test_ranks_are_titles() -> None:
    from nlp.names import clean_name

    assert clean_name("Iptu Andri Wijaya") == "Andri Wijaya"
    assert clean_name("AKBP Herman Rumbiak") == "Herman Rumbiak"


def test_sasak_titles_and_election_committee_positions(run_until: Run) -> None:
    doc = run_until(
        "Ketua PPD tersebut, Yosep Magai, diduga mengubah angka perolehan suara. "
        "Kepala Desa Pringgasela Selatan, Lalu Muhammad Zaini, berpose lima jari.",
        "netra_persons",
    )
    found = {(p.name, p.position) for p in doc._.persons if p.name}
    assert found == {("Yosep Magai", "Ketua PPD"), ("Lalu Muhammad Zaini", "Kepala Desa")}


def test_bare_regional_government_and_school_name_forms(run_until: Run) -> None:
    doc = run_until(
        "BREBES - Guru berstatus PNS di SD Negeri Siasem 02 dilaporkan ke Bawaslu Kabupaten Brebes. "
        "Pemkab belum berkomentar. Kepala SMP Negeri 14 Kota Serang ikut diperiksa. "
        "Sekretaris Daerah Kabupaten Brebes mengimbau ASN netral. Pemkab Kukar dan pemerintah provinsi "
        "menghormati proses itu.",
        "netra_institutions",
    )
    assert [m.name for m in doc._.institutions] == [
        "SD Negeri Siasem 02",
        "Bawaslu Kabupaten Brebes",
        "Pemerintah Kabupaten Brebes",
        "SMP Negeri 14 Kota Serang",
        "Pemerintah Kabupaten Kutai Kartanegara",
        "Pemerintah Provinsi Jawa Tengah",
    ]  # the Sekda's position names no Sekretariat Daerah


def test_a_health_campaign_is_not_an_election_case(nlp: Language) -> None:
    result = annotate(
        nlp,
        "MUNTOK - Camat Muntok, Rizal Effendi, mendeklarasikan Kampanye Gemar Makan Ikan di aula kantor camat. "
        "Ia mengajak para ASN dan kader posyandu ikut menyukseskan kampanye itu.",
    )
    assert result["cases"] == []
    assert "CASE_REPORT" not in result["article_types"]


def test_name_after_a_position_and_a_descriptor(run_until: Run) -> None:
    doc = run_until(
        "Yang dilaporkan ada dua, yakni Bupati petahana Hasudungan Siregar dan Kepala Dinas Sosial Labuhanbatu, "
        "Erwin Pardede.",
        "netra_persons",
    )
    assert {(p.name, p.position) for p in doc._.persons} == {
        ("Hasudungan Siregar", "Bupati"),
        ("Erwin Pardede", "Kepala Dinas Sosial"),
    }


def test_an_operator_can_be_the_accused(nlp: Language) -> None:
    result = annotate(
        nlp,
        "LHOKSUKON - Bawaslu Kabupaten Aceh Utara memeriksa seorang operator berstatus PNS yang diduga meminta "
        "uang kepada warga agar KTP mereka selesai sebelum pencoblosan.",
    )
    actors = [(a["name"], a["position"], a["actor_type"]) for c in result["cases"] for a in c["actors"]]
    assert actors == [(None, "operator", "PNS")]
    assert "C14_PROFESIONALITAS" in result["cases"][0]["conduct"]


def test_a_resident_complaining_is_a_speaker_not_the_accused(nlp: Language) -> None:
    result = annotate(
        nlp,
        "KUALASIMPANG - Bawaslu memeriksa Keuchik berinisial ZA yang diduga mendaftar sebagai caleg tanpa mundur. "
        '"Kantor desa tutup, Keuchik sedang keliling, katanya," keluh Nurhasanah (34), warga setempat.',
    )
    assert [a["name"] for c in result["cases"] for a in c["actors"]] == ["ZA"]


def test_a_position_said_in_a_quote_is_not_the_speakers(run_until: Run) -> None:
    doc = run_until(
        '"Sudah tiga kali datang. Keuchik sedang keliling, katanya," keluh Nurhasanah (34), warga setempat.',
        "netra_persons",
    )
    assert [(p.name, p.position, p.speaker) for p in doc._.persons if p.name] == [("Nurhasanah", None, True)]


def test_initials_after_the_position_and_yang_bersangkutan(run_until: Run) -> None:
    doc = run_until(
        "Keuchik yang bersangkutan berinisial MY membuka pintu kantor untuk caleg itu.", "netra_persons"
    )
    assert [(p.name, p.position) for p in doc._.persons if p.name] == [("MY", "Kepala Desa")]


def test_employer_chains_of_religious_affairs_and_farming_extension(nlp: Language) -> None:
    found = institutions(
        nlp,
        "SIGLI - Bawaslu Kabupaten Pidie memeriksa Kepala Kantor Kementerian Agama Pidie, Zulfikar Ibrahim, yang "
        "diduga menginstruksikan para kepala madrasah memenangkan calon tertentu. Kanwil Kemenag Aceh menunggu "
        "hasil pemeriksaan.",
    )
    assert found["Kantor Kementerian Agama Kabupaten Pidie"] == "EMPLOYER"
    assert found["Kantor Wilayah Kementerian Agama Provinsi Aceh"] == "EMPLOYER"
    found = institutions(
        nlp,
        "KAYUAGUNG - Bawaslu Ogan Komering Ilir memanggil seorang penyuluh di Balai Penyuluhan Pertanian "
        "Kecamatan Lempuing berinisial SR yang diduga mengajak kelompok tani memilih caleg tertentu. Dinas "
        "Tanaman Pangan dan Hortikultura Ogan Komering Ilir akan membina penyuluh itu.",
    )
    assert found["Balai Penyuluhan Pertanian Kecamatan Lempuing"] == "EMPLOYER"
    assert found["Dinas Tanaman Pangan dan Hortikultura Kabupaten Ogan Komering Ilir"] == "EMPLOYER"


# Positions whose local and abbreviated titles the corpus writes in one canonical form.
_ONE_FORM = (
    "Kepala Desa",
    "Kepala Dusun",
    "Sekretaris Desa",
    "Sekretaris Daerah",
    "Ketua PPD",
    "Kepala Puskesmas",
)


def test_local_titles_are_written_in_their_canonical_form() -> None:
    from nlp.positions import find_positions

    for title, canonical in (
        ("Keuchik", "Kepala Desa"),
        ("Kepala Kampung", "Kepala Desa"),
        ("Raja Negeri", "Kepala Desa"),
        ("Dukuh", "Kepala Dusun"),
        ("Sekda", "Sekretaris Daerah"),
        ("Ketua Panitia Pemilihan Distrik", "Ketua PPD"),
        ("Kepala UPTD Puskesmas", "Kepala Puskesmas"),
        ("Kabid Bina Marga", "Kepala Bidang Bina Marga"),
    ):
        assert [p.canonical for p in find_positions(title)] == [canonical], title


def test_corpus_positions_use_the_canonical_titles() -> None:
    import yaml

    from nlp.positions import find_positions

    articles = sorted((ROOT / "nlp" / "corpus" / "articles").glob("*.yaml"))
    odd = []
    for path in articles:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in (doc.get("gold") or {}).get("cases") or []:
            for actor in case.get("actors") or []:
                position = actor.get("position") or ""
                found = find_positions(position)
                if len(found) == 1 and found[0].canonical in _ONE_FORM and found[0].start == 0:
                    if position.lower() != found[0].canonical.lower():
                        odd.append(f"{path.stem}: {position} (write {found[0].canonical})")
    assert articles and not odd, odd


def test_the_office_a_story_opens_in_employs_the_unnamed_clerk(rules_nlp: Language) -> None:
    # The rules alone: which office employs the clerk does not depend on the trained classifiers.
    actors, found = employed(
        rules_nlp,
        "KENDARI - Warga mengeluhkan antrean panjang di kantor Dinas Kependudukan dan Pencatatan Sipil "
        "(Disdukcapil) Kota Kendari menjelang hari pemungutan suara. Sebagian warga menunggu sejak subuh.\n\n"
        "Sejumlah warga mengaku dimintai uang percepatan Rp200.000 oleh seorang pegawai di loket pencetakan "
        "agar KTP elektronik mereka selesai sebelum pencoblosan.\n\n"
        '"Kalau tidak bayar, disuruh datang minggu depan," kata Wa Ode Nurhayati, warga Kecamatan Poasia.',
    )
    assert actors == [(None, "Dinas Kependudukan dan Pencatatan Sipil Kota Kendari")]
    assert found["Dinas Kependudukan dan Pencatatan Sipil Kota Kendari"] == "EMPLOYER"


def test_an_office_named_long_before_the_accused_is_not_theirs(rules_nlp: Language) -> None:
    # The rules alone: which office employs the clerk does not depend on the trained classifiers.
    actors, found = employed(
        rules_nlp,
        "KENDARI - Dinas Kesehatan Kota Kendari membuka posko kesehatan di dekat TPS. Posko buka sejak pagi.\n\n"
        "Petugas KPPS menyiapkan bilik suara. Pemilih mulai berdatangan. Antrean mengular hingga siang.\n\n"
        "Seorang pegawai berinisial AS diduga membagikan amplop berisi uang kepada warga agar "
        "memilih calon nomor urut 2, Rabu (27/11/2024). Bawaslu Kota Kendari memeriksa AS atas dugaan "
        "pelanggaran netralitas ASN dan politik uang.",
    )
    assert actors == [("AS", None)]
    assert found["Dinas Kesehatan Kota Kendari"] == "OTHER"


def test_a_group_of_the_accused_stands_beside_its_named_member(nlp: Language) -> None:
    result = annotate(
        nlp,
        "Puluhan Guru PNS di Bima Setor Dana ke Tim Pemenangan Calon Bupati\n\n"
        "BIMA - Puluhan guru berstatus PNS di Kabupaten Bima diduga menyetorkan sebagian tunjangan mereka "
        "kepada tim pemenangan salah satu pasangan calon bupati. Bawaslu Kabupaten Bima, Senin (4/11/2024), "
        "menyatakan para guru itu terbukti melanggar netralitas ASN karena menyerahkan sumbangan secara kolektif "
        "kepada tim kampanye pasangan calon nomor urut 2. Salah satu guru, Ahmad Yani, mengakui uang itu "
        "dikumpulkan lewat grup WhatsApp sekolah dan diserahkan ke posko tim pemenangan.",
    )
    actors = {(a["name"], a["position"]) for case in result["cases"] for a in case["actors"]}
    assert actors == {(None, "guru"), ("Ahmad Yani", "guru")}


def test_a_group_the_story_names_in_full_is_only_its_members(nlp: Language) -> None:
    result = annotate(
        nlp,
        "WAMENA - Bawaslu Kabupaten Jayawijaya meneruskan dugaan pelanggaran netralitas dua pegawai Dinas "
        "Kesehatan ke BKN. Keduanya terekam ikut konvoi kampanye salah satu partai politik, Senin (29/1/2024). "
        "Mereka adalah Yosias Tabuni, pegawai Dinas Kesehatan, dan pegawai berinisial MK. Kedua pegawai itu "
        "diduga melanggar netralitas ASN karena ikut kampanye partai politik.",
    )
    names = {a["name"] for case in result["cases"] for a in case["actors"]}
    assert None not in names and "MK" in names


def test_a_pronoun_in_the_next_sentence_names_the_unnamed_official(nlp: Language) -> None:
    text = (
        "WATAMPONE - Bawaslu Kabupaten Bone menemukan seorang kepala sekolah tercatat sebagai pengurus partai "
        "politik. Kepala sekolah yang dimaksud memimpin SD Negeri 3 Watampone. Berdasarkan data Bawaslu, "
        "ia bernama Andi Mappasessu, golongan IV/a. Bawaslu menyatakan kepala sekolah itu diduga melanggar "
        "netralitas ASN karena menjadi pengurus partai politik."
    )
    actors = [(a["name"], a["position"]) for case in annotate(nlp, text)["cases"] for a in case["actors"]]
    assert actors == [("Andi Mappasessu", "Kepala Sekolah")]
    initials = text.replace("Berdasarkan data Bawaslu, ia bernama Andi Mappasessu", "Inisialnya AM")
    actors = [(a["name"], a["position"]) for case in annotate(nlp, initials)["cases"] for a in case["actors"]]
    assert actors == [("AM", "Kepala Sekolah")]


def test_a_pronoun_after_two_officials_names_neither(run_until: Run) -> None:
    doc = run_until(
        "Seorang camat dan seorang lurah hadir di acara itu. Ia bernama Rudi Hartono, warga setempat.",
        "netra_persons",
    )
    assert [(p.name, p.position) for p in doc._.persons if p.name] == [("Rudi Hartono", None)]
