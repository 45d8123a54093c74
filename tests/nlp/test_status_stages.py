"""Session-5 status rules: a sanction as a purpose or a noun recommended is not imposed, sending a study to a
deciding body recommends the case, stopping a person or an act is no dismissal, a requirement not met is
no dismissal, and a step told as done ("sudah kami teruskan") holds beside a supposition."""

from __future__ import annotations

from spacy.language import Language

from nlp.annotation import to_annotation
from tests.nlp.test_status import statuses


def test_a_sanction_as_the_purpose_of_forwarding_is_a_recommendation(nlp: Language) -> None:
    text = (
        "BONTANG - Bawaslu Kota Bontang menyatakan seorang lurah berinisial KD terbukti mengajak warga memilih "
        "calon wali kota dalam pengajian. Hasil kajian diteruskan ke Badan Kepegawaian Negara untuk dijatuhi "
        "sanksi disiplin."
    )
    assert statuses(nlp, text).get("KD") == "RECOMMENDED"


def test_a_dismissal_recommended_as_a_noun_is_not_imposed(nlp: Language) -> None:
    text = (
        "MAMUJU - Bawaslu Kabupaten Mamuju merekomendasikan pemberhentian seorang anggota PPS berinisial YT "
        "kepada KPU Kabupaten Mamuju. YT diduga membagikan kalender bergambar calon bupati kepada warga."
    )
    assert statuses(nlp, text).get("YT") == "RECOMMENDED"


def test_a_study_sent_to_a_ministry_or_a_military_unit_is_a_recommendation(nlp: Language) -> None:
    text = (
        "SORONG - Seorang kepala distrik berinisial OK diduga mengarahkan kepala kampung mendukung calon "
        "bupati. Bawaslu Kabupaten Sorong menyatakan hasil kajiannya sudah dikirimkan ke Kemendagri pekan lalu."
    )
    assert statuses(nlp, text).get("OK") == "RECOMMENDED"
    text = (
        "ATAMBUA - Seorang anggota TNI berinisial PR diduga ikut berkampanye untuk calon bupati. "
        "Bawaslu Kabupaten Belu meneruskannya ke Kodim 1605/Belu untuk diproses."
    )
    assert statuses(nlp, text).get("PR") == "RECOMMENDED"


def test_a_step_told_as_done_holds_beside_a_supposition(nlp: Language) -> None:
    text = (
        "TANJUNG SELOR - Seorang camat berinisial BS diduga mengumpulkan kepala desa untuk mendukung calon "
        "gubernur. Perkara BS sudah kami teruskan ke BKN, supaya semua tahu aturan itu bisa ditegakkan, kata "
        "Ketua Bawaslu Bulungan."
    )
    assert statuses(nlp, text).get("BS") == "RECOMMENDED"


def test_stopping_a_person_or_removing_posters_is_no_dismissal_or_sanction(nlp: Language) -> None:
    text = (
        "KENDARI - Seorang kepala seksi berinisial MA diperiksa Bawaslu Kota Kendari karena diduga membagikan "
        "amplop kepada warga. Ia dihentikan patroli pengawas di jalan kompleks sekitar pukul tiga dini hari. "
        "Spanduk calon wali kota di rumahnya juga sudah dicopot petugas."
    )
    assert statuses(nlp, text).get("MA") == "UNDER_REVIEW"


def test_support_that_does_not_meet_a_requirement_is_no_dismissal(nlp: Language) -> None:
    text = (
        "BATURAJA - Seorang kepala desa berinisial HN diperiksa Bawaslu Kabupaten Ogan Komering Ulu karena "
        "diduga mengumpulkan fotokopi KTP warga untuk calon perseorangan. KPU menyatakan dukungan itu "
        "dinyatakan tidak memenuhi syarat."
    )
    assert statuses(nlp, text).get("HN") == "UNDER_REVIEW"


def test_following_up_a_video_or_a_study_told_with_kami_is_a_review(nlp: Language) -> None:
    text = (
        "TEMBILAHAN - Bawaslu Kabupaten Indragiri Hilir menindaklanjuti rekaman yang memperlihatkan seorang "
        "kepala desa berinisial SJ membagikan beras bergambar calon bupati kepada warga."
    )
    assert statuses(nlp, text).get("SJ") == "UNDER_REVIEW"
    text = (
        "RANTAU - Seorang sekretaris camat berinisial FA dilaporkan ke Bawaslu Kabupaten Tapin karena diduga "
        "hadir dalam deklarasi calon bupati. Laporan itu sudah diregistrasi. Yang kami dalami sekarang adalah "
        "siapa yang mengundang FA ke acara itu, kata anggota Bawaslu Tapin."
    )
    assert statuses(nlp, text).get("FA") == "UNDER_REVIEW"


def test_a_review_as_a_purpose_or_still_ahead_is_not_under_way(nlp: Language) -> None:
    text = (
        "BIMA - Panwaslu Kecamatan Woha menerima laporan warga tentang seorang guru PNS berinisial NR yang "
        "diduga memasang foto calon bupati di ruang kelas. Laporan itu diteruskan ke Bawaslu Kabupaten Bima "
        "untuk dikaji. Bawaslu sudah menyiapkan undangan klarifikasi bagi pelapor."
    )
    assert statuses(nlp, text).get("NR") == "REPORTED"


def test_a_research_institute_and_a_health_check_are_no_review(nlp: Language) -> None:
    text = (
        "NABIRE - Seorang bidan PNS berinisial EK dilaporkan Lembaga Kajian Pemilu Nabire ke Bawaslu karena "
        "diduga mengajak ibu-ibu memilih calon bupati saat pemeriksaan ibu hamil di posyandu."
    )
    assert statuses(nlp, text).get("EK") == "REPORTED"


def test_the_date_of_a_decision_or_a_hearing_is_not_the_incidents(nlp: Language) -> None:
    decided = (
        "KUALA KURUN - Bawaslu Kabupaten Gunung Mas, Rabu (13/11/2024), menyatakan seorang penyuluh kehutanan "
        "berinisial DS terbukti membagikan stiker calon bupati kepada peserta penyuluhan."
    )
    result = to_annotation(nlp(decided), id="t", published_at="2024-11-14T10:00:00+07:00")
    (case,) = result["cases"]
    assert case["incident_date"] is None
    heard = (
        "MUNTOK - Seorang kepala seksi di Kecamatan Muntok berinisial AR diduga mengajak warga memilih calon "
        "bupati dalam arisan. Sejumlah warga sudah dimintai keterangan oleh Bawaslu pada Senin (7/10/2024)."
    )
    result = to_annotation(nlp(heard), id="t", published_at="2024-10-09T10:00:00+07:00")
    (case,) = result["cases"]
    assert case["incident_date"] is None


def test_a_case_among_those_forwarded_is_recommended(nlp: Language) -> None:
    text = (
        "MAMASA - Bawaslu Provinsi Sulawesi Barat menerima puluhan laporan pelanggaran netralitas ASN selama "
        "pilkada. Salah satu perkara yang sudah diteruskan menyeret seorang kepala desa berinisial RP yang "
        "mengajak warga memilih calon bupati."
    )
    assert statuses(nlp, text).get("RP") == "RECOMMENDED"
