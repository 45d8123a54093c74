"""Groups and the one person singled out of them: how many a group counts, whether an unnamed post is
somebody in particular."""

from __future__ import annotations

import re

from nlp.components.accused_cluster import Cluster
from nlp.components.person_groups import PARTITIVE
from nlp.components.person_speech import SPEECH_VERBS
from nlp.model import PersonMention

PARTITIVE_BEFORE = re.compile(PARTITIVE, re.IGNORECASE)
DETERMINER = re.compile(
    r"\b(?:seorang|oknum|salah\s+(?:satu|seorang)|sejumlah|sekelompok|beberapa|puluhan|belasan|dua|tiga|empat|lima|enam|"
    r"tujuh|delapan|sembilan|sepuluh|\d+|kedua|ketiga|para)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


SMALL_COUNTS = {
    "dua": 2,
    "kedua": 2,
    "tiga": 3,
    "ketiga": 3,
    "empat": 4,
    "keempat": 4,
    "lima": 5,
    "kelima": 5,
}
_GROUP_WORD = re.compile(r"\b(\d+|[a-z]+)\s+(?:orang\s+)?(?:oknum\s+)?$")


def group_size(text: str, persons: list[PersonMention], cluster: Cluster) -> float:
    """How many people the cluster's group mentions count at most ("tiga penyuluh": 3; "para", "puluhan": many)."""
    size = 0.0
    for i in cluster.mentions:
        if not persons[i].group:
            continue
        word = _GROUP_WORD.search(text[max(0, persons[i].start - 30) : persons[i].start].lower())
        if word is None:
            continue
        count = word.group(1)
        size = max(size, float(count) if count.isdigit() else SMALL_COUNTS.get(count, float("inf")))
    return size


def singled_out(text: str, persons: list[PersonMention], cluster: Cluster, by_place: bool = True) -> bool:
    """Whether an unnamed post is somebody in particular ("seorang guru", "salah satu camat"; ``by_place``, also
    "Kepala Desa Sengkol": a post of one office and the place it heads)."""
    return any(
        DETERMINER.search(text, max(0, persons[i].start - 40), persons[i].start) for i in cluster.mentions
    ) or (
        by_place
        and any(
            persons[i].text[:1].isupper()
            and _OFFICE_PLACE.match(text, persons[i].end)
            and not _PLACE_SPEAKS.match(text, persons[i].end)
            for i in cluster.mentions
            if not persons[i].group
        )
    )


# "Kepala Desa Sengkol", "Lurah Tondo": the place right after a post of one office (not "Kepala Desa se-...").
_OFFICE_PLACE = re.compile(r"\s+(?!Kabupaten\b|Kota\b|Provinsi\b|Kecamatan\b)[A-Z][a-z]{2,}")
# "Lurah Sukamaju memastikan dirinya ...": the office holder only speaking.
_PLACE_SPEAKS = re.compile(rf"(?:\s+[A-Z][\w-]*){{1,4}},?\s+(?:{SPEECH_VERBS})\b")


def same_post(short: str | None, full: str | None) -> bool:
    """Whether ``short`` is ``full`` or its head word ("penyuluh" of "penyuluh pertanian")."""
    return bool(short and full and (short == full or full.startswith(short + " ")))


# "sejumlah pegawai kantor distrik juga tampak ...", "perangkat desa yang ikut melampirkan KTP": a group that did
# it too, in the clause of its own mention; not "Para pejabat juga diminta ...": asked or gathered as well.
_ALSO_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+(?:yang\s+)?(?:juga|ikut|turut)\b"
    r"(?!\s+di(?:minta|ajak|undang|perintah\w*|instruksikan|wajibkan|arahkan|suruh|paksa|kumpulkan|kerahkan)\b)"
)


def joined_in(text: str, persons: list[PersonMention], cluster: Cluster) -> bool:
    """Whether the story says of a group that it too did what the accused did ("empat pegawai ... juga")."""
    return any(persons[i].group and _ALSO_AFTER.match(text, persons[i].end) for i in cluster.mentions)
