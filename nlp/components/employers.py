"""Who employs the accused: the instansi beside them and the bodies above it, and the roles that follow.

A teacher's EMPLOYER is their school, the regency's (or, for senior high schools, the province's)
education dinas and the Pemkab or Pemprov above it; a village official's is the village government;
a police officer's or soldier's is their own unit. Every other government body a story names is
OTHER, and an ad hoc election body is its accused member's EMPLOYER, else it oversees.
:func:`assign_roles` settles these roles once :mod:`nlp.components.cases` has found the cases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.model import Actor, InstitutionMention

EMPLOYER_KINDS = frozenset(
    {
        "pemda",
        "setda",
        "dinas",
        "badan",
        "school",
        "puskesmas",
        "hospital",
        "village",
        "satpol",
        "kemenag",
        "kanwil_kemenag",
        "bps",
        "bpp",
        "police",
        "military",
        "subunit",
    }
)


# Position words that name a dinas's field: the accused's dinas is part of their employer.
_FARMING = ("Pertanian", "Tanaman Pangan", "Hortikultura", "Perkebunan", "Peternakan", "Ketahanan Pangan")
_FIELD_OF: dict[str, tuple[str, ...]] = {
    "guru": ("Pendidikan",),
    "Kepala Sekolah": ("Pendidikan",),
    "bidan": ("Kesehatan",),
    "perawat": ("Kesehatan",),
    "dokter": ("Kesehatan",),
    "Kepala Puskesmas": ("Kesehatan",),
    "penyuluh pertanian": _FARMING,
    "penyuluh pertanian lapangan": _FARMING,
}
# Senior high and vocational schools are run by the province; Jakarta's cities are the province's own offices.
_PROVINCIAL_SCHOOLS = ("SMA ", "SMK ", "SLB ")


def _provincial(actor: Actor) -> bool:
    """Whether the accused works for the province (so the Pemprov and its Setda are above them)."""
    institution = actor.institution or ""
    region = actor.region
    return (
        institution.startswith(_PROVINCIAL_SCHOOLS)
        or " Provinsi " in f" {institution} "
        or (region is not None and region.province == "DKI Jakarta")
    )


_VILLAGE = re.compile(
    r"\b(?:[Dd]esa|[Gg]ampong|[Kk]ampung|[Nn]agari|[Pp]ekon)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})(?=\s*[,.]|\s+(?:berinisial|[a-z]))"
)


def villages(text: str, start: int, end: int) -> Iterator[str]:
    """Villages named between ``start`` and ``end``: in "Desa X Kecamatan Y" the words before the next unit
    word; not the "Desa" of an office's name ("Dinas Pemberdayaan Masyarakat dan Desa X")."""
    for match in _VILLAGE.finditer(text, start, end):
        if text.endswith("dan ", 0, match.start()):
            continue
        words = []
        for word in match.group(1).split():
            if word in {"Kecamatan", "Kabupaten", "Kota", "Distrik", "Provinsi"}:
                break
            words.append(word)
        if words:
            yield " ".join(words)


SPECIFICITY = {
    "school": 0,
    "puskesmas": 0,
    "hospital": 0,
    "subunit": 1,
    "village": 1,
    "bpp": 1,
    "police": 1,
    "military": 1,
    "dinas": 2,
    "satpol": 2,
    "kemenag": 3,
    "kanwil_kemenag": 3,
    "bps": 3,
    "setda": 4,
    "pemda": 5,
}
_STATE_EMPLOYEES = frozenset({"PNS", "PPPK", "ASN", "PEJABAT_POLITIK"})
# Who may work in an office the story only names before them, and the offices that count.
OFFICE_STAFF = frozenset({"PNS", "PPPK", "ASN", "LAINNYA"})
OFFICE_POSITIONS = frozenset(
    {"PNS", "PPPK", "ASN", "pegawai", "staf", "operator", "honorer", "tenaga honorer"}
)
OFFICE_KINDS = frozenset({"dinas", "badan", "puskesmas", "hospital", "satpol", "school"})


def _employs(inst: InstitutionMention, actor: Actor) -> bool:
    """Whether ``inst`` is the accused's instansi or the body above it (school -> dinas -> pemda)."""
    if inst.name == actor.institution:
        return True
    if inst.kind == "subunit":
        # A branch of the province's education dinas stands above the upper-secondary schools of its area.
        return inst.name.startswith("Cabang Dinas Pendidikan") and bool(
            actor.institution and actor.institution.startswith(("SMA ", "SMK ", "SLB "))
        )
    region = actor.region
    if region is None or inst.region is None:
        return False
    same_regency = region.regency is not None and inst.region.regency == region.regency
    same_province_body = inst.region.regency is None and inst.region.province == region.province
    if inst.kind in {"pemda", "setda"}:
        if inst.kind == "setda" and actor.actor_type == "PEJABAT_POLITIK":
            return False  # a regional head heads the Pemkab; the Setda beside them is OTHER (README)
        if actor.actor_type not in _STATE_EMPLOYEES:
            return False  # village officials are not the regency's staff; police and soldiers neither
        if _provincial(actor):
            return same_province_body  # a provincial school's teacher is not the regency's
        return same_regency
    if inst.kind == "dinas" and (same_regency or same_province_body):
        fields = _FIELD_OF.get(actor.position or "", ())
        if actor.institution and actor.institution.startswith(("SD ", "SMP ", "SMA ", "SMK ", "MTs ", "MA ")):
            fields = ("Pendidikan",)
        if actor.institution and actor.institution.startswith(("Puskesmas", "RSUD")):
            fields = ("Kesehatan",)
        if actor.institution and actor.institution.startswith("Balai Penyuluhan Pertanian"):
            fields = _FARMING
        return any(f in inst.name for f in fields) or bool(
            actor.position
            and actor.position.startswith(("Kepala Dinas ", "Sekretaris Dinas "))
            and actor.position.split(" Dinas ", 1)[1] in inst.name
        )
    if inst.kind == "kanwil_kemenag":
        # A district religious-affairs office answers to the province's regional office.
        return bool(actor.institution and actor.institution.startswith("Kantor Kementerian Agama")) and (
            inst.region.province == region.province
        )
    if inst.kind == "village":
        return actor.actor_type in {"KEPALA_DESA", "PERANGKAT_DESA"} and same_regency
    # Police and military chains: the accused's own unit (matched above) is EMPLOYER, a higher unit is
    # OTHER; only when the story ties the officer to no unit is every unit of their force taken.
    if inst.kind == "police":
        return actor.actor_type == "POLRI" and actor.institution is None
    if inst.kind == "military":
        return actor.actor_type == "TNI" and actor.institution is None
    return False


def _adhoc_member(inst: InstitutionMention, actor: Actor) -> bool:
    """Whether the actor sits on an ad hoc election body of this kind ("anggota PPK" on "PPK Kecamatan Y")."""
    family = {"PPK": "PPK", "PPS": "PPS", "Panwaslu": "PKD"}.get(inst.name.split()[0])
    return bool(family and actor.position and actor.position.split()[-1] == family)


def assign_roles(doc: Doc) -> None:
    """Settle institution roles once the cases are final.

    EMPLOYER is the accused's instansi and the bodies above it in the same region
    (a teacher's school, the regency's education dinas, the Pemkab), as the
    corpus labels it; every other government body is OTHER. (A bare "Bawaslu"
    stays the story's regional office whether or not a case is reported:
    README "Bare Bawaslu / KPU".)
    """
    actors = [a for case in doc._.cases or [] for a in case.actors]
    out = []
    for inst in doc._.institutions or []:
        if inst.kind in EMPLOYER_KINDS or inst.kind == "adhoc":
            if inst.kind == "adhoc":
                # An ad hoc election body is its accused member's EMPLOYER, else it oversees (README).
                role = "EMPLOYER" if any(_adhoc_member(inst, a) for a in actors) else "OVERSIGHT"
            else:
                role = "EMPLOYER" if any(_employs(inst, a) for a in actors) else "OTHER"
            if role != inst.role:
                inst = InstitutionMention(
                    inst.start, inst.end, inst.text, inst.name, role, inst.kind, inst.region
                )
        out.append(inst)
    # "UPTD Balai Benih Ikan Dinas Perikanan Kabupaten Belitung": the dinas named right after a sub-unit is
    # the one above it, so it employs the sub-unit's staff too.
    below = {i.end for i in out if i.kind == "subunit" and i.role == "EMPLOYER"}
    for k, inst in enumerate(out):
        if inst.kind == "dinas" and inst.role != "EMPLOYER" and any(0 <= inst.start - e <= 2 for e in below):
            out[k] = InstitutionMention(
                inst.start, inst.end, inst.text, inst.name, "EMPLOYER", inst.kind, inst.region
            )
    doc._.institutions = out
