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
from nlp.components.person_followups import fuller_post, second_posts, without_inner_names
from nlp.components.person_forms import (
    AGE,
    AGE_NAME,
    APPOSED_INITIALS,
    APPOSITION,
    CANDIDATE_NAMED,
    HOLDS_VERB,
    IDENT,
    INTRODUCED_INITIALS,
    LEAD_NAME,
    MORE_INITIALS,
    MORE_NAMES,
    NAME_BEFORE_POSITION,
    NAME_IS_POSITION,
    PRONOUN_HOLDS,
    PRONOUN_NAMED,
    title_case,
)
from nlp.components.person_groups import GROUP_BEFORE, QUANTIFIER
from nlp.components.person_places import name_after_position
from nlp.components.person_posts import clause_subject, head_before, position_after, position_before
from nlp.components.person_speech import SPEECH_AFTER, SPEECH_BEFORE
from nlp.components.person_types import actor_type, context_position, is_status
from nlp.components.sentences import in_boilerplate
from nlp.extensions import lower_of, text_of
from nlp.model import PersonMention
from nlp.names import ACRONYMS, FULL_NAME, INITIALS, clean_name, valid_initials
from nlp.positions import Position, find_positions, lexicon

_NEVER = re.compile(r"(?!)")
_DOTTED = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_TAKEN_UP = re.compile(r"\s+(?:tersebut|itu)\s*,?\s*$")
# What a story adds about a named post holder after the name ("pejabat karier", "pegawai", "PNS").
_GENERIC_AFTER = frozenset({"pegawai", "ASN", "PNS", "staf"})
_OFFICE_BEFORE = re.compile(r"\b[Kk]antor\s+$")
# "stiker menempel di kaca ruang guru": a room named for the post, nobody in it.
ROOM_BEFORE = re.compile(r"\b[Rr]uang(?:an)?\s+$")
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
                ("initials", INTRODUCED_INITIALS),
                ("rank", self.rank if self._any_rank(lower_of(doc)) else _NEVER),
                ("apposition", APPOSITION),
                ("ident", IDENT),
                ("age", AGE),
                ("speech", SPEECH_BEFORE),
            )
        }
        persons: list[PersonMention] = []
        holds = HOLDS_VERB.search(text) is not None  # a cheap test before the per-position pronoun pattern
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
        fuller_post(text, persons, self.defaults)
        second_posts(text, persons)
        doc._.persons = persons
        return doc

    @staticmethod
    def _pronoun_position(
        text: str, index: int, positions: list[Position], persons: list[PersonMention]
    ) -> None:
        """Give the post a pronoun holds ("ia masih tercatat sebagai pegawai negeri sipil di ...") to the one
        person the sentence before names, in place of the unnamed mention of that post."""
        for pos in positions:
            match = PRONOUN_HOLDS.search(text, max(0, pos.start - 70), pos.start)
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
        match = PRONOUN_NAMED.match(text, start, end)
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
            pos = position_before(text, positions, match.start(), start)
            mention = self._mention(text, match.start("name"), match.end("name"), name, pos, index)
            if pos is None:
                context_position(text[start:end], mention, self.lex.ranks)
            add(mention, pos)
            # "dua anggota PPK berinisial RD dan YF", "berinisial AB, CD, dan EF": each holds the position.
            more = MORE_INITIALS.match(text, match.end(), end)
            while more is not None and valid_initials(more.group("name")):
                other = self._mention(
                    text, more.start("name"), more.end("name"), more.group("name"), pos, index
                )
                if pos is None:
                    other.position, other.actor_type = mention.position, mention.actor_type
                add(other)
                more = MORE_INITIALS.match(text, more.end(), end)
        for match in APPOSED_INITIALS.finditer(text, start, end):
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
            pos = position_before(text, positions, match.start(), start)
            mention = self._mention(text, match.start(group), match.end(group), name, pos, index)
            if mention.actor_type not in {"POLRI", "TNI"}:
                mention.actor_type = kind
                mention.position = mention.position or ("anggota Polri" if kind == "POLRI" else "anggota TNI")
            # "Kapolres Jayawijaya AKBP Daniel Sitorus ... mengatakan": a commander speaking, not the accused.
            mention.official = bool(_COMMANDER.search(text, max(start, match.start() - 40), match.start()))
            mention.speaker = bool(SPEECH_AFTER.match(text[match.end() : end]))
            add(mention, pos)
        post_starts = {p.start for p in positions}
        for match in self._matches["apposition"].between(start, end):
            name = clean_name(match.group("name"))
            if not name or match.start("name") in post_starts:
                continue  # "Bripka JW, Bhabinkamtibmas Polsek Tikala.": a post set beside a name, no name
            head = head_before(text, positions, match.start(), start)
            after = position_after(text, positions, match.end(), end)
            mention = self._mention(text, match.start("name"), match.end("name"), name, head or after, index)
            mention.official = self._is_official(text, start, match.start(), head)
            mention.speaker = bool(SPEECH_AFTER.match(text[match.end() : end]))
            add(mention, head or after)
        for match in self._matches["ident"].between(start, end):
            group = "initials" if match.group("initials") else "name"
            raw = match.group(group)
            name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
            if not name:
                continue
            after = position_after(text, positions, match.end(), end)
            subject = clause_subject(text, positions, match.start(), start)
            if match.group(0)[:4].lower() == "nama":
                subject = None  # "daftar hadir pegawai yang mencantumkan nama Benny": not the subject's post
            if subject is not None and CANDIDATE_NAMED.search(
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
            more = MORE_NAMES.match(text, match.end(), end) if subject is not None and after is None else None
            while more is not None:
                group = "initials" if more.group("initials") else "name"
                raw = more.group(group)
                name = raw if group == "initials" and valid_initials(raw) else clean_name(raw or "")
                if not name:
                    break
                add(self._mention(text, more.start(group), more.end(group), name, subject, index), subject)
                more = MORE_NAMES.match(text, more.end(), end)
        for pos in positions:
            # "YN, Kepala SMA Negeri 1 ...", "memeriksa Yakobus Benu, guru SMA ...": found from the position.
            window = text[max(start, pos.start - 100) : pos.start]
            match = NAME_BEFORE_POSITION.search(window) if "," in window[-28:] else None
            if match is None:
                # "Herman sebelumnya menjabat Kepala Seksi ...", "..., membenarkan AK merupakan tenaga honorer".
                match = NAME_IS_POSITION.search(window)
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
            match = AGE_NAME.search(text, max(start, bracket.start() - 60), bracket.start())
            if match is None:
                continue
            raw = match.group("name")
            name = raw if valid_initials(raw) else clean_name(raw)
            if not name:
                continue
            after = position_after(text, positions, bracket.end(), end)
            before = position_before(text, positions, match.start(), start)
            add(
                self._mention(text, match.start("name"), match.end("name"), name, after or before, index),
                after or before,
            )
        lead = LEAD_NAME.match(sent)
        if lead:
            name = clean_name(lead.group("name"))
            after = position_after(text, positions, start + lead.end(), end)
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
            named = name_after_position(text, pos, end)
            if named and headline is None:
                # A headline repeated in the body capitalises every word ("Nama Pegawai BPS Buleleng Muncul di
                # Daftar ..."): the capitals after a post there are not a name.
                headline = title_case(sent)
            if named and not headline:
                s, e, name = named
                mention = self._mention(text, s, e, name, pos, index)
                mention.official = self._is_official(text, start, s, pos)
                mention.speaker = bool(SPEECH_AFTER.match(text[e:end]))
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
            if is_status(text, pos, positions):
                continue
            if pos.unit and _OFFICE_BEFORE.search(text, max(start, pos.start - 8), pos.start):
                continue  # "pegawai Kantor Camat Tambang", "kantor lurah": the office, nobody in it
            if ROOM_BEFORE.search(text, max(start, pos.start - 8), pos.start):
                continue
            prefix = text[max(start, pos.start - 40) : pos.start]
            unnamed = PersonMention(
                pos.start,
                pos.end,
                text[pos.start : pos.end],
                None,
                pos.canonical,
                actor_type(text, pos, positions, end),
                group=bool(GROUP_BEFORE.search(text[max(start, pos.start - 70) : pos.start])),
                sentence=index,
            )
            unnamed.official = self._is_official(text, start, pos.end + 60, pos) and not QUANTIFIER.search(
                prefix
            )
            add(unnamed)
        return without_inner_names(found)

    # -- helpers ------------------------------------------------------------------------------

    def _mention(
        self, text: str, start: int, end: int, name: str, pos: Position | None, index: int
    ) -> PersonMention:
        if text[end : end + 1] == "." and _DOTTED.fullmatch(name):
            name, end = (
                name + ".",
                end + 1,
            )  # "berinisial A.S. (45)": initials as written, with their last dot
        return PersonMention(
            start,
            end,
            text[start:end],
            name,
            pos.canonical if pos else None,
            actor_type(text, pos, None, end + 80) if pos else None,
            sentence=index,
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
                if _TAKEN_UP.match(chunk, self.official_head.match(chunk).end()):
                    return False  # "Dosen tersebut, Rahmatullah Baso": one introduced before, no commentator
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


@Language.factory("netra_persons")
def make_persons(nlp: Language, name: str) -> PersonTagger:
    """Factory for :class:`PersonTagger`."""
    return PersonTagger()
