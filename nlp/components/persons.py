"""``netra_persons``: the people a story names or describes, with position and role in the story.

For every sentence it finds positions (:mod:`nlp.positions`) and names
(:mod:`nlp.names`) in the patterns news uses:

* apposition: "Camat Sunggal, Darwin Sinaga, ..." / "YN, Kepala SMA Negeri 1 ...";
* initials: "guru berinisial SR (41)", "Bripka YW";
* identification: "Lurah yang dimaksud ialah Zulkarnain Effendi", "bernama ...";
* position then name: "Bupati Muna La Ode Rustam Kadir";
* quote attribution: "kata Syamsul", "..., ujar Rosmiati" (a speaker);
* unnamed people: "seorang guru", "oknum ASN", "sejumlah kepala desa".

Each mention records whether the person is an official of an oversight or
authority body ("Koordinator Divisi ... Bawaslu Gowa", "Kepala BKPSDM") or the
speaker of a quote; the case builder uses that to tell the accused apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.sentences import in_boilerplate
from nlp.extensions import lower_of, text_of
from nlp.model import PersonMention
from nlp.names import ACRONYMS, FULL_NAME, INITIALS, clean_name, valid_initials
from nlp.positions import Position, find_positions, lexicon
from nlp.quick_regex import quick

_SPEECH_BEFORE = quick(
    re.compile(
        rf"\b(?:kata|ujar|ucap|ungkap|jelas|tegas|tutur|terang|imbuh|tambah|sebut|papar|urai|lanjut|pungkas|tandas|"
        rf"kilah|aku|akui|bilang|keluh|kisah|cerita|kenang|timpal|sambung|seloroh|tanya|sergah|tukas)(?:nya)?\s+{FULL_NAME}"
    )
)
# Verbs of saying, and of responding to a case rather than doing the conduct (denying, regretting, confirming,
# urging, leaving it to others). One list for this tagger (a name, then the verb: a speaker) and the case
# builder (a pronoun, then the verb: the sentence only says something).
SPEECH_VERBS = (
    "mengatakan|menyatakan|menjelaskan|menegaskan|mengaku|mengakui|menuturkan|menyebut|menyebutkan|"
    "mengungkapkan|menilai|berpendapat|memaparkan|menambahkan|menyampaikan|menerangkan|mengonfirmasi|merinci|"
    "membantah|menampik|menanggapi|menyayangkan|menyesalkan|membenarkan|mengklaim|berharap|memastikan|"
    "meminta|mengimbau|menyerahkan sepenuhnya|berdalih|berkilah|beralasan|mengelak|menepis"
)
# A speech verb after the name, past place and day ("Ambrosius Kolo, di Kupang, Senin, mengatakan ...").
_SPEECH_AFTER = re.compile(rf"^[^.;\"“”]{{0,80}}?\b(?:{SPEECH_VERBS})\b")
_APPOSITION = quick(re.compile(rf",\s+{FULL_NAME}(?=\s*(?:,|\(\d{{2}}\)|\.|$|\s+[a-z]))"))
_CANDIDATE_NAMED = re.compile(r"\b(?:caleg|calon|paslon|kandidat)\b[^,.;\"“”]*\bbernama\s+$", re.IGNORECASE)
_IDENT = quick(
    re.compile(
        rf"\b(?:adalah|ialah|yakni|yaitu|bernama|Terlapor|terlapor|Terdakwa|terdakwa|Tersangka|tersangka|atas nama|"
        rf"milik|[Nn]ama)\s+(?:(?P<initials>{INITIALS})\b|{FULL_NAME})(?=\s*(?:,|\(\d{{2}}\)|\.|$|\s+[a-z]))"
    )
)
# "YN, Kepala SMA Negeri 1 ...", "dan MB, Kepala ...", "Rosmalawati, Kepala Bidang ...": a name, then its position.
# Read backwards from a position: the name (or initials) and comma right before it.
_NAME_BEFORE_POSITION = re.compile(
    rf"(?:^|[,;:]\s+|\b[a-z]+\s+|\b[A-Z][a-z]+\s+(?=[A-Z]{{1,4}}\b))"  # "Sementara RA, Lurah ..."
    rf"(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
    r"(?:\s*\(\d{2}\))?,\s*(?:seorang\s+|sebagai\s+|yang merupakan\s+|merupakan\s+|"
    # "Salmon Fatem, yang saat ini menjabat Kepala ...": a relative clause before the position.
    r"(?:yang\s+(?:saat\s+ini\s+|kini\s+|sekarang\s+|juga\s+)?)?"
    r"(?:tercatat|bekerja|bertugas|berstatus|menjabat)(?:\s+sebagai)?\s+)?$"
)
# "Fransiskus selama ini dikenal warga sebagai PNS di ...", "Herman sebelumnya menjabat Kepala Seksi ...",
# "JS (31), diketahui berstatus tenaga honorer".
_NAME_IS_POSITION = re.compile(
    rf"(?:^|\b[a-z]+\s+|[,;:]\s+)(?:(?P<initials>{INITIALS})\b|{FULL_NAME})(?:\s*\(\d{{2}}\),?)?\s+"
    r"(?:yang\s+)?(?:(?:selama\s+ini|sehari-hari|sebelumnya|kini|saat\s+ini|masih|juga|sendiri|diketahui)\s+)?"
    r"(?:dikenal(?:\s+warga)?\s+sebagai|bekerja\s+sebagai|berprofesi\s+sebagai|menjabat(?:\s+sebagai)?|"
    r"bertugas\s+sebagai|mengabdi\s+sebagai|berdinas\s+sebagai|tercatat\s+sebagai|"
    r"merupakan|adalah|berstatus|"
    # "Rohmat Hidayat dibebastugaskan dari jabatannya sebagai Camat ...": the post a sanction takes away.
    r"di[a-z]{3,}\s+dari\s+jabatan(?:nya)?(?:\s+sebagai)?)(?:\s+(?:seorang|salah\s+satu|salah\s+seorang))?\s+$"
)
# "Kepala sekolah yang dimaksud memimpin SD ... . Berdasarkan data Bawaslu, ia bernama Andi Baso Tenriajeng":
# a sentence that names, by a pronoun, the one unnamed official of the sentence before.
_PRONOUN_NAMED = re.compile(
    r"(?:[^.;\"“”]{0,60}?,\s+)?(?:(?:[Ii]a|[Dd]ia|[Bb]eliau|"
    # "Pria bernama Muhlis itu ...", "Perempuan berusia 41 tahun berinisial SR itu ...": by sex and age
    r"(?:Pria|Perempuan|Wanita|Lelaki|Laki-laki)(?:\s+berusia\s+\d+\s+tahun)?)\s+(?:bernama|berinisial)|"
    r"[Nn]amanya|[Ii]nisialnya)\s+"
    rf"(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
)
_APPOSED_INITIALS = re.compile(rf",\s+(?P<name>{INITIALS})(?=\s*(?:,|\(\d{{2}}\)|\.\s|$))")
_UNIT_DAN = re.compile(r"([A-Z][\w-]*) dan (?=[A-Z])")
_INITIALS = quick(re.compile(rf"\b(?:berinisial|inisial|berinsial|berinisal)\s+(?P<name>{INITIALS})\b"))
# An age in brackets after a name or initials: "AS (45)", "Markus Yoku (47)". Found by the bracket, then
# the name is read backwards (scanning every position for a name first is slow).
_AGE = re.compile(r"\s\(\d{2}\)")
_AGE_NAME = re.compile(rf"(?<![\w.])(?P<name>{INITIALS}|(?:[A-Z][a-z'’]+\s+){{0,3}}[A-Z][a-z'’]+)$")
_LEAD_NAME = re.compile(rf"^(?:{FULL_NAME})(?=\s*(?:\(\d{{2}}\))?\s*,\s)")
_QUANTIFIER = re.compile(
    r"\b(?:seorang|oknum|sejumlah|beberapa|puluhan|belasan|ratusan|para|salah\s+satu|sebanyak\s+\d+|\d+|dua|tiga|"
    r"empat|lima|enam|tujuh|delapan|sembilan|sepuluh|kedua)\s+$",
    re.IGNORECASE,
)
# "Sebagian dari mereka ternyata petugas damkar berstatus PPPK", "beberapa di antaranya guru": part of a group.
PARTITIVE = (
    r"\b(?:sebagian(?:\s+besar)?|beberapa|sejumlah|banyak|\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|"
    r"sepuluh)\s+(?:orang\s+)?(?:(?:dari\s+|di\s+antara\s+)?mereka|di\s+antaranya)\s+"
    # "... ternyata petugas damkar", "empat orang di antaranya dikenali warga sebagai tenaga kesehatan"
    r"(?:(?:ternyata|adalah|merupakan|juga|ialah)\s+|di[a-z]{3,}\s+(?:\w+\s+)?sebagai\s+)?$"
)
_GROUP = re.compile(
    r"\b(?:sejumlah|beberapa|puluhan|belasan|ratusan|para|sebanyak\s+\d+|\d+|dua|tiga|empat|lima|enam|tujuh|"
    rf"delapan|sembilan|sepuluh|sekelompok|segelintir|sebagian(?:\s+besar)?)\s+$|{PARTITIVE}",
    re.IGNORECASE,
)
_DESCRIPTOR = re.compile(r"\s+(?:petahana|nonaktif|definitif|terpilih)\b")
# Words allowed between a position and the name it introduces ("Kepala Desa Poto, Kecamatan Moyo Hilir, Syarifuddin").
_BRIDGE = re.compile(r"^[\s\w().,/&'’-]*$")
_BRIDGE_LOWER = frozenset(
    {"dan", "setempat", "nonaktif", "tersebut", "itu", "di", "pada", "kota", "kabupaten"}
    # "sekdes desa yang sama, Hamdan", "kepala dusun di desa tersebut, Hermanto"
    | {"desa", "kelurahan", "kecamatan", "dusun", "gampong", "kampung", "yang", "sama", "bersangkutan"}
    # "Lurah yang dimaksud, H. Tengku ...", "Kepala Distrik Arso Timur sendiri, Yulianus Wenda".
    | {"dimaksud", "sendiri"}
    | {"dinas", "kantor", "sekolah", "instansi"}  # "Kabid Bina Marga di dinas yang sama, Syamsul Alam"
    | {
        "jenjang",
        "lingkungan",
        "wilayah",
    }  # "pengawas sekolah jenjang SD di lingkungan Dinas ..., Mulyono Hadi"
)


# "..., ia masih tercatat sebagai pegawai negeri sipil di Dinas ...": a pronoun and the post it holds.
_HOLDS = r"(?:tercatat|bekerja|bertugas|menjabat|berstatus|berdinas|mengabdi|aktif)"
_PRONOUN_HOLDS = re.compile(
    r"(?<![\w-])(?P<pronoun>[Ii]a|[Dd]ia|[Bb]eliau)\s+"
    r"(?:(?:masih|juga|sehari-hari|selama\s+ini|kini|saat\s+ini|sebenarnya|ternyata|diketahui)\s+)*"
    rf"{_HOLDS}(?:\s+sebagai)?\s+(?:seorang\s+)?$"
)
_HOLDS_VERB = quick(re.compile(rf"\b{_HOLDS}\b"))
_MORE_NAMES = re.compile(
    rf"(?:\s*,\s*(?:dan\s+)?|\s+dan\s+)(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
    r"(?=\s*(?:,|\(\d{2}\)|\.|$|\s+[a-z]))"
)
_MORE_INITIALS = re.compile(rf"(?:\s*,\s*dan\s+|\s*,\s*|\s+dan\s+)(?P<name>{INITIALS})\b")
_PASSIVE_RELATIVE = re.compile(r"\s+yang\s+(?:di|ter)[a-z]{3,}\s*$")
_NEVER = re.compile(r"(?!)")
# "Seorang penyuluh pertanian lapangan ... Penyuluh berinisial SY": one person, introduced by a determiner.
_ONE_PERSON = re.compile(r"\b(?:seorang|salah\s+seorang|salah\s+satu|oknum)\s+$", re.IGNORECASE)
# Words that begin or end the name of a place, not of a person ("Lurah Sungai Lakam Barat").
_PLACE_FIRST = frozenset(
    "Sungai Tanjung Pulau Teluk Bukit Muara Kuala Danau Gunung Batang Padang Rantau".split()
)
# What a story adds about a named post holder after the name ("pejabat karier", "pegawai", "PNS").
_GENERIC_AFTER = frozenset({"pegawai", "ASN", "PNS", "staf"})
_OFFICE_BEFORE = re.compile(r"\b[Kk]antor\s+$")
_UNIT_WORDS = frozenset({"Kabupaten", "Kota", "Kecamatan", "Desa", "Kelurahan", "Provinsi"})
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")
_COMPASS = frozenset("Utara Selatan Timur Barat Tengah Hilir Hulu".split())
_COMMANDER = re.compile(
    r"\b(?:Kapolres(?:ta)?|Kapolda|Kapolsek|Kasat\w*|Kasi\s+\w+|Kabid\s+\w+|Dandim|Danramil|Danrem|Pangdam|Kapendam|"
    r"Kasdim|Dansat\w*|Kepala\s+Seksi\s+\w+|Wakapolres)\b(?:[^,.]*|(?:\s+[A-Z][\w/-]*){0,4}\s*,\s*)$"
)


class _Matches:
    """The matches of one pattern over a whole text, looked up by sentence."""

    def __init__(self, matches: Iterable[re.Match[str]]) -> None:
        self.matches = list(matches)
        self.starts = [m.start() for m in self.matches]

    def between(self, start: int, end: int) -> list[re.Match[str]]:
        """Matches that start in ``[start, end)`` and end by ``end``."""
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.matches[lo:hi] if m.end() <= end]


def _bridge_ok(text: str) -> bool:
    if not _BRIDGE.match(text) or len(text) > 120:
        return False
    # "Penyuluh yang dilaporkan, Damianus Ringkai": a relative clause of one passive verb describes the holder.
    text = _BRIDGE_PASSIVE.sub("yang", text)
    return all(w in _BRIDGE_LOWER for w in re.findall(r"\b[a-z][a-z]+\b", text))


_BRIDGE_PASSIVE = re.compile(r"\byang\s+(?:di|ter)[a-z]{3,}\b")


class PersonTagger:
    """Find people; writes ``doc._.persons``."""

    def __init__(self) -> None:
        self.lex = lexicon()
        self.defaults = {
            canonical: kind for canonical, kind, _ in self.lex.forms.values()
        }  # type when unstated
        ranks = "|".join(sorted(self.lex.ranks, key=len, reverse=True))
        self.rank = re.compile(rf"\b(?P<rank>(?i:{ranks}))\.?\s+(?:(?P<initials>{INITIALS})\b|{FULL_NAME})")
        bodies = "|".join(re.escape(b) for b in sorted(self.lex.oversight, key=len, reverse=True))
        self.oversight = re.compile(rf"\b(?:{bodies})\b")
        officials = "|".join(re.escape(o) for o in sorted(self.lex.officials, key=len, reverse=True))
        self.official_head = re.compile(rf"^(?:{officials})\b", re.IGNORECASE)

    def _any_rank(self, low: str) -> bool:
        """Whether any police or military rank occurs at all (a cheap test before the rank pattern)."""
        return any(rank in low for rank in self.lex.ranks)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        everywhere = find_positions(text, low=lower_of(doc))
        # Each pattern runs once over the whole text; its matches are then handed out per sentence.
        self._matches = {
            name: _Matches(pattern.finditer(text))
            for name, pattern in (
                ("initials", _INITIALS),
                ("rank", self.rank if self._any_rank(lower_of(doc)) else _NEVER),
                ("apposition", _APPOSITION),
                ("ident", _IDENT),
                ("age", _AGE),
                ("speech", _SPEECH_BEFORE),
            )
        }
        persons: list[PersonMention] = []
        holds = _HOLDS_VERB.search(text) is not None  # a cheap test before the per-position pronoun pattern
        starts = [p.start for p in everywhere]  # find_positions returns them sorted by start
        for index, (start, end) in enumerate(doc._.sentences or []):
            if in_boilerplate(doc, start):
                continue
            positions = everywhere[bisect_left(starts, start) : bisect_left(starts, end)]
            persons.extend(self._sentence(text, start, end, index, positions))
            self._pronoun_named(text, start, end, index, persons)
            if holds:
                self._pronoun_position(text, index, positions, persons)
        # A "name" inside an organisation's name ("Dinas Tanaman Pangan, Hortikultura dan Perkebunan",
        # "RSUD Sele Be Solu", "Satuan Polisi Pamong Praja") is part of that name.
        bodies = [(m.start, m.end) for m in doc._.institutions or [] if m.end - m.start > 4]
        if bodies:
            persons = [
                p
                for p in persons
                if not p.name
                or not any(s <= p.start and p.end <= e and (s, e) != (p.start, p.end) for s, e in bodies)
            ]
        _fuller_post(text, persons, self.defaults)
        _second_posts(text, persons)
        doc._.persons = persons
        return doc

    @staticmethod
    def _pronoun_position(
        text: str, index: int, positions: list[Position], persons: list[PersonMention]
    ) -> None:
        """Give the post a pronoun holds ("ia masih tercatat sebagai pegawai negeri sipil di ...") to the one
        person the sentence before names, in place of the unnamed mention of that post."""
        for pos in positions:
            match = _PRONOUN_HOLDS.search(text, max(0, pos.start - 70), pos.start)
            if match is None:
                continue
            here = [p for p in persons if p.sentence == index and p.start == pos.start and not p.name]
            before = [p for p in persons if p.sentence == index - 1 and p.name and not p.official]
            if len(here) > 1 or len({p.name for p in before}) != 1 or before[0].position:
                continue
            s, e = match.start("pronoun"), match.end("pronoun")
            if here:
                persons.remove(here[0])
            persons.append(
                PersonMention(s, e, text[s:e], before[0].name, pos.canonical, pos.actor_type, sentence=index)
            )
            persons.sort(key=lambda p: p.start)
            return

    @staticmethod
    def _pronoun_named(text: str, start: int, end: int, index: int, persons: list[PersonMention]) -> None:
        """Give the name a sentence opens with ("Ia bernama ...", "Inisialnya DH") to the one unnamed official
        the sentence before describes, in place of that unnamed mention."""
        match = _PRONOUN_NAMED.match(text, start, end)
        if match is None:
            return
        before = [p for p in persons if p.sentence == index - 1 and p.position]
        unnamed = [p for p in before if not p.name and not p.group and not p.official]
        if len(unnamed) != 1 or any(p.name for p in before):
            return  # nobody, or several people, the pronoun could stand for
        group = "initials" if match.group("initials") else "name"
        raw = match.group(group)
        name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
        if not name:
            return
        described = unnamed[0]
        s, e = match.start(group), match.end(group)
        persons[:] = [p for p in persons if (p.start, p.end) != (s, e)]
        persons.append(
            PersonMention(s, e, text[s:e], name, described.position, described.actor_type, sentence=index)
        )
        persons.sort(key=lambda p: p.start)

    # -- one sentence -------------------------------------------------------------------------

    def _sentence(
        self, text: str, start: int, end: int, index: int, positions: list[Position]
    ) -> list[PersonMention]:
        sent = text[start:end]
        found: dict[tuple[int, int], PersonMention] = {}
        used: set[int] = set()  # starts of positions that a named mention took

        def add(mention: PersonMention, pos: Position | None = None) -> None:
            key = (mention.start, mention.end)
            if key not in found:
                found[key] = mention
                if pos is not None and mention.name:
                    used.add(pos.start)
            elif found[key].position is None and mention.position and pos is not None:
                # Found first without a position ("atas nama Salmon Fatem"); another pattern places them.
                found[key].position, found[key].actor_type = mention.position, mention.actor_type
                used.add(pos.start)

        for match in self._matches["initials"].between(start, end):
            name = match.group("name")
            # "berinisial SK", "inisial PP": after the word that introduces initials they are a name, whatever
            # acronym they also spell.
            if not valid_initials(name, introduced=True):
                continue
            pos = self._position_before(text, positions, match.start(), start)
            mention = self._mention(text, match.start("name"), match.end("name"), name, pos, index)
            if pos is None:
                self._context_position(text[start:end], mention)
            add(mention, pos)
            # "dua anggota PPK berinisial RD dan YF", "berinisial AB, CD, dan EF": each holds the position.
            more = _MORE_INITIALS.match(text, match.end(), end)
            while more is not None and valid_initials(more.group("name")):
                other = self._mention(
                    text, more.start("name"), more.end("name"), more.group("name"), pos, index
                )
                if pos is None:
                    other.position, other.actor_type = mention.position, mention.actor_type
                add(other)
                more = _MORE_INITIALS.match(text, more.end(), end)
        for match in _APPOSED_INITIALS.finditer(text, start, end):
            # "seorang kepala bidang, AT, yang ...": initials set off by commas right after a position.
            name = match.group("name")
            pos = next(
                (
                    p
                    for p in positions
                    if p.end <= match.start() and not text[p.end : match.start()].strip(" ,")
                ),
                None,
            )
            if pos is None or not valid_initials(name):
                continue
            add(self._mention(text, match.start("name"), match.end("name"), name, pos, index), pos)
        for match in self._matches["rank"].between(start, end):
            group = (
                "initials" if match.group("initials") and valid_initials(match.group("initials")) else "name"
            )
            raw = match.group(group)
            if raw is None:
                continue
            name = raw if group == "initials" else clean_name(raw)
            if not name:
                continue
            kind = self.lex.ranks[match.group("rank").lower()]
            pos = self._position_before(text, positions, match.start(), start)
            mention = self._mention(text, match.start(group), match.end(group), name, pos, index)
            if mention.actor_type not in {"POLRI", "TNI"}:
                mention.actor_type = kind
                mention.position = mention.position or ("anggota Polri" if kind == "POLRI" else "anggota TNI")
            # "Kapolres Jayawijaya AKBP Daniel Sitorus ... mengatakan": a commander speaking, not the accused.
            mention.official = bool(_COMMANDER.search(text, max(start, match.start() - 40), match.start()))
            mention.speaker = bool(_SPEECH_AFTER.match(text[match.end() : end]))
            add(mention, pos)
        for match in self._matches["apposition"].between(start, end):
            name = clean_name(match.group("name"))
            if not name:
                continue
            head = self._head_before(text, positions, match.start(), start)
            after = self._position_after(text, positions, match.end(), end)
            mention = self._mention(text, match.start("name"), match.end("name"), name, head or after, index)
            mention.official = self._is_official(text, start, match.start(), head)
            mention.speaker = bool(_SPEECH_AFTER.match(text[match.end() : end]))
            add(mention, head or after)
        for match in self._matches["ident"].between(start, end):
            group = "initials" if match.group("initials") else "name"
            raw = match.group(group)
            name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
            if not name:
                continue
            after = self._position_after(text, positions, match.end(), end)
            subject = self._subject(text, positions, match.start(), start)
            if match.group(0)[:4].lower() == "nama":
                subject = None  # "daftar hadir pegawai yang mencantumkan nama Benny": not the subject's post
            if subject is not None and _CANDIDATE_NAMED.search(
                text, max(start, match.start() - 80), match.start(group)
            ):
                subject = (
                    None  # "... video caleg DPRD dari Partai X bernama Rusdi": the candidate, not the subject
                )
            if (
                after is not None
                and subject is not None
                and subject.unit
                and after.canonical in _GENERIC_AFTER
            ):
                after = (
                    None  # "Sekda yang dimaksud adalah Dr. H. A, S.E., pejabat karier ...": the post is Sekda
                )
            add(
                self._mention(text, match.start(group), match.end(group), name, after or subject, index),
                after or subject,
            )
            # "Dua lurah yang ikut dalam rapat, yakni AS dan Dede Kurniawan, ...": each named holds the post.
            more = (
                _MORE_NAMES.match(text, match.end(), end) if subject is not None and after is None else None
            )
            while more is not None:
                group = "initials" if more.group("initials") else "name"
                raw = more.group(group)
                name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
                if not name:
                    break
                add(self._mention(text, more.start(group), more.end(group), name, subject, index), subject)
                more = _MORE_NAMES.match(text, more.end(), end)
        for pos in positions:
            # "YN, Kepala SMA Negeri 1 ...", "memeriksa Yakobus Benu, guru SMA ...": found from the position.
            window = text[max(start, pos.start - 100) : pos.start]
            match = _NAME_BEFORE_POSITION.search(window) if "," in window[-28:] else None
            if match is None:
                # "Herman sebelumnya menjabat Kepala Seksi ...", "..., membenarkan AK merupakan tenaga honorer".
                match = _NAME_IS_POSITION.search(window)
            if match is None:
                continue
            group = "initials" if match.group("initials") else "name"
            raw = match.group(group)
            if group == "initials" and raw in ACRONYMS:
                continue  # "anggota KPPS yang sehari-hari bekerja sebagai perangkat desa": a body, no initials
            name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
            if not name:
                continue
            offset = pos.start - len(window)
            add(
                self._mention(text, offset + match.start(group), offset + match.end(group), name, pos, index),
                pos,
            )
        for bracket in self._matches["age"].between(start, end):
            match = _AGE_NAME.search(text, max(start, bracket.start() - 60), bracket.start())
            if match is None:
                continue
            raw = match.group("name")
            name = raw if valid_initials(raw) else clean_name(raw)
            if not name:
                continue
            after = self._position_after(text, positions, bracket.end(), end)
            before = self._position_before(text, positions, match.start(), start)
            add(
                self._mention(text, match.start("name"), match.end("name"), name, after or before, index),
                after or before,
            )
        lead = _LEAD_NAME.match(sent)
        if lead:
            name = clean_name(lead.group("name"))
            after = self._position_after(text, positions, start + lead.end(), end)
            if name and after:
                add(
                    self._mention(
                        text, start + lead.start("name"), start + lead.end("name"), name, after, index
                    ),
                    after,
                )
        headline: bool | None = None  # read only when a post is followed by a name
        for pos in positions:
            # "Bupati Muna La Ode Rustam Kadir", "Lurah Frangky Rumengan": a name straight after the position.
            # Not when a name before it holds the position already ("RA, Lurah Simpang Baru") or it names an
            # office ("Kantor Lurah Bagan Pete"): then the words after it are the unit.
            if pos.start in used or text[max(start, pos.start - 7) : pos.start].lower().startswith("kantor"):
                continue
            named = self._name_after_position(text, pos, end)
            if named and headline is None:
                # A headline repeated in the body capitalises every word ("Nama Pegawai BPS Buleleng Muncul di
                # Daftar ..."): the capitals after a post there are not a name.
                headline = _title_case(sent)
            if named and not headline:
                s, e, name = named
                mention = self._mention(text, s, e, name, pos, index)
                mention.official = self._is_official(text, start, s, pos)
                mention.speaker = bool(_SPEECH_AFTER.match(text[e:end]))
                add(mention, pos)
        for match in self._matches["speech"].between(start, end):
            name = clean_name(match.group("name"))
            if not name:
                continue
            mention = self._mention(text, match.start("name"), match.end("name"), name, None, index)
            mention.speaker = True
            key = (mention.start, mention.end)
            if key in found:
                found[key].speaker = True
            else:
                add(mention)
        for pos in positions:
            if pos.start in used:
                continue
            if self._is_status(text, pos, positions):
                continue
            if pos.unit and _OFFICE_BEFORE.search(text, max(start, pos.start - 8), pos.start):
                continue  # "pegawai Kantor Camat Tambang", "kantor lurah": the office, nobody in it
            prefix = text[max(start, pos.start - 40) : pos.start]
            unnamed = PersonMention(
                pos.start,
                pos.end,
                text[pos.start : pos.end],
                None,
                pos.canonical,
                self._actor_type(text, pos, positions, end),
                group=bool(_GROUP.search(text[max(start, pos.start - 70) : pos.start])),
                sentence=index,
            )
            unnamed.official = self._is_official(text, start, pos.end + 60, pos) and not _QUANTIFIER.search(
                prefix
            )
            add(unnamed)
        return _without_inner_names(found)

    # -- helpers ------------------------------------------------------------------------------

    def _mention(
        self, text: str, start: int, end: int, name: str, pos: Position | None, index: int
    ) -> PersonMention:
        return PersonMention(
            start,
            end,
            text[start:end],
            name,
            pos.canonical if pos else None,
            self._actor_type(text, pos, None, end + 80) if pos else None,
            sentence=index,
        )

    def _context_position(self, sentence: str, mention: PersonMention) -> None:
        """Initials with no jabatan before them: take what the sentence says ("berpangkat Bripka", "ASN")."""
        low = sentence.lower()
        if "pamong praja" in low or "satpol" in low:
            # "Satuan Polisi Pamong Praja": a regional government service, not the police.
            mention.position = "anggota Satpol PP"
            mention.actor_type = "PNS" if re.search(r"\bPNS\b|pegawai negeri sipil", sentence) else "ASN"
        elif re.search(r"\b(?:polres|polda|polsek|polri|polisi|bhabinkamtibmas)\b", low) or any(
            re.search(rf"\b{re.escape(rank)}\b", low)
            for rank, kind in self.lex.ranks.items()
            if kind == "POLRI"
        ):
            mention.position, mention.actor_type = "anggota Polri", "POLRI"
        elif re.search(r"\b(?:kodim|koramil|tni|babinsa|prajurit)\b", low):
            mention.position, mention.actor_type = "anggota TNI", "TNI"
        elif re.search(r"\b(?:asn|aparatur sipil negara)\b", low):
            mention.position, mention.actor_type = "ASN", "ASN"
        elif re.search(r"\b(?:pns|pegawai negeri sipil)\b", low):
            mention.position, mention.actor_type = "PNS", "PNS"

    def _actor_type(self, text: str, pos: Position, positions: list[Position] | None, stop: int) -> str:
        """The position's type, refined by a status the text gives nearby ("guru berstatus PPPK")."""
        window = text[max(0, pos.start - 60) : min(len(text), max(stop, pos.end + 80))]
        if pos.actor_type in {"PNS", "ASN", "PPPK"}:
            if re.search(r"\bPPPK\b|perjanjian kerja", window):
                return "PPPK"
            if re.search(r"\bhonorer\b|tenaga kontrak", window, re.IGNORECASE) and pos.canonical in {
                "guru",
                "bidan",
                "perawat",
                "staf",
                "pegawai",
            }:
                return "LAINNYA"
            if re.search(r"\bPNS\b|pegawai negeri sipil", window):
                return "PNS"
        return pos.actor_type

    @staticmethod
    def _is_status(text: str, pos: Position, positions: list[Position]) -> bool:
        """ "PNS" in "guru berstatus PNS" or "guru PNS" qualifies another position; it is no person."""
        if pos.canonical not in {"PNS", "PPPK", "ASN", "honorer"}:
            return False
        before = text[max(0, pos.start - 30) : pos.start]
        if re.search(r"(?:berstatus|sebagai|status(?:nya)?|merupakan)\s+(?:\w+\s+)?$", before, re.IGNORECASE):
            return True
        return any(0 < pos.start - p.end <= 2 for p in positions if p is not pos)

    def _position_before(self, text: str, positions: list[Position], at: int, floor: int) -> Position | None:
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
            # A quote closing in between: the position was said in the quote, about someone else.
            if len(between) > 90 or re.search(
                r"[.;]\s|[\"”]|\b(?:kata|ujar|dan)\b|\byang\b(?! bersangkutan)", between
            ):
                best = None
                continue
            if best is not None and pos.canonical in {"PNS", "PPPK", "ASN", "honorer"}:
                continue  # "penyuluh pertanian berstatus PNS berinisial YK": keep the jabatan
            best = pos
        return best

    @staticmethod
    def _subject(text: str, positions: list[Position], at: int, floor: int) -> Position | None:
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

    def _head_before(self, text: str, positions: list[Position], comma: int, floor: int) -> Position | None:
        """The position an apposition ", Name," names, allowing place clauses in between."""
        for pos in reversed(positions):
            if pos.end > comma:
                continue
            if _bridge_ok(text[pos.end : comma]):
                return pos
            break
        return None

    @staticmethod
    def _position_after(text: str, positions: list[Position], at: int, stop: int) -> Position | None:
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

    def _name_after_position(self, text: str, pos: Position, stop: int) -> tuple[int, int, str] | None:
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
        words = match.group(0).split()
        if (
            pos.unit
            and len(words) == 1
            and 1 < len(words[0]) < 4
            and valid_initials(words[0])
            and not self._region(words[0])
            and re.match(r"\s*(?:\(\d{2}\)|[,.;]|$)", text[after:stop])
        ):
            s = text.index(words[0], start)  # "bawahannya, Kabid Bina Marga HR.": initials after the post
            return s, s + len(words[0]), words[0]
        if len(words) > 1 and self._region(" ".join(words[int(words[0] in _UNIT_WORDS) :])):
            return None  # "tiga staf Kecamatan Tanjung Morawa": a kecamatan's name of two words, no person
        splits = [k for k in range(len(words) - 1, 0, -1) if self._unit_is_place(" ".join(words[:k]))] + [0]
        for k in splits:
            rest = " ".join(words[k:])
            name = clean_name(rest)
            if not name or (len(name.split()) < 2 and not k):
                continue
            if not k and pos.unit and self._unit_is_place(rest.split()[0]):
                continue
            if pos.unit and (words[k] in _PLACE_FIRST or words[-1] in _COMPASS):
                continue  # "Lurah Sungai Lakam Barat": the unit's place, not a name
            s = text.index(words[k], start)
            prefix = re.match(r"(?:(?:Drs|Dra|Dr|dr|drg|Ir|H|Hj|Prof|KH)\.\s*)*", text[s:stop])
            s += prefix.end() if prefix else 0
            return s, s + len(name), name
        return None

    @staticmethod
    def _region(word: str) -> bool:
        """Whether a word is a region's name or abbreviation ("Sinjai", "OKU", "SBD")."""
        from nlp.regions import gazetteer

        gaz = gazetteer()
        return bool(
            gaz.bare_candidates(word) or gaz.province(word) or word in gaz.aliases or gaz.district(word)
        )

    @staticmethod
    def _unit_is_place(unit: str) -> bool:
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

    def _is_official(self, text: str, sent_start: int, at: int, head: Position | None) -> bool:
        """True when the words before a name describe an oversight or authority role."""
        clause_start = max(
            sent_start, text.rfind(",", sent_start, max(sent_start, (head.start if head else at) - 1)) + 1
        )
        phrase = text[clause_start:at]
        phrase = phrase[max(0, len(phrase) - 160) :]
        if head is not None and head.canonical not in {"Kepala Badan", "Kepala Kantor"}:
            # A specific jabatan: official only when it heads an oversight body ("Kepala BKPSDM ...").
            tail = text[head.end : at]
            return bool(self.oversight.match(tail.strip())) and head.canonical.startswith("Kepala")
        words = phrase.strip().split()
        for i in range(len(words)):
            chunk = " ".join(words[i:])
            if self.official_head.match(chunk):
                return bool(self.oversight.search(chunk)) or chunk.lower().startswith(
                    (
                        "peneliti",
                        "pengamat",
                        "akademisi",
                        "dosen",
                        "pakar",
                        "direktur eksekutif",
                        "kapolres",
                        "kapolda",
                        "kasat",
                        "dandim",
                        "hakim",
                        "jaksa",
                        "kuasa hukum",
                        "pengacara",
                        "guru besar",
                        "staf ahli",
                        "juru bicara",
                        "jubir",
                        "inspektur",
                    )
                )
        return False


def _without_inner_names(found: dict[tuple[int, int], PersonMention]) -> list[PersonMention]:
    """The sentence's mentions in text order, less a name found inside a longer one: two patterns read
    "kepada I Ketut Wardana (52), Kelian ..." from different ends ("Ketut Wardana", "I Ketut Wardana")."""
    named = [m for m in found.values() if m.name]
    inner = set()
    for m in named:
        outer = next(
            (
                o
                for o in named
                if o is not m
                and o.start <= m.start
                and m.end <= o.end
                and (o.start, o.end) != (m.start, m.end)
            ),
            None,
        )
        if outer is not None:
            inner.add((m.start, m.end))
            if outer.position is None and m.position:
                outer.position, outer.actor_type = m.position, m.actor_type
            outer.speaker = outer.speaker or m.speaker
    return sorted((m for k, m in found.items() if k not in inner), key=lambda m: m.start)


# "Ketua PPS Desa Bora berinisial AL, yang sehari-hari mengajar sebagai guru PNS di SD ...": the post after it is
# the same person's day job.
_SECOND_POST = re.compile(
    r"\byang\s+(?:(?:sehari-hari|juga|selama\s+ini|kini|masih)\s+)*"
    r"(?:(?:mengajar|bekerja|bertugas|berdinas|mengabdi|tercatat)\s+sebagai|merupakan|menjabat(?:\s+sebagai)?)"
    r"\s+(?:seorang\s+)?$"
)


def _second_posts(text: str, persons: list[PersonMention]) -> None:
    """Fold a post that a relative clause gives the person just named into that person: its status is theirs
    when their own post (an election officer's) states none."""
    for index in range(len(persons) - 1, 0, -1):
        second = persons[index]
        if (
            second.name
            or second.group
            or not _SECOND_POST.search(text, max(0, second.start - 60), second.start)
        ):
            continue
        first = persons[index - 1]
        if first.sentence != second.sentence or not first.position or first.official:
            continue
        if first.actor_type == "LAINNYA" and second.actor_type in {"PNS", "PPPK", "ASN"}:
            first.actor_type = second.actor_type
        del persons[index]


def _title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case: nearly every longer word capitalised."""
    words = _LONG_WORD.findall(sentence)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _fuller_post(text: str, persons: list[PersonMention], defaults: dict[str, str]) -> None:
    """Give a name the post written in full when it was introduced as one person shortly before.

    "Seorang penyuluh pertanian lapangan berstatus PPPK ... Penyuluh berinisial SY (41) itu ...", "seorang
    pegawai negeri sipil BPS ... Pegawai berinisial RH": the initials shorten the post to its head word; the
    earlier mention is the same person, with the post and status as written. ``defaults`` is each post's
    type when no status is stated.
    """
    for index, person in enumerate(persons):
        if person.name and not person.position and not person.official:
            _head_word_post(text, persons, index)
            continue
        if not person.name or not person.position:
            continue
        shortened = " " not in person.position and person.position.islower()
        for earlier in reversed(persons[:index]):
            if earlier.sentence < person.sentence - 2:
                break
            if earlier.name or earlier.group or earlier.official:
                continue
            if not _ONE_PERSON.search(text, max(0, earlier.start - 20), earlier.start):
                continue
            if earlier.position == person.position:
                # "Seorang guru berstatus PPPK ... Guru berinisial FR": the status stated there is theirs when
                # nothing is stated beside the name.
                if person.actor_type == defaults.get(person.position):
                    person.actor_type = earlier.actor_type
                break
            if shortened and earlier.text.lower().startswith(person.position + " "):
                person.position, person.actor_type = earlier.position, earlier.actor_type
                earlier.name = person.name
                break
            if person.position == "pegawai" and earlier.position in {"PNS", "PPPK"}:
                # "seorang PNS di Bagian Protokol ... Pegawai berinisial RP (36) itu": the same person, the status
                # as written first.
                person.position, person.actor_type = earlier.position, earlier.actor_type
                earlier.name = person.name
                break


# "dosen berinisial FA": a head word, then the introducer of the name.
_HEAD_WORD_NAMED = re.compile(r"\b([A-Za-z][a-z]{2,})\s+(?:berinisial|bernama)\s+$")


def _head_word_post(text: str, persons: list[PersonMention], index: int) -> None:
    """Give a name the post of the one person introduced shortly before by the same head word.

    "seorang dosen berstatus PNS di Universitas ... dosen berinisial FA tersebut": "dosen" alone is no post
    (a commentator's title), but it takes up the civil servant just introduced.
    """
    person = persons[index]
    head = _HEAD_WORD_NAMED.search(text, max(0, person.start - 40), person.start)
    if head is None:
        return
    word = head.group(1).lower() + " "
    for earlier in reversed(persons[:index]):
        if earlier.sentence < person.sentence - 2:
            return
        if earlier.name or earlier.group or earlier.official or not earlier.position:
            continue
        if earlier.text.lower().startswith(word) and _ONE_PERSON.search(
            text, max(0, earlier.start - 20), earlier.start
        ):
            person.position, person.actor_type = earlier.position, earlier.actor_type
            earlier.name = person.name
            return


@Language.factory("netra_persons")
def make_persons(nlp: Language, name: str) -> PersonTagger:
    """Factory for :class:`PersonTagger`."""
    return PersonTagger()
