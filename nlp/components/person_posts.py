"""The post a name belongs to: the position right before it, after it, or heading its clause."""

from __future__ import annotations

import re

from nlp.positions import Position

_UNIT_DAN = re.compile(r"([A-Z][\w-]*) dan (?=[A-Z])")
_PASSIVE_RELATIVE = re.compile(r"\s+yang\s+(?:di|ter)[a-z]{3,}\s*$")
_OFFICE = re.compile(r"\b[Kk]antor\s+$")
_UNIT_ABBREVIATION = re.compile(r"\b(?:Kab|Kec|Kel|Prov|Ds)\.\s")
# Words allowed between a position and the name it introduces ("Kepala Desa Poto, Kecamatan Moyo Hilir, Syarifuddin").
_BRIDGE = re.compile(r"^[\s\w().,/&'’-]*$")
_BRIDGE_LOWER = frozenset(
    {"dan", "setempat", "nonaktif", "tersebut", "itu", "di", "pada", "kota", "kabupaten"}
    # "sekdes desa yang sama, Hamdan", "kepala dusun di desa tersebut, Hermanto"
    | {"desa", "kelurahan", "kecamatan", "dusun", "gampong", "kampung", "yang", "sama", "bersangkutan"}
    # "Lurah yang dimaksud, H. Tengku ...", "Kepala Distrik Arso Timur sendiri, Yulianus Wenda".
    | {"dimaksud", "sendiri"}
    # "kepala sekolah mereka, Syahril Anwar", "kepala kampung mereka, Amos Degei": whose post it is
    | {"mereka", "kami", "kita"}
    | {"dinas", "kantor", "sekolah", "instansi"}  # "Kabid Bina Marga di dinas yang sama, Syamsul Alam"
    | {
        "jenjang",
        "lingkungan",
        "wilayah",
    }  # "pengawas sekolah jenjang SD di lingkungan Dinas ..., Mulyono Hadi"
)


def _bridge_ok(text: str) -> bool:
    if not _BRIDGE.match(text) or len(text) > 120:
        return False
    # "Penyuluh yang dilaporkan, Damianus Ringkai": a relative clause of one passive verb describes the holder.
    text = _BRIDGE_PASSIVE.sub("yang", text)
    return all(w in _BRIDGE_LOWER for w in re.findall(r"\b[a-z][a-z]+\b", text))


_BRIDGE_PASSIVE = re.compile(r"\byang\s+(?:di|ter)[a-z]{3,}\b")


def position_before(text: str, positions: list[Position], at: int, floor: int) -> Position | None:
    """The position a name or initials right after it belongs to (skipping a status like "berstatus PNS")."""
    best = None
    for pos in positions:
        if pos.end > at:
            break
        # "dan" inside a unit's name ("Dinas Pendidikan dan Kebudayaan ... berinisial ZA") joins no one.
        between = _UNIT_DAN.sub(r"\1 ", text[pos.end : at])
        # "Kepala kampung yang dimaksud berinisial ML", "guru yang dilaporkan berinisial SR": a passive
        # relative clause of one verb describes the position-holder the initials then name.
        between = _PASSIVE_RELATIVE.sub(" ", between)
        # "Camat Bula Barat, Kab. Seram Bagian Timur, berinisial HR": a unit's abbreviation ends no sentence.
        between = _UNIT_ABBREVIATION.sub(" ", between)
        # A quote closing in between: the position was said in the quote, about someone else; a name introduced
        # in between holds it ("... berinisial SL itu dilaporkan oleh Marta (29)"), or an agent does the deed.
        if len(between) > 90 or re.search(
            r"[.;]\s|[\"”]|\b(?:kata|ujar|dan|berinisial|bernama|oleh)\b|\byang\b(?! bersangkutan)", between
        ):
            best = None
            continue
        if best is not None and pos.canonical in {"PNS", "PPPK", "ASN", "honorer"}:
            continue  # "penyuluh pertanian berstatus PNS berinisial YK": keep the jabatan
        if best is not None and _OFFICE.search(text, max(0, pos.start - 8), pos.start):
            continue  # "tenaga honorer di Kantor Camat Tilamuta, FH (27)": the office, not FH's post
        best = pos
    return best


def clause_subject(text: str, positions: list[Position], at: int, floor: int) -> Position | None:
    """The position heading the clause before "adalah/ialah" ("Lurah yang dimaksud ialah ...")."""
    best = None
    for pos in positions:
        if pos.end > at:
            break
        if re.search(r"[.;]\s|\b(?:kata|ujar)\b", text[pos.end : at]):
            continue
        if best is None or pos.canonical not in {"PNS", "PPPK", "ASN", "honorer"}:
            best = pos if best is None or best.canonical in {"PNS", "PPPK", "ASN", "honorer"} else best
    return best


def head_before(text: str, positions: list[Position], comma: int, floor: int) -> Position | None:
    """The position an apposition ", Name," names, allowing place clauses in between."""
    for pos in reversed(positions):
        if pos.end > comma:
            continue
        if _OFFICE.search(text, max(0, pos.start - 8), pos.start):
            continue  # "Seorang tenaga honorer di Kantor Camat Tilamuta, FH (27)": the office, not FH's post
        if _bridge_ok(text[pos.end : comma]):
            return pos
        break
    return None


def position_after(text: str, positions: list[Position], at: int, stop: int) -> Position | None:
    """A position right after a name: "YN, Kepala SMA ...", "Markus Yoku (47), penyuluh ..."."""
    for pos in positions:
        if pos.start < at:
            continue
        between = text[at : pos.start]
        if re.fullmatch(
            r"\s*(?:\(\d{2}\))?\s*,?\s*(?:seorang|sebagai|yang merupakan|merupakan|(?:tercatat|bekerja|bertugas|"
            r"berstatus|menjabat)(?:\s+sebagai)?)?\s*",
            between,
        ):
            return pos
        break
    return None
