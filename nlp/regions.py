"""Indonesia's provinces and regencies/cities, and resolution of the ways news writes them.

``regions.csv`` (built by ``data/build_regions.py`` from the ``areaid`` package,
with the 2022 Papua split applied) is the canonical list. :class:`Gazetteer`
maps variants ("Kab. Jombang", "Pemkab Jombang", "Jombang", "Kota Surabaya",
"Surabaya", "Sumut", "Jatim") to canonical names. Pure: no I/O after loading.

Beside the canonical list it reads ``region_aliases.csv`` (news shorthands such
as "Kukar", "SBD", "Batola"), the capitals in ``regions.csv`` (datelines name
the capital: "SUNGGUMINASA -" is Kabupaten Gowa) and ``districts.csv`` (every
kecamatan with its regency, built from ``areaid`` too).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
REGIONS_CSV = DATA / "regions.csv"
ALIASES_CSV = DATA / "region_aliases.csv"
DISTRICTS_CSV = DATA / "districts.csv"

PROVINCE_ABBREVIATIONS = {
    "Aceh": ["NAD", "Nanggroe Aceh Darussalam"],
    "Sumatera Utara": ["Sumut", "Sumatra Utara"],
    "Sumatera Barat": ["Sumbar", "Sumatra Barat"],
    "Sumatera Selatan": ["Sumsel", "Sumatra Selatan"],
    "Riau": [],
    "Kepulauan Riau": ["Kepri"],
    "Jambi": [],
    "Bengkulu": [],
    "Lampung": [],
    "Kepulauan Bangka Belitung": ["Babel", "Bangka Belitung"],
    "DKI Jakarta": ["Jakarta", "DKI"],
    "Jawa Barat": ["Jabar"],
    "Banten": [],
    "Jawa Tengah": ["Jateng"],
    "DI Yogyakarta": ["DIY", "Yogyakarta", "Daerah Istimewa Yogyakarta"],
    "Jawa Timur": ["Jatim"],
    "Bali": [],
    "Nusa Tenggara Barat": ["NTB"],
    "Nusa Tenggara Timur": ["NTT"],
    "Kalimantan Barat": ["Kalbar"],
    "Kalimantan Tengah": ["Kalteng"],
    "Kalimantan Selatan": ["Kalsel"],
    "Kalimantan Timur": ["Kaltim"],
    "Kalimantan Utara": ["Kaltara"],
    "Sulawesi Utara": ["Sulut"],
    "Sulawesi Tengah": ["Sulteng"],
    "Sulawesi Selatan": ["Sulsel"],
    "Sulawesi Tenggara": ["Sultra"],
    "Sulawesi Barat": ["Sulbar"],
    "Gorontalo": [],
    "Maluku": [],
    "Maluku Utara": ["Malut"],
    "Papua": [],
    "Papua Barat": ["Pabar"],
    "Papua Barat Daya": ["PBD"],
    "Papua Selatan": [],
    "Papua Tengah": [],
    "Papua Pegunungan": [],
}

_PREFIXES = re.compile(
    r"^(?:pemerintah\s+)?(?:kabupaten|kab\.?|kota|pemkab|pemkot|pemprov|provinsi|prov\.?)\s+", re.I
)


@dataclass(frozen=True)
class Region:
    """A canonical region: a province, or a regency/city within one."""

    province: str
    regency: str | None = None


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


class Gazetteer:
    """Resolve region names as news writes them to canonical :class:`Region` values."""

    def __init__(
        self, path: Path = REGIONS_CSV, aliases: Path = ALIASES_CSV, districts: Path = DISTRICTS_CSV
    ) -> None:
        with path.open(encoding="utf-8") as fh:
            self.rows: list[dict[str, str]] = list(csv.DictReader(fh))
        self.provinces: set[str] = {r["province"] for r in self.rows}
        self.regencies: dict[str, Region] = {
            r["regency"]: Region(r["province"], r["regency"]) for r in self.rows
        }
        self._province_keys: dict[str, str] = {}
        for prov in self.provinces:
            self._province_keys[_key(prov)] = prov
            for alias in PROVINCE_ABBREVIATIONS.get(prov, []):
                self._province_keys[_key(alias)] = prov
        # Full canonical names are unambiguous; bare names ("Jombang") may name a regency and a city.
        self._full: dict[str, Region] = {}
        self._bare: dict[str, list[Region]] = {}
        for row in self.rows:
            region = Region(row["province"], row["regency"])
            kind, bare = row["regency"].split(" ", 1)
            self._full[_key(row["regency"])] = region
            abbrev = "kab" if kind == "Kabupaten" else "kota"
            self._full[_key(f"{abbrev} {bare}")] = region
            self._full[_key(("pemkab " if kind == "Kabupaten" else "pemkot ") + bare)] = region
            self._bare.setdefault(_key(bare), []).append(region)
            if row.get("alias"):
                self._bare.setdefault(_key(row["alias"]), []).append(region)
        self.aliases: dict[str, Region] = {}
        if aliases.exists():
            with aliases.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    self.aliases[row["alias"]] = self.regencies[row["regency"]]
        for alias, region in self.aliases.items():
            self._full.setdefault(_key(alias), region)
        # A capital names its regency in datelines ("SUNGGUMINASA -"); a city is its own capital.
        self.capitals: dict[str, list[Region]] = {}
        for row in self.rows:
            if row["capital"]:
                self.capitals.setdefault(_key(row["capital"]), []).append(self.regencies[row["regency"]])
        self.districts: dict[str, list[Region]] = {}
        if districts.exists():
            with districts.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    region = self.regencies.get(row["regency"])
                    if region is not None:
                        self.districts.setdefault(_key(row["district"]), []).append(region)

    def bare_candidates(self, text: str) -> list[Region]:
        """Every regency/city whose bare name (or alias) is ``text``: "Malang" gives two."""
        return list(self._bare.get(_key(text), []))

    def capital_of(self, text: str) -> list[Region]:
        """Regencies/cities whose capital is ``text`` ("Sungguminasa" -> Kabupaten Gowa)."""
        return list(self.capitals.get(_key(text), []))

    def district(self, text: str) -> list[Region]:
        """Regencies/cities with a kecamatan (distrik) called ``text``."""
        return list(self.districts.get(_key(text), []))

    def surface_forms(self) -> list[tuple[str, str, Region]]:
        """Every way news writes a province or regency/city: ``(form, kind, region)``.

        ``kind`` is ``regency`` for prefixed or unambiguous forms ("Kabupaten Gowa",
        "Kab. Gowa", "Pemkab Gowa", "Kukar"), ``bare`` for bare names that need
        context ("Gowa", "Malang") and ``province`` for provinces ("Jawa Timur",
        "Jatim", "Provinsi Jawa Timur").
        """
        forms: list[tuple[str, str, Region]] = []
        for prov in sorted(self.provinces):
            region = Region(prov)
            names = [prov, *PROVINCE_ABBREVIATIONS.get(prov, [])]
            for name in names:
                forms.append((name, "province", region))
                forms.append((f"Provinsi {name}", "province", region))
                forms.append((f"Prov. {name}", "province", region))
                forms.append((f"Pemprov {name}", "province", region))
                forms.append((f"Pemerintah Provinsi {name}", "province", region))
        for row in self.rows:
            region = self.regencies[row["regency"]]
            kind, bare = row["regency"].split(" ", 1)
            squashed = bare.replace(" ", "").replace("-", "")
            bares = {bare, bare.replace("-", " "), squashed, squashed.capitalize(), bare.replace("-", "")}
            if row.get("alias"):
                bares.add(row["alias"])
            prefixes = (
                ["Kabupaten", "Kab.", "Kab", "Pemkab", "Pemerintah Kabupaten"]
                if kind == "Kabupaten"
                else ["Kota", "Pemkot", "Pemerintah Kota"]
            )
            for name in sorted(bares):
                for prefix in prefixes:
                    forms.append((f"{prefix} {name}", "regency", region))
                forms.append((name, "bare", region))
        for alias, region in self.aliases.items():
            forms.append((alias, "regency", region))
        return forms

    def province(self, text: str) -> str | None:
        """Canonical province for "Jawa Timur", "Jatim", "Provinsi Jawa Timur", "Sumatra Utara"."""
        key = _key(_PREFIXES.sub("", text.strip()))
        return self._province_keys.get(key)

    def resolve(self, text: str, province_hint: str | None = None) -> Region | None:
        """Resolve a name to a region.

        "Kabupaten Jombang", "Kab. Jombang", "Pemkab Jombang" are exact. A bare
        name ("Jombang", "Malang") prefers the regency/city in ``province_hint``,
        then a regency over a city of the same name only when the text does not
        say "Kota" (news writes "Kota Malang" for the city). A province name
        returns a province-only region.
        """
        text = text.strip()
        if not text:
            return None
        key = _key(text)
        if key in self._full:
            return self._full[key]
        prov = self.province(text)
        if prov is not None and not key.startswith(("kab", "kota", "pemkab", "pemkot")):
            return Region(prov)
        candidates = self._bare.get(_key(_PREFIXES.sub("", text)), [])
        if not candidates:
            return None
        if province_hint:
            hinted = [c for c in candidates if c.province == province_hint]
            if hinted:
                candidates = hinted
        if len(candidates) > 1:
            regencies = [c for c in candidates if c.regency and c.regency.startswith("Kabupaten ")]
            cities = [c for c in candidates if c.regency and c.regency.startswith("Kota ")]
            # A bare name shared by a kabupaten and its kota: news says "Kota X" for the city.
            if len(regencies) == 1 and len(cities) == 1 and regencies[0].province == cities[0].province:
                return regencies[0]
            return None
        return candidates[0]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loading takes a few milliseconds)."""
    return Gazetteer()
