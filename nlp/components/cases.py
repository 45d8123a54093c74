"""``netra_cases``: the accused, what they did, where, when and how far it went, grouped into cases.

From the people :mod:`nlp.components.persons` found, the accused are those
the text alleges something of: mentioned in sentences with allegation wording
("diduga", "terbukti melanggar", "dijatuhi sanksi", "berpose", "mengunggah"),
not officials of oversight bodies, not only the speakers of quotes, and not
the subject of an oversight action ("Bawaslu ... memanggil", "Bupati ...
menjatuhkan hukuman"). A named person absorbs unnamed mentions of the same
position ("seorang guru" ... "Guru berinisial SR"). People never mentioned in
the same sentence, each with their own allegations, are separate cases.

Per case: conduct codes from the sentence scores of :mod:`nlp.components.conduct`
over the case's sentences, evidence sentences, incident date (the first date
in an evidence sentence outside a quote attribution), region (the actor's
institution's, else the story's), and status (the furthest stage the text
states as done: reported, under review, recommended, sanctioned, dismissed; read by
:mod:`nlp.components.case_status`). Who employs the accused, and so the institutions' roles, is
:mod:`nlp.components.employers`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.codebook import CONDUCT_CODES
from nlp.components.case_status import (
    DECIDER_AFTER,
    Stages,
    case_status,
    maybe,
    stage_sentences,
    status_of,
    words_of,
)
from nlp.components.conduct import case_input, classifier_input, predict_codes
from nlp.components.employers import (
    EMPLOYER_KINDS,
    OFFICE_KINDS,
    OFFICE_POSITIONS,
    OFFICE_STAFF,
    SPECIFICITY,
    villages,
)
from nlp.components.persons import SPEECH_VERBS
from nlp.components.regions import main_region
from nlp.components.sentences import in_boilerplate
from nlp.extensions import lower_of, text_of, title_of
from nlp.model import Actor, Case, DateMention, InstitutionMention, PersonMention
from nlp.names import name_keys
from nlp.positions import find_positions
from nlp.regions import Region

ALLEGATION = re.compile(
    r"\b(?:diduga|dugaan|dituding|disebut|dilaporkan|terlapor|teradu|terbukti|melanggar|pelanggaran|dinyatakan|dijatuhi|"
    r"diberhentikan|dicopot|dinonaktifkan|dipanggil|diperiksa|dimintai|diklarifikasi|terekam|kedapatan|tertangkap|"
    r"kepergok|dipergoki|tampak|terlihat|berpose|berfoto|mengunggah|membagikan|memasang|menghadiri|hadir|ikut|"
    r"terlibat|tidak netral|mengajak|mengarahkan|memerintahkan|menginstruksikan|mengumpulkan|menyerahkan|tercantum|"
    r"tercatat|mendaftar|memakai|menggunakan|meminjamkan|menyeret|melibatkan|vonis|divonis|terdakwa|mengubah|"
    r"mencoblos|memberikan|membagi|meminta|menyebarkan|mengirim|menempelkan|memancangkan|mengenakan|mengibarkan|"
    r"membonceng|membawa|menelantarkan|menutup|memotong|sanksi|hukuman|teguran|direkomendasikan|mengakui|"
    r"membenarkan|menandatangani|ditandatangani|memaksa|mengancam|mengisi|dihentikan|dikenai|dikenakan|diadukan|"
    r"dipersoalkan|disorot|menyalurkan|memanfaatkan|tidak melanggar)\b",
    re.IGNORECASE,
)
_ALLEGATION_LOW = re.compile(ALLEGATION.pattern.lower())


_ALLEGATION_WORDS = words_of(_ALLEGATION_LOW.pattern)
# ALLEGATION is a list of plain words and phrases: a sentence holds one of its single words exactly when that
# word is one of the sentence's whole \w+ runs, so a set lookup stands in for the pattern (several times
# faster); only a sentence with a phrase's last word still runs it.
_ALLEGATION_ALTERNATIVES = _ALLEGATION_LOW.pattern.removeprefix(r"\b(?:").removesuffix(r")\b").split("|")
_ALLEGATION_PLAIN = _ALLEGATION_LOW.pattern.startswith(r"\b(?:") and all(
    re.fullmatch(r"[a-z]+(?: [a-z]+)*", a) for a in _ALLEGATION_ALTERNATIVES
)
_ALLEGATION_SINGLE = frozenset(a for a in _ALLEGATION_ALTERNATIVES if " " not in a)
_ALLEGATION_PHRASE_END = frozenset(a.rsplit(" ", 1)[-1] for a in _ALLEGATION_ALTERNATIVES if " " in a)
_WORD = re.compile(r"\w+")
# Words that set the scene of an incident, and words after which a date is when something was reported or said.
_EVENT = re.compile(
    r"\b(?:terjadi|berlangsung|digelar|diambil|direkam|terekam|bermula|berawal|peristiwa|kejadian|acara|kegiatan|"
    r"diunggah|dipasang|dibagikan|tertanggal|dipergoki|kedapatan|saat|ketika|terpasang|terbentang|terpampang|"
    r"dipajang)\b"
)
_REPORTED_AT = re.compile(
    r"\b(?:dilaporkan|melaporkan|laporan|diterima|dipanggil|memanggil|diperiksa|memeriksa|klarifikasi|"
    r"rekomendasi|sanksi|putusan|keputusan|mengatakan|menjelaskan|menyatakan|dihubungi|dikonfirmasi|ditemui|"
    r"diregistrasi|diteruskan|dijatuhkan|divonis|sidang|dimintai|menertibkan|ditertibkan|kesimpulan)\b[^.]*$"
)
# A date right before a speech or decision verb ("Bawaslu Kapuas, Kamis (14/11/2024), menyatakan ...") is
# when someone spoke or decided.
_SAID_AFTER = re.compile(
    r"\W{0,4}(?:menyatakan|mengatakan|menyebut|menjelaskan|menegaskan|memutuskan|merekomendasikan|mengumumkan)\b"
)
_SCHEDULE = re.compile(
    r"(?:pilkada|pemilu|pilpres|pileg|pemungutan suara|pencoblosan|hingga|sampai|sejak|jadwal|batas|paling lambat|"
    r"masa kampanye|masa tenang|tanggal)\s+(?:\w+\s+)?$"
)
_QUOTE_ATTRIBUTION = re.compile(
    r"[\"”]\s*,?\s*(?:kata|ujar|ucap|ungkap|jelas|tegas|tutur|terang|imbuh|tambah)", re.I
)
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
# "berinisial AF (38) dan SR (42)", "Terlapor ialah RD, YF, dan MN": a name in a list after the introducer.
_INTRODUCED_LIST = re.compile(
    r"(?:berinisial|inisial|bernama|[Tt]erlapor(?:nya)?|[Tt]eradu(?:nya)?|[Tt]erdakwa(?:nya)?)\s+"
    r"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\(\d{2}\))?(?:\s*,\s*(?:dan\s+)?|\s+dan\s+))+$"
)
# "laporan terhadap Kepala Desa Tabumela", "sanksi terhadap AS": a report or sanction against them.
_AGAINST = re.compile(
    r"\b(?:laporan|aduan|pengaduan|penanganan|pemeriksaan|sanksi|hukuman)\s+terhadap\s+"
    r"(?:(?:seorang|salah\s+(?:satu|seorang)|oknum)\s+)?$"
)
# Words that make the post after them the one acted on: moved, gathered, pressured ("rotasi sembilan kepala
# distrik", "mengumpulkan seluruh camat").
_PATIENT_BEFORE = re.compile(
    r"\b(?:rotasi|mutasi|pelantikan|pencopotan|pergantian|penggantian|pemindahan|melantik|mencopot|memutasi|"
    r"merotasi|memindahkan|mengganti|mengumpulkan|mengerahkan|memobilisasi|menekan|mengancam|menginstruksikan|"
    r"memerintahkan)\s+(?:(?:seluruh|semua|para|sejumlah|puluhan|belasan|\w+an|\w+)\s+)?$",
    re.IGNORECASE,
)
# "kepala distrik yang dicopot", "camat yang gagal ... diancam": a relative clause in the passive of those verbs.
_PATIENT_AFTER = re.compile(
    r"^\s+(?:yang\s+)?(?:di(?:copot|ganti|mutasi|rotasi|lantik|pindah\w*|kumpulkan|kerahkan|mobilisasi|tekan|"
    r"ancam|perintah\w*|instruksikan|minta))\b",
    re.IGNORECASE,
)
_DETERMINER = re.compile(
    r"\b(?:seorang|oknum|salah\s+(?:satu|seorang)|sejumlah|beberapa|puluhan|belasan|dua|tiga|empat|lima|enam|"
    r"tujuh|delapan|sembilan|sepuluh|\d+|kedua|ketiga|para)\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_STATUS_WORDS = frozenset({"PNS", "PPPK", "ASN", "honorer", "pegawai", "staf"})
# A former official ("mantan camat", "Mantan sekda tersebut, Drs. Binsar ...", "pensiunan guru") is no longer
# bound to neutrality: a story about one running for office or campaigning reports no case.
_FORMER = re.compile(r"\b(?:[Mm]antan|[Ee]ks|[Bb]ekas|[Pp]ensiunan|[Pp]urnawirawan)\s+$")
_FORMER_ANAPHOR = re.compile(r"[^.;:\"“”]{0,80}?\b(?:itu|tersebut)\b")
# A headline's post the accused does not hold ("Sudah Pensiun, Bukan ASN", "Eks Camat Maju di Pilkada").
_NOT_HELD = re.compile(r"\b(?:[Bb]ukan|[Mm]antan|[Ee]ks|[Bb]ekas|[Pp]ensiunan|[Pp]urnawirawan)\s+$")
_FORMER_APPOSED = re.compile(
    r"\b(?:[Mm]antan|[Ee]ks|[Bb]ekas|[Pp]ensiunan|[Pp]urnawirawan)\s+[^,.;:\"“”]{2,40},\s+"
    r"(?:(?:Ir|Drs?|Hj?|Prof)\.\s*)?$"
)
# A sentence opened by a singular pronoun goes on about the last person named before it; unless the pronoun
# only speaks ("Ia menambahkan, ...").
_SINGULAR_PRONOUN = re.compile(
    r"(?:Ia|Dia|Beliau|Yang bersangkutan)\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
# "Berdasarkan hasil pengawasan, ia diduga mencoblos ...": a short opening phrase, then the pronoun.
_LEAD_IN_PRONOUN = re.compile(
    r"[A-Z][^,.;:\"“”]{2,60},\s+(?:ia|dia|beliau)\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
_PLURAL_PRONOUN = re.compile(
    r"(?:Mereka|Keduanya|Ketiganya|Keempatnya)\s+(?:(?:juga|pun|lalu|kemudian|sempat)\s+)?"
)
_SPEECH_VERB = re.compile(rf"(?:{SPEECH_VERBS})\b")  # "Ia menambahkan, ...": the pronoun only speaks
# A sentence that goes on about the person just named ("Ia diduga mengunggah ...").
_PRONOUN = re.compile(
    r"(?:Ia|Dia|Beliau|Mereka|Keduanya|Yang bersangkutan|Pria|Wanita|Perempuan|Oknum|Sang)\b"
)


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


def _group_size(text: str, persons: list[PersonMention], cluster: _Cluster) -> float:
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


def _singled_out(text: str, persons: list[PersonMention], cluster: _Cluster) -> bool:
    """Whether an unnamed post is somebody in particular ("seorang guru", "salah satu camat")."""
    return any(
        _DETERMINER.search(text, max(0, persons[i].start - 40), persons[i].start) for i in cluster.mentions
    )


@dataclass
class _Cluster:
    name: str | None
    position: str | None
    actor_type: str | None
    mentions: list[int] = field(default_factory=list)  # indexes into doc._.persons
    sentences: set[int] = field(default_factory=set)
    score: float = 0.0
    body: float = 0.0  # the score without the headline's bonus
    official: bool = False
    group: bool = False
    first: int = 10**9

    def absorb(self, other: _Cluster) -> None:
        """Take over ``other``'s allegations, sentences and mentions: both are one person."""
        self.score += other.score
        self.body += other.body
        self.sentences |= other.sentences  # where they are placed and employed, too
        self.mentions += [i for i in other.mentions if i not in self.mentions]


class CaseBuilder:
    """Group the accused, their conduct and its evidence into cases; writes ``doc._.cases``."""

    def __init__(
        self,
        nlp: Language | None,
        second_cue: float,
        second_model: float,
        max_evidence: int,
        title_weight: float,
        model_weight: float = 1.0,
        second_sum: float = 2.0,
        second_hits: float = 99.0,
        second_floor: float = 0.0,
        sentence_model: float = 99.0,
        sentence_hits: float = 2.0,
    ) -> None:
        self.nlp = nlp  # for the conduct classifier, asked per case when a story has several
        self.title_weight = title_weight
        self.fallback_cues = 3
        self.second_cue = second_cue
        self.second_model = second_model
        self.model_weight = model_weight
        self.second_sum = second_sum
        self.second_hits = second_hits
        self.second_floor = second_floor
        self.sentence_model = sentence_model
        self.sentence_hits = sentence_hits
        self.max_evidence = max_evidence

    def __call__(self, doc: Doc) -> Doc:
        doc._.cases = []
        if not doc._.language_ok or not doc._.sentences:
            return doc
        self._index(doc)
        clusters = self._clusters(doc)
        actors = self._accused(doc, clusters)
        if not actors:
            return doc
        groups = self._group(actors)
        cases = [self._case(doc, group, groups) for group in groups]
        doc._.cases = [c for c in cases if c.conduct]
        return doc

    # -- per-document lookups: each pattern runs once over the text, then is read per sentence ----

    def _index(self, doc: Doc) -> None:
        text, low = text_of(doc), lower_of(doc)
        sentences = doc._.sentences
        starts = [s for s, _ in sentences]

        def sentence_of(offset: int) -> int:
            return bisect_right(starts, offset) - 1

        self._words: list[set[str]] = [set(_WORD.findall(text, s, e)) for s, e in sentences]
        # Regular expressions run only on sentences that contain one of their words (a cheap substring test).
        self._candidates = [low[s:e] for s, e in sentences]
        if _ALLEGATION_PLAIN:
            self._allegation = set()
            for i, (s, e) in enumerate(sentences):
                runs = set(_WORD.findall(low, s, e))
                if not _ALLEGATION_SINGLE.isdisjoint(runs) or (
                    not _ALLEGATION_PHRASE_END.isdisjoint(runs)
                    and _ALLEGATION_LOW.search(self._candidates[i])
                ):
                    self._allegation.add(i)
        else:
            present = tuple(w for w in _ALLEGATION_WORDS if w in low)
            self._allegation = {
                i
                for i, sent in enumerate(self._candidates)
                if maybe(sent, present) and _ALLEGATION_LOW.search(sent)
            }
        self._stage_index: Stages | None = None  # read by _status, only when there is a case

    def _stages(self, doc: Doc) -> Stages:
        """Per stage, the sentences that state it (computed once per story, when a case needs it)."""
        if self._stage_index is None:
            self._stage_index = stage_sentences(doc, self._candidates)
        return self._stage_index

    # -- who ------------------------------------------------------------------------------------

    def _clusters(self, doc: Doc) -> list[_Cluster]:
        persons: list[PersonMention] = doc._.persons or []
        text = text_of(doc)
        sentences = doc._.sentences
        named: dict[str, _Cluster] = {}
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
            cluster = named.setdefault(key, _Cluster(key, None, None))
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
        unnamed: dict[str, _Cluster] = {}
        # "31 kepala desa dan 12 perangkat desa", "41 kasus melibatkan pegawai ASN": the posts a figure counts
        # are its subjects, nobody in particular.
        counted = {s.sentence for s in doc._.statistics or []}
        for i, p in enumerate(persons):
            if p.name or not p.position or p.sentence in counted:
                continue
            cluster = unnamed.setdefault(p.position, _Cluster(None, p.position, p.actor_type))
            cluster.mentions.append(i)
            cluster.sentences.add(p.sentence)
            cluster.first = min(cluster.first, p.start)
            cluster.group = cluster.group or p.group
            cluster.official = cluster.official or (p.official and len(cluster.mentions) == 1)
        return list(named.values()) + list(unnamed.values())

    @staticmethod
    def _own_case(text: str, persons: list[PersonMention], cluster: _Cluster, named: set[int]) -> bool:
        """An unnamed accused of a story's second case: singled out ("seorang guru"), in sentences of its own.

        "Laporan kedua ... Seorang guru PNS di sekolah itu diduga menyusun soal ...": no named accused is in
        its sentences, so it is not who they moved or pressured.
        """
        return (
            not cluster.group
            and cluster.body >= 1.5
            and not cluster.sentences & named
            and _singled_out(text, persons, cluster)
        )

    def _pronoun_continuations(
        self, doc: Doc, persons: list[PersonMention], named: dict[str, _Cluster]
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
            head = _PLURAL_PRONOUN.match(text, s, e)
            if head is None or _SPEECH_VERB.match(text, head.end(), e):
                continue
            for p in persons:
                cluster = by_mention.get(id(p)) if p.sentence == index and p.name and not p.speaker else None
                if cluster is not None:
                    cluster.sentences.add(nxt)

    def _accused(self, doc: Doc, clusters: list[_Cluster]) -> list[_Cluster]:
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
            speaker_only = all(persons[i].speaker for i in cluster.mentions)
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
        if named:
            # "puluhan bidan ... RS, salah satu bidan itu": a group of the named accused's own kind, larger than
            # the people the story names, is an actor beside its named members (corpus README, "Cases").
            members = [
                c
                for c in unnamed
                if c.group
                and c.body >= 2.5  # accused in its own sentences, not only addressed or pressured there
                and c.position in {n.position for n in named}
                and _group_size(text, persons, c) > len(named)
            ]
            # A group beside a named accused is mostly who they mobilised or pressured.
            strongest = max(c.score for c in named)
            unnamed = [c for c in unnamed if not c.group or c.score > strongest]
            positions = {c.position for c in named}
            types = {c.actor_type for c in named}
            named_sentences = set().union(*(c.sentences for c in named))
            unnamed = [
                c
                for c in unnamed
                if c.position not in positions
                and c.actor_type not in types
                and c.position not in _STATUS_WORDS
                and (c.score >= 2.0 or self._own_case(text, persons, c, named_sentences))
            ] + members
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
        ]
        # Officials who decide ("Bupati ... selaku pejabat pembina") rarely carry allegations of their own.
        if len(keep) > 1:
            non_political = [c for c in keep if c.actor_type != "PEJABAT_POLITIK" or c.score >= best * 0.8]
            keep = non_political or keep
        keep.sort(key=lambda c: c.first)
        return keep

    def _opening_next_case(self, doc: Doc, clusters: list[_Cluster], named: list[_Cluster]) -> list[_Cluster]:
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
                or cluster.group
                or cluster.score < 0
                or cluster.actor_type == "PEJABAT_POLITIK"
                or cluster.sentences & named_sentences
            ):
                continue
            first = min(persons[i].sentence for i in cluster.mentions)
            opened = [k for k in markers if k <= first <= k + 1]
            if not opened:
                continue
            end = next((k for k in markers if k > opened[-1]), len(sentences))
            own = [j for j in cluster.sentences if opened[-1] <= j < end]
            alleged = any(j in self._allegation for j in own) or _singled_out(text, persons, cluster)
            if alleged and any(conduct.get(j) for j in own):
                found.append(cluster)
        return found

    @staticmethod
    def _group(actors: list[_Cluster]) -> list[list[_Cluster]]:
        """Actors mentioned together are one case; actors always apart are separate cases."""
        groups: list[list[_Cluster]] = []
        for actor in actors:
            for group in groups:
                if any(actor.sentences & other.sentences for other in group):
                    group.append(actor)
                    break
            else:
                groups.append([actor])
        return groups

    # -- what, where, when ----------------------------------------------------------------------

    def _codes(
        self, sums: dict[str, float], model: dict[str, float] | None, body: dict[str, float] | None = None
    ) -> list[str]:
        """The case's conduct codes: the best-supported code, plus any other with strong cues and model support.

        ``body`` is ``sums`` without the headline's cues: a second code's share is also taken of the body's
        best, since a headline names one code and its weight would otherwise drown every other.
        """
        top = max(sums.values(), default=0.0)
        body_top = max((body or {}).values(), default=0.0)
        total = {
            c: (sums.get(c, 0.0) / top if top else 0.0) + self.model_weight * (model or {}).get(c, 0.0)
            for c in CONDUCT_CODES
        }
        best = max(total, key=total.get)  # type: ignore[arg-type]
        if total[best] <= 0:
            return []
        codes = [best]
        for code in CONDUCT_CODES:
            if code == best or not top:
                continue
            cue, prob = sums.get(code, 0.0) / top, (model or {}).get(code, 0.0)
            if body_top:
                cue = max(cue, (body or {}).get(code, 0.0) / body_top)
            if cue >= self.second_cue and (model is None or prob >= self.second_model):
                codes.append(code)
            # The classifier learns a case's main code far better than its others: strong cues,
            # or cues the classifier half believes, carry a second code on their own.
            elif cue + prob >= self.second_sum:
                codes.append(code)
            # A story told at length about its main code drowns a second one in share alone: cues met
            # in several of the accused's sentences (or the headline) count unless the classifier
            # rules the code out.
            elif sums.get(code, 0.0) >= self.second_hits and prob >= self.second_floor:
                codes.append(code)
        return [c for c in CONDUCT_CODES if c in codes]

    def _sentence_codes(self, doc: Doc, span: list[int], near: set[int], codes: list[str]) -> list[str]:
        """``codes`` plus any code one sentence about the accused carries on its own: at least ``sentence_hits``
        of its cues, and the classifier, asked about that sentence alone, gives it at least
        ``sentence_model`` and no other code more.

        The case's pooled cues and probabilities hear its main code above all; a second code stated
        plainly in one sentence ("the rice went out on a government truck during office hours") is
        heard this way. The sentence is one of the accused's, or the one right after it.
        """
        conduct, sentences = doc._.conduct or {}, doc._.sentences
        asked = [
            i
            for i in span
            if (i in near or i - 1 in near)
            and any(n >= self.sentence_hits and c not in codes for c, n in conduct.get(i, {}).items())
            and not in_boilerplate(doc, sentences[i][0])
        ]
        if not codes or not asked or self.sentence_model > 1.0 or self.nlp is None:
            return codes
        text = text_of(doc)
        inputs = [classifier_input(text[slice(*sentences[i])]) for i in asked]
        extra = set()
        for i, probs in zip(asked, predict_codes(self.nlp, inputs), strict=True):
            best = max(probs, key=probs.__getitem__, default=None)
            if best and best not in codes and probs[best] >= self.sentence_model:
                if conduct[i].get(best, 0.0) >= self.sentence_hits:
                    extra.add(best)
        return [c for c in CONDUCT_CODES if c in codes or c in extra]

    def _case(self, doc: Doc, group: list[_Cluster], groups: list[list[_Cluster]]) -> Case:
        text = text_of(doc)
        sentences = doc._.sentences
        conduct = doc._.conduct or {}
        own = sorted(set().union(*(c.sentences for c in group)))
        others = set().union(*(c.sentences for g in groups if g is not group for c in g))
        section: set[int] | None = None  # the case's own stretch of a story with several
        if len(groups) == 1:
            span = [i for i in conduct if i >= min(own) - 1]
        else:
            starts = sorted(min(set().union(*(c.sentences for c in g))) for g in groups)
            first = min(own)
            nxt = next((s for s in starts if s > first), len(sentences))
            span = [i for i in conduct if first <= i < nxt] + [i for i in own if i >= nxt]
            section = set(range(first, nxt))
        span = sorted(set(span) | set(own))
        near = set(own) | {
            i + 1 for i in own if i + 1 < len(sentences) and _PRONOUN.match(text, sentences[i + 1][0])
        }
        sums: dict[str, float] = {}
        for index in span:
            weight = 1.0 if index in near else 0.5
            for code, hits in conduct.get(index, {}).items():
                sums[code] = sums.get(code, 0.0) + weight * min(hits, 2.0)
        body = dict(sums)
        # The headline names the conduct of the story's main case most plainly.
        title_weight = self.title_weight if len(groups) == 1 else self.title_weight / 2
        for code, hits in (doc._.conduct_title or {}).items():
            sums[code] = sums.get(code, 0.0) + title_weight * min(hits, 2.0)
        model = doc._.conduct_model
        if len(groups) > 1 and model is not None and self.nlp is not None:
            # The story has several cases: ask the classifier about this one's sentences alone.
            window = [
                i
                for i in span
                if not in_boilerplate(doc, sentences[i][0])
                and (conduct.get(i) or (i in own and i in self._allegation))
            ]
            model = predict_codes(
                self.nlp, [case_input(" ".join(text[slice(*sentences[i])] for i in window))]
            )[0]
        codes = self._sentence_codes(doc, span, near, self._codes(sums, model, body))
        # Evidence: the sentences that state the conduct, and the accused's sentences with allegations.
        scored = []
        for index in span:
            if in_boilerplate(doc, sentences[index][0]):
                continue
            hits = sum(conduct.get(index, {}).get(c, 0.0) for c in codes)
            allegation = index in own and index in self._allegation
            if hits or allegation:
                scored.append(
                    (hits * (1.0 if index in near else 0.5) + (0.6 if allegation else 0.0), -index, index)
                )
        scored.sort(reverse=True)
        evidence = sorted(i for _, _, i in scored[: self.max_evidence]) or [min(own)]
        actors = [self._actor(doc, c) for c in group]
        region = next((a.region for a in actors if a.region and a.region.regency), None)
        if section is not None:
            region = self._section_region(doc, section | set(own), region)
        region = region or self._story_region(doc)
        for a in actors:
            a.region = a.region or region
        return Case(
            actors=actors,
            conduct=codes,
            region=region,
            incident_dates=self._incident_dates(doc, span, near, section),
            status=self._status(doc, own, section, others),
            evidence=evidence,
        )

    @staticmethod
    def _section_region(doc: Doc, section: set[int], employer: Region | None) -> Region | None:
        """In a story of several cases, the regency the case's own section names, unless it names the
        employer's too ("Di Kabupaten Agam, seorang wali nagari ..." after a Jambi dateline)."""
        starts = [s for s, _ in doc._.sentences]
        mentions = [
            m
            for m in doc._.regions or []
            if bisect_right(starts, m.start) - 1 in section and not in_boilerplate(doc, m.start)
        ]
        local = main_region(mentions)
        if local is None or local.regency is None:
            return employer
        if employer is not None and any(m.region == employer for m in mentions):
            return employer
        return local

    @staticmethod
    def _story_region(doc: Doc) -> Region | None:
        mentions = [m for m in doc._.regions or [] if not in_boilerplate(doc, m.start)]
        return main_region(mentions)

    def _actor(self, doc: Doc, cluster: _Cluster) -> Actor:
        institution = self._institution(doc, cluster)
        region = institution.region if institution is not None and institution.region else None
        name = cluster.name
        if name and " " not in name and not name.isupper():
            name = _full_name(text_of(doc), name)
        return Actor(
            name=name,
            position=cluster.position,
            actor_type=self._status_of(doc, cluster),
            institution=institution.name if institution else None,
            region=region,
            mentions=list(cluster.mentions),
        )

    @staticmethod
    @staticmethod
    def _status_of(doc: Doc, cluster: _Cluster) -> str:
        """The actor type: the status the accused's sentences state, else what the position implies."""
        return status_of(doc, cluster.actor_type, cluster.position, cluster.sentences)

    @staticmethod
    def _institution(doc: Doc, cluster: _Cluster) -> InstitutionMention | None:
        """The accused's employer: named beside them, else implied by the position and the story's region."""
        persons: list[PersonMention] = doc._.persons or []
        institutions: list[InstitutionMention] = doc._.institutions or []
        sentences = doc._.sentences
        employer = [i for i in institutions if i.kind in EMPLOYER_KINDS]
        position = cluster.position or ""
        named_at = {persons[i].sentence for i in cluster.mentions if persons[i].name}
        # Sentences that name the accused first, then those that only describe them.
        for index in sorted(cluster.sentences, key=lambda i: (i not in named_at, i)):
            s, e = sentences[index]
            anchors = [persons[i] for i in cluster.mentions if persons[i].sentence == index] or []

            def rank(inst: InstitutionMention, anchors: list[PersonMention] = anchors) -> tuple[int, int]:
                distance = min((abs(inst.start - a.start) for a in anchors), default=0)
                return SPECIFICITY.get(inst.kind, 9), distance

            # The most specific body beside the accused: a school or puskesmas before the dinas before the Pemkab
            # (which, in "Pemkot X menjatuhkan hukuman kepada seorang bidan ... di Puskesmas Y", is the one sanctioning).
            for inst in sorted(employer, key=rank):
                if not s <= inst.start < e:
                    continue
                if anchors and min(abs(inst.start - a.start) for a in anchors) > 160:
                    continue
                if inst.kind in {"police"} and cluster.actor_type != "POLRI":
                    continue
                if inst.kind in {"military"} and cluster.actor_type != "TNI":
                    continue
                village_official = cluster.actor_type in {"KEPALA_DESA", "PERANGKAT_DESA"}
                if (inst.kind == "village") != village_official:
                    continue  # a village official's instansi is the village government, nothing above it
                if (
                    inst.kind == "dinas"
                    and position.startswith("Kepala Dinas")
                    and position[len("Kepala ") :] not in inst.name
                ):
                    continue
                if inst.kind in {"pemda", "setda"} and not anchors:
                    continue
                if inst.kind == "setda" and cluster.actor_type == "PEJABAT_POLITIK":
                    continue
                return inst
        scene = CaseBuilder._scene_employer(doc, cluster, employer)
        if scene is not None:
            return scene
        # A police officer or soldier belongs to the one unit of their force the story names, wherever it does.
        force = {"POLRI": "police", "TNI": "military"}.get(cluster.actor_type or "")
        units = {i.name: i for i in employer if i.kind == force and not in_boilerplate(doc, i.start)}
        if force and len(units) == 1:
            return next(iter(units.values()))
        region = main_region([m for m in doc._.regions or [] if not in_boilerplate(doc, m.start)])
        if region is None:
            return None
        label = region.regency or f"Provinsi {region.province}"
        derived = None
        if position.startswith(("Kepala Dinas ", "Sekretaris Dinas ")):
            derived = ("Dinas " + position.split(" Dinas ", 1)[1] + f" {label}", "dinas")
        elif position.startswith(("Kepala Badan ", "Sekretaris Badan ")):
            derived = ("Badan " + position.split(" Badan ", 1)[1] + f" {label}", "badan")
        elif position == "Sekretaris Daerah":
            derived = (f"Sekretariat Daerah {label}", "setda")
        elif position in {
            "Camat",
            "Lurah",
            "Bupati",
            "Wakil Bupati",
            "Wali Kota",
            "Wakil Wali Kota",
            "Kepala Distrik",
        }:
            derived = (f"Pemerintah {label}", "pemda")
        elif position == "Kepala Kantor Kementerian Agama":
            derived = (f"Kantor Kementerian Agama {label}", "kemenag")
        elif cluster.actor_type in {"KEPALA_DESA", "PERANGKAT_DESA"}:
            village = CaseBuilder._village(doc, cluster, named_at)
            if village:
                # Named in the text ("Kepala Desa Sitanggal"), so listed among the institutions too.
                mention = InstitutionMention(
                    -1, -1, "", f"Pemerintah Desa {village}", "EMPLOYER", "village", region
                )
                doc._.institutions = [*(doc._.institutions or []), mention]
                return mention
        if derived is None:
            return None
        return InstitutionMention(-1, -1, "", derived[0], "EMPLOYER", derived[1], region)

    @staticmethod
    def _scene_employer(
        doc: Doc, cluster: _Cluster, employer: list[InstitutionMention]
    ) -> InstitutionMention | None:
        """The office a story sets its scene in, for a civil servant described only as "seorang pegawai".

        News often names the office first ("antrean di kantor Disdukcapil Aceh Utara ...") and the accused
        after it without repeating it ("seorang operator berstatus PNS di loket ..."): the one office
        named in the two sentences before the accused's first one is theirs.
        """
        if cluster.actor_type not in OFFICE_STAFF or cluster.position not in OFFICE_POSITIONS:
            return None
        first = min(cluster.sentences, default=0)
        s = doc._.sentences[max(0, first - 2)][0]
        e = doc._.sentences[first][0]
        offices = {i.name: i for i in employer if i.kind in OFFICE_KINDS and s <= i.start < e}
        # "pegawai pada UPT Balai Benih Dinas Pertanian ...": the sub-unit, not the dinas above it.
        units = {i.name: i for i in employer if i.kind == "subunit" and s <= i.start < e}
        if len(units) == 1:
            return next(iter(units.values()))
        return next(iter(offices.values())) if len(offices) == 1 else None

    @staticmethod
    def _village(doc: Doc, cluster: _Cluster, named_at: set[int]) -> str | None:
        """The village a village official serves, as written beside them ("Kepala Desa Poto, Kecamatan ...")."""
        text = text_of(doc)
        sentences = doc._.sentences
        for index in sorted(cluster.sentences, key=lambda i: (i not in named_at, i)):
            s, e = sentences[index]
            village = next(villages(text, s, e), None)
            if village:
                return village
        # Not beside them: the one village the story names is where they serve ("diamankan warga di Desa X").
        named = set(villages(text, 0, len(text)))
        return named.pop() if len(named) == 1 else None

    def _incident_dates(
        self, doc: Doc, span: list[int], near: set[int], section: set[int] | None = None
    ) -> list[DateMention]:
        """Dates that may be the incident's, most likely first.

        News sets the scene in a sentence of its own ("Foto itu diambil ..., Minggu (21/1/2024)",
        "Peristiwa itu terjadi ... Sabtu (12/10) malam"): a date in a sentence with such event words
        ranks first, then dates in the accused's or the conduct's sentences. A date in a quote's
        attribution or after a reporting verb is when someone spoke or reported ('... kata Fitri,
        Jumat (9/2/2024)', "dilaporkan ke Bawaslu, Senin (...)"); a date after "Pilkada" or "hingga"
        is a schedule. A scene-setting sentence that names neither the accused nor the conduct
        ("Pertemuan itu berlangsung ... pada Jumat (4/10/2024) malam") counts too, in the case's own
        section of the story, after the case's own event sentences. The output step resolves the
        candidates against the publication date and takes the first that falls before it.
        """
        text, low = text_of(doc), lower_of(doc)
        sentences = doc._.sentences
        conduct = doc._.conduct or {}
        ranked: list[tuple[float, int, DateMention]] = []
        in_span = set(span)
        starts = [s for s, _ in sentences]
        dated = {bisect_right(starts, d.start) - 1 for d in doc._.dates or [] if d.day is not None}
        scenes = [
            i
            for i in sorted(dated - in_span)
            if (section is None or i in section) and _EVENT.search(low, *sentences[i])
        ]
        for index in [*span, *scenes]:
            s, e = sentences[index]
            attribution = _QUOTE_ATTRIBUTION.search(text, s, e)
            event = bool(_EVENT.search(low, s, e))
            for date in doc._.dates or []:
                if not s <= date.start < e or date.day is None:
                    continue
                if attribution and date.start > attribution.start():
                    continue
                before = low[max(s, date.start - 60) : date.start]
                if _SCHEDULE.search(before):
                    continue
                score = 2.0 if event else 0.0
                score += 1.0 if (index in near or conduct.get(index)) else 0.0
                score -= 0.0 if index in in_span else 0.5
                if _REPORTED_AT.search(before) or _SAID_AFTER.match(low, date.end, e):
                    continue  # when it was reported, examined or sanctioned: never when it happened
                ranked.append((-score, date.start, date))
        ranked.sort(key=lambda r: (r[0], r[1]))
        return [date for _, _, date in ranked]

    def _status(self, doc: Doc, own: list[int], section: set[int] | None, others: set[int]) -> str | None:
        """The furthest stage a (non-conditional) sentence about this case states (see :func:`case_status`)."""
        return case_status(doc, self._stages(doc), self._candidates, own, section, others)


# Words for a kind of official rather than a post, and the actor types they can refer back to.
_GENERIC_POSITIONS: dict[str, frozenset[str]] = {
    "perangkat desa": frozenset({"PERANGKAT_DESA"}),
    "ASN": frozenset({"PNS", "PPPK", "ASN"}),
    "PNS": frozenset({"PNS"}),
    "pegawai": frozenset({"PNS", "PPPK", "ASN"}),
}


_NAME_PART = r"(?:[A-Z][\w'’-]+|[Bb]r\.?|bin|binti)"


_NAME_RUN = re.compile(rf"{_NAME_PART}(?:[ \t]+{_NAME_PART})*")


def _full_name(text: str, name: str) -> str:
    """A one-word name as the story writes it in full somewhere ("Fransiskus" -> "Fransiskus Gebze",
    "Zainuri" -> "Lalu Ahmad Zainuri"); the word itself when no longer form is a plausible name."""
    from nlp.names import clean_name

    best = name
    for run in _NAME_RUN.finditer(text):
        words = run.group(0).split()
        if name not in words or len(words) == 1:
            continue
        k = words.index(name)
        before, after = words[max(0, k - 3) : k], words[k + 1 : k + 4]
        for i in range(len(before) + 1):
            for j in range(len(after), -1, -1):
                candidate = " ".join([*before[i:], name, *after[:j]])
                if len(candidate) > len(best) and clean_name(candidate) == candidate:
                    best = candidate
    return best


def _former(text: str, persons: list[PersonMention], cluster: _Cluster) -> bool:
    """Whether the story calls the cluster's person a former official ("mantan camat", "pensiunan guru")."""
    return any(
        _FORMER.search(text, max(0, persons[i].start - 12), persons[i].start)
        or (persons[i].name and _FORMER_APPOSED.search(text, max(0, persons[i].start - 60), persons[i].start))
        for i in cluster.mentions
    )


def _mostly_patient(text: str, mentions: list[PersonMention]) -> bool:
    """Whether most mentions of an unnamed official are of people something was done to."""
    patient = sum(
        bool(
            _PATIENT_BEFORE.search(text, max(0, m.start - 40), m.start)
            or _PATIENT_AFTER.match(text[m.end : m.end + 40])
        )
        for m in mentions
    )
    return bool(mentions) and patient * 3 >= len(mentions)


@Language.factory(
    "netra_cases",
    default_config={
        "second_cue": 0.6,
        "second_model": 0.4,
        "max_evidence": 4,
        "title_weight": 3.5,
        "model_weight": 1.0,
        "second_sum": 2.0,
        "second_hits": 1.5,
        "second_floor": 0.01,
        "sentence_model": 0.7,
        "sentence_hits": 2.0,
    },
)
def make_cases(
    nlp: Language,
    name: str,
    second_cue: float,
    second_model: float,
    max_evidence: int,
    title_weight: float,
    model_weight: float,
    second_sum: float,
    second_hits: float,
    second_floor: float,
    sentence_model: float,
    sentence_hits: float,
) -> CaseBuilder:
    """Factory for :class:`CaseBuilder`.

    A case has its best-supported conduct code, plus any other code whose cues
    reach ``second_cue`` of the best's and that the classifier gives at least
    ``second_model``; ``max_evidence`` caps the evidence sentences per case; a cue in the headline
    counts ``title_weight`` times a cue in the accused's sentences; ``model_weight`` is how much the
    classifier's probability counts beside the cues when choosing the best code; a code whose cue share
    (its cues over the best's) plus its probability reaches ``second_sum`` joins as well, since the
    classifier rarely scores a case's secondary codes high; so does a code with weighted cue hits of at
    least ``second_hits`` that the classifier gives at least ``second_floor``; and a code that one
    sentence about the accused cues ``sentence_hits`` times and that the classifier, asked about that
    sentence alone, ranks first with at least ``sentence_model``. The values are tuned
    by cross-validation on the train and dev splits (``python -m nlp.tune``).
    """
    return CaseBuilder(
        nlp,
        second_cue,
        second_model,
        max_evidence,
        title_weight,
        model_weight,
        second_sum,
        second_hits,
        second_floor,
        sentence_model,
        sentence_hits,
    )
