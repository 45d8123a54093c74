"""Case status by the corpus README's "Statuses" rule: registered is REPORTED, summons and clarification
UNDER_REVIEW, a recommendation (also one asking for a sanction) RECOMMENDED, an imposed sanction SANCTIONED,
"tidak terpenuhi"/"hentikan" DISMISSED; a tally of many cases or another case's stage is not this case's; a scene-setting sentence dates the incident."""

from __future__ import annotations

from spacy.language import Language

from nlp.annotation import to_annotation


def statuses(nlp: Language, text: str) -> dict[str, str | None]:
    result = to_annotation(nlp(text), id="t")
    return {a["name"] or a["position"]: case["status"] for case in result["cases"] for a in case["actors"]}


def incident_date(nlp: Language, text: str, published_at: str) -> str | None:
    """The incident date of the story's one case."""
    (case,) = to_annotation(nlp(text), id="t", published_at=published_at)["cases"]
    return case["incident_date"]


def test_each_case_of_a_story_keeps_its_own_stage(nlp: Language) -> None:
    text = (
        "PANDEGLANG - Pemerintah Kabupaten Pandeglang menjatuhkan sanksi kepada seorang kepala seksi berinisial "
        "TW yang terbukti mengunggah dukungan kepada calon bupati di akun Facebook pribadinya. TW menerima "
        "teguran tertulis dari Sekretaris Daerah.\n\n"
        "Sementara itu, laporan terhadap seorang guru PNS berinisial KM yang diduga berfoto dengan simbol dua jari "
        "bersama calon bupati dinyatakan tidak dapat diteruskan. Unsur pelanggarannya tidak terpenuhi, sehingga "
        "penanganan kami hentikan, kata Ketua Bawaslu Pandeglang."
    )
    found = statuses(nlp, text)
    assert found.get("TW") == "SANCTIONED"
    assert found.get("KM") == "DISMISSED"


def test_a_tally_of_other_cases_does_not_set_the_stage(nlp: Language) -> None:
    text = (
        "SAMPIT - Seorang camat berinisial HR dilaporkan ke Bawaslu Kabupaten Kotawaringin Timur karena diduga "
        "mengajak kepala desa mendukung salah satu calon bupati dalam rapat koordinasi di kantor kecamatan. "
        "Laporan itu sudah diregistrasi pada Senin.\n\n"
        "Sepanjang tahapan pilkada, Bawaslu Kotawaringin Timur mencatat 12 kasus dugaan pelanggaran netralitas, "
        "7 kasus di antaranya sudah diteruskan ke Badan Kepegawaian Negara dan 5 kasus dihentikan."
    )
    assert statuses(nlp, text).get("HR") == "REPORTED"


def test_a_remainder_and_a_step_not_yet_taken_do_not_set_the_stage(nlp: Language) -> None:
    text = (
        "PALOPO - Seorang kepala bidang berinisial WS dilaporkan ke Bawaslu Kota Palopo karena diduga "
        "menghadiri deklarasi dukungan calon wali kota. Laporan itu sudah diregistrasi. "
        "Sepanjang tahapan, Bawaslu menerima 20 laporan; 12 di antaranya diteruskan ke BKN. "
        "Sisanya dihentikan karena tidak memenuhi unsur. "
        "Surat keputusan pemberhentian WS dari jabatannya belum terbit."
    )
    assert statuses(nlp, text).get("WS") == "REPORTED"


def test_forwarding_campaign_material_is_not_a_recommendation(nlp: Language) -> None:
    text = (
        "TARAKAN - Seorang staf kelurahan berstatus PNS berinisial DW diperiksa Bawaslu Kota Tarakan karena "
        "diduga meneruskan video kampanye calon wali kota ke grup WhatsApp warga RT setempat. Bawaslu sudah "
        "memanggil DW untuk dimintai klarifikasi."
    )
    assert statuses(nlp, text).get("DW") == "UNDER_REVIEW"


def test_a_sanction_asked_for_is_a_recommendation(nlp: Language) -> None:
    text = (
        "BANTAENG - Bawaslu Kabupaten Bantaeng merekomendasikan seorang kepala bidang berinisial AS ke Badan "
        "Kepegawaian Negara karena terbukti menghadiri deklarasi dukungan untuk calon bupati. Bawaslu meminta "
        "agar AS dijatuhi sanksi sesuai ketentuan."
    )
    assert statuses(nlp, text).get("AS") == "RECOMMENDED"


def test_a_nominee_is_no_condition_and_dismissal_of_office_is_a_sanction(nlp: Language) -> None:
    nominee = (
        "NABIRE - Bawaslu Kabupaten Nabire menelusuri status kepegawaian seorang kepala bagian berinisial "
        "OK yang diduga masih aktif sebagai PNS ketika didaftarkan sebagai bakal calon wakil bupati."
    )
    assert statuses(nlp, nominee).get("OK") == "UNDER_REVIEW"
    removed = (
        "LUBUK PAKAM - Seorang guru PNS berinisial RS yang menjadi anggota PPK terbukti membagikan uang "
        "kepada pemilih menjelang pencoblosan. Keputusan pemberhentian RS sebagai anggota PPK diambil KPU "
        "setelah pemeriksaan internal."
    )
    assert statuses(nlp, removed).get("RS") == "SANCTIONED"


def test_the_scene_setting_sentence_dates_the_incident(nlp: Language) -> None:
    text = (
        "LUWUK - Seorang kepala seksi di Dinas Perhubungan Kabupaten Banggai berinisial FK diduga mengajak "
        "warga memilih salah satu calon bupati dalam sebuah jamuan makan malam.\n\n"
        "Jamuan itu berlangsung di sebuah rumah makan di Luwuk pada Rabu (9/10/2024) malam.\n\n"
        '"Kami sudah memanggil yang bersangkutan untuk klarifikasi," kata Ketua Bawaslu Banggai, Jumat '
        "(11/10/2024)."
    )
    assert incident_date(nlp, text, "2024-10-12T09:00:00+08:00") == "2024-10-09"


def test_the_date_of_a_summons_or_a_sanction_is_not_the_incidents(nlp: Language) -> None:
    summoned = (
        "BANTUL - Bawaslu Kabupaten Bantul memanggil seorang guru PNS berinisial KR yang diduga mengunggah "
        "ajakan memilih calon bupati di akun Instagram pribadinya, untuk dimintai klarifikasi, Selasa "
        "(15/10/2024)."
    )
    assert incident_date(nlp, summoned, "2024-10-16T10:00:00+07:00") is None
    displayed = (
        "BANTUL - Seorang kepala sekolah berinisial KR diduga memasang spanduk calon bupati di pagar sekolah. "
        "Spanduk itu terpampang di pagar SD Negeri Bantul 3 pada Sabtu (12/10/2024). "
        "KR dipanggil Bawaslu untuk klarifikasi, Selasa (15/10/2024)."
    )
    assert incident_date(nlp, displayed, "2024-10-16T10:00:00+07:00") == "2024-10-12"


def test_a_sanction_recommended_to_a_ministry_or_not_possible_yet_is_no_sanction(nlp: Language) -> None:
    recommended = (
        "WAINGAPU - Bawaslu Kabupaten Sumba Timur merekomendasikan Kementerian Dalam Negeri menjatuhkan sanksi "
        "kepada seorang camat berinisial UK yang terbukti mengerahkan kepala desa ke kampanye calon bupati."
    )
    assert statuses(nlp, recommended).get("UK") == "RECOMMENDED"
    resigned = (
        "SORONG - Laporan terhadap seorang guru PNS berinisial PT yang diduga menjadi pengurus partai politik "
        "dinyatakan tidak terbukti oleh Bawaslu. Keputusan pemberhentian PT atas permintaan sendiri sudah terbit "
        "sebelum ia mendaftar. Pemkab tidak bisa menjatuhkan sanksi kepada pegawai yang sudah berhenti."
    )
    assert statuses(nlp, resigned).get("PT") == "DISMISSED"


def test_officials_the_accused_removed_are_not_a_sanction_of_the_accused(nlp: Language) -> None:
    text = (
        "TEMINABUAN - Bawaslu Kabupaten Sorong Selatan memeriksa Bupati Sorong Selatan, Yohan Bodory, yang "
        "diduga mengganti sejumlah kepala distrik menjelang penetapan calon. Kepala distrik yang dicopot "
        "disebut dekat dengan calon lain. Bawaslu sudah meminta keterangan dua pejabat yang diberhentikan itu."
    )
    assert statuses(nlp, text).get("Yohan Bodory") == "UNDER_REVIEW"


def test_handling_a_report_is_no_examination_unless_gakkumdu_handles_it(nlp: Language) -> None:
    # README "Statuses, announced vs begun": a bare "menangani" stays REPORTED; the case at Sentra Gakkumdu is
    # UNDER_REVIEW.
    text = (
        "BIMA - Bawaslu Kabupaten Bima menangani laporan dugaan pelanggaran netralitas yang melibatkan seorang "
        "kepala sekolah berinisial RN. RN diduga mengunggah ajakan memilih salah satu calon bupati di grup "
        "WhatsApp wali murid.\n\n"
        '"Laporannya kami tangani sesuai prosedur," kata Ketua Bawaslu Bima.'
    )
    assert statuses(nlp, text).get("RN") == "REPORTED"
    text = (
        "BIMA - Sentra Gakkumdu Kabupaten Bima menangani dugaan politik uang yang melibatkan seorang kepala "
        "sekolah berinisial RN. RN diduga membagikan amplop berisi uang kepada wali murid sambil mengajak memilih "
        "salah satu calon bupati."
    )
    assert statuses(nlp, text).get("RN") == "UNDER_REVIEW"


def test_an_examination_denied_is_no_stage(nlp: Language) -> None:
    # "pulang tanpa diperiksa", "tak kunjung diproses": patients or papers refused, not the case examined.
    text = (
        "DOMPU - Seorang kepala puskesmas berinisial AR dilaporkan ke Bawaslu Kabupaten Dompu. Puluhan warga "
        "pulang tanpa diperiksa karena AR menutup layanan untuk menghadiri kampanye salah satu calon bupati, "
        "sementara berkas rujukan mereka tak kunjung diproses."
    )
    assert statuses(nlp, text).get("AR") == "REPORTED"


def test_the_day_a_photo_spread_is_not_the_incidents(nlp: Language) -> None:
    text = (
        "WAINGAPU - Seorang kepala desa berinisial YL diduga berfoto sambil mengacungkan simbol nomor urut salah "
        "satu calon bupati. Foto kegiatan itu viral di grup Facebook warga pada Minggu (13/10/2024) malam. "
        "Bawaslu Sumba Timur masih mengkaji dugaan pelanggaran tersebut."
    )
    assert incident_date(nlp, text, "2024-10-16T10:00:00+08:00") is None
