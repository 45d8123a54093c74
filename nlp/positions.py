"""Jabatan (positions) in Indonesian news: finding them and writing them as the corpus does.

``nlp/data/positions.yml`` lists each position's written forms, its canonical
form and its default actor type. :func:`find_positions` returns every
position in a sentence with the unit words that follow it turned into the
corpus's canonical jabatan: "Kepala Dinas Pendidikan Kabupaten Gowa" ->
"Kepala Dinas Pendidikan"; "Kepala SMP Negeri 3 Genteng" -> "Kepala Sekolah";
"Camat Sunggal" -> "Camat".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.names import valid_initials

DATA = Path(__file__).resolve().parent / "data" / "positions.yml"

# Head positions whose canonical form keeps the field written after them.
_WITH_FIELD = {
    "Kepala Dinas",
    "Sekretaris Dinas",
    "Kepala Bidang",
    "Kepala Seksi",
    "Kepala Urusan",
    "Kepala Bagian",
    "Kepala Sub Bagian",
    "Kepala Badan",
    "Sekretaris Badan",
    "Kepala UPTD",
}
_FIELD_WORD = re.compile(r"\s+(?:(?:dan|&)\s+)?([A-Z][\w-]*|[A-Z]{2,}\d*)")
_LOWER_FIELD = re.compile(
    r"\s+(pemerintahan|keuangan|umum|perencanaan|kesejahteraan(?:\s+rakyat)?|kesra|pelayanan|pembangunan|"
    r"ketenteraman\s+dan\s+ketertiban(?:\s+umum)?|trantib|tata\s+usaha|ekonomi(?:\s+dan\s+pembangunan)?|"
    r"kepegawaian|perlindungan\s+masyarakat)\b"
)
_FIELD_STOP = frozenset(
    "Kabupaten Kota Provinsi Kecamatan Desa Kelurahan Distrik Gampong Nagari Kampung Pemkab Pemkot Pemprov "
    "Pemerintah Sekretariat Setda Dinas Badan Kantor RSUD Puskesmas Bawaslu KPU".split()
)
_ASSOCIATION = re.compile(r"\b(?:forum|asosiasi|persatuan|paguyuban|ikatan|perkumpulan|musyawarah)\s+$")
_CANDIDATE = re.compile(r"\b(?:calon|caleg|kandidat|paslon)\s+(?:wakil\s+)?$")
_SHOUTED_ONLY = frozenset({"pns", "pppk", "asn", "ppl"})
# "netralitas ASN", "Pengawasan Netralitas PNS": the topic or a unit's name, not a person; but a post set beside
# a name ("pelanggaran netralitas Sekretaris Camat Cisurupan, Dede Rohman Hakim") is the person it concerns.
_TOPIC = re.compile(r"\bnetralitas\s+$")
# Statuses stay the topic even then ("Pengawasan Netralitas ASN, Melinda Sihombing").
_STATUSES = frozenset({"ASN", "PNS", "PPPK", "honorer", "anggota TNI", "anggota Polri"})
_NAMED_AFTER = re.compile(r"(?:\s+[A-Z][\w-]*){0,3},\s+(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?[A-Z][a-z]")
_SCHOOL_HEAD = re.compile(
    r"\b[Kk]epala\s+(?=(?:SD|SMP|SMA|SMK|MTs|MA|MI|SLB)(?:N|\s+Negeri)?\b|(?:SDN|SMPN|SMAN|SMKN)\b)"
)
_PUSKESMAS_HEAD = re.compile(r"\b[Kk]epala\s+(?=Puskesmas\b|UPT\s+Puskesmas\b)")
# The grade of a functional post (jabatan fungsional) is part of the post: "statistisi ahli muda",
# "pranata komputer terampil".
_GRADE = re.compile(r"\s+(ahli\s+(?:pertama|muda|madya|utama)|terampil|mahir|penyelia)\b")


@dataclass(frozen=True)
class Position:
    """A position found in text."""

    start: int
    end: int  # end of the position words and its field ("Kepala Dinas Pendidikan"); not the unit or place
    canonical: str
    actor_type: str
    unit: bool


@dataclass(frozen=True)
class Lexicon:
    """Positions, official roles, oversight bodies and ranks from ``positions.yml``."""

    forms: dict[str, tuple[str, str, bool]]
    by_first_word: dict[str, list[tuple[str, ...]]]  # forms as word tuples, longest first
    officials: frozenset[str]
    oversight: tuple[str, ...]
    ranks: dict[str, str]
    dinas_acronyms: dict[str, str]
    functional: frozenset[str] = frozenset()  # posts a PPPK may hold too ("guru", "penyuluh")


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the position lexicon once per process."""
    with DATA.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    from nlp.components.institutions import _data as institution_data

    forms: dict[str, tuple[str, str, bool]] = {}
    for item in data["positions"]:
        for form in item["forms"]:
            forms[form.lower()] = (item["canonical"], item["type"], bool(item["unit"]))
    # Heads of a dinas written with its acronym: "Kepala Disdik", "Kadisdik", "Kadinkes", "Sekretaris Dinkes".
    for acronym, field in institution_data()["dinas_acronyms"].items():
        low = acronym.lower()
        heads = [("kepala", "Kepala"), ("plt kepala", "Kepala"), ("sekretaris", "Sekretaris")]
        heads += [("ka", "Kepala")] if low.startswith(("dis", "din")) else []
        for head, canonical in heads:
            form = f"{head} {low}" if head != "ka" else f"ka{low}"
            forms.setdefault(form, (f"{canonical} Dinas {field}", "PNS", True))
    # Heads of regional agencies written with the agency's acronym ("Kepala Bappeda", "Kalak BPBD").
    for acronym, field in institution_data()["badan_acronyms"].items():
        for head, canonical in (
            ("kepala", "Kepala"),
            ("kepala pelaksana", "Kepala"),
            ("sekretaris", "Sekretaris"),
        ):
            forms.setdefault(f"{head} {acronym.lower()}", (f"{canonical} Badan {field}", "PNS", True))
    by_first_word: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        words = tuple(form.split())
        by_first_word.setdefault(words[0], []).append(words)
    for candidates in by_first_word.values():
        candidates.sort(key=len, reverse=True)
    ranks = {r.lower(): kind for kind, names in data["ranks"].items() for r in names}
    return Lexicon(
        forms=forms,
        by_first_word=by_first_word,
        officials=frozenset(o.lower() for o in data["officials"]),
        oversight=tuple(data["oversight_bodies"]),
        ranks=ranks,
        dinas_acronyms=institution_data()["dinas_acronyms"],
        functional=frozenset(item["canonical"] for item in data["positions"] if item.get("functional")),
    )


def _is_place(text: str, pos: int, stop: int) -> bool:
    """True when a region name starts at ``pos`` ("Gowa", "Lombok Timur", "Sulsel", "SBD")."""
    from nlp.regions import gazetteer

    gaz = gazetteer()
    words = text[pos:stop].split()[:3]
    for n in range(len(words), 0, -1):
        name = " ".join(words[:n]).rstrip(",.")
        if gaz.bare_candidates(name) or gaz.province(name) or name in gaz.aliases:
            return True
    return False


def _field(text: str, pos: int, stop: int, acronyms: dict[str, str]) -> tuple[str, int]:
    """The capitalised field words after a head like "Kepala Dinas" ("Pendidikan dan Kebudayaan")."""
    words: list[str] = []
    end = pos
    while True:
        match = _FIELD_WORD.match(text, end, stop)
        if not match or match.group(1) in _FIELD_STOP or _is_place(text, match.start(1), stop):
            break
        if words and valid_initials(match.group(1)):
            break  # "Kabid Bina Marga HR": the holder's initials after the field, not part of it
        joiner = match.group(0)[: match.start(1) - match.start()].strip()
        if joiner:
            words.append(joiner)
        words.append(match.group(1))
        end = match.end()
        if len(words) >= 7:
            break
    if not words and (low := _LOWER_FIELD.match(text, pos, stop)):
        # "seorang kepala seksi pemerintahan di kelurahan", "kepala urusan keuangan": the common fields of a
        # section written in lower case.
        return low.group(1).title(), low.end()
    field = " ".join(words)
    field = acronyms.get(field, field)
    return field, end


_WORD = re.compile(r"\w+")


def _lexicon_matches(low: str, start: int, stop: int, lex: Lexicon) -> list[tuple[str, int, int]]:
    """Longest lexicon forms in ``low[start:stop]``, left to right, without overlaps.

    A dictionary lookup per word (and per next word: "kepala" alone starts a hundred forms) instead of one
    regular expression with hundreds of alternatives: the same matches, several times faster.
    """
    out = []
    skip_to = -1
    starting = _form_patterns(lex).get
    for word in _WORD.finditer(low, start, stop):
        # Most words start no form: looked up before anything else is read of the match.
        token = word.group()
        by_next = starting(token)
        if by_next is None:
            if not token.endswith("nya"):
                continue
            by_next = starting(token[:-3])  # "Camatnya": only a one-word form can match
            if by_next is None:
                continue
        begin = word.start()
        if begin < skip_to:
            continue
        following = _NEXT_WORD.match(low, word.end(), stop)
        second = following.group(1) if following else ""
        candidates = by_next.get(second)
        if candidates is None:
            candidates = by_next.get(second[:-3], by_next[""]) if second.endswith("nya") else by_next[""]
        for form, pattern in candidates:
            match = pattern.match(low, begin, stop)
            if match:
                out.append((form, begin, match.end()))
                skip_to = match.end()
                break
    return out


_NEXT_WORD = re.compile(r"\s+(\w+)")
_PLAIN = re.compile(r"\w+")
_FORM_PATTERNS: dict[int, dict[str, dict[str, list[tuple[str, re.Pattern[str]]]]]] = {}


def _form_patterns(lex: Lexicon) -> dict[str, dict[str, list[tuple[str, re.Pattern[str]]]]]:
    """Per first word and then per second word, the forms that can start there (longest first), each as a
    pattern of its words with any whitespace between; under "" those whose second word is not a plain word
    or that have none."""
    patterns = _FORM_PATTERNS.get(id(lex))
    if patterns is None:
        patterns = {}
        for first, forms in lex.by_first_word.items():
            # A post of a unit takes the possessive "-nya" ("Kepala desanya, Jaenudin": the village's head).
            entries = [
                (
                    f,
                    (
                        " ".join(f),
                        re.compile(
                            r"\s+".join(map(re.escape, f))
                            + ("(?:nya)?" if lex.forms[" ".join(f)][2] else "")
                            + r"\b"
                        ),
                    ),
                )
                for f in forms
            ]  # longest first, as lex.by_first_word keeps them
            # A form fits any second word when it has none or its second token is not a plain word.
            loose = [e for e in entries if len(e[0]) == 1 or not _PLAIN.fullmatch(e[0][1])]
            seconds = {f[1] for f, _ in entries if len(f) > 1 and _PLAIN.fullmatch(f[1])}
            table = {"": [e for _, e in loose]}
            for second in seconds:
                table[second] = [e for f, e in entries if (len(f) > 1 and f[1] == second) or (f, e) in loose]
            patterns[first] = table
        _FORM_PATTERNS[id(lex)] = patterns
    return patterns


def find_positions(
    text: str, start: int = 0, stop: int | None = None, low: str | None = None
) -> list[Position]:
    """Every position in ``text[start:stop]``, longest form first where forms overlap.

    ``low`` is :func:`nlp.extensions.lowered` of ``text`` when the caller has it already.
    """
    from nlp.extensions import lowered

    lex = lexicon()
    stop = len(text) if stop is None else stop
    low = lowered(text) if low is None else low
    found: list[Position] = []
    for match in _SCHOOL_HEAD.finditer(text, start, stop):
        found.append(Position(match.start(), match.end(), "Kepala Sekolah", "PNS", True))
    for match in _PUSKESMAS_HEAD.finditer(text, start, stop):
        found.append(Position(match.start(), match.end(), "Kepala Puskesmas", "PNS", True))
    taken = [(p.start, p.end + 12) for p in found]
    for key, match_start, end in _lexicon_matches(low, start, stop, lex):
        if any(s <= match_start < e for s, e in taken):
            continue
        if _CANDIDATE.search(low, max(0, match_start - 20), match_start):
            continue  # "calon bupati", "bakal calon wali kota": a candidate, not the office holder
        if _ASSOCIATION.search(low, max(0, match_start - 20), match_start):
            continue  # "Ketua Forum Kepala Desa", "Asosiasi Kepala Sekolah": an association's name, not a post
        if _TOPIC.search(low, max(0, match_start - 12), match_start) and (
            lex.forms[key][0] in _STATUSES or not _NAMED_AFTER.match(text, end, stop)
        ):
            continue
        if key == "polisi" and low.startswith(" pamong praja", end):
            continue  # "Kepala Satuan Polisi Pamong Praja": a regional government service, not the police
        canonical, actor_type, unit = lex.forms[key]
        if key in _SHOUTED_ONLY and not text[match_start:end].isupper():
            continue  # "pns" and "asn" as words are acronyms: written upper case
        if canonical in _WITH_FIELD:
            field, field_end = _field(text, end, stop, lex.dinas_acronyms)
            if field:
                canonical = f"{canonical} {field}"
                end = field_end
            # "Kepala Seksi Kesejahteraan Desa Panunggalan" is a village official.
            if canonical.startswith(("Kepala Seksi", "Kepala Urusan")) and re.match(
                r"\s+(?:[Dd]esa|[Gg]ampong|[Kk]ampung|[Nn]agari|[Pp]ekon)\b", text[field_end:stop]
            ):
                actor_type = "PERANGKAT_DESA"
        elif not unit and (grade := _GRADE.match(low, end, stop)):
            canonical, end = f"{canonical} {' '.join(grade.group(1).split())}", grade.end()
        found.append(Position(match_start, end, canonical, actor_type, unit))
    found.sort(key=lambda p: p.start)
    return found
