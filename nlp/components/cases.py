"""``netra_cases``: the accused, what they did, where, when and how far it went, grouped into cases.

From the people :mod:`nlp.components.persons` found, the accused (found by
:mod:`nlp.components.accused`) are those
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

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.codebook import CONDUCT_CODES
from nlp.components.accused import AccusedFinder, Cluster
from nlp.components.case_status import (
    Stages,
    case_status,
    maybe,
    stage_sentences,
    status_of,
    words_of,
)
from nlp.components.conduct import (
    WORDS_TEXTCAT,
    case_input,
    classifier_input,
    predict_codes,
    words_input,
)
from nlp.components.employers import (
    EMPLOYER_KINDS,
    OFFICE_KINDS,
    OFFICE_POSITIONS,
    OFFICE_STAFF,
    SPECIFICITY,
    villages,
)
from nlp.components.regions import main_region
from nlp.components.sentences import in_boilerplate
from nlp.extensions import lower_of, text_of
from nlp.model import Actor, Case, DateMention, InstitutionMention, PersonMention
from nlp.quick_regex import quick
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
_EVENT = quick(
    re.compile(
        r"\b(?:terjadi|berlangsung|digelar|diambil|direkam|terekam|bermula|berawal|peristiwa|kejadian|acara|kegiatan|"
        r"diunggah|dipasang|dibagikan|tertanggal|dipergoki|kedapatan|saat|ketika|terpasang|terbentang|terpampang|"
        r"dipajang)\b"
    )
)
_REPORTED_AT = re.compile(
    r"\b(?:dilaporkan|melaporkan|laporan|diterima|dipanggil|memanggil|diperiksa|memeriksa|klarifikasi|"
    r"rekomendasi|sanksi|putusan|keputusan|mengatakan|menjelaskan|menyatakan|dihubungi|dikonfirmasi|ditemui|"
    r"diregistrasi|diteruskan|dijatuhkan|divonis|sidang|dimintai|menertibkan|ditertibkan|kesimpulan|"
    # the day a photo or video spread is no incident date (README "Statistics and dates (session-7 checks)")
    r"beredar|viral|tersebar|menyebar|diviralkan)\b[^.]*$"
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
# A sentence that goes on about the person just named ("Ia diduga mengunggah ...").
_PRONOUN = re.compile(
    r"(?:Ia|Dia|Beliau|Mereka|Keduanya|Yang bersangkutan|Pria|Wanita|Perempuan|Oknum|Sang)\b"
)


class CaseBuilder(AccusedFinder):
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
        second_sentence: float = 99.0,
        second_near: float = 99.0,
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
        self.second_sentence = second_sentence
        self.second_near = second_near
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

    @staticmethod
    def _group(actors: list[Cluster]) -> list[list[Cluster]]:
        """Actors mentioned together are one case; actors always apart are separate cases."""
        groups: list[list[Cluster]] = []
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

    def _confirmed_codes(
        self,
        doc: Doc,
        span: list[int],
        codes: list[str],
        body: dict[str, float],
        near: set[int] | frozenset[int] = frozenset(),
    ) -> list[str]:
        """``codes`` plus any code the case's sentences cue (weighted hits ``body`` of at least one: a cue in a
        sentence about the accused, or two beside them) that the confirming classifier, reading one of
        those sentences' cues and words, gives at least ``second_sentence``, or ``second_near`` when the
        sentence is about the accused (``near``).

        The case classifier hears the main code and little else, and cues alone cannot tell "wajib
        membayar denda" from an order to subordinates; the words of the sentence can (5-fold CV on
        train+dev, 635 articles: conduct F1 0.879 -> 0.887, recall 0.847 -> 0.871; writers w26+w27 out of
        fold 0.791 -> 0.854, w28 equal; a bar of 0.93-0.97 scored alike, 0.5-0.9 added false codes, and
        the same question to the case classifier, which reads cues only, did not help). A sentence about
        the accused needs less: it states their own act (5-fold CV on 803 articles, session 7: 0.868 ->
        0.876, recall 0.832 -> 0.859, precision 0.908 -> 0.893, with 0.85 for those sentences; 0.8 and 0.9
        scored 0.873-0.875; writers w29-w31 out of fold 0.833 -> 0.846, w32-w35 and the w28 gate equal).
        """
        if not codes or min(self.second_sentence, self.second_near) > 1.0 or self.nlp is None:
            return codes
        conduct, sentences = doc._.conduct or {}, doc._.sentences
        asked = [
            i
            for i in span
            if any(c not in codes and body.get(c, 0.0) >= 1.0 for c in conduct.get(i, {}))
            and not in_boilerplate(doc, sentences[i][0])
        ]
        if not asked or WORDS_TEXTCAT not in self.nlp.component_names:
            return codes
        text = text_of(doc)
        inputs = [words_input(text[slice(*sentences[i])]) for i in asked]
        extra = set()
        for i, probs in zip(asked, predict_codes(self.nlp, inputs, WORDS_TEXTCAT), strict=True):
            bar = self.second_near if i in near else self.second_sentence
            extra.update(
                c
                for c in conduct[i]
                if c not in codes and body.get(c, 0.0) >= 1.0 and probs.get(c, 0.0) >= bar
            )
        return [c for c in CONDUCT_CODES if c in codes or c in extra]

    def _case(self, doc: Doc, group: list[Cluster], groups: list[list[Cluster]]) -> Case:
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
        codes = self._confirmed_codes(doc, span, codes, body, near)
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

    def _actor(self, doc: Doc, cluster: Cluster) -> Actor:
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
    def _status_of(doc: Doc, cluster: Cluster) -> str:
        """The actor type: the status the accused's sentences state, else what the position implies."""
        return status_of(doc, cluster.actor_type, cluster.position, cluster.sentences)

    @staticmethod
    def _institution(doc: Doc, cluster: Cluster) -> InstitutionMention | None:
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
        doc: Doc, cluster: Cluster, employer: list[InstitutionMention]
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
    def _village(doc: Doc, cluster: Cluster, named_at: set[int]) -> str | None:
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
        days = [d for d in doc._.dates or [] if d.day is not None]
        for index in [*span, *scenes]:
            s, e = sentences[index]
            inside = [d for d in days if s <= d.start < e]
            if not inside:
                continue  # no day stated here: nothing for the patterns below to judge
            attribution = _QUOTE_ATTRIBUTION.search(text, s, e)
            event = bool(_EVENT.search(low, s, e))
            for date in inside:
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
        "second_floor": 0.1,
        "sentence_model": 0.7,
        "sentence_hits": 2.0,
        "second_sentence": 0.95,
        "second_near": 0.85,
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
    second_sentence: float,
    second_near: float,
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
    sentence alone, ranks first with at least ``sentence_model``; and a code the case's sentences cue
    that the confirming classifier, reading one such sentence's cues and words, gives at least
    ``second_sentence`` (``second_near`` for a sentence about the accused). The values are tuned
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
        second_sentence,
        second_near,
    )
