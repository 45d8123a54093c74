"""Parsing of the values official registers write: dates, Indonesian numbers, codes.

Each parser raises ``ValueError`` with a message a clerk understands, naming the
column and the value ("tanggal_laporan '31/02/2024' is not a date").
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = {
    "januari": 1,
    "jan": 1,
    "februari": 2,
    "feb": 2,
    "pebruari": 2,
    "maret": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "agustus": 8,
    "agu": 8,
    "agt": 8,
    "ags": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "nopember": 11,
    "desember": 12,
    "des": 12,
}

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_LONG = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})$")


def parse_date(column: str, value: object) -> date | None:
    """``2023-11-30``, ``30/11/2023`` or ``30 November 2023`` (XLSX cells may be dates already)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or text == "-":
        return None
    year = month = day = None
    if m := _ISO.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif (m := _LONG.match(text)) and m.group(2).lower() in MONTHS:
        day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    if year is not None and month is not None and day is not None:
        try:
            parsed = date(year, month, day)
        except ValueError:
            parsed = None
        if parsed is not None and 1990 <= parsed.year <= 2100:
            return parsed
    raise ValueError(f"{column} '{text}' is not a date (write 2023-11-30, 30/11/2023 or 30 November 2023)")


_GROUPED = re.compile(r"^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_PLAIN = re.compile(r"^-?\d+(?:,\d+)?$")


def parse_number(column: str, value: object) -> float | int:
    """Indonesian numbers: "2.034" is 2034, "78,5" is 78.5, "1.234,5" is 1234.5 ("%" allowed)."""
    if isinstance(value, bool):
        raise ValueError(f"{column} '{value}' is not a number")
    if isinstance(value, int | float):
        return value
    text = str(value or "").strip().removesuffix("%").strip().replace(" ", "")
    if not text:
        raise ValueError(f"{column} is empty; a number is required")
    if _GROUPED.match(text) or _PLAIN.match(text):
        normal = text.replace(".", "").replace(",", ".")
        number = float(normal)
        return int(number) if number.is_integer() and "," not in text else number
    raise ValueError(
        f"{column} '{value}' is not a number (write 2.034 for two thousand thirty-four, 78,5 for 78.5)"
    )


CONDUCT_CODES = (
    "C01_MEDSOS",
    "C02_FOTO_SIMBOL",
    "C03_ALAT_PERAGA",
    "C04_DEKLARASI",
    "C05_KAMPANYE",
    "C06_KEGIATAN_BERPIHAK",
    "C07_FASILITAS_NEGARA",
    "C08_MOBILISASI",
    "C09_KEPUTUSAN",
    "C10_DUKUNGAN_KTP",
    "C11_PARPOL",
    "C12_POLITIK_UANG",
    "C13_MANIPULASI",
    "C14_PROFESIONALITAS",
    "C99_LAINNYA",
)

# Register wording for each conduct, from the codebook's cues. Order matters: the
# first code whose cue appears wins, so the more specific conducts come first.
CONDUCT_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("C12_POLITIK_UANG", ("politik uang", "serangan fajar", "amplop", "money politic")),
    ("C13_MANIPULASI", ("manipulasi", "penggelembungan", "surat suara", "rekapitulasi", "mengubah hasil")),
    ("C10_DUKUNGAN_KTP", ("ktp", "surat dukungan", "surat pernyataan dukungan")),
    ("C02_FOTO_SIMBOL", ("foto", "pose", "jari", "simbol", "gestur")),
    (
        "C07_FASILITAS_NEGARA",
        ("fasilitas", "mobil dinas", "kendaraan dinas", "ambulans", "anggaran", "jam kerja"),
    ),
    ("C08_MOBILISASI", ("mobilisasi", "mengerahkan", "menginstruksikan", "bawahan", "ancaman", "intimidasi")),
    ("C03_ALAT_PERAGA", ("spanduk", "baliho", "stiker", "alat peraga", "apk")),
    ("C04_DEKLARASI", ("deklarasi", "peluncuran", "pengukuhan")),
    (
        "C11_PARPOL",
        ("anggota partai", "pengurus partai", "kader partai", "mendaftar sebagai", "mencalonkan", "parpol"),
    ),
    ("C09_KEPUTUSAN", ("keputusan", "kebijakan", "bansos", "bantuan sosial", "program", "mutasi")),
    (
        "C01_MEDSOS",
        ("media sosial", "medsos", "facebook", "instagram", "tiktok", "whatsapp", "unggah", "posting"),
    ),
    ("C14_PROFESIONALITAS", ("profesional", "pelayanan", "pungli", "menelantarkan")),
    ("C06_KEGIATAN_BERPIHAK", ("mengajak", "mengimbau", "mengumpulkan", "sembako", "berpihak", "menyerukan")),
    ("C05_KAMPANYE", ("kampanye", "tim sukses", "tim pemenangan", "atribut", "orasi", "timses")),
)


def conduct_code(column: str, value: str | None) -> str | None:
    """The codebook code a ``jenis_pelanggaran`` gives ("C01_MEDSOS") or implies (its cue words)."""
    if not value:
        return None
    text = value.strip()
    upper = text.upper()
    if re.fullmatch(r"C\d{2}_[A-Z_]+", upper):
        if upper not in CONDUCT_CODES:
            raise ValueError(f"{column} '{text}' is not a codebook conduct code")
        return upper
    lower = text.lower()
    for code, cues in CONDUCT_CUES:
        if any(re.search(rf"\b{re.escape(cue)}", lower) for cue in cues):
            return code
    return None


FOLLOW_UP = ("sudah ditindaklanjuti", "belum ditindaklanjuti", "dalam proses")


def follow_up_status(column: str, value: str | None) -> str | None:
    """One of the contract's three follow-up statuses (case and spacing forgiven)."""
    if value is None or not str(value).strip():
        return None
    text = " ".join(str(value).lower().split())
    text = text.replace("ditindak lanjuti", "ditindaklanjuti")
    if text not in FOLLOW_UP:
        raise ValueError(f"{column} '{value}' is not one of: {', '.join(FOLLOW_UP)}")
    return text
