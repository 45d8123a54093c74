"""``netra_statistics``: published figures about cases, reports, persons and actions (codebook §5).

A figure is a number in Indonesian format ("2.034", "78,5") followed by a
unit word ("kasus", "laporan", "ASN", "persen", "%", "rekomendasi"). Counts of
people need a reporting cue in the sentence ("mencatat", "sebanyak",
"terbukti", "data"), so that "mengumpulkan 9 kepala desa" in a case narrative
is not a statistic. A figure without its own unit word takes the unit of the
figure before it in the sentence ("Dari 63 dugaan pelanggaran itu, 41 berasal
dari temuan"), also across a sentence or two ("Sebanyak 17 di antaranya ...")
or the unit its clause names ("Dari seluruh perkara itu, 29 ...") or its
predicate says ("22 merupakan laporan masyarakat"). The lower figure of a range
or pair ("antara 20 hingga 25 persen", "masing-masing 11 dan 9 kasus") takes the
upper one's unit. Counts at ceremonies, vote shares and targets, pay cuts and
money are not case figures (corpus README, "Statistics"). The same value and
unit twice in a story is one statistic.
Period and source organisation come from the sentence, else from the story.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.sentences import in_boilerplate
from nlp.dates import find_period
from nlp.extensions import text_of
from nlp.model import InstitutionMention, Statistic
from nlp.numerals import NUMBER, parse_number
from nlp.quick_regex import quick

_UNITS = [
    ("percent", r"%|persen\b"),
    ("reports", r"(?:laporan|aduan|pengaduan)\b"),
    ("cases", r"(?:kasus|perkara|(?:dugaan\s+)?pelanggaran|dugaan|temuan|kejadian)\b"),
    (
        "actions",
        r"(?:rekomendasi|sanksi|putusan|keputusan|teguran|surat\s+teguran|hukuman|tindak\s+lanjut)\b",
    ),
    (
        "persons",
        r"(?:ASN|PNS|PPPK|orang|pegawai|aparatur|aparat|guru|kepala\s+desa|kades|perangkat\s+desa|camat|lurah|"
        r"terlapor|pejabat|personel|anggota|pelanggar|honorer|tenaga\s+honorer|bidan|tenaga\s+kesehatan|"
        r"kepala\s+sekolah|penyelenggara|petugas)\b",
    ),
]
_UNIT_RE = re.compile(
    r"\s*(?:\(?\s*)?(?:" + "|".join(f"(?P<{u}>{p})" for u, p in _UNITS) + ")", re.IGNORECASE
)
_FIGURE = re.compile(NUMBER + r"(?P<scale>\s+(?:ribu|juta|miliar)\b)?")
_BEFORE_SKIP = re.compile(
    r"(?:\b(?:nomor|no\.?|urut|pasal|pukul|rp\.?|uu|pp|perpres|permen|tahun|negeri|rt|rw|km|tps|lantai|ke|"
    r"kelas|tanggal|periode)\s*|/)$",
    re.IGNORECASE,
)
_PERSON_CUE = re.compile(
    r"\b(?:mencatat|tercatat|catatan|data|terdapat|sebanyak|sejumlah|total|jumlah|(?:me|di)nangani|terbukti|"
    r"melanggar|pelanggaran|(?:di|men)jatuhi|sanksi|(?:di|me)?rekomendasi(?:kan)?|(?:di|me)nindaklanjuti|"
    r"dilaporkan|terlapor|(?:di|mem)proses|di antaranya|rekapitulasi|temuan|dikena(?:i|kan)|(?:di|mem)bebaskan|"
    r"(?:di|mem)berhentikan|ditegur|terbanyak|teratas|tertinggi|terendah|urutan|(?:di|me)nyusul|totalnya|jumlahnya|"
    r"sanksinya|dijatuhkan|putusan|menyeret|terseret)\b",
    re.IGNORECASE,
)
# Counts of people at a ceremony ("144 kepala desa menandatangani pakta integritas") are not about cases,
# unless the sentence also speaks of breaches.
_CEREMONY = re.compile(
    r"\b(?:pakta integritas|ikrar|sosialisasi|bimbingan teknis|bimtek|apel|pelantikan|dilantik|deklarasi netralitas"
    r"|penandatanganan)\b",
    re.IGNORECASE,
)
_BREACH = re.compile(
    r"\b(?:melanggar|pelanggaran|terbukti|sanksi|dilaporkan|terlapor|diduga)\b", re.IGNORECASE
)
# A share of votes, a target, or a cut of pay as a sanction is not a figure about cases.
_NOT_CASE_SHARE = re.compile(
    r"\b(?:suara|perolehan|elektabilitas|(?:men)?target(?:kan)?|kemenangan|tunjangan|gaji|pemotongan|anggaran|"
    r"stunting|inflasi|pertumbuhan)\b[^.,;]{0,30}$",
    re.IGNORECASE,
)
# A bare figure that goes on about a count just given ("Sebanyak 17 di antaranya melibatkan ...",
# "29 melibatkan ASN, sedangkan 12 lainnya ...", "Sisanya 14 kami hentikan") takes that count's unit.
_CONTINUES = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:berasal|merupakan|di antaranya|sudah|telah|masih|dinyatakan|diteruskan|dihentikan|"
    r"lainnya|berupa|terkait|menyangkut|kami|(?:di|me|ber|ter)[a-z]{3,})\b"
)
_PREDICATE_UNIT = re.compile(r"\s+(?:berasal\s+dari|merupakan|berupa|adalah)\s+")
# "Dari seluruh perkara itu, 29 ..." names the unit of the bare figure that follows.
_OF_WHOLE_SCAN = quick(re.compile(r"\b[Dd]ari\s+(?:(?:seluruh|semua|total|jumlah|sebanyak)\s+)?"))
# The lower figure of a range ("antara 20 hingga 25 persen", "20-25 kasus") or of a pair ("masing-masing
# 11 dan 9 kasus") has the upper one's unit.
_RANGE_UPPER = re.compile(r"\s*(?:-|–|hingga|sampai(?:\s+dengan)?|s\.?d\.?|s/d|dan)\s*" + NUMBER)
# How many sentences back a count may be that a bare figure goes on about.
_CARRY_SENTENCES = 2
_SUBJECT_STOP = re.compile(
    r"\s(?:sepanjang|selama|sejak|pada|yang|telah|sudah|dan|atau|di|dari|ke|kepada|untuk|menjelang|hingga|"
    r"sampai|dengan|itu|tersebut|masih|berasal|merupakan)\b|[,.;:\"”]"
)
_RECIPIENT = re.compile(r"\b(?:kepada|ke|oleh)\s+$", re.IGNORECASE)
_SOURCE_VERBS = quick(
    re.compile(r"\b(?:mencatat|mendata|merilis|data|menangani|menerima|menemukan|mengumumkan|melaporkan)\b")
)


def _named_whole(text: str, start: int, at: int) -> str | None:
    """The unit of "Dari (seluruh) perkara itu," in the clause before a bare figure, if it is there."""
    clause = text.rfind(",", start, at)
    if clause < 0:
        return None
    for of in _OF_WHOLE_SCAN.finditer(text, start, clause):
        unit = _UNIT_RE.match(text, of.end(), clause)
        if unit and unit.lastgroup != "percent":
            return unit.lastgroup
    return None


class StatisticsTagger:
    """Write ``doc._.statistics``: :class:`nlp.model.Statistic` in text order."""

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        institutions: list[InstitutionMention] = doc._.institutions or []
        sentences = doc._.sentences or []
        story_period: list[tuple[str | None, str] | None] = []  # the story's period, found when first needed
        source = self._story_source(text, sentences, institutions)
        seen: set[tuple[float, str]] = set()
        stats: list[Statistic] = []
        carried: tuple[int, str] | None = None  # (sentence, unit) of the story's last count
        for index, (start, end) in enumerate(sentences):
            if in_boilerplate(doc, start):
                continue
            last_unit = carried[1] if carried and index - carried[0] <= _CARRY_SENTENCES else None
            person_cue: bool | None = None  # searched only when a count of people needs it (few sentences do)
            ceremony: bool | None = None
            for match in _FIGURE.finditer(text, start, end):
                if _BEFORE_SKIP.search(text[max(start, match.start() - 12) : match.start()]):
                    continue
                scale = match.group("scale")
                if scale:
                    # "1,2 ribu laporan" is a count; "Rp 1,2 juta" and "2 juta suara" are not case figures.
                    unit_match = _UNIT_RE.match(text, match.end("scale"), end)
                    if unit_match is None or unit_match.lastgroup == "percent":
                        continue
                else:
                    unit_match = _UNIT_RE.match(text, match.end("num"), end)
                if unit_match is None and (upper := _RANGE_UPPER.match(text, match.end(), end)):
                    unit_match = _UNIT_RE.match(text, upper.end("num"), end)
                unit = unit_match.lastgroup if unit_match else None
                if unit != "percent" and text[max(start, match.start() - 1) : match.start()] == "(":
                    continue  # "(41)" after a name is an age; "(88,5%)" is a figure
                if unit is None and (said := _PREDICATE_UNIT.match(text, match.end(), end)):
                    # "22 merupakan laporan masyarakat", "31 berasal dari laporan": the predicate says the unit.
                    predicate = _UNIT_RE.match(text, said.end(), end)
                    unit = predicate.lastgroup if predicate and predicate.lastgroup != "persons" else None
                if unit is None:
                    named = _named_whole(text, start, match.start())
                    if named and _CONTINUES.match(text, match.end(), end):
                        unit = named
                    elif last_unit and last_unit != "percent" and _CONTINUES.match(text, match.end(), end):
                        unit = last_unit
                    else:
                        continue
                if unit == "persons":
                    if person_cue is None:
                        person_cue = bool(_PERSON_CUE.search(text, start, end))
                    if not person_cue:
                        continue
                    if ceremony is None:
                        ceremony = bool(_CEREMONY.search(text, start, end)) and not _BREACH.search(
                            text, start, end
                        )
                    if ceremony:
                        continue
                if unit == "percent" and _NOT_CASE_SHARE.search(
                    text, max(start, match.start() - 60), match.start()
                ):
                    continue
                value = parse_number(match.group("num"), scale.strip() if scale else None)
                if unit != "percent" and not float(value).is_integer():
                    continue
                if unit != "percent" and 1900 <= value <= 2100 and not unit_match:
                    continue
                if unit != "percent":  # "183 ASN atau 45,4 persen ..., 97 di antaranya" goes on about ASN
                    last_unit = unit
                    carried = (index, unit)
                key = (value, unit)
                if key in seen:
                    continue
                seen.add(key)
                subject = self._subject(text, match, unit_match, start, end)
                local = find_period(text, start, end)
                if local is None:
                    if not story_period:
                        story_period.append(find_period(text))
                    local = story_period[0]
                org = self._sentence_source(text, start, end, institutions) or source
                stats.append(
                    Statistic(
                        start=match.start(),
                        end=(unit_match.end() if unit_match else match.end()),
                        value=value,
                        unit=unit,
                        subject=subject,
                        sentence=index,
                        period_start=local[0] if local else None,
                        period_end=local[1] if local else None,
                        source_org=org,
                    )
                )
        doc._.statistics = stats
        return doc

    @staticmethod
    def _subject(
        text: str, match: re.Match[str], unit_match: re.Match[str] | None, start: int, end: int
    ) -> str:
        if unit_match and unit_match.lastgroup != "percent":
            pos = unit_match.start(unit_match.lastgroup)
            stop = _SUBJECT_STOP.search(text, unit_match.end(), end)
            phrase = text[pos : stop.start() if stop else end]
        else:
            after = unit_match.end() if unit_match else match.end()
            stop = _SUBJECT_STOP.search(text, after + 1, end)
            phrase = text[after : stop.start() if stop else end].strip()
            if len(phrase.split()) < 2:
                clause_start = max(
                    text.rfind(",", start, match.start()), text.rfind('"', start, match.start()), start
                )
                phrase = text[clause_start : match.start()].strip(' ,"')
        words = re.sub(r"\s+", " ", phrase).strip(" ,.()").split()
        return " ".join(words[:10]) or "kasus"

    @staticmethod
    def _sentence_source(
        text: str, start: int, end: int, institutions: list[InstitutionMention]
    ) -> str | None:
        recipients: set[str] = set()
        for inst in institutions:
            if start <= inst.start < end and inst.role in {"OVERSIGHT", "CIVIL_SOCIETY"}:
                if _RECIPIENT.search(text[max(start, inst.start - 10) : inst.start]):
                    recipients.add(inst.name)  # its bracketed short form after it is the recipient too
                    continue
                if inst.name not in recipients:
                    return inst.name
        return None

    @staticmethod
    def _story_source(
        text: str, sentences: list[tuple[int, int]], institutions: list[InstitutionMention]
    ) -> str | None:
        candidates = [i for i in institutions if i.role in {"OVERSIGHT", "CIVIL_SOCIETY"}]
        if not candidates:
            return None  # no body to name: no sentence needs reading
        for start, end in sentences:
            if _SOURCE_VERBS.search(text, start, end):
                for inst in candidates:
                    # "diteruskan ke KASN": the body a count went to did not publish it
                    if start <= inst.start < end and not _RECIPIENT.search(
                        text[max(start, inst.start - 10) : inst.start]
                    ):
                        return inst.name
        return candidates[0].name if candidates else None


@Language.factory("netra_statistics")
def make_statistics(nlp: Language, name: str) -> StatisticsTagger:
    """Factory for :class:`StatisticsTagger`."""
    return StatisticsTagger()
