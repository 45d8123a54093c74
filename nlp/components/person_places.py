"""A name written straight after a post, told apart from the place the post heads ("Lurah Sungai Lakam
Barat" is a place; "Bupati Muna La Ode Rustam Kadir" a name)."""

from __future__ import annotations

import re

from nlp.names import clean_name, valid_initials
from nlp.positions import Position

_DESCRIPTOR = re.compile(r"\s+(?:petahana|nonaktif|definitif|terpilih)\b")
# Words that begin or end the name of a place, not of a person ("Lurah Sungai Lakam Barat").
_PLACE_FIRST = frozenset(
    "Sungai Tanjung Pulau Teluk Bukit Muara Kuala Danau Gunung Batang Padang Rantau".split()
)
_LOCATED = re.compile(r"\s+di\s+(?:Kecamatan|Kabupaten|Kota|Distrik|Kapanewon|Kemantren)\b")
_UNIT_WORDS = frozenset({"Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan", "Provinsi"})
_COMPASS = frozenset("Utara Selatan Timur Barat Tengah Hilir Hulu".split())


def name_after_position(text: str, pos: Position, stop: int) -> tuple[int, int, str] | None:
    """A name written straight after a position, past any place words: "Bupati Muna La Ode Rustam Kadir"."""
    start = pos.end
    descriptor = _DESCRIPTOR.match(text, start, stop)  # "Bupati petahana Hasudungan Siregar"
    if descriptor:
        start = descriptor.end()
    match = re.match(
        r"(?:\s+(?:(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH)\.\s*)*[A-Z][\w'’-]*)+", text[start:stop]
    )
    if not match:
        return None
    after = start + match.end()
    if re.match(r"\s*,\s*(?:(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH)\.\s*)*[A-Z]", text[after:stop]):
        return None  # "Lurah Tegal Sari, Parlindungan ...": the words are the unit; the apposition names
    if not re.match(r"\s*(?:\(\d{2}\)|[,.]|$|[a-z])", text[after:stop]):
        return None
    if re.match(r"\s*(?:berinisial|inisial|bernama)\b", text[after:stop]):
        return None  # "Sekretaris Gampong Meunasah Blang berinisial MY": the words name the place
    if pos.unit and _LOCATED.match(text, after, stop):
        return (
            None  # "Sekretaris Gampong Alue Bungkoh di Kecamatan Pirak Timu": a place located in a larger one
        )
    words = match.group(0).split()
    if (
        pos.unit
        and len(words) == 1
        and 1 < len(words[0]) < 4
        and valid_initials(words[0])
        and not is_region(words[0])
        and re.match(r"\s*(?:\(\d{2}\)|[,.;]|$)", text[after:stop])
    ):
        s = text.index(words[0], start)  # "bawahannya, Kabid Bina Marga HR.": initials after the post
        return s, s + len(words[0]), words[0]
    if len(words) > 1 and is_region(" ".join(words[int(words[0] in _UNIT_WORDS) :])):
        return None  # "tiga staf Kecamatan Tanjung Morawa": a kecamatan's name of two words, no person
    splits = [k for k in range(len(words) - 1, 0, -1) if unit_is_place(" ".join(words[:k]))] + [0]
    if not pos.unit and text[pos.start : pos.end].split()[-1].capitalize() in _UNIT_WORDS:
        return None  # "staf Kelurahan Way Halim Permai": a post of a unit's staff, then that unit's name
    for k in splits:
        rest = " ".join(words[k:])
        name = clean_name(rest)
        if not name or (len(name.split()) < 2 and not k):
            continue
        if k and words[0] in _UNIT_WORDS and len(name.split()) < 2:
            continue  # "staf Kelurahan Way Halim Permai": a unit's name of unknown length, its last word no name
        if not k and pos.unit and unit_is_place(rest.split()[0]):
            continue
        if pos.unit and (words[k] in _PLACE_FIRST or words[-1] in _COMPASS):
            continue  # "Lurah Sungai Lakam Barat": the unit's place, not a name
        s = text.index(words[k], start)
        prefix = re.match(r"(?:(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH)\.\s*)*", text[s:stop])
        s += prefix.end() if prefix else 0
        return s, s + len(name), name
    return None


def is_region(word: str) -> bool:
    """Whether a word is a region's name or abbreviation ("Sinjai", "OKU", "SBD")."""
    from nlp.regions import gazetteer

    gaz = gazetteer()
    return bool(gaz.bare_candidates(word) or gaz.province(word) or word in gaz.aliases or gaz.district(word))


def unit_is_place(unit: str) -> bool:
    from nlp.regions import gazetteer

    gaz = gazetteer()
    words = unit.split()
    return bool(
        gaz.bare_candidates(unit)
        or gaz.province(unit)
        or unit in gaz.aliases
        or gaz.district(unit)
        or (words and words[0] in _UNIT_WORDS)
        or all(w.isupper() for w in words)
    )
