"""The accused of a story, and the rules that carry them across its sentences.

Part of ``netra_cases`` (:mod:`nlp.components.cases`, which groups the accused into cases and reads
what they did, where and when). People :mod:`nlp.components.persons` found are clustered by name
(a one-word name or a name's first words is the same person) and, unnamed, by post; a cluster's
sentences grow by its pronouns ("Ia terekam ...", "Mereka diduga ..."). A cluster is scored by the
allegation wording and conduct cues of its sentences and by being introduced as the accused
("berinisial", "Terlapor ialah", a passive verb's agent, "laporan terhadap"); former officials
("mantan camat"), speakers only, oversight officials and the people something was done to ("rotasi
sembilan kepala distrik") are not accused; a sentence that opens the story's next case ("Perkara
kedua ...") introduces an accused of its own.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.case_status import DECIDER_AFTER
from nlp.components.persons import PARTITIVE, SPEECH_VERBS
from nlp.components.sentences import in_boilerplate
from nlp.extensions import text_of, title_of
from nlp.model import PersonMention
from nlp.names import name_keys
from nlp.positions import find_positions

_NOT_ACTOR_POSITIONS = frozenset({"Menteri"})
_INTRODUCED = re.compile(
    r"(?:berinisial|inisial|bernama|adalah|ialah|Terlapor|terlapor|Teradu|teradu|Terdakwa|terdakwa)\s+$"
)
# "Ketiga teradu ialah Ketua PPK Tambang, Irwansyah, ...": the introducer comes before the position the name is
# set beside.
# So does what a report or case is about ("Laporan kedua menyangkut Kepala Dinas Sosial Kota X, Y"), the post
# written in full with its region, the name maybe after a degree ("Ir.").
_INTRODUCED_APPOSED = re.compile(
    r"\b(?:ialah|adalah|yakni|yaitu|[Tt]erlapor(?:nya)?|[Tt]eradu(?:nya)?|[Tt]erdakwa(?:nya)?|menyangkut|"
    r"melibatkan|menyeret|menjerat|(?:laporan|aduan|pengaduan|penanganan|pemeriksaan|sanksi|hukuman)\s+terhadap)"
    r"\s+[A-Z][^,.;:\"“”]{2,100},\s+(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
# "KTP itu dikumpulkan Kaur Pemerintahan kampung, Wayan Sudarma, ...": the post and name right after a passive
# verb are who did it (not after verbs of speech, nor of what is done to an official: dilantik, diperiksa ...).
_PASSIVE_AGENT = re.compile(
    r"\bdi(?!katakan|sampaikan|ungkapkan|jelaskan|tegaskan|benarkan|akui|konfirmasi|lantik|copot|mutasi|rotasi|"
    r"periksa|panggil|laporkan|tegur|jatuhi|berhentikan|nonaktifkan|sanksi|tetapkan|minta|perintah|instruksikan|"
    r"ancam|tekan|kerahkan|undang|temui|hubungi|pimpin|sebut|nilai)[a-z]{3,}\s+(?:oleh\s+)?"
    r"[A-Za-z][^,.;:\"“”]{2,80},\s+(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
# "Perkara kedua berasal dari Sampang.", "Kasus lain menyeret Lurah Tondo.": a sentence that opens the story's
# next case.
_NEXT_CASE = re.compile(
    r"[\"“]?(?:(?:Perkara|Kasus|Contoh|Laporan|Temuan|Pelanggaran|Aduan|Pengaduan)\s+"
    r"(?:kedua|ketiga|keempat|kelima|lain|lainnya|berikutnya)|Yang\s+(?:kedua|ketiga|keempat|kelima|terakhir))\b"
)
# "Perkara pertama menyangkut akun TikTok milik Kepala Bagian ..., Andi ...": the sentence that opens a story's
# first case (or another) introduces its accused.
_CASE_OPENER = re.compile(
    r"[\"“]?(?:Perkara|Kasus|Laporan|Temuan|Pelanggaran|Aduan|Pengaduan)\s+(?:pertama|kedua|ketiga|keempat|kelima)\b"
)
# "berinisial AF (38) dan SR (42)", "Terlapor ialah RD, YF, dan MN": a name in a list after the introducer.
_INTRODUCED_LIST = re.compile(
    r"(?:berinisial|inisial|bernama|yakni|yaitu|ialah|adalah|[Tt]erlapor(?:nya)?|[Tt]eradu(?:nya)?|[Tt]erdakwa(?:nya)?)\s+"
    # "berinisial AH (34) yang berstatus PNS dan RK (27)": a short relative clause may follow a name in the list.
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\(\d{2}\))?(?:\s+yang\s+[^,.;:\"“”]{2,40}?)?"
    r"(?:\s*,\s*(?:dan\s+)?|\s+dan\s+))+$"
)
# "laporan terhadap Kepala Desa Tabumela", "sanksi terhadap AS": a report or sanction against them.
_AGAINST = re.compile(
    r"\b(?:laporan|aduan|pengaduan|penanganan|pemeriksaan|sanksi|hukuman)\s+terhadap\s+"
    r"(?:(?:seorang|salah\s+(?:satu|seorang)|oknum)\s+)?$"
)
# "teguran tertulis dijatuhkan antara lain kepada tiga staf", "sanksi diberikan kepada": a sanction given to them.
_SANCTIONED = re.compile(
    r"\b(?:sanksi|teguran|hukuman)\b[^.;:\"“”]{0,40}\b(?:dijatuhkan|diberikan|dikenakan|dijatuhi)\s+"
    r"(?:(?:antara\s+lain|di\s+antaranya|juga)\s+)?kepada\s+(?:\w+\s+){0,2}$"
)
# "Salah satunya Yuliana ...", "Salah satu pegawai yang disebut dalam aduan, JS (31), ...": a named member of the
# group the sentence before accuses.
# "Salah satu yang terlihat paling depan adalah Andi ...".
_MEMBER = re.compile(
    r"(?:\b[Ss]alah\s+(?:satu|seorang)(?:nya)?\s+"
    r"(?:[^.;:,\"“”]{0,50}?\b(?:adalah|ialah|yakni|yaitu)\s+|[^.;:\"“”]{2,60},\s+)?"
    # "Di antaranya Kepala Desa X, Name", "Seorang di antaranya, Name": one of the group just counted.
    r"|\b(?:[Dd]i\s+antaranya|[Ss]eorang\s+di\s+antaranya|[Tt]ermasuk\s+di\s+antaranya)\s+"
    r"(?:(?:adalah|ialah|yakni|yaitu)\s+|[^.;:\"“”]{2,60},\s+)?)$"
)
_PARTITIVE = re.compile(PARTITIVE, re.IGNORECASE)
# Words that make the post after them the one acted on: moved, gathered, pressured ("rotasi sembilan kepala
# distrik", "mengumpulkan seluruh camat").
_PATIENT_BEFORE = re.compile(
    r"\b(?:rotasi|mutasi|pelantikan|pencopotan|pergantian|penggantian|pemindahan|melantik|mencopot|memutasi|"
    r"merotasi|memindahkan|mengganti|mengumpulkan|mengerahkan|memobilisasi|menekan|mengancam|menginstruksikan|"
    r"memerintahkan|mewajibkan|mengarahkan|menyuruh|memaksa|mengintimidasi|"
    # asked, warned or urged: "meminta para kepala desa memastikan ...", "mengingatkan para kepala lingkungan"
    r"meminta|mengajak)"
    r"\s+(?:(?:seluruh|semua|para|sejumlah|puluhan|belasan|\w+an|\w+)\s+)?$",
    re.IGNORECASE,
)
# "kepala distrik yang dicopot", "camat yang gagal ... diancam": a relative clause in the passive of those verbs.
_PATIENT_AFTER = re.compile(
    r"^\s+(?:yang\s+)?(?:di(?:copot|ganti|mutasi|rotasi|lantik|pindah\w*|kumpulkan|kerahkan|mobilisasi|tekan|"
    r"ancam|perintah\w*|instruksikan|minta|wajibkan|arahkan|suruh|paksa|intimidasi))\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:seorang|oknum|salah\s+(?:satu|seorang)|sejumlah|sekelompok|beberapa|puluhan|belasan|dua|tiga|empat|lima|enam|"
    r"tujuh|delapan|sembilan|sepuluh|\d+|kedua|ketiga|para)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_STATUS_WORDS = frozenset({"PNS", "PPPK", "ASN", "honorer", "pegawai", "staf"})
# A former official ("mantan camat", "Mantan sekda tersebut, Drs. Binsar ...", "pensiunan guru") is no longer
# bound to neutrality: a story about one running for office or campaigning reports no case.
_FORMER_WORDS = r"[Mm]antan|[Ee]ks|[Bb]ekas|[Pp]ensiunan|[Pp]urnawirawan"
_FORMER = re.compile(rf"\b(?:{_FORMER_WORDS})\s+$")
_FORMER_ANAPHOR = re.compile(r"[^.;:\"“”]{0,80}?\b(?:itu|tersebut)\b")
# A headline's post the accused does not hold ("Sudah Pensiun, Bukan ASN", "Eks Camat Maju di Pilkada").
_NOT_HELD = re.compile(rf"\b(?:[Bb]ukan|{_FORMER_WORDS})\s+$")
_FORMER_APPOSED = re.compile(
    rf"\b(?:{_FORMER_WORDS})\s+[^,.;:\"“”]{{2,40}},\s+"
    r"(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
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


_SMALL_COUNTS = {
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


def _group_size(text: str, persons: list[PersonMention], cluster: Cluster) -> float:
    """How many people the cluster's group mentions count at most ("tiga penyuluh": 3; "para", "puluhan": many)."""
    size = 0.0
    for i in cluster.mentions:
        if not persons[i].group:
            continue
        word = _GROUP_WORD.search(text[max(0, persons[i].start - 30) : persons[i].start].lower())
        if word is None:
            continue
        count = word.group(1)
        size = max(size, float(count) if count.isdigit() else _SMALL_COUNTS.get(count, float("inf")))
    return size


def _singled_out(text: str, persons: list[PersonMention], cluster: Cluster, by_place: bool = True) -> bool:
    """Whether an unnamed post is somebody in particular ("seorang guru", "salah satu camat"; ``by_place``, also
    "Kepala Desa Sengkol": a post of one office and the place it heads)."""
    return any(
        _DETERMINER.search(text, max(0, persons[i].start - 40), persons[i].start) for i in cluster.mentions
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


@dataclass
class Cluster:
    """One person (or, unnamed, one post) and what the story says of them."""

    name: str | None
    position: str | None
    actor_type: str | None
    mentions: list[int] = field(default_factory=list)  # indexes into doc._.persons
    sentences: set[int] = field(default_factory=set)
    score: float = 0.0
    body: float = 0.0  # the score without the headline's bonus
    official: bool = False
    group: bool = False
    member: bool = False  # named as one of a group ("Salah satunya ...")
    member_of: set[str] = field(default_factory=set)  # that group's post when the phrase names it
    first: int = 10**9

    def absorb(self, other: Cluster) -> None:
        """Take over ``other``'s allegations, sentences and mentions: both are one person."""
        self.score += other.score
        self.body += other.body
        self.sentences |= other.sentences  # where they are placed and employed, too
        self.mentions += [i for i in other.mentions if i not in self.mentions]


# Words for a kind of official rather than a post, and the actor types they can refer back to.
_GENERIC_POSITIONS: dict[str, frozenset[str]] = {
    "perangkat desa": frozenset({"PERANGKAT_DESA"}),
    "ASN": frozenset({"PNS", "PPPK", "ASN"}),
    "PNS": frozenset({"PNS"}),
    "pegawai": frozenset({"PNS", "PPPK", "ASN"}),
}


def _former(text: str, persons: list[PersonMention], cluster: Cluster) -> bool:
    """Whether the story calls the cluster's person a former official ("mantan camat", "pensiunan guru")."""
    return any(
        _FORMER.search(text, max(0, persons[i].start - 12), persons[i].start)
        or (persons[i].name and _FORMER_APPOSED.search(text, max(0, persons[i].start - 60), persons[i].start))
        for i in cluster.mentions
    )


# "Kepala Sekolah dan Puluhan Guru", "Kabag Protokol dan Pegawai Dishub": two posts joined in a headline (a field
# or place after the first, a quantifier before the second).
_COORDINATION = re.compile(
    r"^\s*(?:[A-Z][\w-]*\s+){0,3}(?:dan|serta|&)\s+(?:(?:para|sejumlah|beberapa|puluhan|belasan|ratusan|\d+|"
    r"dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+)?$",
    re.IGNORECASE,
)


def _coordinated_posts(title: str) -> set[str]:
    """Posts a headline names side by side as its subjects, not as what was done to them ("Rotasi Camat dan
    Lurah")."""
    found = find_positions(title)
    joined: set[str] = set()
    for first, second in itertools.pairwise(found):
        if _COORDINATION.match(title[first.end : second.start]) and not _PATIENT_BEFORE.search(
            title[: first.start]
        ):
            joined |= {first.canonical, second.canonical}
    return joined


def _same_post(short: str | None, full: str | None) -> bool:
    """Whether ``short`` is ``full`` or its head word ("penyuluh" of "penyuluh pertanian")."""
    return bool(short and full and (short == full or full.startswith(short + " ")))


# "Sejumlah guru honorer di Kecamatan X melapor ke Bawaslu setelah mengaku diancam ...", "... mengaku diwajibkan
# hadir", "tiga kepala sekolah yang hadir ... sebagai saksi": those who complain of it, or witness it.
_COMPLAINANT_AFTER = re.compile(
    r"[^.;:\"“”]{0,70}?\b(?:melapor(?:kan\s+\w+)?\s+(?:ke|kepada)|mendatangi\s+(?:kantor\s+)?(?:Bawaslu|Panwas)|"
    r"mengaku\s+(?:di[a-z]{3,}|takut|tertekan|resah|terpaksa|serba\s+salah|tidak\s+nyaman|keberatan|kecewa)|"
    r"sebagai\s+saksi)\b"
)


def _opens_case(doc: Doc, index: int) -> bool:
    """Whether the sentence opens one of the story's numbered cases ("Perkara pertama menyangkut ...")."""
    s, e = doc._.sentences[index]
    return _CASE_OPENER.match(text_of(doc), s, e) is not None


def _mostly_patient(text: str, mentions: list[PersonMention]) -> bool:
    """Whether most mentions of an unnamed official are of people something was done to."""
    patient = sum(
        bool(
            _PATIENT_BEFORE.search(text, max(0, m.start - 40), m.start)
            or _PATIENT_AFTER.match(text[m.end : m.end + 40])
            or _COMPLAINANT_AFTER.match(text, m.end, m.end + 110)
        )
        for m in mentions
    )
    return bool(mentions) and patient * 3 >= len(mentions)


class AccusedFinder:
    """The accused of a story: people clustered by name and post, scored by the allegations about them.

    A mixin of :class:`nlp.components.cases.CaseBuilder`, which sets ``title_weight`` and ``fallback_cues``
    and, per document, ``_words`` (each sentence's words) and ``_allegation`` (the sentences with
    allegation wording) before calling :meth:`_clusters` and :meth:`_accused`."""

    title_weight: float
    fallback_cues: int
    _words: list[set[str]]
    _allegation: set[int]

    # -- who ------------------------------------------------------------------------------------

    def _clusters(self, doc: Doc) -> list[Cluster]:
        persons: list[PersonMention] = doc._.persons or []
        text = text_of(doc)
        sentences = doc._.sentences
        named: dict[str, Cluster] = {}
        for i, p in enumerate(persons):
            if not p.name:
                continue
            key = p.name
            # A single word that is part of a longer name already seen refers to that person; so do a name's
            # first words ("Gede Ari" for "Gede Ari Santika").
            for other in list(named):
                if p.name != other and (p.name in name_keys(other) or other.startswith(p.name + " ")):
                    key = other
                    break
                if other != p.name and (other in name_keys(p.name) or p.name.startswith(other + " ")):
                    named[p.name] = named.pop(other)
                    named[p.name].name = p.name
                    key = p.name
                    break
            cluster = named.setdefault(key, Cluster(key, None, None))
            cluster.mentions.append(i)
            cluster.sentences.add(p.sentence)
            cluster.first = min(cluster.first, p.start)
            if p.position and (cluster.position is None or cluster.position in _STATUS_WORDS):
                cluster.position, cluster.actor_type = p.position, p.actor_type
            cluster.official = cluster.official or p.official
        # Back-references by name outside the patterns ("Parlindungan dinilai terlibat ...").
        for cluster in named.values():
            keys = [k for k in name_keys(cluster.name or "") if len(k) > 2 or k.isupper()]
            single = {k for k in keys if " " not in k}
            multi = [k for k in keys if " " in k]
            for index, (s, e) in enumerate(sentences):
                if single & self._words[index] or any(k in text[s:e] for k in multi):
                    cluster.sentences.add(index)
        self._pronoun_continuations(doc, persons, named)
        unnamed: dict[str, Cluster] = {}
        # "31 kepala desa dan 12 perangkat desa", "41 kasus melibatkan pegawai ASN": the posts a figure counts
        # are its subjects, nobody in particular.
        counted = {s.sentence for s in doc._.statistics or []}
        for i, p in enumerate(persons):
            if p.name or not p.position or p.sentence in counted:
                continue
            cluster = unnamed.setdefault(p.position, Cluster(None, p.position, p.actor_type))
            cluster.mentions.append(i)
            cluster.sentences.add(p.sentence)
            cluster.first = min(cluster.first, p.start)
            cluster.group = cluster.group or p.group
            if p.sentence > 0 and _PARTITIVE.search(text, max(0, p.start - 50), p.start):
                # "Foto belasan pria berkaus partai ... Sebagian dari mereka ternyata petugas damkar": what the
                # sentence before says of them is said of this group.
                cluster.sentences.add(p.sentence - 1)
            cluster.official = cluster.official or (p.official and len(cluster.mentions) == 1)
        self._group_continuations(doc, persons, list(unnamed.values()))
        return list(named.values()) + list(unnamed.values())

    @staticmethod
    def _group_continuations(doc: Doc, persons: list[PersonMention], groups: list[Cluster]) -> None:
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

    @staticmethod
    def _own_case(text: str, persons: list[PersonMention], cluster: Cluster, named: set[int]) -> bool:
        """An unnamed accused of a story's second case: singled out ("seorang guru"), in sentences of its own.

        "Laporan kedua ... Seorang guru PNS di sekolah itu diduga menyusun soal ...": no named accused is in
        its sentences, so it is not who they moved or pressured.
        """
        return (
            not cluster.group
            and cluster.body >= 1.5
            and not cluster.sentences & named
            and _singled_out(text, persons, cluster, by_place=False)
        )

    def _pronoun_continuations(
        self, doc: Doc, persons: list[PersonMention], named: dict[str, Cluster]
    ) -> None:
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
            count = _SMALL_COUNTS.get(head.group("pronoun").lower().removesuffix("nya"), 0)
            clusters: list[Cluster] = []
            for back in (index, index - 1):
                if back < 0 or (back != index and len(clusters) >= count):
                    break
                for p in persons:
                    cluster = (
                        by_mention.get(id(p)) if p.sentence == back and p.name and not p.speaker else None
                    )
                    if cluster is not None and cluster not in clusters:
                        clusters.append(cluster)
            if back != index and count and len(clusters) != count:
                clusters = [c for c in clusters if any(persons[i].sentence == index for i in c.mentions)]
            for cluster in clusters:
                cluster.sentences.add(nxt)

    def _accused(self, doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        text = text_of(doc)
        persons: list[PersonMention] = doc._.persons or []
        sentences = doc._.sentences
        conduct = doc._.conduct or {}
        title = title_of(doc)
        # A post the headline names as what was done to ("Rotasi Kepala Distrik", "Mutasi Tiga Camat") is not
        # the accused's.
        headline = (
            {
                p.canonical
                for p in find_positions(title)
                if not _PATIENT_BEFORE.search(title[: p.start]) and not _NOT_HELD.search(title[: p.start])
            }
            if title
            else set()
        )
        coordinated = _coordinated_posts(title) if title else set()
        former = {id(c) for c in clusters if _former(text, persons, c)}
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
        for cluster in clusters:
            if (
                cluster.official
                or not cluster.position
                or cluster.position in _NOT_ACTOR_POSITIONS
                or id(cluster) in former
            ):
                cluster.score = -1
                continue
            singled = [
                m
                for i in cluster.mentions
                if cluster.name
                and (m := _MEMBER.search(text, max(0, persons[i].start - 80), persons[i].start))
            ]
            member = bool(singled)
            cluster.member = member
            # "Salah satu pegawai yang disebut dalam aduan, JS": the group is named in the phrase itself.
            cluster.member_of = {p.canonical for m in singled for p in find_positions(m.group(0))}
            # A member the story singles out of an accused group speaks as one of them, not as a witness.
            speaker_only = not member and all(persons[i].speaker for i in cluster.mentions)
            score = 0.0
            mention_sentences = {persons[i].sentence: persons[i] for i in cluster.mentions}
            for index in cluster.sentences:
                s, e = sentences[index]
                if in_boilerplate(doc, s):
                    continue
                mention = mention_sentences.get(index)
                if mention is not None and (mention.speaker or DECIDER_AFTER.match(text[mention.end : e])):
                    continue
                if index in self._allegation:
                    score += 1.0
                score += 0.5 if conduct.get(index) else 0.0
            if any(
                _INTRODUCED.search(text, max(0, persons[i].start - 16), persons[i].start)
                or _INTRODUCED_LIST.search(text, max(0, persons[i].start - 70), persons[i].start)
                or _INTRODUCED_APPOSED.search(text, max(0, persons[i].start - 130), persons[i].start)
                or _AGAINST.search(text, max(0, persons[i].start - 30), persons[i].start)
                or member
                or (
                    conduct.get(persons[i].sentence)
                    and _PASSIVE_AGENT.search(text, max(0, persons[i].start - 110), persons[i].start)
                )
                for i in cluster.mentions
            ):
                score += 1.0
            if not cluster.name and not _singled_out(text, persons, cluster):
                score = min(score, 0.5)  # "ASN", "guru" in general: nobody in particular
            if not cluster.name and cluster.actor_type == "PEJABAT_POLITIK":
                score = min(score, 0.5)  # an unnamed regional head is the one who sanctions, not the accused
            patient = (
                score > 0
                and not cluster.name
                and _mostly_patient(text, [persons[i] for i in cluster.mentions])
            )
            if patient:
                # "rotasi sembilan kepala distrik", "seluruh camat ... diancam", "kepala distrik yang dicopot": the
                # officials the accused moved, gathered or pressured (README "Conduct": not actors).
                score = min(score, 0.5)
            if speaker_only and cluster.name:
                # Named once, as the speaker of a quote ('... katanya," keluh Nurhasanah (34)'): a witness.
                score = min(score, 0.5) if len(cluster.mentions) == 1 else score * 0.5
            cluster.body = score
            if cluster.position in headline and score > 0 and not patient:
                score += self.title_weight  # the headline names the accused's position ("Lurah di Medan ...")
            cluster.score = score
        # "dua kepala SMA negeri ... terbukti tidak netral" then "YN dan MB": an unnamed mention of the same
        # position is usually the named person introduced before their name; its allegations count for them.
        unnamed_by_position = {c.position: c for c in clusters if not c.name and c.score > 0}
        for cluster in clusters:
            same = unnamed_by_position.get(cluster.position) if cluster.name else None
            if same is not None and cluster.score >= 0:
                cluster.absorb(same)
        # "MS (38), Kepala Urusan Perencanaan Desa ..." then "perangkat desa itu memasang baliho": a generic word
        # for the kind of official the story names once refers to that person when they are the only one.
        for cluster in clusters:
            if (
                cluster.name
                or cluster.group
                or cluster.score <= 0
                or cluster.position not in _GENERIC_POSITIONS
            ):
                continue
            kinds = _GENERIC_POSITIONS[cluster.position]
            same_kind = [
                c for c in clusters if c.name and c.score >= 0 and not c.official and c.actor_type in kinds
            ]
            if len(same_kind) == 1 and same_kind[0].position not in _GENERIC_POSITIONS:
                same_kind[0].absorb(cluster)
        named = [c for c in clusters if c.name and c.score >= 1.0]
        unnamed = [c for c in clusters if not c.name and c.score >= 1.0]
        members: list[Cluster] = []
        sanctioned: list[Cluster] = []
        if named:
            # "puluhan bidan ... RS, salah satu bidan itu": a group of the named accused's own kind, larger than
            # the people the story names, is an actor beside its named members (corpus README, "Cases").
            members = [
                c
                for c in unnamed
                if c.group
                and _group_size(text, persons, c) > len(named)
                and (
                    # accused in its own sentences, not only addressed or pressured there
                    (c.body >= 2.5 and c.position in {n.position for n in named})
                    # "belasan ASN ... Salah satunya Yuliana, bidan PNS": the group a named member is singled out of
                    or (
                        _group_size(text, persons, c) > len(named) + sum(not u.group for u in unnamed)
                        and any(
                            n.member
                            and (
                                _same_post(n.position, c.position)
                                or c.position in n.member_of
                                or n.actor_type in _GENERIC_POSITIONS.get(c.position or "", ())
                            )
                            for n in named
                        )
                    )
                )
            ]
            for n in named:
                # "tiga penyuluh pertanian ... Salah satu penyuluh, Bujang Sulaiman": the member's post is the
                # group's, written in full there.
                full = [c for c in members if n.member and _same_post(n.position, c.position)]
                if full and n.position != full[0].position:
                    n.position = full[0].position
                # "... petugas damkar berstatus PPPK. Salah satu ... adalah Andi, regu jaga pos damkar": the status
                # stated for the group is the member's when none is stated beside the name.
                if full and n.actor_type == "ASN" and full[0].actor_type in {"PNS", "PPPK"}:
                    n.actor_type = full[0].actor_type
            # A group beside a named accused is mostly who they mobilised or pressured; not when the headline
            # makes both the subject ("Camat dan Para Lurah ... Diduga Pasang Spanduk", "Kabid dan 5 ASN ...").
            strongest = max(c.score for c in named)
            members += [
                c
                for c in unnamed
                if c.group
                and c not in members
                and c.position in coordinated
                and coordinated & {n.position for n in named}
                and c.position not in {n.position for n in named}
            ]
            named_sentences = set().union(*(c.sentences for c in named))
            # "Dua petugas damkar ... masing-masing berinisial JL dan FT": a counted group whose members the story
            # all names is listed by its members only (README "Cases").
            unnamed = [
                c for c in unnamed if not c.group or not 0 < _group_size(text, persons, c) <= len(named)
            ]
            unnamed = [
                c
                for c in unnamed
                if not c.group
                or c.score > strongest
                # a group accused in sentences of its own, apart from the named accused's ("Sementara itu, tiga
                # kepala desa ... Mereka diduga ..."), when it is of another post and type (below)
                or (c.body >= 2.0 and not c.sentences & named_sentences)
            ]
            positions = {c.position for c in named}
            types = {c.actor_type for c in named}
            # "Adapun teguran tertulis dijatuhkan antara lain kepada tiga staf Kecamatan X. Ketiganya berfoto ...": a
            # group sanctioned in sentences of its own is accused whatever its post.
            sanctioned = [
                c
                for c in unnamed
                if c.group
                and c.body >= 2.0
                and not c.sentences & named_sentences
                and any(
                    _SANCTIONED.search(text, max(0, persons[i].start - 80), persons[i].start)
                    for i in c.mentions
                )
            ]
            unnamed = (
                [
                    c
                    for c in unnamed
                    if c.position not in positions
                    and c.actor_type not in types
                    and c.position not in _STATUS_WORDS
                    and (c.score >= 2.0 or self._own_case(text, persons, c, named_sentences))
                ]
                + [c for c in sanctioned if c not in members]
                + members
            )
        candidates = named + unnamed
        opening = self._opening_next_case(doc, clusters, named)
        candidates += [c for c in opening if c not in candidates]
        if not candidates and sum(len(v) for v in (doc._.conduct or {}).values()) >= self.fallback_cues:
            # A story full of conduct wording names its accused even when no sentence accuses them in so many
            # words ("atas sepengetahuan Kepala SMP ..., I Ketut Suardana"): take the best-placed named person.
            fallback = [c for c in clusters if c.name and c.score > 0 and c.actor_type != "PEJABAT_POLITIK"]
            candidates = sorted(fallback, key=lambda c: -c.score)[:1]
        if not candidates:
            return []
        best = max(c.score for c in candidates)
        # Keep the clearly accused: those close to the strongest allegation.
        # The headline names one of several accused by position ("Dua Pegawai Dinkes ..."): the others stay
        # when the body accuses them about as much.
        best_body = max(c.body for c in candidates)
        # A named accused of a case of its own (no sentence shared with the strongest) is not measured against a
        # case told at greater length ("Perkara kedua melibatkan seorang guru ... NH").
        strongest = max(candidates, key=lambda c: c.score)
        keep = [
            c
            for c in candidates
            if c.score >= max(1.0, best * 0.5)
            or (c.score >= 1.0 and c.body >= best_body * 0.5)
            or (c.name and c.body >= 2.0 and not c.sentences & strongest.sentences)
            or c in opening
            # a group beside its named members is listed however much more they are accused, when the story
            # opens with the group ("puluhan kepala desa ..."), not with one of them ("Seorang kepala desa ...")
            or (c in members and persons[min(c.mentions)].group)
            or c in sanctioned  # a case of its own, not measured against another's accused
            or (c.name and c.body >= 1.0 and any(_opens_case(doc, persons[i].sentence) for i in c.mentions))
        ]
        # "masing-masing berinisial AH (34) yang berstatus PNS dan RK (27), tenaga honorer": names introduced in one
        # list with a kept accused are accused with them.
        kept_names = [c.name for c in keep if c.name]
        for c in candidates:
            if c in keep or not c.name or not kept_names:
                continue
            for i in c.mentions:
                listed = _INTRODUCED_LIST.search(text, max(0, persons[i].start - 120), persons[i].start)
                if listed and any(re.search(rf"\b{re.escape(n)}\b", listed.group(0)) for n in kept_names):
                    keep.append(c)
                    break
        # "ASN tersebut diduga mengelola akun ... nomor telepon seorang pegawai di salah satu dinas": generic words
        # for one unnamed civil servant are that one person, written with the word the story uses most.
        generic = [c for c in keep if not c.name and not c.group and c.position in _STATUS_WORDS]
        if len(generic) > 1 and not any(c.name for c in keep):
            strongest_generic = max(generic, key=lambda c: c.score)
            keep = [c for c in keep if c not in generic or c is strongest_generic]
        # Officials who decide ("Bupati ... selaku pejabat pembina") rarely carry allegations of their own.
        if len(keep) > 1:
            non_political = [c for c in keep if c.actor_type != "PEJABAT_POLITIK" or c.score >= best * 0.8]
            keep = non_political or keep
        keep.sort(key=lambda c: c.first)
        return keep

    def _opening_next_case(self, doc: Doc, clusters: list[Cluster], named: list[Cluster]) -> list[Cluster]:
        """Unnamed officials who open a case of their own after a sentence that announces the next case.

        "Perkara kedua berasal dari Sampang. Seorang bidan berstatus PNS ... diduga menyelipkan amplop ...": the
        post the announcing sentence (or the one after it) introduces is that case's accused, whatever the
        post or type of the accused of the case before, when its own sentences are cued for conduct, alleged
        or single it out ("seorang guru"), and share none with a named accused.
        """
        text = text_of(doc)
        sentences = doc._.sentences
        markers = [i for i, (s, e) in enumerate(sentences) if _NEXT_CASE.match(text, s, e)]
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
            alleged = any(j in self._allegation for j in own) or _singled_out(text, persons, cluster)
            if alleged and any(conduct.get(j) for j in own):
                found.append(cluster)
        return found
