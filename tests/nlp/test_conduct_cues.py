"""The conduct cue lexicon (``nlp/data/conduct_cues.yml``): how news wording of each code is matched.

Each sentence below is written for the test (none is copied from the corpus) and names the act the way a
reporter who has not read our corpus might: the verb family with its affixes, a synonym, a colloquial
variant. The negative sentences use the same words for rules, appeals and unrelated news.
"""

from __future__ import annotations

import re

import pytest

from nlp.components.conduct import _alternatives, _cue_index, _first_words, cue_patterns, cue_scores

FOUND = [
    # C01: forwarding or spreading material, hashtags and profile frames are social-media campaigning.
    ("C01_MEDSOS", "Seorang penyuluh meneruskan poster pasangan calon ke grup keluarga besarnya."),
    ("C01_MEDSOS", "Ia memasang twibbon bergambar calon bupati sebagai foto profilnya."),
    ("C01_MEDSOS", "Camat itu ikut menyebarluaskan materi debat milik salah satu kandidat."),
    ("C01_MEDSOS", "Rekaman itu diupload sendiri oleh sang kepala seksi ke kanal pribadinya."),
    # C01: a "digital" flyer or poster is social-media content, whatever verb sends it.
    ("C01_MEDSOS", "Malam itu sang penyuluh mengirim selebaran digital petahana ke kontak-kontaknya."),
    ("C01_MEDSOS", "Staf kecamatan itu meneruskan brosur kandidat kepada rekan-rekannya."),
    # C02: standing beside the candidate in the picture, a number sign.
    (
        "C02_FOTO_SIMBOL",
        "Sang kepala sekolah berdiri di samping bakal calon wali kota saat sesi dokumentasi.",
    ),
    ("C02_FOTO_SIMBOL", "Di foto itu ia memamerkan simbol nomor urut pasangan tersebut."),
    # C03: props on packaging, stickers stuck on.
    ("C03_ALAT_PERAGA", "Paket itu dibungkus kemasan bergambar wajah petahana."),
    ("C03_ALAT_PERAGA", "Gambar kandidat itu menempel di setiap pintu rumah penerima."),
    # C04: reading out the declaration.
    ("C04_DEKLARASI", "Kepala desa itu membacakan naskah dukungan di hadapan para tamu undangan."),
    ("C04_DEKLARASI", "Pasangan itu dideklarasikan di gedung olahraga dengan dihadiri sejumlah lurah."),
    ("C04_DEKLARASI", "Forum kepala desa menyatakan siap memenangkan pasangan petahana."),
    # C05: touring with the campaign, its clothes, dancing on its stage.
    ("C05_KAMPANYE", "Selama sepekan ia ikut safari politik calon gubernur ke pulau-pulau."),
    ("C05_KAMPANYE", "Seorang bidan tampak berjoget di depan panggung bersama pendukung paslon."),
    ("C05_KAMPANYE", "Pegawai itu memakai topi dan kemeja berlogo partai pengusung."),
    ("C05_KAMPANYE", "Dua mantri datang ke kampanye di lapangan kota pada jam istirahat."),
    ("C05_KAMPANYE", "Seorang penyuluh terlihat ikut dalam rombongan blusukan calon bupati ke pasar."),
    # C05: accompanying the candidate on their round (a lawyer beside a candidate pair at a hearing is C99).
    ("C05_KAMPANYE", "Sepanjang sore mantri itu mendampingi sang caleg menyapa pedagang pasar."),
    ("C05_KAMPANYE", "Kepala seksi itu didampingi calon bupati saat menyambangi rumah warga."),
    ("C05_KAMPANYE", "Lurah Dampingi Caleg Blusukan ke Pasar Ikan"),
    ("C99_LAINNYA", "Di sidang sengketa, ia duduk mendampingi bakal pasangan calon sebagai kuasa."),
    # C05: belonging to the winning team, not merely standing near its people.
    ("C05_KAMPANYE", "Penyuluh itu terdaftar sebagai anggota tim pemenangan calon wali kota."),
    ("C05_KAMPANYE", "Sekretaris kecamatan itu ikut rapat tim pemenangan di sebuah rumah makan."),
    # C06: colloquial appeals ("tusuk"), reminders to repay, meals with the candidate.
    ("C06_KEGIATAN_BERPIHAK", "Pak camat bilang nanti jangan lupa tusuk nomor dua."),
    (
        "C06_KEGIATAN_BERPIHAK",
        "Usai pengajian ia berpesan kepada jemaah agar tidak melupakan jasa sang petahana.",
    ),
    ("C06_KEGIATAN_BERPIHAK", "Para ketua adat diundang makan siang bersama calon bupati di rumahnya."),
    ("C06_KEGIATAN_BERPIHAK", "Lurah itu mengumpulkan puluhan nelayan di dermaga pada malam hari."),
    # C06: remember who helped you (the benefactor stands for the candidate), steering support.
    (
        "C06_KEGIATAN_BERPIHAK",
        "Saat menyerahkan bantuan ia berpesan agar warga jangan lupa siapa yang memperjuangkan jalan itu.",
    ),
    ("C06_KEGIATAN_BERPIHAK", "Kepala seksi itu diduga menggiring dukungan para ketua RT ke petahana."),
    # C06: implicit appeals: remember the candidate's face or name, the candidate introduced, "mohon dipilih".
    (
        "C06_KEGIATAN_BERPIHAK",
        "Ia berpesan kepada para penerima untuk mengingat nama calon itu di bilik suara.",
    ),
    (
        "C06_KEGIATAN_BERPIHAK",
        "Dalam arisan itu, calon bupati petahana diperkenalkan sang lurah kepada ibu-ibu.",
    ),
    ("C06_KEGIATAN_BERPIHAK", "Mohon dipilih ya, Bu, yang nomor tiga."),
    # C06: asking for the vote in other words.
    ("C06_KEGIATAN_BERPIHAK", "Ia meminta para jemaah memberikan suaranya untuk sang petahana."),
    ("C06_KEGIATAN_BERPIHAK", "Kata pak kades, kalau mau jalan diaspal, harus pilih yang itu."),
    # C07: a public service's hours are working hours.
    ("C07_FASILITAS_NEGARA", "Pembagian kalender itu berlangsung selama jam pelayanan kantor kelurahan."),
    # C10: the office's stamp on a support letter is part of the letter (README: stamps and letterheads).
    ("C10_DUKUNGAN_KTP", "Lembar pernyataan itu dibubuhi stempel kelurahan dan tanda tangan lurah."),
    # C07: whose property it is, what paid for it, where the props hung.
    ("C07_FASILITAS_NEGARA", "Truk yang mengangkut massa ternyata mobil operasional kecamatan."),
    ("C07_FASILITAS_NEGARA", "Konsumsi rapat relawan itu dibayar memakai dana desa."),
    ("C07_FASILITAS_NEGARA", "Kendaraan itu tercatat sebagai aset Dinas Perhubungan."),
    ("C07_FASILITAS_NEGARA", "Pengeras suaranya milik kelurahan, bukan milik panitia."),
    ("C07_FASILITAS_NEGARA", "Poster calon bupati ditemukan di pagar puskesmas pembantu."),
    ("C07_FASILITAS_NEGARA", "Pertemuan tim itu digelar di kantor camat."),
    ("C07_FASILITAS_NEGARA", "Ia hadir di posko pemenangan masih dengan seragam korpri."),
    ("C07_FASILITAS_NEGARA", "Rapat relawan malam itu berlangsung di aula dinas kesehatan."),
    ("C07_FASILITAS_NEGARA", "Genset yang menyalakan panggung itu ternyata berlogo pemkab."),
    # C08: quotas per unit, career threats in other words, mobilising.
    ("C08_MOBILISASI", "Sang kepala dinas memasang target per desa sebanyak tiga ratus suara."),
    ("C08_MOBILISASI", "Setiap guru diminta membawa lima pemilih ke lapangan."),
    ("C08_MOBILISASI", "Yang ingin tetap menjabat, katanya, harus ikut memenangkan calon itu."),
    ("C08_MOBILISASI", "Warga melaporkan dugaan pengerahan pegawai honorer ke acara itu."),
    ("C08_MOBILISASI", "Camat itu meminta para ketua RW mendata keluarga yang belum mendukung."),
    # C09: rotating officials, holding back payments, dismissing staff.
    ("C09_KEPUTUSAN", "Bupati merotasi delapan camat sebulan sebelum pencoblosan."),
    # C09: the rotation itself (the noun); its threat ("takut dimutasi", "ancaman mutasi") is C08.
    ("C09_KEPUTUSAN", "Gelombang mutasi kepala sekolah itu diumumkan dua pekan sebelum pencoblosan."),
    ("C08_MOBILISASI", "Para guru honorer takut dimutasi bila tidak datang ke acara itu."),
    ("C09_KEPUTUSAN", "Kepala desa menahan honor guru ngaji yang enggan bergabung."),
    ("C09_KEPUTUSAN", "Perbekel itu memberhentikan dua orang perangkat yang berbeda pilihan."),
    ("C09_KEPUTUSAN", "Tiga keluarga dicoret dari daftar penerima setelah menolak memasang stiker."),
    # C10: the colloquial verbs of collecting ID cards, lists of supporters.
    ("C10_DUKUNGAN_KTP", "Warga disuruh kumpulkan KTP ke rumah kepala dusun."),
    ("C10_DUKUNGAN_KTP", "Nama-nama itu kemudian dicatat sebagai pendukung bakal calon tersebut."),
    # C11: listed in the party's papers.
    ("C11_PARPOL", "Nama guru itu tercantum dalam daftar calon anggota DPRD kabupaten."),
    # C12: money taken from the candidate's side.
    ("C12_POLITIK_UANG", "Ketua KPPS itu menerima uang dari tim caleg sehari sebelum pencoblosan."),
    ("C12_POLITIK_UANG", "Kepala dusun itu disebut menyuap pemilih di dua kampung."),
    ("C12_POLITIK_UANG", "Lurah itu menawarkan duit kepada pemilih yang mau datang."),
    # C13: moving votes.
    ("C13_MANIPULASI", "Petugas itu memindahkan perolehan suara partai ke caleg lain."),
    # C14: classes without a teacher, refused paperwork, fees for speed.
    ("C14_PROFESIONALITAS", "Murid dibiarkan tanpa guru pengganti selama ia ikut berkeliling."),
    ("C14_PROFESIONALITAS", "Kepala puskesmas menolak menandatangani surat rujukan warga itu."),
    ("C14_PROFESIONALITAS", "Pemohon akta harus membayar jalur cepat tanpa kuitansi."),
    ("C14_PROFESIONALITAS", "Sejak Agustus pegawai itu jarang terlihat masuk kantor."),
    ("C14_PROFESIONALITAS", "Inspektorat menilai ia lalai menjalankan tugas selama masa kampanye."),
    # C14: a post left, people sent home unserved, papers held up on a pretext.
    ("C14_PROFESIONALITAS", "Petugas itu meninggalkan posyandu sebelum penimbangan selesai."),
    ("C14_PROFESIONALITAS", "Belasan lansia pulang tanpa dilayani hari itu."),
    ("C14_PROFESIONALITAS", "Permohonan akta kelahiran warga itu tertahan sebulan di kantor kecamatan."),
    ("C14_PROFESIONALITAS", "Pemohon disuruh kembali pekan depan dengan alasan jaringan gangguan."),
    # A possessive -nya closes a cue in any code.
    ("C07_FASILITAS_NEGARA", "Rapat tim itu digelar di rumah dinasnya."),
    ("C03_ALAT_PERAGA", "Balihonya terpasang di simpang pasar."),
]


@pytest.mark.parametrize(("code", "sentence"), FOUND)
def test_cue_found(code: str, sentence: str) -> None:
    assert code in cue_scores(sentence)


NOT_FOUND = [
    # Rules, pledges and appeals use the same words without anyone doing it.
    ("C04_DEKLARASI", "Ratusan ASN membacakan ikrar netralitas di halaman kantor bupati."),
    ("C05_KAMPANYE", "ASN boleh menghadiri kampanye sebagai pemilih asal tidak memakai atribut."),
    ("C08_MOBILISASI", "Ratusan personel gabungan dikerahkan untuk mengamankan rapat pleno."),
    ("C08_MOBILISASI", "Bupati meminta seluruh camat dan lurah menjaga netralitas."),
    ("C14_PROFESIONALITAS", "Bupati memastikan pelayanan publik tidak terganggu selama masa kampanye."),
    ("C06_KEGIATAN_BERPIHAK", "Warga diimbau jangan salah pilih dan datang ke TPS."),
    ("C06_KEGIATAN_BERPIHAK", "Warga tidak tahu siapa yang memasang spanduk di ujung gang itu."),
    ("C07_FASILITAS_NEGARA", "Rapat pleno rekapitulasi digelar di kantor KPU kabupaten."),
    ("C09_KEPUTUSAN", "Bantuan rumah tidak layak huni diberikan kepada para lansia."),
    ("C08_MOBILISASI", "Gelombang mutasi kepala sekolah itu diumumkan dua pekan sebelum pencoblosan."),
    # Volunteers, their sashes and a campaign song only name the candidate's people: the act is another
    # code's (a declaration, a post, a handed-over ID card) unless the accused joins the team.
    ("C05_KAMPANYE", "Kepala dusun itu ikut bertepuk tangan saat puluhan relawan dikukuhkan."),
    ("C05_KAMPANYE", "Ia menerima selempang dari panitia deklarasi pasangan itu."),
    ("C05_KAMPANYE", "Rekaman itu memperlihatkan sang bidan menyanyikan jingle caleg di ruang kerjanya."),
    ("C05_KAMPANYE", "Ia mengaku menitipkan fotokopi KTP kepada tim pemenangan calon tersebut."),
    ("C14_PROFESIONALITAS", "Jadwal kampanye pasangan yang melawan kotak kosong sudah ditetapkan."),
    # A stamp is no state facility used (README: stamps and letterheads); reminding is no appeal.
    ("C07_FASILITAS_NEGARA", "Surat itu dibubuhi stempel desa dan diantar ke rumah warga."),
    ("C06_KEGIATAN_BERPIHAK", "Panitia mengingatkan peserta agar tidak berfoto bersama bakal calon."),
    ("C06_KEGIATAN_BERPIHAK", "Pegawai diminta tidak terseret urusan dukung-mendukung."),
    ("C06_KEGIATAN_BERPIHAK", "Warga antre agar bisa memberikan suara pada hari pencoblosan."),
]


@pytest.mark.parametrize(("code", "sentence"), NOT_FOUND)
def test_cue_not_found(code: str, sentence: str) -> None:
    assert code not in cue_scores(sentence)


def test_cues_are_cheap_to_look_up() -> None:
    """Every alternative starting with a plain word is indexed by it; the slow fallback keeps only the
    few that cannot be (hyphenated or dotted first words such as "yel-yel", "c.hasil", "c1")."""
    _, fallback, _ = _cue_index()
    unindexed = [
        alternative
        for pattern in cue_patterns().values()
        for alternative in _alternatives(pattern.pattern[5:-3])
        if not _first_words(alternative)
    ]
    assert fallback is not None
    for alternative in unindexed:
        assert re.match(r"[a-z]+(?:-|\\\.|\d)", alternative), alternative
