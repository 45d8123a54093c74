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

import re

from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.accused_cluster import GENERIC_POSITIONS, STATUS_WORDS, Cluster
from nlp.components.accused_former import NOT_HELD, former_clusters
from nlp.components.accused_groups import (
    PARTITIVE_BEFORE,
    group_size,
    joined_in,
    same_post,
    singled_out,
)
from nlp.components.accused_intro import (
    AGAINST,
    INTRODUCED,
    INTRODUCED_APPOSED,
    INTRODUCED_LIST,
    MEMBER,
    PASSIVE_AGENT,
    SANCTIONED,
)
from nlp.components.accused_patients import acted_on_in_title, coordinated_posts, mostly_patient
from nlp.components.accused_pronouns import group_continuations, pronoun_continuations
from nlp.components.case_openers import opening_next_case, opens_case
from nlp.components.case_status import DECIDER_AFTER
from nlp.components.persons import ROOM_BEFORE
from nlp.components.sentences import in_boilerplate
from nlp.extensions import text_of, title_of
from nlp.model import PersonMention
from nlp.names import name_keys
from nlp.positions import find_positions

_NOT_ACTOR_POSITIONS = frozenset({"Menteri"})
_PRECISE_STATUS = frozenset({"PNS", "PPPK", "honorer"})


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
            if p.position and (cluster.position is None or cluster.position in STATUS_WORDS):
                # "Yulianus Wenda, PNS pada bidang ... Yulianus berstatus ASN": a status no less precise
                if not (cluster.position in _PRECISE_STATUS and p.position in STATUS_WORDS):
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
        pronoun_continuations(doc, persons, named)
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
            if p.sentence > 0 and PARTITIVE_BEFORE.search(text, max(0, p.start - 50), p.start):
                # "Foto belasan pria berkaus partai ... Sebagian dari mereka ternyata petugas damkar": what the
                # sentence before says of them is said of this group.
                cluster.sentences.add(p.sentence - 1)
            cluster.official = cluster.official or (p.official and len(cluster.mentions) == 1)
        group_continuations(doc, persons, list(unnamed.values()))
        return list(named.values()) + list(unnamed.values())

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
            and singled_out(text, persons, cluster, by_place=False)
        )

    def _accused(self, doc: Doc, clusters: list[Cluster]) -> list[Cluster]:
        text = text_of(doc)
        persons: list[PersonMention] = doc._.persons or []
        sentences = doc._.sentences
        conduct = doc._.conduct or {}
        title = title_of(doc)
        # A post the headline names as what was done to ("Rotasi Kepala Distrik", "Mutasi Tiga Camat") is not
        # the accused's.
        acted_on = acted_on_in_title(title) if title else set()
        headline = (
            {
                p.canonical
                for p in find_positions(title)
                if p.canonical not in acted_on
                and not NOT_HELD.search(title[: p.start])
                and not ROOM_BEFORE.search(title, max(0, p.start - 8), p.start)
            }
            if title
            else set()
        )
        coordinated = coordinated_posts(title) if title else set()
        former = former_clusters(text, persons, clusters)
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
                and (m := MEMBER.search(text, max(0, persons[i].start - 80), persons[i].start))
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
                INTRODUCED.search(text, max(0, persons[i].start - 16), persons[i].start)
                or INTRODUCED_LIST.search(text, max(0, persons[i].start - 70), persons[i].start)
                or INTRODUCED_APPOSED.search(text, max(0, persons[i].start - 130), persons[i].start)
                or AGAINST.search(text, max(0, persons[i].start - 30), persons[i].start)
                or member
                or (
                    conduct.get(persons[i].sentence)
                    and PASSIVE_AGENT.search(text, max(0, persons[i].start - 110), persons[i].start)
                )
                for i in cluster.mentions
            ):
                score += 1.0
            if not cluster.name and not singled_out(text, persons, cluster):
                score = min(score, 0.5)  # "ASN", "guru" in general: nobody in particular
            if not cluster.name and cluster.actor_type == "PEJABAT_POLITIK":
                score = min(score, 0.5)  # an unnamed regional head is the one who sanctions, not the accused
            patient = (
                score > 0
                and not cluster.name
                and mostly_patient(text, [persons[i] for i in cluster.mentions])
            )
            if patient:
                # "rotasi sembilan kepala distrik", "seluruh camat ... diancam", "kepala distrik yang dicopot": the
                # officials the accused moved, gathered or pressured (README "Conduct": not actors).
                score = min(score, 0.5)
            if speaker_only and cluster.name:
                # Named once, as the speaker of a quote ('... katanya," keluh Nurhasanah (34)'): a witness.
                score = min(score, 0.5) if len(cluster.mentions) == 1 else score * 0.5
            cluster.body = score
            # "Kadisdik" in the headline is "Kepala Dinas Pendidikan dan Kebudayaan" in the body: the post's head
            if any(same_post(h, cluster.position) for h in headline) and score > 0 and not patient:
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
                or cluster.position not in GENERIC_POSITIONS
            ):
                continue
            kinds = GENERIC_POSITIONS[cluster.position]
            same_kind = [
                c for c in clusters if c.name and c.score >= 0 and not c.official and c.actor_type in kinds
            ]
            if len(same_kind) == 1 and same_kind[0].position not in GENERIC_POSITIONS:
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
                and group_size(text, persons, c) > len(named)
                and (
                    # accused in its own sentences, not only addressed or pressured there
                    (c.body >= 2.5 and c.position in {n.position for n in named})
                    # "belasan ASN ... Salah satunya Yuliana, bidan PNS": the group a named member is singled out of
                    or (
                        group_size(text, persons, c) > len(named) + sum(not u.group for u in unnamed)
                        and any(
                            n.member
                            and (
                                same_post(n.position, c.position)
                                or c.position in n.member_of
                                or n.actor_type in GENERIC_POSITIONS.get(c.position or "", ())
                            )
                            for n in named
                        )
                    )
                )
            ]
            for n in named:
                # "tiga penyuluh pertanian ... Salah satu penyuluh, Bujang Sulaiman": the member's post is the
                # group's, written in full there.
                full = [c for c in members if n.member and same_post(n.position, c.position)]
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
                c for c in unnamed if not c.group or not 0 < group_size(text, persons, c) <= len(named)
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
                    SANCTIONED.search(text, max(0, persons[i].start - 80), persons[i].start)
                    for i in c.mentions
                )
            ]
            unnamed = (
                [
                    c
                    for c in unnamed
                    if c.position not in positions
                    and c.actor_type not in types
                    # "sejumlah pegawai kantor distrik juga tampak ...": a generic word for a group larger than the
                    # named accused that did it too is others beside them, not the named accused again
                    and (
                        c.position not in STATUS_WORDS
                        or (group_size(text, persons, c) > len(named) and joined_in(text, persons, c))
                    )
                    and (c.score >= 2.0 or self._own_case(text, persons, c, named_sentences))
                ]
                + [c for c in sanctioned if c not in members]
                + members
            )
            # ... and, having done it too, they are in the case of the named accused they are told beside.
            lead = max(named, key=lambda n: n.score)
            for c in unnamed:
                if c.position in STATUS_WORDS and c not in members and joined_in(text, persons, c):
                    c.sentences |= lead.sentences
        candidates = named + unnamed
        opening = opening_next_case(doc, clusters, named, self._allegation)
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
            or (c.name and c.body >= 1.5 and not c.sentences & strongest.sentences)
            or c in opening
            # a group beside its named members is listed however much more they are accused, when the story
            # opens with the group ("puluhan kepala desa ..."), not with one of them ("Seorang kepala desa ...")
            or (c in members and persons[min(c.mentions)].group)
            or c in sanctioned  # a case of its own, not measured against another's accused
            or (c.name and c.body >= 1.0 and any(opens_case(doc, persons[i].sentence) for i in c.mentions))
        ]
        # "masing-masing berinisial AH (34) yang berstatus PNS dan RK (27), tenaga honorer": names introduced in one
        # list with a kept accused are accused with them.
        kept_names = [c.name for c in keep if c.name]
        for c in candidates:
            if c in keep or not c.name or not kept_names:
                continue
            for i in c.mentions:
                listed = INTRODUCED_LIST.search(text, max(0, persons[i].start - 120), persons[i].start)
                if listed and any(re.search(rf"\b{re.escape(n)}\b", listed.group(0)) for n in kept_names):
                    keep.append(c)
                    break
        # "ASN tersebut diduga mengelola akun ... nomor telepon seorang pegawai di salah satu dinas": generic words
        # for one unnamed civil servant are that one person, written with the word the story uses most.
        generic = [c for c in keep if not c.name and not c.group and c.position in STATUS_WORDS]
        if len(generic) > 1 and not any(c.name for c in keep):
            strongest_generic = max(generic, key=lambda c: c.score)
            keep = [c for c in keep if c not in generic or c is strongest_generic]
        # Officials who decide ("Bupati ... selaku pejabat pembina") rarely carry allegations of their own.
        if len(keep) > 1:
            non_political = [c for c in keep if c.actor_type != "PEJABAT_POLITIK" or c.score >= best * 0.8]
            keep = non_political or keep
        keep.sort(key=lambda c: c.first)
        return keep
