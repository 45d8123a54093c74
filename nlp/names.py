"""Person names as Indonesian news writes them, and the cues around them.

Names come with titles before them ("Drs. H.", "dr.", "Hj.") and degrees after
them (", S.Pd., M.Pd."); the corpus writes the name without either.
Initials ("berinisial AR", "AS (45)", "Bripka YW") stand for a name.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

TITLE = r"(?:(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH|Ust|Ustaz|Ns|Bd|Hajjah|Tgk|Teungku)\.?\s+|(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH)\.)"
NAME_WORD = r"(?:[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?|I|[A-Z][a-z]?')"
# Shortened first names are part of the name: "Moh. Sahrul", "Abd. Rahman".
SHORT_FIRST = r"(?:Moh|Muh|Moch|Mhd|Abd)\.\s*"
NAME = rf"(?:{SHORT_FIRST})?{NAME_WORD}(?:\s+(?:{NAME_WORD}|bin|binti|van|de|da|[Bb]r\.?)){{0,5}}"
DEGREE = r"(?:,?\s*(?:[A-Z][a-z]?\.)(?:[A-Z][A-Za-z]{0,4}\.?)+)"
FULL_NAME = rf"(?:{TITLE})*(?P<name>{NAME})(?P<degrees>(?:{DEGREE})*)"
INITIALS = r"[A-Z]{1,4}(?:\.[A-Z]){0,3}"

_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()
_DAYS = "Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad".split()
# Capitalised words that start sentences or name things other than people.
NOT_NAME = frozenset(
    _MONTHS
    + _DAYS
    + """
    Kabupaten Kota Provinsi Kecamatan Desa Kelurahan Distrik Dusun Kampung Gampong Nagari Jalan Jl Pemkab Pemkot
    Pemprov Pemerintah Bawaslu Panwaslu Panwaslih KPU KIP KASN BKN BKD BKPSDM Dinas Badan Kantor Komisi Kementerian
    Sekretariat Inspektorat Ombudsman Partai Tim Koalisi Puskesmas RSUD Polres Polda Kodim Sentra Gakkumdu Satpol
    Universitas Pengadilan Kejaksaan SD SMP SMA SMK Negeri Sekolah Camat Lurah Kepala Sekretaris Bupati Wali Wakil
    Polsek Polresta Polrestabes Koramil Korem Kodam Brimob Kab Kec Kel Prov
    Belakangan Kini Sekarang Semula Terakhir Terpisah
    Gubernur Ketua Anggota Koordinator Divisi Komisioner Penanganan Pelanggaran Hukum Pengawasan Pencegahan
    Dalam Saat Sejak Hingga Menurut Namun Sementara Selain Terkait Setelah Sebelum Karena Atas Dari Untuk Pada Oleh
    Kepada Bahkan Meski Meskipun Jika Kalau Apabila Adapun Kemudian Lalu Akhirnya Ia Dia Mereka Kami Kita Hal Hasil
    Yang Ini Itu Para Seorang Sejumlah Salah Satu Pihak Pasangan Calon Caleg Pemilu Pilkada Pilpres Pileg Tahun
    ASN PNS PPPK TNI Polri Indonesia Republik Negara Surat Keputusan Undang Peraturan Baca Juga Foto Video Grup
    WhatsApp Facebook Instagram TikTok Twitter YouTube Kasus Laporan Temuan Rekomendasi Sanksi Keterangan Berdasarkan
    Mahkamah Majelis Balai Lembaga Dewan Deklarasi Kampanye Rapat Pleno Sidang Bidang Seksi Urusan Bagian Agama
    Selasa Kabag Kasi Kabid Kadis Sekda Kades Kadus Plt Pj Penjabat Daerah Pusat Utara Selatan Timur Barat Tengah
    Menteri Presiden Wapres DPR DPRD DPD Tengah Saat Ketika Sesuai Sebab Maka Sehingga Agar Supaya Walaupun Adalah
    Tetapi Tapi Selama Sepanjang Mulai Berbeda Berikut Bukan Tidak Belum Sudah Masih Ada Semua Setiap Beberapa
    Bang Pak Bu Ibu Bapak Mas Mbak Kak Abang Saudara Sdr Tuhan Allah Jelang Hari Pengawas Akun Pejabat Aparatur
    Sipil Pegawai Guru Bidan Warga Relawan Pelapor Terlapor Propam Satuan Lalu Lintas Reskrim Pos Markas
    Terdakwa Tersangka Saksi Yakni Yaitu Inf Kav Arh Czi Arm Cpl Tgk Teungku Keduanya Ketiganya Selanjutnya
    Di Ke Dengan Bagi Terhadap Tentang Melalui Antara Tanpa Menjelang
    Kapanewon Kalurahan Padukuhan Pedukuhan Kemantren Jorong Korong Pekon Tiyuh Lembang Kelurahan Gampong
    Pembina Kepegawaian
    """.split()
)
ACRONYMS = frozenset(
    """
    ASN PNS PPPK TNI POLRI KPU KPUD TPS RT RW DPR DPRD DPD BKN KASN BKD SD SMP SMA SMK SDN SMPN SMAN SMKN PKB PKS PAN
    PPP PDI PSI PBB KIP PPK PPS KPPS PKD PTPS NIK KTP KK UU PP SK BLT BPNT PKH WIB WITA WIT WITA OTT PSU DPT BKPSDM
    RSUD PUPR SKB APK LHP BAP II III IV NTT NTB DKI DIY UPT PAC DPC DPW
    """.split()
)

_SASAK = frozenset({"Lalu", "Baiq"})
_RELIGIONS = frozenset("Islam Kristen Katolik Protestan Hindu Buddha Budha Konghucu".split())
_CONNECTIVES = frozenset(
    # Not "Menurut": in "Menurut Hairil, perangkat desa wajib netral" what follows the comma is what he said.
    "Sementara Namun Kemudian Adapun Bahkan Sedangkan Akhirnya".split()
    # A noun a story opens with, possessed by the name after it ("Nasib Mochamad Hanif (36), guru ...").
    + "Nasib Ulah Aksi Kisah Sikap Langkah Tindakan Perbuatan Unggahan Kehadiran Keterlibatan".split()
)
_TITLE_RE = re.compile(rf"^(?:{TITLE})+")
_DEGREE_RE = re.compile(rf"(?:{DEGREE})+$")


# Pure in its argument (the lexicon and gazetteer are fixed once loaded); a story repeats its names.
@lru_cache(maxsize=65536)
def clean_name(raw: str) -> str | None:
    """The name without titles and degrees, or None when it is not a plausible person's name."""
    name = _TITLE_RE.sub("", raw.strip())
    name = _DEGREE_RE.sub("", name).strip(" ,")
    words = name.split()
    if not words:
        return None
    from nlp.positions import lexicon

    while len(words) > 1 and words[0].lower() in lexicon().ranks:
        words.pop(0)  # "Iptu Andri Wijaya": a police or military rank is a title
    # Trailing words that belong to the sentence, not the name; so do leading connectives ("Sementara Budi").
    while words and words[-1] in NOT_NAME:
        words.pop()
    while len(words) > 1 and words[0] in _CONNECTIVES:
        words.pop(0)
    # "Lalu Muhammad Zaini", "Baiq Nurul": Sasak titles that are written as part of the name.
    # ("Lalu Sahnan": two words when the second is no sentence word.)
    sasak = len(words) >= 2 and words[0] in _SASAK and words[1] not in NOT_NAME
    if not words or any(w in NOT_NAME for w in words[int(sasak) :]):
        return None
    if len(words) == 1 and len(words[0]) < 3:
        return None
    if len(words) == 1 and words[0] in _RELIGIONS:
        return (
            None  # "penyuluh agama Islam berstatus PNS": the faith of a post, not a person ("Nurul Islam" is)
        )
    if len(words) == 1 and len(words[0]) > 6 and words[0].endswith("nya"):
        return None  # "Menurutnya", "Pasalnya": a sentence opener with the -nya clitic
    joined = " ".join(words)
    from nlp.regions import gazetteer

    gaz = gazetteer()
    if gaz.province(joined) or gaz.bare_candidates(joined) or joined in gaz.aliases:
        return None
    if len(words) == 1 and _is_place_word(words[0]):
        return None
    if len(words) > 1 and all(w.lower() in _region_words() for w in words):
        return None  # "Nusa Tenggara", "Pesisir Selatan": a place left over from a longer region name
    if len(words) > 1 and gaz.district(joined):
        return None  # "tiga staf Kecamatan Loa Janan": a kecamatan (distrik) written after its unit word
    return joined


def _is_place_word(word: str) -> bool:
    """True for a word that is part of a region name, a capital or a kecamatan ("Hulu", "Labuha")."""
    from nlp.regions import gazetteer

    gaz = gazetteer()
    return bool(gaz.capital_of(word) or gaz.district(word) or word.lower() in _region_words())


_REGION_WORDS: set[str] = set()


def _region_words() -> set[str]:
    if not _REGION_WORDS:
        from nlp.regions import gazetteer

        gaz = gazetteer()
        for name in gaz.regencies:
            _REGION_WORDS.update(w.lower() for w in name.split()[1:] if len(w) > 2)
        for name in gaz.provinces:
            _REGION_WORDS.update(w.lower() for w in name.split() if len(w) > 2)
    return _REGION_WORDS


def valid_initials(text: str, introduced: bool = False) -> bool:
    """True for initials like "SR", "YBN", "A.R." that are not a known acronym (any, when ``introduced`` by
    "berinisial")."""
    bare = text.replace(".", "")
    return 1 <= len(bare) <= 4 and bare.isupper() and (introduced or bare not in ACRONYMS)


def name_keys(name: str) -> set[str]:
    """Tokens by which the text may refer back to a person ("Parlindungan" for "Parlindungan Sihombing")."""
    particles = {
        "La",
        "Wa",
        "Ode",
        "I",
        "Ni",
        "Br",
        "br",
        "bin",
        "binti",
        "Made",
        "Wayan",
        "Nyoman",
        "Ketut",
        "Putu",
        "Gede",
        "Kadek",
        "Komang",
        "Andi",
        "Muhammad",
        "Muh",
        "Moh",
        "Muh.",
        "Moh.",
        "Moch.",
        "Mhd.",
        "Abd.",
        "Abdul",
        "Siti",
        "Sitti",
        "Daeng",
        "Nur",
    }
    words = name.split()
    keys = {name}
    if len(words) > 1:
        keys.update(w for w in words if w not in particles and len(w) > 2)
    return keys


def weekday_name(day: int) -> str:
    """Indonesian name of a weekday (Monday = 0)."""
    return _DAYS[day]


def month_number(name: str) -> int | None:
    """1-12 for an Indonesian month name (also "Agu", "Okt", "Des" abbreviations), else None."""
    lowered = name.lower().rstrip(".")
    for i, month in enumerate(_MONTHS, start=1):
        if month.lower() == lowered or (len(lowered) >= 3 and month.lower().startswith(lowered)):
            return i
    aliases = {"agt": 8, "okt": 10, "nop": 11, "nopember": 11, "des": 12, "pebruari": 2, "peb": 2}
    return aliases.get(lowered)


def is_plausible_year(year: int) -> bool:
    return 1990 <= year <= date.today().year + 5
