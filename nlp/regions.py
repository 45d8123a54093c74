"""Indonesia's provinces and regencies/cities, and resolution of the ways news writes them.

``regions.csv`` (built by ``data/build_regions.py`` from the ``areaid`` package,
with the 2022 Papua split applied) is the canonical list. :class:`Gazetteer`
maps variants ("Kab. Jombang", "Pemkab Jombang", "Jombang", "Kota Surabaya",
"Surabaya", "Sumut", "Jatim") to canonical names. Pure: no I/O after loading.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGIONS_CSV = Path(__file__).resolve().parent / "data" / "regions.csv"

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

    def __init__(self, path: Path = REGIONS_CSV) -> None:
        self.rows: list[dict[str, str]] = list(csv.DictReader(path.open(encoding="utf-8")))
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
