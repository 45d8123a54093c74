"""A person's actor type: the post's own type, refined by the status the text states nearby."""

from __future__ import annotations

import re

from nlp.model import PersonMention
from nlp.positions import Position
from nlp.quick_regex import quick


def context_position(sentence: str, mention: PersonMention, ranks: dict[str, str]) -> None:
    """Initials with no jabatan before them: take what the sentence says ("berpangkat Bripka", "ASN")."""
    low = sentence.lower()
    if "pamong praja" in low or "satpol" in low:
        # "Satuan Polisi Pamong Praja": a regional government service, not the police.
        mention.position = "anggota Satpol PP"
        mention.actor_type = "PNS" if re.search(r"\bPNS\b|pegawai negeri sipil", sentence) else "ASN"
    elif re.search(r"\b(?:polres|polda|polsek|polri|polisi|bhabinkamtibmas)\b", low) or any(
        re.search(rf"\b{re.escape(rank)}\b", low) for rank, kind in ranks.items() if kind == "POLRI"
    ):
        mention.position, mention.actor_type = "anggota Polri", "POLRI"
    elif re.search(r"\b(?:kodim|koramil|tni|babinsa|prajurit)\b", low):
        mention.position, mention.actor_type = "anggota TNI", "TNI"
    elif re.search(r"\b(?:asn|aparatur sipil negara)\b", low):
        mention.position, mention.actor_type = "ASN", "ASN"
    elif re.search(r"\b(?:pns|pegawai negeri sipil)\b", low):
        mention.position, mention.actor_type = "PNS", "PNS"


# Compiled once (with quick()'s first-character lookahead): actor_type() runs for every position found.
_PPPK = quick(re.compile(r"\bPPPK\b|perjanjian kerja"))
_HONORER = re.compile(r"\bhonorer\b|tenaga kontrak", re.IGNORECASE)
_PNS = quick(re.compile(r"\bPNS\b|pegawai negeri\b"))


def actor_type(text: str, pos: Position, positions: list[Position] | None, stop: int) -> str:
    """The position's type, refined by a status the text gives nearby ("guru berstatus PPPK")."""
    if pos.actor_type not in {"PNS", "ASN", "PPPK"}:
        return pos.actor_type
    window = text[max(0, pos.start - 60) : min(len(text), max(stop, pos.end + 80))]
    if _PPPK.search(window):
        return "PPPK"
    if pos.canonical in {"guru", "bidan", "perawat", "staf", "pegawai"} and _HONORER.search(window):
        return "LAINNYA"
    if _PNS.search(window):
        return "PNS"
    return pos.actor_type


def is_status(text: str, pos: Position, positions: list[Position]) -> bool:
    """ "PNS" in "guru berstatus PNS" or "guru PNS" qualifies another position; it is no person."""
    if pos.canonical not in {"PNS", "PPPK", "ASN", "honorer"}:
        return False
    before = text[max(0, pos.start - 30) : pos.start]
    if re.search(r"(?:berstatus|sebagai|status(?:nya)?|merupakan)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
        return True
    return any(0 < pos.start - p.end <= 2 for p in positions if p is not pos)
