"""The people something was done to or who complain of it ("rotasi sembilan kepala distrik", "guru
honorer ... melapor ke Bawaslu"), and posts a headline names side by side as its subjects."""

from __future__ import annotations

import itertools
import re

from nlp.model import PersonMention
from nlp.positions import find_positions

# Words that make the post after them the one acted on: moved, gathered, pressured ("rotasi sembilan kepala
# distrik", "mengumpulkan seluruh camat").
PATIENT_BEFORE = re.compile(
    r"\b(?:rotasi|mutasi|pelantikan|pencopotan|pergantian|penggantian|pemindahan|melantik|mencopot|memutasi|"
    r"merotasi|memindahkan|mengganti|mengumpulkan|mengerahkan|memobilisasi|menekan|mengancam|menginstruksikan|"
    r"memerintahkan|mewajibkan|mengarahkan|menyuruh|memaksa|mengintimidasi|membebani|"
    # asked, warned or urged: "meminta para kepala desa memastikan ...", "mengingatkan para kepala lingkungan"
    r"meminta|mengajak|"
    # a headline's bare verbs: "Kepala Distrik ... Diduga Kumpulkan Staf dan Honorer", "Copot Tiga Camat"
    r"kumpulkan|kerahkan|copot|lantik|ganti|pindahkan|ancam|tekan|perintahkan|instruksikan|wajibkan|arahkan|"
    r"paksa|intimidasi)"
    r"\s+(?:(?:seluruh|semua|para|sejumlah|puluhan|belasan|\w+an|\w+)\s+)?$",
    re.IGNORECASE,
)
# "kepala distrik yang dicopot", "camat yang gagal ... diancam": a relative clause in the passive of those verbs.
PATIENT_AFTER = re.compile(
    r"^\s+(?:yang\s+)?(?:di(?:copot|ganti|mutasi|rotasi|lantik|pindah\w*|kumpulkan|kerahkan|mobilisasi|tekan|"
    r"ancam|perintah\w*|instruksikan|minta|wajibkan|arahkan|suruh|paksa|intimidasi|bebani))\b",
    re.IGNORECASE,
)


# "Sejumlah guru honorer di Kecamatan X melapor ke Bawaslu setelah mengaku diancam ...", "... mengaku diwajibkan
# hadir", "tiga kepala sekolah yang hadir ... sebagai saksi": those who complain of it, or witness it.
_COMPLAINANT_AFTER = re.compile(
    r"[^.;:\"“”]{0,70}?\b(?:melapor(?:kan\s+\w+)?\s+(?:ke|kepada)|mendatangi\s+(?:kantor\s+)?(?:Bawaslu|Panwas)|"
    r"mengaku\s+(?:di[a-z]{3,}|takut|tertekan|resah|terpaksa|serba\s+salah|tidak\s+nyaman|keberatan|kecewa)|"
    r"sebagai\s+saksi)\b"
)


# "mengumpulkan seluruh pegawai kantor distrik beserta tenaga honorer": a post joined to the one acted on.
_PATIENT_JOINED = re.compile(
    PATIENT_BEFORE.pattern.removesuffix("$")
    + r"(?:[\w-]+\s+){0,3}(?:dan|serta|beserta)\s+(?:para\s+|seluruh\s+)?$",
    re.IGNORECASE,
)
# '..., ungkap sumber itu, seorang honorer yang ...', 'kata seorang guru': the unnamed source of a quote.
_QUOTED_SOURCE = re.compile(
    r"\b(?:kata|ujar|ungkap|tutur|jelas|aku|tambah|sebut|imbuh|keluh|cerita)(?:nya)?\s+"
    r"(?:sumber\s+(?:itu|tersebut|lain|tadi)\s*,\s+)?(?:seorang|salah\s+(?:satu|seorang))\s+$"
)


def mostly_patient(text: str, mentions: list[PersonMention]) -> bool:
    """Whether most mentions of an unnamed official are of people something was done to."""
    patient = sum(
        bool(
            PATIENT_BEFORE.search(text, max(0, m.start - 40), m.start)
            or PATIENT_AFTER.match(text[m.end : m.end + 40])
            or _COMPLAINANT_AFTER.match(text, m.end, m.end + 110)
            or _QUOTED_SOURCE.search(text, max(0, m.start - 50), m.start)
            or _PATIENT_JOINED.search(text, max(0, m.start - 80), m.start)
        )
        for m in mentions
    )
    return bool(mentions) and patient * 3 >= len(mentions)


# "Kepala Sekolah dan Puluhan Guru", "Kabag Protokol dan Pegawai Dishub": two posts joined in a headline (a field
# or place after the first, a quantifier before the second).
_COORDINATION = re.compile(
    r"^\s*(?:[A-Z][\w-]*\s+){0,3}(?:dan|serta|&)\s+(?:(?:para|sejumlah|beberapa|puluhan|belasan|ratusan|\d+|"
    r"dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)?$",
    re.IGNORECASE,
)


def coordinated_posts(title: str) -> set[str]:
    """Posts a headline names side by side as its subjects, not as what was done to them ("Rotasi Camat dan
    Lurah")."""
    found = find_positions(title)
    joined: set[str] = set()
    for first, second in itertools.pairwise(found):
        if _COORDINATION.match(title[first.end : second.start]) and not PATIENT_BEFORE.search(
            title[: first.start]
        ):
            joined |= {first.canonical, second.canonical}
    return joined


def acted_on_in_title(title: str) -> set[str]:
    """Posts a headline names as what was done to them, with any post joined to one ("Kumpulkan Staf dan
    Honorer": both gathered)."""
    acted: set[str] = set()
    previous = None
    for pos in find_positions(title):
        if PATIENT_BEFORE.search(title[: pos.start]) or (
            previous is not None
            and previous.canonical in acted
            and _COORDINATION.match(title[previous.end : pos.start])
        ):
            acted.add(pos.canonical)
        previous = pos
    return acted
