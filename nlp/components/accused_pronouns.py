"""Sentences that go on about a person or group by a pronoun ("Ia terekam ...", "Mereka diduga ...")."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.components.accused_cluster import Cluster
from nlp.components.accused_groups import SMALL_COUNTS
from nlp.components.person_speech import SPEECH_VERBS
from nlp.extensions import text_of
from nlp.model import PersonMention

# A sentence opened by a singular pronoun goes on about the last person named before it; unless the pronoun
# only speaks ("Ia menambahkan, ...").
_SINGULAR_PRONOUN = re.compile(
    r"(?:Ia|Dia|Beliau|Yang bersangkutan|"
    # "Pria itu", "Perempuan berusia 41 tahun tersebut": the person just named, by sex and age.
    r"(?:Pria|Perempuan|Wanita|Lelaki|Laki-laki)(?:\s+[\w-]+){0,3}?\s+(?:itu|tersebut))"
    r"\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
# "Berdasarkan hasil pengawasan, ia diduga mencoblos ...": a short opening phrase, then the pronoun.
_LEAD_IN_PRONOUN = re.compile(
    r"[A-Z][^,.;:\"“”]{2,60},\s+(?:ia|dia|beliau)\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
_PLURAL_PRONOUN = re.compile(
    r"(?P<pronoun>Mereka|Keduanya|Ketiganya|Keempatnya)\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
# "Sebagaimana diberitakan sebelumnya, ketiganya diduga ...": a short opening phrase, then the pronoun.
_LEAD_IN_PLURAL = re.compile(
    r"[A-Z][^,.;:\"“”]{2,60},\s+(?P<pronoun>mereka|keduanya|ketiganya|keempatnya)\s+"
    r"(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
_SPEECH_VERB = re.compile(rf"(?:{SPEECH_VERBS})\b")  # "Ia menambahkan, ...": the pronoun only speaks


def group_continuations(doc: Doc, persons: list[PersonMention], groups: list[Cluster]) -> None:
    """A sentence opened by a plural pronoun goes on about the group the sentence before counts, when it
    names nobody ("... kepada tiga staf Kecamatan Loa Janan. Ketiganya berfoto ...")."""
    text = text_of(doc)
    sentences = doc._.sentences
    named_in = {p.sentence for p in persons if p.name and not p.speaker}
    for cluster in groups:
        if not cluster.group:
            continue
        for i in cluster.mentions:
            index = persons[i].sentence
            nxt = index + 1
            if not persons[i].group or index in named_in or nxt >= len(sentences):
                continue
            s, e = sentences[nxt]
            head = _PLURAL_PRONOUN.match(text, s, e)
            if head is not None and not _SPEECH_VERB.match(text, head.end(), e):
                cluster.sentences.add(nxt)


def pronoun_continuations(doc: Doc, persons: list[PersonMention], named: dict[str, Cluster]) -> None:
    """Sentences opened by a singular pronoun go on about the last person the sentence before names.

    "..., Priyo Sembodo. Ia terekam hadir ...": the pronoun's sentence is the named person's (not when that
    person was quoted, nor when the pronoun only says something).
    """
    text = text_of(doc)
    sentences = doc._.sentences
    last: dict[int, PersonMention] = {}
    for p in persons:
        if p.name:
            last[p.sentence] = p  # persons come in text order
    if not last:
        return
    owner = {c.name: c for c in named.values() if c.name}
    by_mention = {id(persons[i]): c for c in named.values() for i in c.mentions}
    for index, mention in last.items():
        cluster = by_mention.get(id(mention)) or owner.get(mention.name or "")
        if cluster is None or mention.speaker:
            continue
        nxt = index + 1
        while nxt < len(sentences) and nxt not in last:
            s, e = sentences[nxt]
            head = _SINGULAR_PRONOUN.match(text, s, e) or _LEAD_IN_PRONOUN.match(text, s, e)
            if head is None or _SPEECH_VERB.match(text, head.end(), e):
                break
            cluster.sentences.add(nxt)
            nxt += 1
    # "Keduanya, HS dan MR, berstatus ASN ... Mereka diduga memindahkan ...": a plural pronoun goes on about
    # everyone the sentence before names.
    for index in last:
        nxt = index + 1
        if nxt in last or nxt >= len(sentences):
            continue
        s, e = sentences[nxt]
        head = _PLURAL_PRONOUN.match(text, s, e) or _LEAD_IN_PLURAL.match(text, s, e)
        if head is None or _SPEECH_VERB.match(text, head.end(), e):
            continue
        # "Rohmat Hidayat dibebastugaskan ... Dua lurah ..., yakni AS dan Dede Kurniawan, ... ketiganya diduga
        # ...": a counted pronoun reaches back a sentence more for the people it counts.
        count = SMALL_COUNTS.get(head.group("pronoun").lower().removesuffix("nya"), 0)
        clusters: list[Cluster] = []
        for back in (index, index - 1):
            if back < 0 or (back != index and len(clusters) >= count):
                break
            for p in persons:
                cluster = by_mention.get(id(p)) if p.sentence == back and p.name and not p.speaker else None
                if cluster is not None and cluster not in clusters:
                    clusters.append(cluster)
        if back != index and count and len(clusters) != count:
            clusters = [c for c in clusters if any(persons[i].sentence == index for i in c.mentions)]
        for cluster in clusters:
            cluster.sentences.add(nxt)
