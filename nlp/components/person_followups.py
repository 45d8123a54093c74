"""What later mentions tell of an earlier one: a name inside a longer one, a second post in a relative
clause, the post written in full when a person was introduced before being named."""

from __future__ import annotations

import re

from nlp.components.person_groups import ONE_PERSON
from nlp.model import PersonMention


def without_inner_names(found: dict[tuple[int, int], PersonMention]) -> list[PersonMention]:
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


def second_posts(text: str, persons: list[PersonMention]) -> None:
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


def fuller_post(text: str, persons: list[PersonMention], defaults: dict[str, str]) -> None:
    """Give a name the post written in full when it was introduced as one person shortly before.

    "Seorang penyuluh pertanian lapangan berstatus PPPK ... Penyuluh berinisial SY (41) itu ...", "seorang
    pegawai negeri sipil BPS ... Pegawai berinisial RH": the initials shorten the post to its head word; the
    earlier mention is the same person, with the post and status as written. ``defaults`` is each post's
    type when no status is stated.
    """
    for index, person in enumerate(persons):
        if person.name and not person.position and not person.official:
            _head_word_post(text, persons, index)
            if not person.position:
                _opening_name_post(text, persons, index)
            continue
        if not person.name or not person.position:
            continue
        if person.position in _STATUS_POSTS and _status_named_by_head_word(text, persons, index):
            continue
        shortened = " " not in person.position and person.position.islower()
        for earlier in reversed(persons[:index]):
            if earlier.sentence < person.sentence - 2:
                break
            if earlier.name or earlier.group or earlier.official:
                continue
            if not ONE_PERSON.search(text, max(0, earlier.start - 20), earlier.start):
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


# "dosen berinisial FA", "Dosen tersebut, Rahmatullah Baso": a head word, then the introducer of the name.
_HEAD_WORD_NAMED = re.compile(r"\b([A-Za-z][a-z]{2,})\s+(?:berinisial|bernama|(?:tersebut|itu),)\s+$")
# Words that fit anyone ("oknum berinisial JL itu", "pelaku berinisial ..."): they take up the one person
# introduced shortly before, whatever the post.
_ANYONE = frozenset({"oknum", "pelaku", "pria", "wanita", "perempuan", "lelaki"})
# Posts that are a status only ("Petugas berinisial RH itu, seorang PNS golongan II").
_STATUS_POSTS = frozenset({"PNS", "PPPK", "ASN", "pegawai"})
_SENTENCE_END = re.compile(r"(?:[.!?][\"”’]?\s+|\n\s*)$")


def _introduced(text: str, persons: list[PersonMention], index: int, reach: int) -> list[PersonMention]:
    """The unnamed people with a post introduced as one person ("seorang ...") in the ``reach`` sentences before
    ``persons[index]``, latest first."""
    person = persons[index]
    return [
        earlier
        for earlier in reversed(persons[:index])
        if earlier.sentence >= person.sentence - reach
        and not (earlier.name or earlier.group or earlier.official or not earlier.position)
        and ONE_PERSON.search(text, max(0, earlier.start - 20), earlier.start)
    ]


def _status_named_by_head_word(text: str, persons: list[PersonMention], index: int) -> bool:
    """Give a name whose post is a status ("Petugas berinisial RH itu, seorang PNS") the post of the one person
    introduced shortly before by the same head word ("Seorang petugas pelayanan di Dinas ..."), keeping the
    status it states."""
    person = persons[index]
    head = _HEAD_WORD_NAMED.search(text, max(0, person.start - 40), person.start)
    if head is None or head.group(1).lower() in {"pegawai", "pns", "asn", "pppk"}:
        return False
    word = head.group(1).lower() + " "
    for earlier in _introduced(text, persons, index, 2):
        if earlier.text.lower().startswith(word):
            kind = person.actor_type if person.position in {"PNS", "PPPK"} else earlier.actor_type
            person.position, person.actor_type = earlier.position, kind
            earlier.name = person.name
            return True
    return False


def _opening_name_post(text: str, persons: list[PersonMention], index: int) -> None:
    """Give a name that opens a sentence the post of the one person the sentence before introduces and names
    nobody: "... seorang bidan berstatus PNS di Puskesmas X. Ni Luh Made Suastini (38) diturunkan ..."."""
    person = persons[index]
    if person.speaker or not (
        person.start == 0 or _SENTENCE_END.search(text, max(0, person.start - 4), person.start)
    ):
        return
    before = [p for p in persons[:index] if p.sentence == person.sentence - 1]
    introduced = _introduced(text, persons, index, 1)
    introduced = [p for p in introduced if p.sentence == person.sentence - 1]
    if len(introduced) != 1 or any(p.name for p in before):
        return
    earlier = introduced[0]
    person.position, person.actor_type = earlier.position, earlier.actor_type
    earlier.name = person.name


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
    anyone = _introduced(text, persons, index, 2) if word.strip() in _ANYONE else []
    # "Kepala desa berinisial JS (47) itu didapati bersama seorang pria berinisial AM": not when someone named
    # in between holds a post (the one introduced is theirs).
    if len(anyone) == 1 and not any(
        p.name and p.position for p in persons[persons.index(anyone[0]) + 1 : index]
    ):
        person.position, person.actor_type = anyone[0].position, anyone[0].actor_type
        anyone[0].name = person.name
        return
    for earlier in reversed(persons[:index]):
        if earlier.sentence < person.sentence - 2:
            return
        if earlier.name or earlier.group or earlier.official or not earlier.position:
            continue
        if earlier.text.lower().startswith(word) and ONE_PERSON.search(
            text, max(0, earlier.start - 20), earlier.start
        ):
            person.position, person.actor_type = earlier.position, earlier.actor_type
            earlier.name = person.name
            return
