"""The codebook's stable codes (``../shared/codebook.md``): article types, conduct, kinds, actor types."""

from __future__ import annotations

ARTICLE_TYPES = ("CASE_REPORT", "AGGREGATE_STATS", "POLICY", "IRRELEVANT")
RELEVANT_TYPES = frozenset({"CASE_REPORT", "AGGREGATE_STATS", "POLICY"})

CONDUCT_KIND: dict[str, str] = {
    "C01_MEDSOS": "NETRALITAS",
    "C02_FOTO_SIMBOL": "NETRALITAS",
    "C03_ALAT_PERAGA": "NETRALITAS",
    "C04_DEKLARASI": "NETRALITAS",
    "C05_KAMPANYE": "NETRALITAS",
    "C06_KEGIATAN_BERPIHAK": "NETRALITAS",
    "C07_FASILITAS_NEGARA": "NETRALITAS",
    "C08_MOBILISASI": "NETRALITAS",
    "C09_KEPUTUSAN": "NETRALITAS",
    "C10_DUKUNGAN_KTP": "NETRALITAS",
    "C11_PARPOL": "NETRALITAS",
    "C12_POLITIK_UANG": "KECURANGAN_PEMILU",
    "C13_MANIPULASI": "KECURANGAN_PEMILU",
    "C14_PROFESIONALITAS": "PROFESIONALITAS",
    "C99_LAINNYA": "NETRALITAS",
}
CONDUCT_CODES = tuple(CONDUCT_KIND)
VIOLATION_KINDS = ("NETRALITAS", "KECURANGAN_PEMILU", "PROFESIONALITAS")
ACTOR_TYPES = (
    "PNS",
    "PPPK",
    "ASN",
    "KEPALA_DESA",
    "PERANGKAT_DESA",
    "TNI",
    "POLRI",
    "PEJABAT_POLITIK",
    "LAINNYA",
)
ROLES = ("EMPLOYER", "OVERSIGHT", "CIVIL_SOCIETY", "PARTY_OR_CANDIDATE", "MEDIA", "OTHER")
STATUSES = ("REPORTED", "UNDER_REVIEW", "RECOMMENDED", "SANCTIONED", "DISMISSED")
UNITS = ("cases", "reports", "persons", "percent", "actions")


def violation_kinds(codes: list[str]) -> list[str]:
    """The violation kinds of some conduct codes, in the codebook's order."""
    kinds = {CONDUCT_KIND[c] for c in codes if c in CONDUCT_KIND}
    return [k for k in VIOLATION_KINDS if k in kinds]
