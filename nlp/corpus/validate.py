"""Validate the labelled corpus in ``nlp/corpus/articles/*.yaml``.

Usage: ``python nlp/corpus/validate.py [FILE ...]``. Prints one line per
problem and exits 1 if there is any; prints a coverage summary otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from nlp import codebook
from nlp.codebook import CONDUCT_KIND

HERE = Path(__file__).resolve().parent
REGIONS_CSV = HERE.parent / "data" / "regions.csv"

ARTICLE_TYPES = set(codebook.ARTICLE_TYPES)
ACTOR_TYPES = set(codebook.ACTOR_TYPES)
ROLES = set(codebook.ROLES)
UNITS = set(codebook.UNITS)
STATUSES = {None, *codebook.STATUSES}
SITES = {
    "tribunnusa.example",
    "detakdaerah.example",
    "suarawarga.example",
    "radarpesisir.example",
    "kabarborneo.example",
    "antaranusa.example",
}
SPLITS = {"train", "dev", "test"}
TITLES = re.compile(r"\b(Drs?|Dra|Ir|Prof|Hj?|S\.Pd|S\.H|M\.Si|S\.Sos|S\.E|M\.M|S\.IP|M\.Pd)\.")


def load_regions() -> dict[str, set[str]]:
    regions: dict[str, set[str]] = {}
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            regions.setdefault(row["province"], set()).add(row["regency"])
    return regions


def check_region(region, regions, where: str, problems: list[str]) -> None:
    if region is None:
        return
    if not isinstance(region, dict):
        problems.append(f"{where}: region must be a mapping or null")
        return
    prov, reg = region.get("province"), region.get("regency")
    if prov is not None and prov not in regions:
        problems.append(f"{where}: unknown province {prov!r}")
    if reg is not None:
        if prov is None:
            problems.append(f"{where}: regency {reg!r} without province")
        elif prov in regions and reg not in regions[prov]:
            problems.append(f"{where}: {reg!r} is not a regency/city of {prov!r}")


def check_sentence(text: str, sentence: str, where: str, problems: list[str]) -> None:
    if not isinstance(sentence, str) or not sentence.strip():
        problems.append(f"{where}: empty evidence")
        return
    if sentence not in text:
        problems.append(f"{where}: evidence not found verbatim in text: {sentence[:70]!r}")
        return
    if sentence != sentence.strip():
        problems.append(f"{where}: evidence has leading/trailing whitespace")
    if "\n" in sentence:
        problems.append(f"{where}: evidence spans a paragraph break")
    if not re.search(r"[.!?][\"'”’)]?$", sentence):
        problems.append(f"{where}: evidence does not end a sentence: ...{sentence[-40:]!r}")


def validate_file(path: Path, regions) -> tuple[list[str], dict]:
    problems: list[str] = []
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        return [f"{path.name}: YAML error: {exc}"], {}
    where = path.name
    for key in ("id", "site", "title", "published_at", "split", "text", "gold"):
        if key not in doc:
            problems.append(f"{where}: missing {key}")
    if problems:
        return problems, doc
    if f"{doc['id']}.yaml" != path.name:
        problems.append(f"{where}: id {doc['id']!r} does not match file name")
    if doc["site"] not in SITES:
        problems.append(f"{where}: unknown site {doc['site']!r}")
    for s in doc.get("syndicate_to") or []:
        if s not in SITES or s == doc["site"]:
            problems.append(f"{where}: bad syndicate_to {s!r}")
    if doc["split"] not in SPLITS:
        problems.append(f"{where}: split must be one of {sorted(SPLITS)}")
    try:
        published = dt.datetime.fromisoformat(str(doc["published_at"]))
        if published.tzinfo is None:
            problems.append(f"{where}: published_at needs a UTC offset")
    except ValueError:
        problems.append(f"{where}: published_at is not ISO 8601")
    text = doc["text"]
    if not isinstance(text, str) or len(text) < 300:
        problems.append(f"{where}: text missing or shorter than 300 characters")
        return problems, doc
    gold = doc["gold"]
    types = set(gold.get("article_types") or [])
    if not types or types - ARTICLE_TYPES:
        problems.append(f"{where}: bad article_types {sorted(types)}")
    if "IRRELEVANT" in types and len(types) > 1:
        problems.append(f"{where}: IRRELEVANT cannot be combined")
    cases = gold.get("cases") or []
    stats = gold.get("statistics") or []
    if ("CASE_REPORT" in types) != bool(cases):
        problems.append(f"{where}: CASE_REPORT iff cases (types={sorted(types)}, {len(cases)} cases)")
    if "AGGREGATE_STATS" in types and not stats:
        problems.append(f"{where}: AGGREGATE_STATS without statistics")
    for i, case in enumerate(cases):
        cw = f"{where} case {i}"
        codes = case.get("conduct") or []
        if not codes or set(codes) - set(CONDUCT_KIND):
            problems.append(f"{cw}: bad conduct {codes}")
        kinds = sorted({CONDUCT_KIND[c] for c in codes if c in CONDUCT_KIND})
        if sorted(case.get("violation_kind") or []) != kinds:
            problems.append(f"{cw}: violation_kind should be {kinds}")
        if case.get("status") not in STATUSES:
            problems.append(f"{cw}: bad status {case.get('status')!r}")
        if case.get("incident_date") is not None:
            try:
                dt.date.fromisoformat(str(case["incident_date"]))
            except ValueError:
                problems.append(f"{cw}: incident_date not ISO")
        check_region(case.get("region"), regions, cw, problems)
        actors = case.get("actors") or []
        if not actors:
            problems.append(f"{cw}: no actors")
        for j, actor in enumerate(actors):
            aw = f"{cw} actor {j}"
            if actor.get("actor_type") not in ACTOR_TYPES:
                problems.append(f"{aw}: bad actor_type {actor.get('actor_type')!r}")
            name = actor.get("name")
            if name and TITLES.search(name + "."):
                problems.append(f"{aw}: name keeps a title: {name!r}")
            if name and name not in text:
                problems.append(f"{aw}: name {name!r} not in text")
            check_region(actor.get("region"), regions, aw, problems)
        evidence = case.get("evidence") or []
        if not evidence:
            problems.append(f"{cw}: no evidence")
        for k, sent in enumerate(evidence):
            check_sentence(text, sent, f"{cw} evidence {k}", problems)
    for i, inst in enumerate(gold.get("institutions") or []):
        if not inst.get("name") or inst.get("role") not in ROLES:
            problems.append(f"{where} institution {i}: bad {inst}")
        elif set(inst) - {"name", "role"}:
            # "{name: Dinas A, B dan C, role: ...}": YAML cut the name at its comma; quote it.
            problems.append(f"{where} institution {i}: name cut at a comma, quote it: {inst}")
    for i, st in enumerate(stats):
        sw = f"{where} statistic {i}"
        if not isinstance(st.get("value"), (int, float)):
            problems.append(f"{sw}: value must be a number")
        if st.get("unit") not in UNITS:
            problems.append(f"{sw}: bad unit {st.get('unit')!r}")
        if not st.get("subject"):
            problems.append(f"{sw}: missing subject")
        for key in ("period_start", "period_end"):
            if st.get(key) is not None:
                try:
                    dt.date.fromisoformat(str(st[key]))
                except ValueError:
                    problems.append(f"{sw}: {key} not ISO")
        check_sentence(text, st.get("evidence"), sw, problems)
    return problems, doc


def main(argv: list[str]) -> int:
    regions = load_regions()
    files = [Path(a) for a in argv] or sorted((HERE / "articles").glob("*.yaml"))
    problems: list[str] = []
    codes: Counter[str] = Counter()
    types: Counter[str] = Counter()
    splits: Counter[str] = Counter()
    sites: Counter[str] = Counter()
    provinces: Counter[str] = Counter()
    ids: Counter[str] = Counter()
    for path in files:
        found, doc = validate_file(path, regions)
        problems.extend(found)
        if not doc:
            continue
        ids[doc.get("id")] += 1
        gold = doc.get("gold") or {}
        splits[doc.get("split")] += 1
        sites[doc.get("site")] += 1
        for t in gold.get("article_types") or []:
            types[t] += 1
        for case in gold.get("cases") or []:
            codes.update(case.get("conduct") or [])
            provinces[((case.get("region") or {}).get("province"))] += 1
    problems.extend(f"duplicate id {i}" for i, n in ids.items() if n > 1)
    for line in problems:
        print(line)
    print(f"\n{len(files)} files, {len(problems)} problems")
    print("types:", dict(types))
    print("codes:", dict(sorted(codes.items())))
    print("splits:", dict(splits), "sites:", dict(sites))
    print("case provinces:", dict(provinces))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
