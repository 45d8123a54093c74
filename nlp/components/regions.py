"""``netra_regions``: provinces and regencies/cities in the text, resolved to canonical names.

A spaCy ``PhraseMatcher`` finds every surface form the gazetteer knows
(:meth:`nlp.regions.Gazetteer.surface_forms`). Prefixed forms ("Kabupaten
Gowa", "Kab. Gowa", "Pemkab Gowa", "Kota Medan") and provinces resolve at once.
Bare names ("Gowa", "Malang") need context: a bare name inside a longer proper
name ("Lurah Tegal Sari", "Universitas Lampung", "Kecamatan Kediri") is not a
regency; one shared by several regencies is settled by the prefixed form the text
writes ("Kota Serang" once makes every "Serang" the city), else by the
provinces the text names. "Kecamatan X" places the story in X's regency when only one regency
has such a kecamatan, and the dateline's city (or the regency whose capital it
is) counts too.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.util import filter_spans

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.extensions import text_of
from nlp.model import RegionMention
from nlp.quick_regex import quick
from nlp.regions import Gazetteer, Region, gazetteer

# Bare names that are also common words or first names; they count only with a prefix.
AMBIGUOUS_BARE = frozenset({"Batu", "Puncak", "Kaur", "Bima", "Malaka", "Banjar", "Pati", "Buru", "Kota"})
# Words that make the capitalised name after them something other than a regency or city.
NOT_REGION_BEFORE = frozenset(
    """
    lurah kelurahan desa kades kampung dusun jalan jl jln kecamatan kec camat distrik nagari gampong
    dukuh banjar pasar universitas bandara pelabuhan gunung sungai pantai teluk pulau masjid gereja
    hotel gedung lapangan stadion rsud puskesmas sd sdn smp smpn sma sman smk smkn mts man min sekolah
    polsek koramil kelurahan perumahan kompleks taman blok simpang bukit danau tanjung muara kuala
    """.split()
)
_DISTRICT = quick(
    re.compile(
        r"\b(?:Kecamatan|kecamatan|Kec\.|Distrik|distrik)\s+((?:[A-Z][\w'’-]*)(?:\s+[A-Z][\w'’-]*){0,3})"
    )
)
_DATELINE_OUTLET = re.compile(r"\.|^\(|\)$|^[|,]$")


class RegionTagger:
    """Find and resolve region mentions; writes ``doc._.regions``."""

    def __init__(self, nlp: Language, gaz: Gazetteer | None = None) -> None:
        self.gaz = gaz or gazetteer()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.keys: dict[int, tuple[str, Region]] = {}
        groups: dict[str, list[str]] = {}
        for form, kind, region in self.gaz.surface_forms():
            key = f"{kind}|{region.province}|{region.regency or ''}"
            variants = {form, form.upper()}
            first, _, rest = form.partition(" ")
            if rest and first in {"Kabupaten", "Kota", "Provinsi"}:
                variants.add(f"{first.lower()} {rest}")
            groups.setdefault(key, []).extend(sorted(variants))
        for key, forms in groups.items():
            kind, prov, reg = key.split("|")
            match_id = nlp.vocab.strings.add(key)
            self.keys[match_id] = (kind, Region(prov, reg or None))
            self.matcher.add(key, list(nlp.tokenizer.pipe(forms)))

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        found: list[tuple[int, int, str, Region, str]] = []  # start, end, kind, region, text
        spans = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            span.label_ = self.keys[match_id][0]
            spans.append((span, match_id))
        kept = {(s.start, s.end) for s in filter_spans([s for s, _ in spans])}
        bare: list[tuple[int, int, str, list[Region]]] = []
        for span, match_id in spans:
            if (span.start, span.end) not in kept:
                continue
            kind, region = self.keys[match_id]
            if kind == "province" and not span.text.startswith(("Provinsi", "Prov", "Pemprov", "Pemerintah")):
                if not self._bare_ok(doc, span.start, span.end):
                    continue
            if kind == "bare":
                if not self._bare_ok(doc, span.start, span.end):
                    continue
                bare.append((span.start_char, span.end_char, span.text, []))
                continue
            found.append((span.start_char, span.end_char, kind, region, span.text))
        # Several keys can match one bare span ("Malang": kabupaten and kota): collect them.
        bare_regions: dict[tuple[int, int], list[Region]] = {}
        for span, match_id in spans:
            kind, region = self.keys[match_id]
            if kind == "bare":
                bare_regions.setdefault((span.start_char, span.end_char), []).append(region)
        provinces = Counter(r.province for _, _, _, r, _ in found)
        # "Kota Serang" written once settles every bare "Serang" of the story (and its dateline).
        named = {r for _, _, k, r, _ in found if k == "regency"}
        for start, end, surface, _ in bare:
            region = self._resolve_bare(surface, bare_regions[(start, end)], provinces, named)
            if region is not None:
                found.append((start, end, "bare", region, surface))
        found.extend(self._districts(text, provinces))
        if doc._.dateline:
            found.extend(self._dateline(text, doc._.dateline, provinces, named))
        found.sort(key=lambda f: (f[0], f[1]))
        doc._.regions = [RegionMention(s, e, t, r, k) for s, e, k, r, t in found]
        return doc

    @staticmethod
    def _bare_ok(doc: Doc, start: int, end: int) -> bool:
        span = doc[start:end]
        if span.text in AMBIGUOUS_BARE:
            return False
        if start > 0:
            prev = doc[start - 1]
            if prev.lower_.rstrip(".") in NOT_REGION_BEFORE:
                return False
            # Inside a longer capitalised name ("Lurah Tegal Sari Mandala"): look back over the name.
            i = start - 1
            while i >= 0 and doc[i].is_title and not doc[i].is_sent_start and i > start - 4:
                if doc[i].lower_ in NOT_REGION_BEFORE:
                    return False
                i -= 1
        return True

    @staticmethod
    def _resolve_bare(
        surface: str,
        candidates: list[Region],
        provinces: Counter[str],
        named: set[Region] | frozenset = frozenset(),
    ) -> Region | None:
        if len(candidates) == 1:
            return candidates[0]
        written = [c for c in candidates if c in named]
        if len(written) == 1:
            return written[0]
        hinted = [c for c in candidates if provinces.get(c.province)]
        if len(hinted) == 1:
            return hinted[0]
        pool = hinted or candidates
        kab = [c for c in pool if c.regency and c.regency.startswith("Kabupaten ")]
        kota = [c for c in pool if c.regency and c.regency.startswith("Kota ")]
        # A kabupaten and a kota of one name in one province: news writes "Kota X" for the city.
        if len(kab) == 1 and len(kota) == 1 and kab[0].province == kota[0].province:
            return kab[0]
        return None

    def _districts(self, text: str, provinces: Counter[str]) -> list[tuple[int, int, str, Region, str]]:
        out = []
        for match in _DISTRICT.finditer(text):
            words = match.group(1).split()
            for n in range(len(words), 0, -1):
                name = " ".join(words[:n])
                candidates = self.gaz.district(name)
                if not candidates:
                    continue
                regencies = list(dict.fromkeys(candidates))
                hinted = [r for r in regencies if provinces.get(r.province)]
                if len(hinted) == 1 or (not hinted and len(regencies) == 1):
                    region = hinted[0] if hinted else regencies[0]
                    end = match.start(1) + len(name)
                    out.append((match.start(), end, "district", region, text[match.start() : end]))
                break
        return out

    def _dateline(
        self, text: str, dateline: tuple[int, int], provinces: Counter[str], named: set[Region]
    ) -> list[tuple[int, int, str, Region, str]]:
        start, end = dateline
        for match in re.finditer(r"[^\s,|()]+(?:\s+[^\s,|()\-–—]+)*", text[start:end]):
            words = [w for w in match.group(0).split() if not _DATELINE_OUTLET.search(w)]
            if not words or words[-1] in {"-", "–", "—"}:
                words = [w for w in words if w not in {"-", "–", "—"}]
            if not words:
                continue
            name = " ".join(words).title()
            candidates = self.gaz.bare_candidates(name) or self.gaz.capital_of(name)
            region = self._resolve_bare(name, candidates, provinces, named) if candidates else None
            if region is None and self.gaz.province(name):
                region = Region(self.gaz.province(name))  # type: ignore[arg-type]
            if region is not None:
                s = start + match.start()
                return [(s, s + len(match.group(0)), "dateline", region, match.group(0))]
        return []


@Language.factory("netra_regions")
def make_regions(nlp: Language, name: str) -> RegionTagger:
    """Factory for :class:`RegionTagger`."""
    return RegionTagger(nlp)


def main_region(mentions: list[RegionMention], start: int = 0, end: int | None = None) -> Region | None:
    """The regency/city a stretch of text is mostly about (the whole text by default).

    Prefixed mentions weigh more than bare names, which weigh more than a
    kecamatan or the dateline; earlier mentions break ties. Returns a
    province-only region when no regency is named.
    """
    weights = {"regency": 3.0, "bare": 2.0, "dateline": 2.0, "district": 1.5, "province": 0.0}
    scores: Counter[Region] = Counter()
    first: dict[Region, int] = {}
    provinces: Counter[str] = Counter()
    for m in mentions:
        if m.start < start or (end is not None and m.start >= end):
            continue
        provinces[m.region.province] += 1
        if m.region.regency:
            scores[m.region] += weights.get(m.kind, 1.0)
            first.setdefault(m.region, m.start)
    if scores:
        return max(scores, key=lambda r: (scores[r], -first[r]))
    if provinces:
        return Region(provinces.most_common(1)[0][0])
    return None
