"""``netra_statistics``: published figures about cases, reports, persons and actions (codebook §5).

A figure is a number in Indonesian format ("2.034", "78,5") followed by a
unit word ("kasus", "laporan", "ASN", "persen", "%", "rekomendasi"). Counts of
people need a reporting cue in the sentence ("mencatat", "sebanyak",
"terbukti", "data"), so that "mengumpulkan 9 kepala desa" in a case narrative
is not a statistic. A figure without its own unit word takes the unit of the
figure before it in the sentence ("Dari 63 dugaan pelanggaran itu, 41 berasal
dari temuan"). The same value and unit twice in a story is one statistic.
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
    r"\b(?:mencatat|tercatat|catatan|data|terdapat|sebanyak|sejumlah|total|jumlah|menangani|ditangani|terbukti|"
    r"melanggar|pelanggaran|dijatuhi|sanksi|direkomendasikan|rekomendasi|ditindaklanjuti|dilaporkan|terlapor|"
    r"diproses|di antaranya|rekapitulasi|temuan)\b",
    re.IGNORECASE,
)
_SUBJECT_STOP = re.compile(
    r"\s(?:sepanjang|selama|sejak|pada|yang|telah|sudah|dan|atau|di|dari|ke|kepada|untuk|menjelang|hingga|"
    r"sampai|dengan|itu|tersebut|masih|berasal|merupakan)\b|[,.;:\"”]"
)
_RECIPIENT = re.compile(r"\b(?:kepada|ke|oleh)\s+$", re.IGNORECASE)
_SOURCE_VERBS = re.compile(
    r"\b(?:mencatat|mendata|merilis|data|menangani|menerima|menemukan|mengumumkan|melaporkan)\b"
)


class StatisticsTagger:
    """Write ``doc._.statistics``: :class:`nlp.model.Statistic` in text order."""

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        institutions: list[InstitutionMention] = doc._.institutions or []
        sentences = doc._.sentences or []
        period = find_period(text)
        source = self._story_source(text, sentences, institutions)
        seen: set[tuple[float, str]] = set()
        stats: list[Statistic] = []
        for index, (start, end) in enumerate(sentences):
            if in_boilerplate(doc, start):
                continue
            last_unit = None
            person_cue: bool | None = None  # searched only when a count of people needs it (few sentences do)
            for match in _FIGURE.finditer(text, start, end):
                if _BEFORE_SKIP.search(text[max(start, match.start() - 12) : match.start()]):
                    continue
                if match.group("scale"):
                    continue  # money and large counts of votes, not case figures
                unit_match = _UNIT_RE.match(text, match.end("num"), end)
                unit = unit_match.lastgroup if unit_match else None
                if unit != "percent" and text[max(start, match.start() - 1) : match.start()] == "(":
                    continue  # "(41)" after a name is an age; "(88,5%)" is a figure
                if unit is None:
                    follow = text[match.end() : match.end() + 25]
                    if (
                        last_unit
                        and last_unit != "percent"
                        and re.match(
                            r"\s+(?:[a-z]+\s+)?(?:berasal|merupakan|di antaranya|sudah|telah|masih|dinyatakan|diteruskan|dihentikan)",
                            follow,
                        )
                    ):
                        unit = last_unit
                    else:
                        continue
                if unit == "persons":
                    if person_cue is None:
                        person_cue = bool(_PERSON_CUE.search(text, start, end))
                    if not person_cue:
                        continue
                value = parse_number(match.group("num"))
                if unit != "percent" and not float(value).is_integer():
                    continue
                if unit != "percent" and 1900 <= value <= 2100 and not unit_match:
                    continue
                last_unit = unit
                key = (value, unit)
                if key in seen:
                    continue
                seen.add(key)
                subject = self._subject(text, match, unit_match, start, end)
                local = find_period(text, start, end) or period
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
        for inst in institutions:
            if start <= inst.start < end and inst.role in {"OVERSIGHT", "CIVIL_SOCIETY"}:
                if _RECIPIENT.search(text[max(start, inst.start - 10) : inst.start]):
                    continue
                return inst.name
        return None

    @staticmethod
    def _story_source(
        text: str, sentences: list[tuple[int, int]], institutions: list[InstitutionMention]
    ) -> str | None:
        candidates = [i for i in institutions if i.role in {"OVERSIGHT", "CIVIL_SOCIETY"}]
        for start, end in sentences:
            if _SOURCE_VERBS.search(text, start, end):
                for inst in candidates:
                    if start <= inst.start < end:
                        return inst.name
        return candidates[0].name if candidates else None


@Language.factory("netra_statistics")
def make_statistics(nlp: Language, name: str) -> StatisticsTagger:
    """Factory for :class:`StatisticsTagger`."""
    return StatisticsTagger()
