"""Build ``regions.csv``: Indonesia's provinces and regencies/cities, canonical names.

Source: the region tree shipped by the ``areaid`` package (Kemendagri data).
It predates the 2022 Papua split, so the four new provinces are added and
their regencies moved. Names follow BPS/Kemendagri spelling ("Sumatera",
"DKI Jakarta", "DI Yogyakarta"; Jakarta's administrative cities lose "Adm.").

It also writes ``districts.csv``: every kecamatan (distrik in Papua) with its
regency/city, so that "Kecamatan Bontonompo" places a story in Kabupaten Gowa.

Run: ``python nlp/data/build_regions.py`` (rewrites ``nlp/data/regions.csv`` and ``districts.csv``).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import areaid

PROVINCE_FIXES = {
    "Sumatra Utara": "Sumatera Utara",
    "Sumatra Barat": "Sumatera Barat",
    "Sumatra Selatan": "Sumatera Selatan",
    "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
    "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
}
# areaid gives Jakarta Jawa Barat's ISO code.
ISO_FIXES = {"DKI Jakarta": "ID-JK"}

# UU 14, 15, 16/2022 (Papua Selatan, Papua Tengah, Papua Pegunungan) and UU 29/2022 (Papua Barat Daya).
PAPUA_SPLIT = {
    "Papua Selatan": (
        "ID-PS",
        ["Kabupaten Merauke", "Kabupaten Boven Digoel", "Kabupaten Mappi", "Kabupaten Asmat"],
    ),
    "Papua Tengah": (
        "ID-PT",
        [
            "Kabupaten Nabire",
            "Kabupaten Puncak Jaya",
            "Kabupaten Paniai",
            "Kabupaten Mimika",
            "Kabupaten Puncak",
            "Kabupaten Dogiyai",
            "Kabupaten Intan Jaya",
            "Kabupaten Deiyai",
        ],
    ),
    "Papua Pegunungan": (
        "ID-PE",
        [
            "Kabupaten Jayawijaya",
            "Kabupaten Pegunungan Bintang",
            "Kabupaten Yahukimo",
            "Kabupaten Tolikara",
            "Kabupaten Mamberamo Tengah",
            "Kabupaten Yalimo",
            "Kabupaten Lanny Jaya",
            "Kabupaten Nduga",
        ],
    ),
    "Papua Barat Daya": (
        "ID-PD",
        [
            "Kota Sorong",
            "Kabupaten Sorong",
            "Kabupaten Sorong Selatan",
            "Kabupaten Raja Ampat",
            "Kabupaten Tambrauw",
            "Kabupaten Maybrat",
        ],
    ),
}


def regency_name(raw: str) -> tuple[str, str]:
    """Return (canonical name, alias) for an areaid name like 'Kabupaten Deiyai (Deliyai)'."""
    name = raw.replace("Kota Adm. ", "Kota ").replace("Kabupaten Adm. ", "Kabupaten ")
    alias = ""
    if "(" in name:
        name, _, rest = name.partition("(")
        alias = rest.rstrip(")").strip()
    return " ".join(name.split()), alias


def build() -> list[dict[str, str]]:
    moved = {reg: prov for prov, (_, regs) in PAPUA_SPLIT.items() for reg in regs}
    iso = {prov: code for prov, (code, _) in PAPUA_SPLIT.items()}
    rows: list[dict[str, str]] = []
    data_dir = Path(areaid.__file__).parent / "data"
    for path in sorted(data_dir.glob("*.json")):
        for prov in json.loads(path.read_text()):
            province = PROVINCE_FIXES.get(prov["provinsi"], prov["provinsi"])
            iso.setdefault(province, ISO_FIXES.get(province, prov["p_bsni"]))
            for kab in prov["kabupaten"]:
                regency, alias = regency_name(kab["kab_kota"])
                target = moved.get(regency, province)
                rows.append(
                    {
                        "province": target,
                        "province_iso": iso.get(target, ""),
                        "regency": regency,
                        "regency_kind": "KOTA" if regency.startswith("Kota ") else "KABUPATEN",
                        "capital": kab.get("ibukota") or "",
                        "alias": alias,
                        "areaid_id": str(kab["id"]),
                    }
                )
    for row in rows:
        row["province_iso"] = iso[row["province"]]
    missing = {r for _, regs in PAPUA_SPLIT.values() for r in regs} - {r["regency"] for r in rows}
    if missing:
        raise SystemExit(f"Papua split names not found in areaid: {sorted(missing)}")
    rows.sort(key=lambda r: (r["province"], r["regency"]))
    return rows


def build_districts() -> list[dict[str, str]]:
    """Every kecamatan with its canonical regency/city and province (after the Papua split)."""
    moved = {reg: prov for prov, (_, regs) in PAPUA_SPLIT.items() for reg in regs}
    rows: list[dict[str, str]] = []
    data_dir = Path(areaid.__file__).parent / "data"
    for path in sorted(data_dir.glob("*.json")):
        for prov in json.loads(path.read_text()):
            province = PROVINCE_FIXES.get(prov["provinsi"], prov["provinsi"])
            for kab in prov["kabupaten"]:
                regency, _ = regency_name(kab["kab_kota"])
                for kec in kab.get("kecamatan") or []:
                    rows.append(
                        {
                            "district": " ".join(kec["kec"].split()),
                            "regency": regency,
                            "province": moved.get(regency, province),
                        }
                    )
    rows.sort(key=lambda r: (r["province"], r["regency"], r["district"]))
    return rows


def _write(rows: list[dict[str, str]], name: str) -> Path:
    out = Path(__file__).with_name(name)
    with out.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def main() -> None:
    districts = build_districts()
    out = _write(districts, "districts.csv")
    print(f"{len(districts)} districts -> {out}")
    rows = build()
    out = _write(rows, "regions.csv")
    print(f"{len(rows)} regencies/cities in {len({r['province'] for r in rows})} provinces -> {out}")


if __name__ == "__main__":
    main()
