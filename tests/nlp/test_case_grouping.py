"""Cases: whose sentences make up a case, and when a story's accused form one case or several."""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from nlp.annotation import to_annotation
from nlp.extensions import with_title


def annotate(nlp: Language, text: str, **meta: Any) -> dict[str, Any]:
    return to_annotation(nlp(text), id="t", **meta)


def test_a_pronoun_after_an_opening_phrase_goes_on_about_the_person_just_named(nlp: Language) -> None:
    # The accused is named in a sentence that accuses nobody; "Menurut temuan pengawas, ia diduga ..." carries
    # the allegation, its pronoun after a short opening phrase.
    text = (
        "KUPANG - Panwaslu Kecamatan Oebobo menemukan kejanggalan pada rekapitulasi suara di satu TPS.\n\n"
        "Ketua KPPS di TPS itu, Yohana Lakapu, sehari-hari adalah guru PNS di SMP Negeri 3 Kupang. "
        "Menurut temuan pengawas, ia diduga mencoblos sendiri belasan surat suara sisa setelah TPS "
        "ditutup.\n\n"
        "Bawaslu Kota Kupang masih mengkaji temuan tersebut."
    )
    names = {a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert names == {"Yohana Lakapu"}


def test_a_pronoun_after_an_opening_phrase_that_only_speaks_accuses_nobody(nlp: Language) -> None:
    text = (
        "KUPANG - Bawaslu Kota Kupang mengimbau ASN menjaga netralitas selama masa kampanye.\n\n"
        "Kepala BKPSDM Kota Kupang, Yohana Lakapu, hadir dalam sosialisasi itu. "
        "Di hadapan ratusan pegawai, ia mengatakan ASN yang diduga ikut kampanye akan diperiksa.\n\n"
        "Sosialisasi serupa akan digelar di setiap kecamatan."
    )
    assert annotate(nlp, text)["cases"] == []


def test_a_former_official_running_for_office_is_no_case(nlp: Language) -> None:
    text = (
        "SOLOK - Mantan Kepala Dinas Pendidikan Kabupaten Solok, Darmansyah Putra, resmi terdaftar sebagai "
        "bakal calon anggota DPRD dari Partai Gerindra.\n\n"
        "Ia tercatat mendaftar ke KPU Kabupaten Solok bersama belasan bakal caleg lain, Senin (8/5/2023). "
        "Surat pemberhentiannya sebagai PNS terbit sebulan sebelumnya.\n\n"
        "Ketua Bawaslu Kabupaten Solok, Rina Oktavia, mengatakan pihaknya tetap memantau netralitas ASN selama "
        "tahapan pencalonan."
    )
    assert annotate(nlp, text)["cases"] == []


def test_the_post_a_headline_denies_does_not_make_the_accused(nlp: Language) -> None:
    # "Bukan Lurah": the man in the photo is not the lurah, so the headline's post counts for nobody.
    title = "Pria Berkaus Paslon di Video Kampanye Ternyata Bukan Lurah Sukamaju"
    text = (
        "GARUT - Video seorang pria berkaus pasangan calon yang berjoget di panggung kampanye sempat disebut "
        "warganet sebagai lurah setempat.\n\n"
        "Lurah Sukamaju memastikan dirinya tidak pernah hadir di kampanye itu dan sedang bertugas di kantor. "
        "Bawaslu Kabupaten Garut juga menyatakan pria dalam video itu warga biasa."
    )
    doc = nlp(with_title(nlp.make_doc(text), title))
    assert to_annotation(doc, id="t", title=title)["cases"] == []


def test_a_former_post_taken_up_with_itu_is_the_person_named_before(nlp: Language) -> None:
    text = (
        "PONTIANAK - Setelah 22 tahun bekerja sebagai pegawai negeri sipil, Rudi Hartono (51) kini ikut "
        "berkampanye untuk Partai Demokrat dan tercatat sebagai calon anggota DPRD Kota Pontianak. Mantan "
        "sekretaris camat di Kecamatan Pontianak Barat itu mengajukan pensiun dini jauh sebelum mendaftar ke "
        "KPU Kota Pontianak.\n\n"
        "Bawaslu Kota Pontianak memastikan tidak ada laporan terhadapnya."
    )
    assert annotate(nlp, text)["cases"] == []


def test_a_plural_pronoun_goes_on_about_everyone_the_sentence_before_names(nlp: Language) -> None:
    text = (
        "BANTAENG - Bawaslu Kabupaten Bantaeng merekomendasikan pemberhentian dua anggota PPS Desa Bonto "
        "Jaya kepada KPU.\n\n"
        "Keduanya, AR dan SL, berstatus PNS di lingkungan Pemerintah Kabupaten Bantaeng. "
        "Mereka diduga mengubah angka perolehan suara seorang caleg saat menyalin formulir rekapitulasi.\n\n"
        "KPU Kabupaten Bantaeng menyatakan akan menindaklanjuti rekomendasi itu."
    )
    names = {a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert names and names <= {"AR", "SL"}


def test_a_report_against_a_singled_out_official_accuses_them(nlp: Language) -> None:
    title = "Laporan soal Babinsa Berfoto dengan Caleg di Ketapang Dihentikan"
    text = (
        "KETAPANG - Bawaslu Kabupaten Ketapang menghentikan penanganan laporan terhadap seorang Babinsa di "
        "Kecamatan Sandai yang fotonya bersama seorang caleg beredar di grup WhatsApp.\n\n"
        "Menurut Bawaslu, foto itu diambil saat pengamanan acara adat, bukan kegiatan kampanye."
    )
    doc = nlp(with_title(nlp.make_doc(text), title))
    cases = to_annotation(doc, id="t", title=title)["cases"]
    assert [a["position"] for c in cases for a in c["actors"]] == ["Babinsa"]


def test_a_named_accused_of_a_second_shorter_case_is_kept(nlp: Language) -> None:
    text = (
        "CILEGON - Bawaslu Kota Cilegon menangani dua dugaan pelanggaran netralitas ASN sekaligus.\n\n"
        "Perkara pertama menyeret Camat Jombang, Agus Salim, dan Lurah Masigit, Hendra Wijaya. Keduanya diduga "
        "mengumpulkan para ketua RT dan meminta fotokopi KTP warga untuk calon perseorangan. Agus Salim juga "
        "diduga memakai mobil dinas kecamatan untuk mengangkut berkas dukungan itu. Hendra Wijaya disebut "
        "mengancam ketua RT yang menolak.\n\n"
        "Perkara kedua melibatkan seorang guru SMP Negeri 2 Cilegon berinisial RN. Namanya tercantum sebagai "
        "bendahara dalam susunan pengurus Partai Buruh tingkat kota."
    )
    names = {a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert "RN" in names


def test_the_posts_a_figure_counts_are_nobody_in_particular(rules_nlp: Language) -> None:
    # Rules alone (no type classifier to drop the case): the counted posts are the figure's subjects.
    text = (
        "BANYUMAS - Bawaslu Kabupaten Banyumas menangani 27 dugaan pelanggaran netralitas sepanjang tahapan "
        "pilkada.\n\n"
        "Rinciannya, 18 perkara melibatkan kepala desa dan 9 perkara melibatkan perangkat desa yang diduga "
        "mengunggah dukungan kepada calon bupati di media sosial.\n\n"
        "Bawaslu meminta pemerintah desa menjaga netralitas hingga pemungutan suara."
    )
    assert annotate(rules_nlp, text)["cases"] == []


def test_a_names_first_words_are_the_same_person(nlp: Language) -> None:
    text = (
        "SINGARAJA - Bawaslu Kabupaten Buleleng menelusuri seorang bakal calon anggota DPRD dari Partai Hanura. "
        "Nama yang dipersoalkan adalah Komang Adi Wiratama.\n\n"
        "Komang Adi tercatat sebagai pranata komputer ahli muda di Dinas Kesehatan Kabupaten Buleleng dan "
        "diduga aktif dalam rapat pengurus partai."
    )
    names = [a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]]
    assert names == ["Komang Adi Wiratama"]


def test_the_official_after_a_passive_verb_did_it(nlp: Language) -> None:
    text = (
        "PRINGSEWU - Surat dukungan untuk seorang calon anggota DPD beredar di Pekon Sukamaju.\n\n"
        "Surat itu ditandatangani Kepala Pekon Sukamaju, Marjuki, dan dibubuhi stempel pekon.\n\n"
        "Menurut warga, fotokopi KTP untuk dukungan itu dikumpulkan Kepala Dusun Sukamaju, Hartono, dari rumah "
        "ke rumah.\n\n"
        "Bawaslu Kabupaten Pringsewu telah menerima laporan warga."
    )
    names = {a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert "Hartono" in names


def test_an_official_after_verbs_of_speech_or_sanction_is_no_agent() -> None:
    from nlp.components.accused_intro import PASSIVE_AGENT

    assert PASSIVE_AGENT.search("KTP itu dikumpulkan Kepala Dusun Sukamaju, ")
    assert not PASSIVE_AGENT.search("Hal itu disampaikan Kepala Dinas Sosial, ")
    assert not PASSIVE_AGENT.search("Ia dilantik Bupati Pringsewu, ")


def test_the_official_who_opens_the_next_case_is_its_accused(nlp: Language) -> None:
    # The second case's accused is unnamed and of the named accused's type: kept for its own section.
    text = (
        "JEMBER - Bawaslu Kabupaten Jember menangani dua dugaan pelanggaran netralitas pekan ini.\n\n"
        "Camat Sumbersari, Agus Triyono, diduga mengarahkan para kepala desa untuk mendukung calon bupati "
        "petahana dalam rapat di kantor kecamatan. Agus Triyono juga disebut membagikan stiker pasangan calon "
        "kepada peserta rapat.\n\n"
        "Kasus kedua terjadi di Kecamatan Kaliwates. Seorang guru berstatus PNS di sebuah SD negeri diduga "
        "mengunggah foto pasangan calon dengan ajakan memilih di akun Facebook pribadinya.\n\n"
        "Bawaslu akan meminta klarifikasi keduanya pekan depan."
    )
    actors = {(a["name"], a["position"]) for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert ("Agus Triyono", "Camat") in actors
    assert (None, "guru") in actors


def _positions(nlp: Language, title: str, text: str) -> list[tuple[str | None, str | None]]:
    doc = nlp(with_title(nlp.make_doc(text), title))
    cases = to_annotation(doc, id="t", title=title)["cases"]
    return sorted(((a["name"], a["position"]) for c in cases for a in c["actors"]), key=str)


_TWO_POSTS = (
    "MAMUJU - Bawaslu Kabupaten Mamuju menelusuri video kegiatan relawan seorang calon bupati di Kecamatan "
    "Tapalang.\n\n"
    "Dalam video itu Kepala Puskesmas Tapalang, Hasanuddin Tahir, diduga memimpin yel-yel dukungan kepada "
    "calon tersebut. Belasan perawat tampak ikut mengacungkan dua jari sambil memakai kaus bergambar calon.\n\n"
    "Para perawat itu diduga hadir atas kemauan sendiri, kata warga yang merekam video."
)


def test_a_group_the_headline_joins_to_the_named_accused_is_accused_too(nlp: Language) -> None:
    found = _positions(
        nlp, "Kepala Puskesmas dan Belasan Perawat di Mamuju Diduga Ikut Yel-yel Paslon", _TWO_POSTS
    )
    assert (None, "perawat") in found and ("Hasanuddin Tahir", "Kepala Puskesmas") in found
    # What the headline says was done to them ("Kumpulkan ... Perawat") keeps them out; so does a headline
    # that names the group by itself.
    found = _positions(nlp, "Rotasi Kepala Puskesmas dan Belasan Perawat di Mamuju Disorot", _TWO_POSTS)
    assert (None, "perawat") not in found
    found = _positions(nlp, "Kepala Puskesmas di Mamuju Diduga Pimpin Yel-yel Paslon", _TWO_POSTS)
    assert (None, "perawat") not in found


def test_a_member_singled_out_of_an_accused_group_is_accused_beside_it(nlp: Language) -> None:
    title = "Nama Puluhan Guru Tercantum di Daftar Relawan Caleg di Ende"
    text = (
        "ENDE - Bawaslu Kabupaten Ende memanggil puluhan guru yang namanya tercantum dalam daftar relawan "
        "pemenangan seorang caleg DPRD NTT. Para guru itu diduga ikut mengumpulkan dukungan di sekolah "
        "masing-masing.\n\n"
        "Salah satu guru, Maria Goreti Wea, mengakui namanya didaftarkan oleh kerabatnya tanpa ia ketahui.\n\n"
        "Bawaslu masih mencocokkan data itu dengan data kepegawaian."
    )
    found = _positions(nlp, title, text)
    assert ("Maria Goreti Wea", "guru") in found and (None, "guru") in found


def test_the_group_a_member_is_singled_out_of_is_named_in_the_phrase(nlp: Language) -> None:
    title = "Pegawai Disdukcapil Sorong Diduga Pungut Uang Surat Pindah Memilih Jelang Pilkada"
    text = (
        "SORONG - Dua pegawai Dinas Kependudukan dan Pencatatan Sipil Kota Sorong diduga meminta uang Rp 150 ribu "
        "kepada warga yang mengurus surat pindah memilih menjelang pencoblosan.\n\n"
        "Salah satu pegawai yang dilaporkan warga, YT (29), diketahui berstatus tenaga honorer di bagian "
        "pelayanan. YT diduga menerima uang itu di luar loket.\n\n"
        "Bawaslu Kota Sorong meneruskan laporan itu ke Inspektorat, yang sudah memanggil kedua pegawai tersebut."
    )
    found = _positions(nlp, title, text)
    assert ("YT", "honorer") in found and (None, "pegawai") in found


def test_a_group_accused_in_sentences_of_its_own_stays_beside_a_named_accused(nlp: Language) -> None:
    title = "Camat Pasarwajo Dilaporkan Pakai Mobil Dinas Angkut Spanduk Paslon"
    text = (
        "BUTON - Bawaslu Kabupaten Buton menerima laporan terhadap Camat Pasarwajo, La Ode Hasimu, yang diduga "
        "memakai mobil dinas untuk mengangkut spanduk pasangan calon bupati.\n\n"
        "Hasimu diduga juga meminta staf kecamatan memasang spanduk itu di depan kantor.\n\n"
        "Bawaslu juga menerima laporan dugaan pelanggaran oleh tiga kepala desa di Kecamatan Lasalimu. Ketiganya diduga "
        "membagikan kalender bergambar pasangan calon kepada warga saat posyandu.\n\n"
        "Bawaslu Buton akan memanggil para pihak pekan depan."
    )
    found = _positions(nlp, title, text)
    assert ("La Ode Hasimu", "Camat") in found and (None, "Kepala Desa") in found


def test_a_counted_pronoun_after_an_opening_phrase_reaches_back_to_the_people_it_counts(
    nlp: Language,
) -> None:
    title = "Pemkab Sikka Jatuhkan Sanksi kepada Tiga Pejabat Kewilayahan"
    text = (
        "MAUMERE - Pemerintah Kabupaten Sikka menjatuhkan sanksi kepada tiga pejabat kewilayahan di Kecamatan "
        "Alok.\n\n"
        "Yohanes Nong dibebastugaskan dari jabatannya sebagai Camat Alok. Dua lurah yang hadir dalam pertemuan "
        "itu, yakni FX dan Maria Nona, menerima teguran tertulis.\n\n"
        "Seperti diberitakan sebelumnya, ketiganya diduga mengumpulkan fotokopi KTP warga untuk mendukung bakal "
        "calon bupati jalur perseorangan.\n\n"
        "Kepala BKPSDM Sikka, Paulus Da Silva, mengatakan keputusan itu mengikuti rekomendasi Bawaslu."
    )
    names = {name for name, _ in _positions(nlp, title, text)}
    assert {"Yohanes Nong", "FX", "Maria Nona"} <= names


def test_part_of_a_group_named_by_its_post_and_a_member_of_it_are_accused(nlp: Language) -> None:
    title = "Berkaus Paslon, Perawat PPPK RSUD Bula Ikut Konvoi Kampanye"
    text = (
        "BULA - Video belasan orang berkaus pasangan calon bupati yang ikut konvoi kampanye terbuka di Kota Bula "
        "beredar di grup WhatsApp warga. Sebagian dari mereka ternyata perawat berstatus PPPK di RSUD Bula.\n\n"
        "Salah satu yang terlihat memegang bendera adalah Yohanis Rumalutur, perawat di ruang IGD.\n\n"
        "Anggota Bawaslu Seram Bagian Timur, Hasan Wailissa, mengatakan para perawat itu akan diundang "
        "klarifikasi."
    )
    doc = nlp(with_title(nlp.make_doc(text), title))
    actors = [a for c in to_annotation(doc, id="t", title=title)["cases"] for a in c["actors"]]
    found = {(a["name"], a["position"], a["actor_type"]) for a in actors}
    assert ("Yohanis Rumalutur", "perawat", "PPPK") in found and (None, "perawat", "PPPK") in found


def test_a_group_that_complains_of_the_conduct_is_not_accused(nlp: Language) -> None:
    title = "Bidan Desa di Kupang Mengaku Diwajibkan Hadiri Kampanye oleh Kepala Puskesmas"
    text = (
        "KUPANG - Sejumlah bidan desa di Kecamatan Amarasi melapor ke Bawaslu Kabupaten Kupang setelah mengaku "
        "diwajibkan menghadiri kampanye seorang calon bupati.\n\n"
        "Bawaslu menyebut seorang kepala puskesmas di kecamatan itu diduga meminta bidan hadir dan memakai kaus "
        "pasangan calon tersebut.\n\n"
        "Sejumlah bidan itu juga mengaku takut tidak diperpanjang kontraknya bila menolak hadir."
    )
    found = _positions(nlp, title, text)
    assert (None, "Kepala Puskesmas") in found and (None, "bidan") not in found


def test_a_name_listed_after_another_with_its_status_is_introduced_too(nlp: Language) -> None:
    title = "Dua Petugas Damkar Ambon Terekam Pasang Spanduk Paslon Pakai Mobil Dinas"
    text = (
        "AMBON - Dua petugas pemadam kebakaran Kota Ambon terekam memasang spanduk pasangan calon wali kota "
        "memakai mobil dinas pada Sabtu malam.\n\n"
        "Bawaslu Kota Ambon menyebut keduanya masing-masing berinisial JL (41) yang berstatus PNS dan FT (25), "
        "tenaga honorer.\n\n"
        "JL diduga mengemudikan mobil dinas itu ke lokasi dan memimpin pemasangan spanduk di tiga titik. JL juga "
        "diduga menyimpan sisa spanduk di pos damkar."
    )
    # The story names both of the two: they are listed, not the group (README "Cases").
    assert {name for name, _ in _positions(nlp, title, text)} == {"JL", "FT"}


def test_a_group_sanctioned_in_sentences_of_its_own_is_a_case_beside_a_named_accused(nlp: Language) -> None:
    title = "BKPSDM Sinjai Umumkan Sanksi bagi ASN Pelanggar Netralitas"
    text = (
        "SINJAI - BKPSDM Kabupaten Sinjai mengumumkan hukuman disiplin bagi aparatur sipil negara yang melanggar "
        "netralitas pada Pemilu 2024.\n\n"
        "Salah satu yang dijatuhi hukuman sedang adalah Kepala Bidang Tata Ruang Dinas PUPR Sinjai, Andi Baso "
        "Mappiare. Ia terbukti mengunggah materi kampanye seorang caleg di akun Facebook miliknya dan "
        "mengajak warga memilih caleg tersebut.\n\n"
        "Adapun teguran tertulis dijatuhkan antara lain kepada dua staf Kelurahan Biringere. Keduanya terbukti "
        "berfoto sambil mengacungkan simbol jari nomor urut seorang caleg DPRD dalam acara warga.\n\n"
        "Kepala BKPSDM Sinjai mengatakan hukuman itu menunda kenaikan pangkat."
    )
    found = _positions(nlp, title, text)
    assert ("Andi Baso Mappiare", "Kepala Bidang Tata Ruang") in found and (None, "staf") in found


def test_a_post_that_is_a_status_keeps_it_beside_another_persons_status(nlp: Language) -> None:
    title = "Operator Sekolah dan Guru di Seram Timur Pasang Stiker Caleg di Ruang Kelas"
    text = (
        "BULA - Bawaslu Seram Bagian Timur menegur dua pegawai SD Negeri 5 Bula yang menempelkan stiker caleg di "
        "ruang kelas. Keduanya berinisial YR (45) yang berstatus PNS dan OT (26), tenaga honorer.\n\n"
        "YR dan OT diduga menempelkan stiker itu atas permintaan kerabat caleg tersebut."
    )
    doc = nlp(with_title(nlp.make_doc(text), title))
    actors = [a for c in to_annotation(doc, id="t", title=title)["cases"] for a in c["actors"]]
    types = {a["name"]: a["actor_type"] for a in actors}
    assert types.get("OT") == "LAINNYA" and types.get("YR") == "PNS"


def test_a_member_introduced_with_di_antaranya_is_accused_beside_the_group(nlp: Language) -> None:
    title = "Belasan Kepala Desa di Bima Hadiri Deklarasi Relawan Paslon"
    text = (
        "BIMA - Belasan kepala desa di Kabupaten Bima terekam menghadiri deklarasi relawan pasangan calon bupati "
        "di Kecamatan Woha dan ikut mengacungkan simbol nomor urut pasangan tersebut.\n\n"
        "Di antaranya Kepala Desa Tente, Syarifuddin Idris, yang mengaku hanya diundang sebagai tokoh masyarakat.\n\n"
        "Bawaslu Kabupaten Bima akan mengundang para kepala desa itu untuk klarifikasi."
    )
    found = _positions(nlp, title, text)
    assert ("Syarifuddin Idris", "Kepala Desa") in found and (None, "Kepala Desa") in found


def test_a_sentence_opened_by_the_persons_sex_and_age_goes_on_about_them(nlp: Language) -> None:
    text = (
        "WAINGAPU - Panwaslu Kecamatan Kambera menerima rekaman video dari warga Desa Mauliru.\n\n"
        "Video itu memperlihatkan Kepala Desa Mauliru, Umbu Kaborang, di halaman rumah seorang warga pada malam "
        "sebelum pencoblosan.\n\n"
        "Pria berusia 52 tahun itu diduga membagikan amplop berisi uang kepada warga sambil menyebut nama seorang "
        "calon bupati.\n\n"
        "Bawaslu Sumba Timur masih mengkaji rekaman tersebut."
    )
    names = {a["name"] for c in annotate(nlp, text)["cases"] for a in c["actors"]}
    assert names == {"Umbu Kaborang"}


def test_each_numbered_case_keeps_the_accused_its_opening_sentence_introduces(nlp: Language) -> None:
    title = "Bawaslu Muna Proses Dua Dugaan Pelanggaran Netralitas ASN"
    text = (
        "RAHA - Bawaslu Kabupaten Muna memproses dua dugaan pelanggaran netralitas aparatur sipil negara.\n\n"
        "Perkara pertama menyangkut akun Facebook milik Camat Tongkuno, La Ode Sahari. Akun itu mengunggah ulang "
        "video kampanye bupati petahana.\n\n"
        "La Ode Sahari berdalih unggahan itu hanya informasi.\n\n"
        "Perkara kedua melibatkan sekelompok guru SMP Negeri 2 Raha. Mereka terekam berada di tengah massa "
        "kampanye akbar petahana sambil mengenakan kaus pasangan calon dan mengacungkan simbol nomor urut.\n\n"
        "Bawaslu masih memanggil para guru tersebut satu per satu."
    )
    found = _positions(nlp, title, text)
    assert ("La Ode Sahari", "Camat") in found and (None, "guru") in found


def test_a_post_with_the_place_it_heads_is_somebody_in_particular(nlp: Language) -> None:
    title = "Kades di Nias Mengaku Dimintai Setoran untuk Biaya Pemilu"
    text = (
        "GUNUNGSITOLI - Sejumlah kepala desa di Kecamatan Lahusa mengaku dimintai setoran Rp3 juta per desa "
        "untuk biaya pemilu.\n\n"
        "Permintaan itu diduga disampaikan Camat Lahusa dalam rapat koordinasi di aula kecamatan. Camat Lahusa "
        "diduga meminta setoran itu dipotong dari dana desa dan menyebut uang itu untuk tim pemenangan seorang "
        "caleg.\n\n"
        "Bawaslu Nias Selatan sedang mengkaji laporan tersebut."
    )
    assert (None, "Camat") in _positions(nlp, title, text)


def test_a_group_the_accused_asks_to_act_is_who_they_pressured(nlp: Language) -> None:
    title = "Rekaman Rapat di Aula Kecamatan Beredar, Camat Diduga Arahkan Kades"
    text = (
        "SINJAI - Rekaman suara rapat koordinasi di aula Kecamatan Tellulimpoe beredar di kalangan wartawan.\n\n"
        "Suara yang diduga milik Camat Tellulimpoe, Andi Mappasessu, terdengar meminta para kepala desa "
        "memastikan pasangan calon bupati nomor urut 1 menang di desa masing-masing.\n\n"
        "Para kepala desa diduga diancam dana desanya diperiksa ulang bila pasangan itu kalah. Seorang kepala "
        "desa yang hadir mengaku tidak nyaman dengan arahan itu.\n\n"
        "Bawaslu Sinjai akan mengundang camat untuk klarifikasi."
    )
    found = _positions(nlp, title, text)
    assert ("Andi Mappasessu", "Camat") in found and (None, "Kepala Desa") not in found


def test_an_office_holder_summoned_to_explain_is_no_case_of_their_own(nlp: Language) -> None:
    title = "Ombudsman Terima Laporan Pungutan KTP-el di Dukcapil Buton"
    text = (
        "BAUBAU - Ombudsman RI Perwakilan Sulawesi Tenggara menerima laporan dugaan pungutan liar layanan KTP-el "
        "menjelang pemungutan suara pilkada.\n\n"
        "Seorang tenaga honorer di Dinas Kependudukan dan Pencatatan Sipil Kabupaten Buton berinisial LD diduga "
        "meminta uang Rp150.000 kepada warga yang ingin KTP-el dicetak sebelum hari pencoblosan.\n\n"
        "Ombudsman sudah memanggil Kepala Disdukcapil Buton untuk meminta penjelasan soal dugaan pungutan liar "
        "di loket pelayanan KTP-el itu."
    )
    found = _positions(nlp, title, text)
    assert ("LD", "honorer") in found and all(name for name, _ in found)


def test_generic_words_for_one_unnamed_civil_servant_are_one_actor(nlp: Language) -> None:
    title = "Akun Facebook Milik ASN Pemkab Sikka Sebar Hoaks soal Calon Bupati"
    text = (
        "MAUMERE - Bawaslu Kabupaten Sikka menelusuri akun Facebook yang diduga dikelola seorang ASN Pemkab Sikka. "
        "ASN tersebut diduga menyebarkan kabar bohong tentang salah satu calon bupati.\n\n"
        "Dari penelusuran pengawas, akun itu terhubung dengan nomor telepon seorang pegawai di Dinas Sosial. "
        "Pegawai itu diduga mengunggah belasan konten kampanye hitam.\n\n"
        "Bawaslu Sikka akan mengundang yang bersangkutan untuk klarifikasi."
    )
    found = _positions(nlp, title, text)
    assert len(found) == 1 and found[0][0] is None
