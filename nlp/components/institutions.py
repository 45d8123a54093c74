"""``netra_institutions``: organisations named in the text, with canonical names and roles.

Three kinds of evidence (codebook §4, corpus README "Institutions"):

* named bodies from ``nlp/data/institutions.yml`` (KASN, BKN, Bawaslu RI,
  parties, civil-society groups), matched by alias with a ``PhraseMatcher``;
* regional bodies (:mod:`nlp.components.bodies`) built from a pattern and the region right after it
  ("Badan Pengawas Pemilu (Bawaslu) Kabupaten Gowa" -> "Bawaslu Kabupaten Gowa",
  "Kepala Dinas Pendidikan Gowa" -> "Dinas Pendidikan Kabupaten Gowa",
  "Bawaslu Sulsel" -> "Bawaslu Provinsi Sulawesi Selatan");
* employers with their own names: schools ("SDN 2 Ngoro" -> "SD Negeri 2 Ngoro"),
  puskesmas, RSUD, village governments, universities, campaign teams, and news
  outlets cited as a source ("kata Syamsul kepada TribunNusa").

Roles here are the defaults of each kind; the case builder marks the accused's
employer as ``EMPLOYER``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.components.bodies import BARE_BODIES, BODIES, Body
from nlp.components.regions import main_region
from nlp.components.sentences import in_ranges
from nlp.extensions import text_of
from nlp.model import InstitutionMention, RegionMention
from nlp.quick_regex import quick
from nlp.regions import Region, gazetteer

DATA = Path(__file__).resolve().parent.parent / "data" / "institutions.yml"
UNIVERSITIES = DATA.with_name("universities.txt")

_CAP = r"[A-Z][\w'’-]*"
_CAPS = rf"{_CAP}(?:\s+(?:{_CAP}|[IVX]+|\d+))*"


_PAREN = re.compile(r"\s*\([^()]{1,60}\)")
_RI = re.compile(r"\s+(?:RI|Republik Indonesia|Pusat)\b")
_DINAS = quick(
    re.compile(rf"\bDinas((?:\s+(?!Dinas\b)(?:{_CAP}|dan|[A-Z]{{2,}}\d*))+)")
)  # "Dinas A dan Dinas B": two
# A field written as a list: "Dinas Perkebunan, Peternakan dan Kesehatan Hewan", "Dinas Pendidikan, Pemuda dan
# Olahraga" (a comma followed by a name without "dan" after it is an apposition, not a field).
_DINAS_LIST = quick(
    re.compile(rf"\bDinas\s+(?:{_CAP}\s+)*?{_CAP}(?:,\s+(?:{_CAP}\s+)*?{_CAP})+\s+dan\s+{_CAP}(?:\s+{_CAP})*")
)
# Items of such a list are fields of government ("Peternakan", "Pemuda", "Keluarga Berencana"), not people.
_FIELD_ITEM = re.compile(r"^(?:\w+(?:an|asi|raga)|Pemuda|Anak|Keluarga|Tenaga|Usaha|Hewan|Kerja)$")


def _is_field_list(words: str) -> bool:
    """ "Perkebunan, Peternakan dan Kesehatan Hewan Kabupaten X": every item before the region is a field."""
    body = re.split(r"\s+(?:Kabupaten|Kota|Provinsi)\b", words, maxsplit=1)[0]
    items = [item for item in re.split(r",\s+|\s+dan\s+", body) if item]
    from nlp.names import NOT_NAME

    if any(w in NOT_NAME for item in items for w in item.split()):
        return False  # "Dinas Sosial, Andi Baso dan Camat Sunggal": someone else's position
    # Most items read as fields ("Tanaman Pangan, Hortikultura dan Perkebunan"); names do not.
    return 2 * sum(bool(_FIELD_ITEM.match(item.split()[0])) for item in items) > len(items)


_SCHOOL = quick(
    re.compile(
        r"\b(?:(SD|SMP|SMA|SMK|MTs|MA|MI)\s*(?:N|Negeri)|(SDN|SMPN|SMAN|SMKN|MTsN|MAN|MIN))\s*(\d{1,3})\s+"
        rf"((?:{_CAP}|[IVX]+)(?:\s+(?:{_CAP}|[IVX]+)){{0,3}})"
    )
)
_SCHOOL_NAME_FIRST = quick(
    re.compile(
        r"\b(?:(SD|SMP|SMA|SMK|MTs|MA|MI)\s*(?:N|Negeri)|(SDN|SMPN|SMAN|SMKN|MTsN|MAN|MIN))\s+"
        rf"((?!Kota\b|Kabupaten\b){_CAP}(?:\s+{_CAP}){{0,2}})\s+(\d{{1,3}})\b"
    )
)
_NAMED = quick(
    re.compile(
        r"\b(?P<kind>Puskesmas|RSUD|Rumah Sakit Umum Daerah|Universitas|Institut|Politeknik|UIN|IAIN|STAIN|Pemerintah Desa|Pemdes"
        r"|Polres(?:ta)?|Polda|Polsek|Pengadilan Negeri|Kejaksaan Negeri|Kejaksaan Tinggi|Kejari|Koramil|Kodim|Korem|Kodam"
        r"|Kapolres(?:ta)?|Kapolsek|Kapolda|Danramil|Dandim|Danrem|Pangdam"
        r"|Balai Penyuluhan Pertanian|Tim Pemenangan|Tim Sukses|Timses|Panwaslu Kecamatan|Panwascam|Panwaslu"
        r"|Panitia Pengawas Pemil(?:u|ihan Umum|ihan) Kecamatan)"
        r"(?:\s*\([A-Z][\w ]{1,30}\))?"  # "Panwaslu Kecamatan (Panwascam) Patikraja"
        r"(?P<rest>(?:\s+(?:dr\.|Dr\.|\d{2,4}/[A-Z][\w]*|\d{2,4}|" + _CAP + r"))+)"
    )
)
# Ad hoc election bodies (README "Election officers"): "anggota PPK Kecamatan Gegesik", "Panitia Pemilihan
# Kecamatan (PPK) Tambang", "PPS Desa Bontomatene", "Panwaslu Kelurahan Kebun Tebeng", "Pengawas
# Kelurahan/Desa (PKD) Cisimeut".
_ADHOC = quick(
    re.compile(
        r"\b(?P<body>PPK|PPS|Panitia Pemilihan Kecamatan|Panitia Pemungutan Suara"
        r"|(?:Panwaslu|Pengawas|Pengawas Pemilu)\s+(?:Kelurahan/Desa|Kelurahan|Desa))"
        r"(?:\s*\([A-Za-z/ ]{2,20}\))?"
        r"(?:\s+(?P<level>Kecamatan|Kelurahan|Desa)\b)?"
        rf"\s+(?P<place>{_CAP}(?:\s+{_CAP}){{0,3}})"
    )
)
# Sub-units of a regional office (README "Institutions"): "UPTD Balai Benih Ikan Dinas Perikanan Kabupaten
# Belitung", "Cabang Dinas Pendidikan Wilayah VII", "Suku Dinas Lingkungan Hidup Jakarta Barat".
_SUBUNIT = quick(
    re.compile(
        r"\b(?P<kind>UPTD|UPT|Cabang Dinas|Suku Dinas)"
        r"(?P<field>(?:\s+(?!(?:Dinas|Wilayah|Kabupaten|Kota|Provinsi|Kecamatan|Puskesmas)\b)(?:[A-Z][\w-]*|dan))+)"
    )
)
_WILAYAH = re.compile(
    r"(?:\s+(?:Dinas\s+(?:[A-Z][\w-]*\s+|dan\s+)*?)?(?:Provinsi\s+(?:[A-Z][\w-]*\s+)*?)?)?"
    r"\s*[Ww]ilayah\s+(?P<area>(?:Kota\s+|Kabupaten\s+)?(?:[A-Z][\w-]*|[IVX]+)"
    r"(?:\s+(?!Dinas\b|Provinsi\b)(?:[A-Z][\w-]*|[IVX]+))?)"
)
_SUBUNIT_GAP = re.compile(r"^(?:,?\s+(?:Dinas|dan|[A-Z][\w-]*))*\s*$")
_BANJAR_BEFORE = re.compile(r"\b[Bb]anjar\s+$")
_DAY_NAMES = frozenset("Senin Selasa Rabu Kamis Jumat Sabtu Minggu Ahad".split())
_BADAN = quick(
    re.compile(r"\bBadan(?P<field>(?:\s+(?:[A-Z][a-z]+|dan))+?)(?=\s*\(|\s+(?:Kabupaten|Kota|Provinsi)\b)")
)
_KNOWN_BADAN = ("Pengawas", "Kepegawaian", "Pusat", "Pemeriksa")
# A branch office or unit inside a dinas ("Cabang Dinas Pendidikan Wilayah VII", "Dinas X Bidang Y").
_DINAS_STOP = frozenset({"Wilayah", "Cabang", "Dinas", "UPT", "UPTD", "Bidang", "Seksi"})
# Words that start another body ("Dinas Sosial dan Pemkab Bantul"): the dinas's name ends before them.
_GOVERNMENT = ("Pemkab", "Pemkot", "Pemprov", "Pemerintah")
# A unit's commander names the unit (README): "Kapolres Sintang" -> Polres Sintang, "Danramil Kalukku" -> Koramil.
_COMMANDED = {
    "Kapolres": "Polres",
    "Kapolresta": "Polresta",
    "Kapolsek": "Polsek",
    "Kapolda": "Polda",
    "Danramil": "Koramil",
    "Dandim": "Kodim",
    "Danrem": "Korem",
    "Pangdam": "Kodam",
}
_PLACE_NAMED = frozenset(
    {"Polres", "Polresta", "Polda", "Polsek", "Pengadilan Negeri", "Kejaksaan Negeri", "Kejari"}
)
_PLACE_TRIMMED = frozenset(
    {"Puskesmas", "RSUD", "Rumah Sakit Umum Daerah", "Universitas", "Institut", "Politeknik"}
)
# Words that do not name a university on their own: in "Universitas Muhammadiyah Sorong" the town is the name.
_GENERIC_NAME_WORDS = frozenset(
    "Muhammadiyah Islam Negeri Kristen Katolik Hindu Terbuka Nahdlatul Ulama Nasional Borneo Teknologi".split()
)
_RANKS = frozenset(
    "bripda briptu brigpol brigadir bripka aipda aiptu ipda iptu akp kompol akbp kombes prada pratu praka kopda "
    "koptu kopka serda sertu serka serma pelda peltu letda lettu kapten mayor letkol kolonel inf kav arh czi dandim "
    "danramil kapolres kapolsek".split()
)
_SCHOOL_LEVEL = {
    "SDN": "SD",
    "SMPN": "SMP",
    "SMAN": "SMA",
    "SMKN": "SMK",
    "MTsN": "MTs",
    "MAN": "MA",
    "MIN": "MI",
}
_STOP_WORDS = frozenset(
    "Kecamatan Kabupaten Kota Provinsi Desa Kelurahan Distrik Jalan Jl Nomor No Pada Dalam Saat Sejak "
    "Hingga Sebagai Yang Itu Ini Bersama Selain Terkait Kepada Kata Ujar Menurut".split()
)
_BARE_PEMDA = re.compile(
    r"\bPem(?:kab|kot|prov)\b(?!\s+[A-Z])|\b(?i:pemerintah (?:kabupaten|kota|provinsi))(?:\s+setempat)?\b(?!\s+[A-Z])"
)
_PEMDA_BEFORE_PLACE = quick(re.compile(r"\bPem(?:kab|kot|prov)\s+(?=[A-Z])"))
_MEDIA_CUE = quick(
    re.compile(
        r"\b(?:kepada|dikutip dari|dilansir(?: dari)?|dihubungi|diwawancarai|ditemui)\s+"
        r"(?P<name>[A-Za-z0-9]+\.(?:co\.id|com|id|net|example)|[A-Z][a-z]+[A-Z][A-Za-z]+(?:\.com)?|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
    )
)


@lru_cache(maxsize=1)
def _data() -> dict:
    with DATA.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@lru_cache(maxsize=1)
def universities() -> list[tuple[str, list[str]]]:
    """Known universities: (official name, aliases) from ``nlp/data/universities.txt``."""
    out = []
    for line in UNIVERSITIES.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, *aliases = (part.strip() for part in line.split("|"))
            out.append((name, aliases))
    return out


_CANDIDACY = re.compile(
    r"(?:calon\s+anggota|caleg|calon\s+legislatif|bakal\s+calon\s+anggota|kursi(?:\s+di)?|bakal\s+caleg|bacaleg|"
    # "Daftar Calon Sementara (DCS) anggota DPRD ...", "surat suara pemilihan anggota DPR RI"
    r"(?:daftar\s+calon\s+\w+(?:\s+\(\w+\))?|\(?dc[st]\)?)\s+anggota|pemilihan\s+anggota)\s+$",
    re.IGNORECASE,
)


def _candidacy(text: str, mention: InstitutionMention) -> bool:
    """ "calon anggota DPRD Sulawesi Selatan", "kursi di DPRD Banggai" name a seat contested or won, not an
    organisation acting."""
    if not (
        mention.name.startswith(("DPR", "DPD")) or mention.text.startswith(("DPR", "DPD", "Dewan Perwakilan"))
    ):
        return False
    return bool(_CANDIDACY.search(text[max(0, mention.start - 60) : mention.start]))


def _is_place_word(word: str) -> bool:
    from nlp.regions import gazetteer

    gaz = gazetteer()
    return bool(gaz.bare_candidates(word) or gaz.capital_of(word) or gaz.province(word))


def _branch_region(written: str) -> str:
    """ "Kabupaten Agam" for "Agam"; the words as written when they name no one region."""
    from nlp.regions import gazetteer

    region = gazetteer().resolve(written)
    return region_label(region) if region is not None else written


def region_label(region: Region) -> str:
    """ "Kabupaten Gowa" for a regency, "Provinsi Jawa Timur" for a province."""
    return region.regency or f"Provinsi {region.province}"


class InstitutionTagger:
    """Find institutions; writes ``doc._.institutions``."""

    def __init__(self, nlp: Language) -> None:
        data = _data()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.named: dict[int, tuple[str, str, str]] = {}  # match id -> (name, role, kind)

        def add(name: str, role: str, kind: str, aliases: list[str]) -> None:
            key = f"{kind}|{name}"
            match_id = nlp.vocab.strings.add(key)
            self.named[match_id] = (name, role, kind)
            forms = sorted({name, *aliases})
            self.matcher.add(key, list(nlp.tokenizer.pipe(forms)))

        for item in data["national"]:
            add(item["name"], item["role"], "national", item.get("aliases") or [])
        for item in data["civil_society"]:
            add(item["name"], item.get("role", "CIVIL_SOCIETY"), "civil_society", item.get("aliases") or [])
        for item in data["parties"]:
            add(item["name"], "PARTY_OR_CANDIDATE", "party", item.get("aliases") or [])
        for name, aliases in universities():
            add(name, "CIVIL_SOCIETY", "university", aliases)
        self.media = sorted(data["media"], key=len, reverse=True)
        self.dinas_acronyms: dict[str, str] = data["dinas_acronyms"]
        bodies = "|".join(f"(?P<{b.kind}>{b.pattern})" for b in BODIES if not b.hints)
        # quick(): a first-character lookahead, the same matches several times faster over a story.
        self.bodies = quick(re.compile(rf"\b(?:{bodies})\b"))
        # Rarely named bodies in one pattern of their own, run only when the text holds one of their words.
        rare = [b for b in BODIES if b.hints]
        self.rare_bodies = quick(
            re.compile(rf"\b(?:{'|'.join(f'(?P<{b.kind}>{b.pattern})' for b in rare)})\b")
        )
        self.rare_hints = tuple(h for b in rare for h in b.hints)
        acronyms = "|".join(sorted((re.escape(a) for a in self.dinas_acronyms), key=len, reverse=True))
        self.dinas_acronym = quick(re.compile(rf"\b(?:Dinas\s+)?(?P<acr>{acronyms})\b"))
        self.badan_acronyms: dict[str, str] = data["badan_acronyms"]
        badan = "|".join(sorted((re.escape(a) for a in self.badan_acronyms), key=len, reverse=True))
        self.badan_acronym = quick(re.compile(rf"\b(?P<acr>{badan})\b"))

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        regions: list[RegionMention] = doc._.regions or []
        by_start = {}
        for m in regions:
            by_start.setdefault(m.start, m)
        home = main_region(regions)
        skip_until = doc._.dateline[1] if doc._.dateline else 0
        found: list[InstitutionMention] = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            name, role, kind = self.named[match_id]
            found.append(InstitutionMention(span.start_char, span.end_char, span.text, name, role, kind))
        found.extend(self._bodies(text, by_start, home))
        found.extend(self._dinas(text, by_start, home))
        found.extend(self._badan(text, by_start, home))
        found.extend(self._schools(text))
        # A university known by name is read whole; the "Universitas X" rule does not read it again.
        known = {f.start for f in found if f.kind == "university"}
        found.extend(
            f for f in self._named(text, by_start, home) if not (f.kind == "university" and f.start in known)
        )
        found.extend(self._pemerintah(regions, text, home))
        if "PP" in text or "Panwaslu" in text or "Pengawas" in text or "Panitia" in text:
            found.extend(self._adhoc(text))
        if "UPT" in text or "Dinas" in text:
            found.extend(self._subunits(text, by_start))
        found.extend(self._media(text))
        named_at = {f.start for f in found if f.kind in {"national", "civil_society", "party", "university"}}
        found.extend(g for g in _groups(text) if g.start not in named_at)
        boilerplate = doc._.boilerplate
        found = [
            f
            for f in found
            if f.start >= skip_until and not in_ranges(f.start, boilerplate) and not _candidacy(text, f)
        ]
        doc._.institutions = self._resolve(found, home)
        return doc

    @staticmethod
    def _region_after(
        text: str, pos: int, by_start: dict[int, RegionMention]
    ) -> tuple[RegionMention | None, int]:
        paren = _PAREN.match(text, pos)
        if paren:
            pos = paren.end()
        # "Gakkumdu se-Kaltim", "Bawaslu se-Jawa Timur": every office of that region, read as its own.
        gap = re.match(r"\s+(?:se-?)?", text[pos:])
        at = pos + (gap.end() if gap else 0)
        mention = by_start.get(at)
        if mention is not None and mention.kind != "dateline":
            return mention, mention.end
        return None, pos

    def _bodies(
        self, text: str, by_start: dict[int, RegionMention], home: Region | None
    ) -> list[InstitutionMention]:
        out = []
        matches = list(self.bodies.finditer(text))
        if any(h in text for h in self.rare_hints):
            matches += self.rare_bodies.finditer(text)
        for match in matches:
            kind = match.lastgroup or ""
            body = next(b for b in BODIES if b.kind == kind)
            end = match.end()
            paren = _PAREN.match(text, end)
            ri = _RI.match(text, paren.end() if paren else end)
            if ri and body.national:
                out.append(self._make(text, match.start(), ri.end(), body.national, body.role, kind))
                continue
            mention, after = self._region_after(text, end, by_start)
            region = mention.region if mention else None
            if region is None and body.local and home is not None:
                region = home
            name = self._build(body, region)
            if name is None and mention is None and body.national:
                name = body.national
                region = None
            if name is None:
                continue
            stop = after if mention else end
            out.append(self._make(text, match.start(), stop, name, body.role, kind, region))
        return out

    @staticmethod
    def _build(body: Body, region: Region | None) -> str | None:
        if region is None:
            return None
        if region.regency and body.regency:
            return body.regency.format(r=region.regency, p=region.province)
        if body.province:
            return body.province.format(p=region.province)
        return None

    def _dinas(
        self, text: str, by_start: dict[int, RegionMention], home: Region | None
    ) -> list[InstitutionMention]:
        out = []
        lists = (
            {m.start(): m.end() for m in _DINAS_LIST.finditer(text) if _is_field_list(m.group(0)[6:])}
            if "," in text and "Dinas" in text
            else {}
        )
        for match in _DINAS.finditer(text):
            if _BANJAR_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue  # "Kelian Banjar Dinas Bukit": a Balinese hamlet, not a regional office
            words_start = match.start(1)
            field_end = max(match.end(1), lists.get(match.start(), 0))
            region_mention = None
            # The field ends where a region starts ("Dinas Pendidikan Kabupaten Gowa", "Dinas Sosial Gowa").
            for m in by_start.values():
                if (
                    words_start < m.start < field_end + 2
                    and m.kind != "dateline"
                    and not m.text.startswith(_GOVERNMENT)
                ):
                    if region_mention is None or m.start < region_mention.start:
                        region_mention = m
            if region_mention is not None:
                field_end = region_mention.start
            field = text[words_start:field_end].strip()
            paren = re.search(r"\s*\(([^()]*)\)\s*$", field)
            field = re.sub(r"\s*\([^()]*\)", "", field).strip()
            words = field.split()
            cut = next(
                (
                    i
                    for i, w in enumerate(words)
                    if (w in _STOP_WORDS and w != "Desa") or w in _DINAS_STOP or w in _GOVERNMENT
                ),
                len(words),
            )
            words = words[:cut]
            while words and words[-1] in {"dan", "Kabupaten", "Kota", "Provinsi"}:
                words.pop()
            if len(words) > 1 and words[-2] != "dan" and _is_place_word(words[-1]):
                # "Dinas Pemberdayaan Masyarakat dan Desa Sambas": the last word is the regency, not the field.
                if region_mention is None or region_mention.start >= field_end:
                    place = words.pop()
                    region_mention = next(
                        (m for m in by_start.values() if m.text == place and m.start > words_start), None
                    )
            if not words:
                continue
            field = " ".join(words)
            field = self.dinas_acronyms.get(field, field)
            if region_mention is None:
                mention, _ = self._region_after(text, match.end(1), by_start)
                region_mention = mention
            region = region_mention.region if region_mention else home
            name = f"Dinas {field}" + (f" {region_label(region)}" if region else "")
            stop = region_mention.end if region_mention else match.start(1) + len(" ".join(words)) + 1
            del paren
            out.append(self._make(text, match.start(), stop, name, "EMPLOYER", "dinas", region))
        for match in self.dinas_acronym.finditer(text):
            field = self.dinas_acronyms[match.group("acr")]
            if match.group("acr") in {"PUPR", "PMD", "Kominfo", "Dukcapil"} and not match.group(0).startswith(
                "Dinas"
            ):
                continue  # bare acronyms: only as "Dinas PUPR", or in brackets after the full name
            mention, after = self._region_after(text, match.end(), by_start)
            region = mention.region if mention else home
            name = f"Dinas {field}" + (f" {region_label(region)}" if region else "")
            out.append(
                self._make(
                    text, match.start(), after if mention else match.end(), name, "EMPLOYER", "dinas", region
                )
            )
        return out

    def _badan(
        self, text: str, by_start: dict[int, RegionMention], home: Region | None
    ) -> list[InstitutionMention]:
        """Other regional agencies: "Badan Penanggulangan Bencana Daerah (BPBD) Kabupaten Konawe Utara",
        "Bappeda Kota Mataram" (an acronym without a region is the story's region's, as for a dinas)."""
        out = []
        for match in _BADAN.finditer(text):
            field = match.group("field").strip()
            if field.startswith(_KNOWN_BADAN):
                continue
            mention, after = self._region_after(text, match.end("field"), by_start)
            if mention is None:
                continue
            name = f"Badan {field} {region_label(mention.region)}"
            out.append(self._make(text, match.start(), after, name, "OTHER", "badan", mention.region))
        present = any(a in text for a in self.badan_acronyms)
        for match in self.badan_acronym.finditer(text) if present else ():
            mention, after = self._region_after(text, match.end(), by_start)
            region = mention.region if mention else home
            if region is None:
                continue
            name = f"Badan {self.badan_acronyms[match.group('acr')]} {region_label(region)}"
            stop = after if mention else match.end()
            out.append(self._make(text, match.start(), stop, name, "OTHER", "badan", region))
        return out

    def _schools(self, text: str) -> list[InstitutionMention]:
        out = []
        for match in _SCHOOL_NAME_FIRST.finditer(text):
            # "SD Negeri Siasem 02": the place, then the number.
            level = match.group(1) or _SCHOOL_LEVEL[match.group(2)]
            name = f"{level} Negeri {match.group(3)} {match.group(4)}"
            out.append(self._make(text, match.start(), match.end(), name, "EMPLOYER", "school"))
        for match in _SCHOOL.finditer(text):
            level = match.group(1) or _SCHOOL_LEVEL[match.group(2)]
            words = []
            for i, word in enumerate(match.group(4).split()):
                if word in _STOP_WORDS and not (i == 0 and word == "Kota"):  # "SMP Negeri 14 Kota Serang"
                    break
                words.append(word)
            if words == ["Kota"]:
                continue
            if not words:
                continue
            place = " ".join(words)
            end = match.start(4) + len(place)
            out.append(
                self._make(
                    text, match.start(), end, f"{level} Negeri {match.group(3)} {place}", "EMPLOYER", "school"
                )
            )
        return out

    def _named(
        self, text: str, by_start: dict[int, RegionMention], home: Region | None
    ) -> list[InstitutionMention]:
        out = []
        for match in _NAMED.finditer(text):
            kind = _COMMANDED.get(match.group("kind"), match.group("kind"))
            words = []
            for word in match.group("rest").split():
                if word in _STOP_WORDS and not (
                    kind.startswith(("Panwas", "Balai")) and word in {"Kecamatan", "Distrik"}
                ):
                    break
                if word.lower() in _RANKS:
                    break
                words.append(word.rstrip(".,") if not word.endswith("dr.") else word)
                if len(words) >= 4:
                    break
            if not words:
                continue
            mention, _ = self._region_after(text, match.end("kind"), by_start)
            if kind in _PLACE_NAMED and mention is not None:
                # "Polres Jayapura Bripka YW": the name is the place; what follows is someone else.
                rest = text[mention.start : mention.end]
            else:
                if kind in _PLACE_NAMED or kind in {"Universitas", "Pengadilan Negeri"}:
                    words = words[:3]
                if kind in _PLACE_TRIMMED:
                    # "RSUD dr. Murjani Sampit", "Universitas Khairun Ternate": the town after the name is not part of it.
                    while (
                        len(words) > 1
                        and _is_place_word(words[-1])
                        and not all(w in _GENERIC_NAME_WORDS for w in words[:-1])
                    ):
                        words.pop()
                rest = " ".join(words)
            end = match.start("rest") + 1 + len(rest)
            name, role, k = self._named_name(kind, rest)
            if name is None:
                continue
            out.append(self._make(text, match.start(), end, name, role, k))
        return out

    @staticmethod
    def _subunits(text: str, by_start: dict[int, RegionMention]) -> list[InstitutionMention]:
        """Sub-units named as written with their place: a UPT/UPTD with its regency or kecamatan, a Cabang
        Dinas with its wilayah, a Suku Dinas with its city."""
        out = []
        for match in _SUBUNIT.finditer(text):
            kind, field, field_end = match.group("kind"), " ".join(match.group("field").split()), match.end()
            # "Suku Dinas Perhubungan Jakarta Timur": the field ends where a place begins.
            inside = [m.start for m in by_start.values() if match.start("field") < m.start < field_end]
            if inside:
                field_end = min(inside)
                field = " ".join(text[match.start("field") : field_end].split())
            if not field or field.endswith(" dan"):
                continue
            if kind == "Cabang Dinas":
                area = _WILAYAH.match(text, field_end)
                if area is None:
                    continue
                name, end, region = f"Cabang Dinas {field} Wilayah {area.group('area')}", field_end, None
                # "Cabang Dinas Pendidikan dan Kebudayaan Provinsi NTT wilayah Kota Kupang": the province's
                # dinas above the branch is named in passing.
                parent = [
                    m
                    for m in by_start.values()
                    if field_end < m.start < area.start("area") and m.region.regency is None
                ]
                if parent:
                    m = parent[0]
                    out.append(
                        InstitutionMention(
                            m.start,
                            m.end,
                            m.text,
                            f"Dinas {field} Provinsi {m.region.province}",
                            "OTHER",
                            "dinas",
                            m.region,
                        )
                    )
            else:
                # The place: the first region named after the field, past the parent dinas's name.
                after = [m for m in by_start.values() if field_end <= m.start <= field_end + 80]
                place = min(after, key=lambda m: m.start) if after else None
                if place is None or not _SUBUNIT_GAP.match(text[field_end : place.start]):
                    continue
                if place.text.startswith("Kecamatan"):
                    label = place.text
                else:
                    label = region_label(place.region)
                name, region = f"{kind} {field} {label}", place.region
                # A Suku Dinas is the city's dinas itself (no other dinas is named in it); a UPT stops at its field.
                end = place.end if kind == "Suku Dinas" else field_end
            out.append(
                InstitutionMention(
                    match.start(), end, text[match.start() : end], name, "OTHER", "subunit", region
                )
            )
        return out

    @staticmethod
    def _adhoc(text: str) -> list[InstitutionMention]:
        """Ad hoc election bodies by the name the corpus gives them; OVERSIGHT until a member is accused."""
        out = []
        for match in _ADHOC.finditer(text):
            body, level = match.group("body"), match.group("level")
            words = []
            for word in match.group("place").split():
                if word in _STOP_WORDS or word in _DAY_NAMES or word.lower() in _RANKS:
                    break
                words.append(word)
            if not words:
                continue
            place = " ".join(words)
            end = match.start("place") + len(place)
            if body in {"PPK", "Panitia Pemilihan Kecamatan"}:
                if level not in {None, "Kecamatan"}:
                    continue
                # "PPK" is also the Pejabat Pembina Kepegawaian: the short form counts only before a kecamatan.
                gaz = gazetteer()
                if (
                    body == "PPK"
                    and level is None
                    and (not gaz.district(place) or gaz.bare_candidates(place))
                ):
                    continue
                name = f"PPK Kecamatan {place}"
            elif body in {"PPS", "Panitia Pemungutan Suara"}:
                if level not in {"Desa", "Kelurahan"}:
                    continue
                name = f"PPS {level} {place}"
            else:
                if level is not None:
                    continue
                name = f"Panwaslu {'Kelurahan' if body.endswith(' Kelurahan') else 'Desa'} {place}"
            out.append(
                InstitutionMention(match.start(), end, text[match.start() : end], name, "OVERSIGHT", "adhoc")
            )
        return out

    @staticmethod
    def _named_name(kind: str, rest: str) -> tuple[str | None, str, str]:
        if kind in {"Puskesmas"}:
            return f"Puskesmas {rest}", "EMPLOYER", "puskesmas"
        if kind in {"RSUD", "Rumah Sakit Umum Daerah"}:
            return f"RSUD {rest}", "EMPLOYER", "hospital"
        if kind in {"Universitas", "Institut", "Politeknik", "UIN", "IAIN", "STAIN"}:
            return f"{kind} {rest}", "CIVIL_SOCIETY", "university"
        if kind in {"Pemerintah Desa", "Pemdes"}:
            if rest.split()[0] in {"Seluruh", "Se", "Di"}:
                return None, "", ""
            return f"Pemerintah Desa {rest}", "EMPLOYER", "village"
        if kind.startswith("Pol"):
            return f"{kind} {rest}", "OTHER", "police"
        if kind in {"Koramil", "Kodim", "Korem", "Kodam"}:
            return f"{kind} {rest}", "OTHER", "military"
        if kind in {"Pengadilan Negeri"}:
            return f"Pengadilan Negeri {rest}", "OTHER", "court"
        if kind == "Kejaksaan Tinggi":
            return f"Kejaksaan Tinggi {rest}", "OTHER", "prosecutor"
        if kind in {"Kejaksaan Negeri", "Kejari"}:
            return f"Kejaksaan Negeri {rest}", "OTHER", "prosecutor"
        if kind == "Balai Penyuluhan Pertanian":
            return f"Balai Penyuluhan Pertanian {rest}", "EMPLOYER", "bpp"
        if kind in {"Tim Pemenangan", "Tim Sukses", "Timses"}:
            if not re.search(r"[A-Z]\w*", rest):
                return None, "", ""
            return f"Tim Pemenangan {rest}", "PARTY_OR_CANDIDATE", "campaign_team"
        if kind in {"Panwaslu Kecamatan", "Panwascam", "Panwaslu"} or kind.startswith("Panitia Pengawas"):
            district = re.sub(r"^(?:Kecamatan|Distrik)\s*", "", rest)
            if not district:
                return None, "", ""  # "seluruh Panwaslu Kecamatan": every one, none by name
            if kind == "Panwaslu" and not rest.startswith(("Kecamatan", "Distrik")):
                return None, "", ""
            return f"Panwaslu Kecamatan {district}", "OVERSIGHT", "panwaslu"
        return None, "", ""

    @staticmethod
    def _pemerintah(regions: list[RegionMention], text: str, home: Region | None) -> list[InstitutionMention]:
        out = []
        for m in regions:
            if m.text.startswith(("Pemkab", "Pemkot", "Pemprov", "Pemerintah")):
                name = f"Pemerintah {region_label(m.region)}"
                out.append(InstitutionMention(m.start, m.end, m.text, name, "EMPLOYER", "pemda", m.region))
        # "Pemkab Kukar": the region tagger read the shorthand alone.
        starts = {m.start: m for m in regions}
        for match in _PEMDA_BEFORE_PLACE.finditer(text):
            m = starts.get(match.end())
            if m is not None and m.kind != "dateline":
                name = f"Pemerintah {region_label(m.region)}"
                out.append(
                    InstitutionMention(
                        match.start(), m.end, text[match.start() : m.end], name, "EMPLOYER", "pemda", m.region
                    )
                )
        if home is None:
            return out
        # "Pemkot" alone, "pemerintah kabupaten setempat": the government of the place the story is about.
        for match in _BARE_PEMDA.finditer(text):
            word = match.group(0).lower()
            if word.startswith("pemprov") or "provinsi" in word:
                region: Region | None = Region(home.province, None)
            elif (word.startswith("pemkot") or "kota" in word) == bool(
                home.regency and home.regency.startswith("Kota")
            ):
                region = home if home.regency else None
            else:
                region = None
            if region is not None:
                name = f"Pemerintah {region_label(region)}"
                out.append(
                    InstitutionMention(
                        match.start(), match.end(), match.group(0), name, "EMPLOYER", "pemda", region
                    )
                )
        return out

    def _media(self, text: str) -> list[InstitutionMention]:
        out = []
        for match in _MEDIA_CUE.finditer(text):
            name = match.group("name")
            known = next((m for m in self.media if name.startswith(m)), None)
            if known:
                name = known
            elif not (
                re.search(r"\.(?:co\.id|com|id|net|example)$", name) or re.match(r"[A-Z][a-z]+[A-Z]", name)
            ):
                continue
            start = match.start("name")
            out.append(InstitutionMention(start, start + len(name), name, name, "MEDIA", "media"))
        return out

    @staticmethod
    def _make(
        text: str, start: int, end: int, name: str, role: str, kind: str, region: Region | None = None
    ) -> InstitutionMention:
        return InstitutionMention(start, end, text[start:end], name, role, kind, region)

    @staticmethod
    def _resolve(found: list[InstitutionMention], home: Region | None) -> list[InstitutionMention]:
        # Longest mention wins where mentions overlap ("Badan Pengawas Pemilu (Bawaslu) Kabupaten Gowa").
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[InstitutionMention] = []
        last_end = -1
        for m in found:
            if m.start < last_end:
                continue
            kept.append(m)
            last_end = m.end
        # "Bawaslu" alone in a story about Bawaslu Kabupaten Gowa means that office; in a story that names
        # Bawaslu RI it means Bawaslu RI; otherwise it is the office of the story's regency, or of its
        # province when the story names no regency (README "Bare Bawaslu / KPU").
        regional = {m.kind for m in kept if m.region is not None}
        national = {m.kind for m in kept if m.region is None and m.text not in BARE_BODIES}
        local = {"bawaslu": ("Bawaslu {r}", "Bawaslu Provinsi {p}"), "kpu": ("KPU {r}", "KPU Provinsi {p}")}
        # A story led by a provincial body ("Bawaslu Provinsi NTB mencatat ...") is told at the province's
        # level: its bare KPU is the provincial office even when a regency is named further down.
        first = next((m for m in kept if m.region is not None), None)
        if first is not None and home is not None and first.region.regency is None:
            if first.region.province == home.province:
                home = Region(home.province)
        out = []
        for m in kept:
            bare = m.text in BARE_BODIES and m.region is None
            if bare and m.kind in regional:
                continue
            # A Jakarta-datelined story with no regency is a national story: its bare Bawaslu is Bawaslu RI.
            if bare and m.kind in local and m.kind not in national and home is not None:
                if home.province != "DKI Jakarta":
                    regency, province = local[m.kind]
                    name = (
                        regency.format(r=home.regency) if home.regency else province.format(p=home.province)
                    )
                    m = InstitutionMention(m.start, m.end, m.text, name, m.role, m.kind, home)
            out.append(m)
        return out


# Monitoring groups and coalitions named in the story (not a "Gerakan ...", mostly a campaign) ("Forum Pemantau Pilkada Labuhanbatu", "Koalisi Guru
# Peduli Demokrasi Bone"): civil society, by the name written; an association of officials ("Forum Kepala
# Desa ...") is OTHER.
_GROUP = quick(
    re.compile(
        r"\b(?:Koalisi|Forum|Aliansi|Komunitas|Jaringan|Perkumpulan|Lembaga|Ikatan|Himpunan)"
        r"(?:\s+(?!(?:Ketua|Anggota|Koordinator|Sekretaris|Direktur|Forum|Koalisi)\b)(?:[A-Z][\w'’-]*|untuk|\d+)){1,7}"
    )
)
_OFFICIALS_GROUP = re.compile(r"\b(?:Kepala Desa|Perangkat Desa|Kades|Camat|Lurah|ASN|PNS|Aparatur|Adat)\b")
# "Lembaga Bantuan Hukum (LBH) Padang": the acronym in brackets, then the place of the branch.
_GROUP_PLACE = re.compile(r"\s*\([A-Z][A-Za-z]{1,9}\)\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})")


_GROUP_WORDS = (
    "Koalisi",
    "Forum",
    "Aliansi",
    "Komunitas",
    "Jaringan",
    "Perkumpulan",
    "Lembaga",
    "Ikatan",
    "Himpunan",
)


def _groups(text: str) -> list[InstitutionMention]:
    out: list[InstitutionMention] = []
    if not any(w in text for w in _GROUP_WORDS):
        return out
    for match in _GROUP.finditer(text):
        words = match.group(0).split()
        while words and words[-1] == "untuk":
            words.pop()
        if len(words) < 3:
            continue  # "Forum Warga": too generic to be a name
        name = " ".join(words)
        end = match.start() + len(name)
        place = _GROUP_PLACE.match(text, end)
        if place is not None:
            # The longest run of the words after the acronym that names a place ("Rejang Lebong", "Padang").
            after = place.group(1).split()
            for n in range(len(after), 0, -1):
                written = " ".join(after[:n])
                if _is_place_word(written):
                    if _OFFICIALS_GROUP.search(name):
                        # A branch of an association or adat council, like "PGRI Kabupaten X", takes the
                        # region's full name even when the text drops "Kabupaten" (corpus README).
                        written = _branch_region(written)
                    name = f"{name} {written}"
                    if text.startswith(written, place.start(1)):
                        end = place.start(1) + len(written)
                    else:
                        end = place.start(1) + len(" ".join(after[:n]))
                    break
        role = "OTHER" if _OFFICIALS_GROUP.search(name) else "CIVIL_SOCIETY"
        out.append(InstitutionMention(match.start(), end, text[match.start() : end], name, role, "group"))
    return out


@Language.factory("netra_institutions")
def make_institutions(nlp: Language, name: str) -> InstitutionTagger:
    """Factory for :class:`InstitutionTagger`."""
    return InstitutionTagger(nlp)
