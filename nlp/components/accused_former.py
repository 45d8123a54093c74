"""Former officials ("mantan camat", "pensiunan guru"): no longer bound to neutrality, so not accused."""

from __future__ import annotations

import re

from nlp.components.accused_cluster import Cluster
from nlp.model import PersonMention

# A former official ("mantan camat", "Mantan sekda tersebut, Drs. Binsar ...", "pensiunan guru") is no longer
# bound to neutrality: a story about one running for office or campaigning reports no case.
_FORMER_WORDS = r"[Mm]antan|[Ee]ks|[Bb]ekas|[Pp]ensiunan|[Pp]urnawirawan"
_FORMER = re.compile(rf"\b(?:{_FORMER_WORDS})\s+$")
_FORMER_ANAPHOR = re.compile(r"[^.;:\"“”]{0,80}?\b(?:itu|tersebut)\b")
# A headline's post the accused does not hold ("Sudah Pensiun, Bukan ASN", "Eks Camat Maju di Pilkada").
NOT_HELD = re.compile(rf"\b(?:[Bb]ukan|{_FORMER_WORDS})\s+$")
_FORMER_APPOSED = re.compile(
    rf"\b(?:{_FORMER_WORDS})\s+[^,.;:\"“”]{{2,40}},\s+"
    r"(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)


def is_former(text: str, persons: list[PersonMention], cluster: Cluster) -> bool:
    """Whether the story calls the cluster's person a former official ("mantan camat", "pensiunan guru")."""
    return any(
        _FORMER.search(text, max(0, persons[i].start - 12), persons[i].start)
        or (persons[i].name and _FORMER_APPOSED.search(text, max(0, persons[i].start - 60), persons[i].start))
        for i in cluster.mentions
    )


def former_clusters(text: str, persons: list[PersonMention], clusters: list[Cluster]) -> set[int]:
    """The ids of the clusters the story calls former officials, directly or by taking them up again."""
    former = {id(c) for c in clusters if is_former(text, persons, c)}
    # "Keikutsertaan mantan camat ..." then "Yulizar ..., Camat ...": the one person of that post the story
    # names after introducing a former one is that former official.
    former_posts = {c.position: c.first for c in clusters if id(c) in former and not c.name}
    named_posts = [c.position for c in clusters if c.name]
    for cluster in clusters:
        if cluster.name and cluster.position in former_posts and named_posts.count(cluster.position) == 1:
            if former_posts[cluster.position] < cluster.first:
                former.add(id(cluster))
    # "Tan Wie Ling (46) ... Mantan kepala bidang di salah satu dinas ... itu kini ...": a former post taken
    # up again with "itu"/"tersebut" is the person last named before it.
    by_mention = {i: c for c in clusters for i in c.mentions}
    for cluster in clusters:
        if cluster.name or id(cluster) not in former:
            continue
        for i in cluster.mentions:
            if not _FORMER_ANAPHOR.match(text, persons[i].end, persons[i].end + 90):
                continue
            before = [j for j in range(i) if persons[j].name and j in by_mention]
            if before:
                former.add(id(by_mention[before[-1]]))
    return former
