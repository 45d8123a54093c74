"""Sentences that open a story's numbered or next case ("Perkara pertama menyangkut ...", "Kasus lain
menyeret ..."), and the unnamed accused such a sentence introduces."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from nlp.components.accused_cluster import Cluster
from nlp.components.accused_groups import singled_out
from nlp.extensions import text_of
from nlp.model import PersonMention
from nlp.quick_regex import quick

# "Perkara kedua berasal dari Sampang.", "Kasus lain menyeret Lurah Tondo.": a sentence that opens the story's
# next case.
NEXT_CASE = re.compile(
    r"[\"“]?(?:(?:Perkara|Kasus|Contoh|Laporan|Temuan|Pelanggaran|Aduan|Pengaduan)\s+"
    r"(?:kedua|ketiga|keempat|kelima|lain|lainnya|berikutnya)|Yang\s+(?:kedua|ketiga|keempat|kelima|terakhir))\b"
    # an enumeration's next item: "Kedua, di Lampung Tengah."
    r"|(?:Kedua|Ketiga|Keempat|Kelima|Terakhir),"
)
# "Ia juga menyinggung kasus lain yang ditangani sebelumnya.": a sentence that goes on to another case.
OTHER_CASE = quick(
    re.compile(
        r"\b(?:menyinggung|menyebut|mengungkap|mencontohkan|juga)\s+(?:\w+\s+)?(?:kasus|perkara)\s+lain\b"
    )
)
# "Perkara pertama menyangkut akun TikTok milik Kepala Bagian ..., Andi ...": the sentence that opens a story's
# first case (or another) introduces its accused.
CASE_OPENER = re.compile(
    r"[\"“]?(?:Perkara|Kasus|Laporan|Temuan|Pelanggaran|Aduan|Pengaduan)\s+(?:pertama|kedua|ketiga|keempat|kelima)\b"
)


def opens_case(doc: Doc, index: int) -> bool:
    """Whether the sentence opens one of the story's numbered cases ("Perkara pertama menyangkut ...")."""
    s, e = doc._.sentences[index]
    return CASE_OPENER.match(text_of(doc), s, e) is not None


def opening_next_case(
    doc: Doc, clusters: list[Cluster], named: list[Cluster], allegation: set[int]
) -> list[Cluster]:
    """Unnamed officials who open a case of their own after a sentence that announces the next case.

    "Perkara kedua berasal dari Sampang. Seorang bidan berstatus PNS ... diduga menyelipkan amplop ...": the
    post the announcing sentence (or the one after it) introduces is that case's accused, whatever the
    post or type of the accused of the case before, when its own sentences are cued for conduct, alleged
    or single it out ("seorang guru"), and share none with a named accused.
    """
    text = text_of(doc)
    sentences = doc._.sentences
    markers = [
        i
        for i, (s, e) in enumerate(sentences)
        if NEXT_CASE.match(text, s, e) or OTHER_CASE.search(text, s, e)
    ]
    if not markers:
        return []
    persons: list[PersonMention] = doc._.persons or []
    conduct = doc._.conduct or {}
    named_sentences = set().union(*(c.sentences for c in named)) if named else set()
    found = []
    for cluster in clusters:
        if (
            cluster.name
            or cluster.score < 0
            or cluster.actor_type == "PEJABAT_POLITIK"
            or cluster.sentences & named_sentences
        ):
            continue
        first = min(persons[i].sentence for i in cluster.mentions)
        opened = [k for k in markers if k <= first <= k + 1]
        # A group only when the announcing sentence itself introduces it ("Perkara kedua melibatkan sekelompok
        # pegawai Dinas Perhubungan"), not one the next sentence mentions.
        if not opened or (cluster.group and first not in markers):
            continue
        end = next((k for k in markers if k > opened[-1]), len(sentences))
        own = [j for j in cluster.sentences if opened[-1] <= j < end]
        alleged = any(j in allegation for j in own) or singled_out(text, persons, cluster)
        if alleged and any(conduct.get(j) for j in own):
            found.append(cluster)
    return found
