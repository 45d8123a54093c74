"""How far a case went: the furthest stage a story states as done, and the accused's employment status.

Stages, furthest first: sanctioned, dismissed, recommended (forwarded to a body that decides on an
ASN), under review, reported. A sentence about what may or will happen, a request for a sanction, a
report's formal check and a tally of many cases state no stage of this case. The actor type is the
status the accused's sentences state (PPPK, PNS, honorer), else what their position implies.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.sentences import in_ranges
from nlp.extensions import lower_of, text_of, title_of
from nlp.positions import lexicon
from nlp.quick_regex import quick

# A verb of deciding, examining or speaking right after a mention: that person acts on the case there
# (read by the case builder, which does not count such a sentence as an allegation against them).
DECIDER_AFTER = re.compile(
    r"^\W{0,4}(?:[\w.-]+\s+){0,3}?(?:menjatuhkan|merekomendasikan|memanggil|memeriksa|menyatakan|menghentikan|"
    r"meneruskan|mengkaji|menindaklanjuti|memutuskan|memberhentikan|mencopot|menegur|menerima|mengatakan|"
    r"menjelaskan|menegaskan|menyebut|menilai|mengimbau|menyampaikan|mengingatkan|menerangkan|memastikan|"
    r"selaku|sebagai pejabat)\b",
    re.IGNORECASE,
)
# Bodies that decide on an ASN (or prosecute): forwarding a case to one of them recommends it.
_DECIDERS = (
    r"(?:kasn|bkn|komisi|badan kepegawaian|pejabat|ppk|instansi|atasan|inspektorat|bupati|wali|gubernur|menteri"
    r"|kementerian|kemen\w+|pemerintah|pemkab|pemkot|pemprov|sekda|sekretaris daerah|bkd|bkpsdm|bkpp|dinas|kepala daerah"
    r"|kepala dinas|dkpp|kpu|sentra|gakkumdu|kepolisian|polisi|polres|polda|kejaksaan|kodim|korem|kodam|pomdam|denpom|pom|pihak)"
)
# Per stage, the wording that states it as done.
_STATUS = [
    (
        "SANCTIONED",
        r"\b(?:dijatuhi|menjatuhkan|dikenai|dikenakan|menerima)\s+(?:\w+\s+){0,2}?(?:hukuman|sanksi|teguran|vonis)"
        r"|\b(?<!yang )(?:diberhentikan|dicopot|dibebastugaskan|divonis|dihukum|pemotongan tunjangan|penurunan (?:jabatan|pangkat)"
        r"|teguran (?:tertulis|lisan)|dijatuhkan|menjatuhkan vonis|telah diberi sanksi|resmi disanksi|pemberhentian"
        r"|pembebastugasan|pencopotan|dinonaktifkan|dibebaskan dari jabatan|pembebasan (?:dari )?jabatan"
        r"|penundaan (?:kenaikan )?(?:pangkat|gaji berkala))\b",
    ),
    (
        "DISMISSED",
        r"\b(?:tidak memenuhi unsur|tidak terbukti|menghentikan (?:penanganan|proses|laporan|pemeriksaan|kasus)"
        r"|dihentikan|tidak dilanjutkan|tidak melanjutkan|tidak melanggar|tidak ditemukan (?:cukup )?bukti"
        r"|dinyatakan tidak(?! memenuhi syarat)|tidak terpenuhi|(?:kami|sudah|telah) hentikan|penghentian"
        r"|tidak (?:dapat|bisa) (?:diteruskan|ditindaklanjuti|dilanjutkan)|tidak ditindaklanjuti)\b",
    ),
    (
        "RECOMMENDED",
        r"\b(?:(?:me|di)?rekomendasikan|rekomendasi\w*\s+(?:[\w()-]+\s+){0,8}?(?:ke|kepada)"
        r"|(?:(?:di|me|kami |sudah |telah )?(?:n?eruskan|teruskan)|(?:di|me|kami )?(?:ng)?kirim(?:kan)?)(?:nya)?\s+"
        r"(?:[\w(),-]+\s+){0,10}?(?:ke|kepada)\s+(?:\w+\s+){0,2}?"
        + _DECIDERS
        + r"|(?:menerbitkan|menyampaikan|mengeluarkan|memberikan) rekomendasi|mengirim(?:kan)? rekomendasi"
        r"|(?:kasus|perkara|laporan|temuan) yang (?:sudah |telah )?diteruskan)\b",
    ),
    (
        "UNDER_REVIEW",
        # not negated: "pulang tanpa diperiksa", "berkas tak kunjung diproses" (a service refused, no examination)
        r"\b(?<!tanpa )(?<!batal )(?<!kunjung )(?<!tidak )(?<!tak )"
        r"(?:dipanggil|memanggil|klarifikasi|dikaji|mengkaji|(?<!lembaga )(?<!pusat )kajian|diperiksa|memeriksa"
        r"|pemeriksaan(?! kesehatan| ibu| kehamilan| pasien| gigi| mata| darah| fisik| medis)|"
        # a bare "menangani" stays reported (README "Statuses, announced vs begun"), not the case taken to Sentra
        # Gakkumdu: "Gakkumdu Kabupaten X menangani dugaan ...", "sudah kami bahas di Gakkumdu"
        r"gakkumdu\b[^.]{0,80}?\bmenangani|\b(?:di|oleh)\s+(?:sentra\s+)?gakkumdu|"
        r"(?<!divisi )penanganan|mendalami|menelusuri|masih (?:diproses|ditangani)|investigasi|penyelidikan|penyidikan|"
        r"dimintai keterangan|meminta keterangan|memproses|diproses|menindaklanjuti laporan|pemanggilan|"
        r"(?:di|meng)klarifikasi|penelusuran|didalami|ditelusuri|dijadwalkan (?:menjalani|diperiksa|dipanggil)"
        r"|menindaklanjuti (?:\w+\s+)?(?:video|temuan|unggahan|informasi|dugaan|aduan|pengaduan|kasus|rekaman|foto)"
        r"|(?:kami|sedang|tengah|masih) (?:dalami|kaji|periksa|panggil|telusuri|klarifikasi))\b",
    ),
    (
        "REPORTED",
        r"\b(?:dilaporkan|melaporkan|laporan|diadukan|mengadukan|pengaduan|temuan|viral|beredar|terekam|registrasi"
        r"|diregistrasi|teregistrasi|meregistrasi)\b",
    ),
]
# On lower-cased text.
_STATUS_RE = [(status, quick(re.compile(pattern.lower()))) for status, pattern in _STATUS]
_ANY_STAGE = quick(re.compile("|".join(f"(?:{pattern.lower()})" for _, pattern in _STATUS)))


def words_of(pattern: str) -> tuple[str, ...]:
    """The literal words of a pattern: any match contains one of them (as a substring).

    Lookarounds ("(?<!yang )") and the list of deciding bodies (which follows a forwarding verb that is
    itself a word here) require nothing of a match, so their words would only open the gate needlessly.
    """
    pattern = re.sub(r"\(\?<?[!=][^()]*\)", "", pattern.replace(_DECIDERS, ""))
    # Optional groups ("(?:kami |sudah )?", "(?:kan)?", "{0,2}") are not needed by a match either.
    while True:
        shorter = re.sub(r"\((?:\?:)?[^()]*\)(?:\?|\{0,\d+\}\??|\*\??)", "", pattern)
        if shorter == pattern:
            break
        pattern = shorter
    return tuple(sorted({w for w in re.findall(r"(?<!\\)[a-z]{3,}", pattern) if w not in {"divisi"}}))


def maybe(sentence: str, words: tuple[str, ...]) -> bool:
    """Whether a pattern with these :func:`words_of` can match the sentence at all (a cheap substring test)."""
    return any(w in sentence for w in words)


# Sentences about what may or will happen ("akan memanggil", "kalau memenuhi unsur, kami teruskan").
_CONDITIONAL = quick(
    re.compile(
        r"\b(?:jika|kalau|apabila|bila|seandainya|akan|bakal(?! (?:calon|pasangan|paslon))|bisa|dapat|apakah"
        r"|berpotensi|terancam|ancaman|nanti|berjanji|segera|rencana|berencana|hendak|siap|berikutnya|selanjutnya"
        r"|kemungkinan|kewenangan|wewenang|belum)\b"
    )
)
# Checking a report's formal requirements comes before registering it: still only reported.
_FORMAL_CHECK = quick(
    re.compile(
        r"\b(?:syarat (?:formal|formil|materiel|materiil)|kelengkapan|sebelum diregistrasi|belum diregistrasi)\b"
    )
)
# A sanction asked for ("merekomendasikan ... agar dijatuhi sanksi") is a recommendation, not a sanction.
# So is a sanction recommended to someone ("merekomendasikan Kemendagri menjatuhkan sanksi"), and a civil
# servant's discharge at their own request (a candidate resigning) is no sanction at all.
_REQUEST = re.compile(
    r"\b(?:agar|supaya|meminta|memohon|mengusulkan|usulan|atas permintaan sendiri|mengundurkan diri|pengunduran diri)\b"
    r"|\bmerekomendasikan\b[^.]*\b(?:menjatuhkan|dijatuhi|diberi)\b"
    # A sanction as the purpose or the power of someone else ("diteruskan ke BKN untuk dijatuhi sanksi",
    # "menunggu ... sebelum menjatuhkan sanksi", "atasan yang berwenang menjatuhkan sanksi") and one
    # recommended as a noun ("merekomendasikan pemberhentian") are not imposed yet.
    r"|\b(?:untuk|sebelum|diminta|berwenang|wewenang)\s+(?:\w+\s+){0,2}?(?:menjatuhkan|dijatuhi|diberi|dikenai|dikenakan)\b"
    r"|\b(?:me|di)?rekomendasi\w*\s+(?:\w+\s+){0,2}?(?:pemberhentian|pencopotan|pembebastugasan|penurunan|pemotongan|penundaan|sanksi)\b"
)
# "tidak dapat diteruskan" is a refusal to go on, not a possibility.
_REFUSED = re.compile(r"\btidak (?:dapat|bisa) (?:diteruskan|ditindaklanjuti|dilanjutkan|diproses)\b")
# A count of cases ("6 perkara ... diteruskan, sementara 3 perkara lainnya dihentikan", "Sisanya ...") states
# the stage of a tally, not of one case.
_TALLY = re.compile(
    r"\b\d+\s+(?:kasus|perkara|laporan|temuan|dugaan|aduan|pengaduan|asn|pns|orang|pegawai|rekomendasi)\b"
    r"|\b(?:sisanya|selebihnya|\d+\s+(?:di antaranya|lainnya))\b"
)
# Stopping without a case noun stops a person or an act ("pengendara dihentikan patroli", "pungutan kami
# hentikan", "pleno dihentikan"), not the handling of a report.
_STOPPED = re.compile(r"\b(?:di|kami |sudah |telah )?hentikan\b|\bpenghentian\b")
_CASE_NOUN = re.compile(
    r"\b(?:laporan|kasus|perkara|penanganan|proses|temuan|pemeriksaan|penyelidikan|penyidikan|dugaan|aduan"
    r"|pengaduan|kajian|unsur|bukti|status)\b"
)
# Posters, stickers and banners taken down are objects removed, not an official removed from office.
_OBJECT_REMOVED = re.compile(
    r"\b(?:stiker|spanduk|baliho|poster|alat peraga|apk|banner|atribut|bendera|pamflet|selebaran)\b"
    r"(?:\s+[\w-]+){0,6}?\s+(?:juga\s+|telah\s+|sudah\s+)*(?:dicopot|diturunkan)\b"
    r"|\bpencopotan (?:stiker|spanduk|baliho|poster|alat peraga|apk|banner|atribut)\b"
)
# A review still ahead ("menyiapkan undangan klarifikasi", "menunggu hasil kajian") or a passive one as the
# purpose of a step ("diteruskan ke Bawaslu untuk dikaji") is not under way; "untuk pemeriksaan lebih
# lanjut" / "untuk memberikan klarifikasi" (asked of the accused) is.
_AHEAD_BEFORE = re.compile(r"\b(?:tinggal|menyiapkan|disiapkan|menunggu|sebelum)\s+(?:\w+\s+)?$")
# "sudah/telah (kami) ..." right before the stage states it as done, whatever the rest of the sentence
# supposes ("Kasus RS sudah kami teruskan ke KASN, biar jadi contoh bahwa ... tidak bisa ...").
_DONE_BEFORE = re.compile(r"\b(?:sudah|telah)\s+(?:kami\s+|pihaknya\s+)?$")
_SAID_ASN = re.compile(r"\b(?:berstatus|seorang|sebagai|merupakan|adalah)\s+(?:ASN|aparatur sipil negara)\b")


@dataclass(frozen=True)
class Stages:
    """Where a story states each stage, and the sentences that rule a stage out."""

    at: dict[str, set[int]]  # per stage, the sentences that state it
    conditional: set[int]  # sentences about what may or will happen
    formal_check: set[int]  # sentences about checking a report's formal requirements


def stage_sentences(doc: Doc, candidates: list[str]) -> Stages:
    """Per stage, the sentences that state it (computed once per story, when a case needs it).

    ``candidates`` are the story's sentences, lower-cased.
    """
    low = lower_of(doc)
    starts = [s for s, _ in doc._.sentences]

    def sentence_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    conditional = {sentence_of(m.start()) for m in _CONDITIONAL.finditer(low)}
    formal_check = {sentence_of(m.start()) for m in _FORMAL_CHECK.finditer(low)}
    # One search for any stage first: most sentences state none, and an alternation matches a sentence
    # exactly when one of its alternatives does. Only the sentences that state one are read per stage.
    # (Gating each stage on its words instead cost more than it saved: the substring tests over the story.)
    stated = [i for i, sent in enumerate(candidates) if _ANY_STAGE.search(sent)]
    status_at = {
        status: {i for i in stated if pattern.search(candidates[i])} for status, pattern in _STATUS_RE
    }
    return Stages(status_at, conditional, formal_check)


def status_of(doc: Doc, actor_type: str | None, position: str | None, sentences: set[int]) -> str:
    """The actor type: the status the accused's sentences state (PPPK, PNS, honorer), else what the
    position implies."""
    kind = actor_type or "ASN"
    if kind not in {"PNS", "ASN", "PPPK", "LAINNYA"}:
        return kind
    if position in {"PNS", "PPPK", "honorer"}:
        # "berinisial AH (34) yang berstatus PNS dan RK (27), tenaga honorer": a post that is a status is theirs,
        # whatever status their sentences give another person.
        return "LAINNYA" if position == "honorer" else position
    text = text_of(doc)
    said = " ".join(text[s:e] for s, e in (doc._.sentences[i] for i in sorted(sentences)))
    # "FH bukan PNS ataupun PPPK, melainkan tenaga honorer": a status denied is not theirs.
    said = _DENIED_STATUS.sub(" ", said)
    if re.search(r"\bPPPK\b|perjanjian kerja", said):
        return "PPPK"
    if re.search(r"\bPNS\b|pegawai negeri\b", said, re.IGNORECASE):
        return "PNS"
    if re.search(r"\bhonorer\b|tenaga kontrak", said, re.IGNORECASE) and position in {
        "guru",
        "bidan",
        "perawat",
        "staf",
        "pegawai",
        "honorer",
        "operator",
    }:
        return "LAINNYA"
    if kind == "LAINNYA" and _SAID_ASN.search(said):
        return "ASN"  # "anggota PPS ..., berstatus ASN": a civil servant on an election body (README)
    if kind == "PNS" and _functional(position) and not _ANY_STATUS.search(f"{title_of(doc)}\n{text}"):
        # "Yakobus Benu, guru SMA Negeri 3 Kupang": a post a PPPK may hold too, and the story states no status
        # anywhere: a civil servant, no more (README "Actor types").
        return "ASN"
    return kind


_DENIED_STATUS = re.compile(
    r"\b(?:bukan|tidak\s+berstatus|bukanlah)\s+(?:seorang\s+)?(?:PNS|PPPK|ASN|pegawai\s+negeri(?:\s+sipil)?)"
    r"(?:\s*(?:,|atau|ataupun|maupun|dan)\s*(?:PNS|PPPK|ASN))*",
    re.IGNORECASE,
)
_ANY_STATUS = re.compile(r"\b(?:PNS|PPPK)\b|pegawai negeri|perjanjian kerja|\b[Hh]onorer\b|tenaga kontrak")


def _functional(position: str | None) -> bool:
    """Whether the post is a functional one a PPPK may hold too, maybe with its field ("guru seni budaya")."""
    posts = lexicon().functional
    return bool(position) and any(position == p or position.startswith(p + " ") for p in posts)


def _done(status: str, sentence: str) -> bool:
    """Whether a match of the stage is told as done ("sudah kami teruskan")."""
    pattern = dict(_STATUS_RE)[status]
    return any(
        _DONE_BEFORE.search(sentence[max(0, m.start() - 20) : m.start()]) for m in pattern.finditer(sentence)
    )


def _only_ahead(sentence: str) -> bool:
    """Whether every review the sentence states is a purpose or still ahead ("untuk dikaji")."""
    for m in dict(_STATUS_RE)["UNDER_REVIEW"].finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if not (_AHEAD_BEFORE.search(before) or (before.endswith("untuk ") and m.group().startswith("di"))):
            return False
    return True


def _only_stopped(sentence: str) -> bool:
    """Whether every dismissal the sentence states is a bare stop ("dihentikan")."""
    return all(_STOPPED.fullmatch(m.group()) for m in dict(_STATUS_RE)["DISMISSED"].finditer(sentence))


def _only_objects_removed(sentence: str) -> bool:
    """Whether the sentence's sanction is only campaign material taken down ("stiker dicopot petugas")."""
    if not _OBJECT_REMOVED.search(sentence):
        return False
    rest = _OBJECT_REMOVED.sub(" ", sentence)
    return not dict(_STATUS_RE)["SANCTIONED"].search(rest)


def case_status(
    doc: Doc,
    stages: Stages,
    candidates: list[str],
    own: list[int],
    section: set[int] | None,
    others: set[int],
) -> str | None:
    """The furthest stage a (non-conditional) sentence about this case states.

    A sentence that counts many cases ("6 kasus telah diteruskan, 5 lainnya dihentikan") is about
    the tally, not this case, unless it names the accused. In a story with several cases, the
    case's own section (from its first mention to the next case's) is read first, then the rest.
    ``candidates`` are the story's sentences, lower-cased; ``others`` the other cases' sentences.
    """
    boilerplate = doc._.boilerplate
    sentences = doc._.sentences
    counted = {s.sentence for s in doc._.statistics or [] if s.unit != "percent"}
    mine = set(own)
    sents = candidates  # lower-cased; the tally, request and refusal patterns run on few sentences

    def tally(i: int) -> bool:  # another case's own sentences state that case's stage
        return i not in mine and (i in counted or i in others or bool(_TALLY.search(sents[i])))

    scopes = [section | set(own), None] if section is not None else [None]
    for scope in scopes:
        for status in ("SANCTIONED", "DISMISSED", "RECOMMENDED", "UNDER_REVIEW", "REPORTED"):
            for index in stages.at[status]:
                if index < 0 or in_ranges(sentences[index][0], boilerplate) or tally(index):
                    continue
                if scope is not None and index not in scope:
                    continue
                if status != "REPORTED" and index in stages.conditional:
                    if not (status == "DISMISSED" and _REFUSED.search(sents[index])) and not _done(
                        status, sents[index]
                    ):
                        continue
                if status == "UNDER_REVIEW" and (index in stages.formal_check or _only_ahead(sents[index])):
                    continue
                if status == "SANCTIONED" and (
                    _REQUEST.search(sents[index]) or _only_objects_removed(sents[index])
                ):
                    continue
                if (
                    status == "DISMISSED"
                    and not _CASE_NOUN.search(sents[index])
                    and _only_stopped(sents[index])
                ):
                    continue
                return status
    return None
