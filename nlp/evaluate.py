"""Precision, recall and F1 of predicted annotations against gold, field by field.

Both sides are contract-format JSONL (``netra annotate`` output and
``nlp/corpus/build_gold.py`` gold), matched by ``id``. Every field is scored
as a set of (article, item) pairs, micro-averaged over articles:

* ``relevance``: articles with ``relevant`` true;
* ``article_types``: (article, type);
* ``conduct``: (article, code) over all cases (multi-label, case level pooled per article);
* ``violation_kind``: (article, kind);
* ``actors``: (article, name) for named actors, (article, position) for unnamed ones, case-insensitive;
* ``regency`` / ``province``: (article, region) of the cases;
* ``institutions``: (article, canonical name, role), names case-insensitive; ``institution_names`` ignores role;
* ``statistics``: (article, value, unit);
* ``evidence_sentences``: (article, evidence sentence) over cases and statistics;
* ``status`` and ``incident_date``: (article, case, value) per case, gold and predicted cases paired by a
  shared actor; an unpaired gold case's value is a miss and an unpaired predicted case's value a false
  positive, so a missed or a false case costs these fields too;
* ``status (paired cases)`` and ``incident_date (paired cases)``: the same on paired cases only (how well
  the value is read once the case is found).

``evidence_exact`` is the share of predicted spans with ``text[start:end] == span.text``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = (
    "relevance",
    "article_types",
    "conduct",
    "violation_kind",
    "actors",
    "actor_type",
    "regency",
    "province",
    "institutions",
    "institution_names",
    "statistics",
    "status",
    "status (paired cases)",
    "incident_date",
    "incident_date (paired cases)",
    "evidence_sentences",
)
_CASE_FIELDS = ("status", "incident_date")
TARGETS = {
    "relevance": 0.95,
    "conduct": 0.85,
    "actors": 0.85,
    "regency": 0.90,
    "institutions": 0.90,
    "statistics": 0.90,
}


@dataclass
class Score:
    """Counts and derived precision/recall/F1 of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, gold: set, pred: set) -> None:
        self.tp += len(gold & pred)
        self.fp += len(pred - gold)
        self.fn += len(gold - pred)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """The evaluation of one prediction file against one gold file."""

    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    articles: int = 0
    missing: list[str] = field(default_factory=list)  # gold ids with no prediction
    errors: list[str] = field(default_factory=list)  # ids whose prediction is an error line
    spans_total: int = 0
    spans_exact: int = 0

    @property
    def evidence_exact(self) -> float:
        return self.spans_exact / self.spans_total if self.spans_total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing": self.missing,
            "errors": self.errors,
            "evidence_exact": self.evidence_exact,
            "spans": self.spans_total,
            "fields": {
                name: {
                    "precision": s.precision,
                    "recall": s.recall,
                    "f1": s.f1,
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
        }


def _norm(value: Any) -> str:
    return " ".join(str(value or "").lower().split())


def _actor_key(actor: dict[str, Any]) -> tuple[str, str]:
    if actor.get("name"):
        return ("name", _norm(actor["name"]))
    return ("position", _norm(actor.get("position")))


def _strip_dateline(sentence: str) -> str:
    from nlp.sentences import dateline_end

    end = dateline_end(sentence, 0, len(sentence))
    return sentence[end:] if end else sentence


def read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    """Objects of a JSONL file; lines that are not JSON objects are skipped."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict):
                yield obj


def _items(ann: dict[str, Any], key: str) -> set:  # one branch per field, flat on purpose
    cases = ann.get("cases") or []
    if key == "relevance":
        return {True} if ann.get("relevant") else set()
    if key == "article_types":
        return set(ann.get("article_types") or [])
    if key == "conduct":
        return {c for case in cases for c in case.get("conduct") or []}
    if key == "violation_kind":
        return {k for case in cases for k in case.get("violation_kind") or []}
    if key == "actors":
        return {_actor_key(a) for case in cases for a in case.get("actors") or []}
    if key == "actor_type":
        return {(_actor_key(a), a.get("actor_type")) for case in cases for a in case.get("actors") or []}
    if key == "regency":
        return {(case.get("region") or {}).get("regency") for case in cases} - {None}
    if key == "province":
        return {(case.get("region") or {}).get("province") for case in cases} - {None}
    if key == "institutions":
        return {(_norm(i.get("name")), i.get("role")) for i in ann.get("institutions") or []}
    if key == "institution_names":
        return {_norm(i.get("name")) for i in ann.get("institutions") or []}
    if key == "statistics":
        return {
            (round(float(s["value"]), 3), s.get("unit")) for s in ann.get("statistics") or [] if "value" in s
        }
    if key == "evidence_sentences":
        spans = [e for case in cases for e in case.get("evidence") or []]
        spans += [s["evidence"] for s in ann.get("statistics") or [] if s.get("evidence")]
        return {_strip_dateline(_norm(s.get("text"))) for s in spans}
    raise KeyError(key)


def _case_pairs(gold: dict[str, Any], pred: dict[str, Any]) -> list[tuple[dict | None, dict | None]]:
    """Gold and predicted cases that share an actor, greedily; then each unpaired gold case with
    ``None`` and each unpaired predicted case after ``None``."""
    pairs: list[tuple[dict | None, dict | None]] = []
    paired: set[int] = set()
    used: set[int] = set()
    for i, g in enumerate(gold.get("cases") or []):
        keys = {_actor_key(a) for a in g.get("actors") or []}
        for j, p in enumerate(pred.get("cases") or []):
            if j in used:
                continue
            if keys & {_actor_key(a) for a in p.get("actors") or []}:
                pairs.append((g, p))
                used.add(j)
                paired.add(i)
                break
    pairs += [(g, None) for i, g in enumerate(gold.get("cases") or []) if i not in paired]
    pairs += [(None, p) for j, p in enumerate(pred.get("cases") or []) if j not in used]
    return pairs


def evaluate(gold: Iterable[dict[str, Any]], pred: Iterable[dict[str, Any]]) -> Report:
    """Score predictions against gold; articles missing from ``pred`` count as empty predictions."""
    report = Report()
    predictions = {str(p.get("id")): p for p in pred}
    for g in gold:
        gid = str(g.get("id"))
        report.articles += 1
        p = predictions.get(gid)
        if p is None:
            report.missing.append(gid)
            p = {"id": gid, "cases": [], "institutions": [], "statistics": []}
        elif p.get("error"):
            report.errors.append(gid)
        for key in FIELDS:
            if key.startswith(_CASE_FIELDS):
                continue
            report.scores[key].add({(gid, x) for x in _items(g, key)}, {(gid, x) for x in _items(p, key)})
        for gc, pc in _case_pairs(g, p):
            for key in _CASE_FIELDS:
                gv, pv = (gc or {}).get(key), (pc or {}).get(key)
                gold_value, pred_value = {(gid, gv)} if gv else set(), {(gid, pv)} if pv else set()
                report.scores[key].add(gold_value, pred_value)
                if gc is not None and pc is not None:
                    report.scores[f"{key} (paired cases)"].add(gold_value, pred_value)
        text = p.get("text") or ""
        spans = [e for case in p.get("cases") or [] for e in case.get("evidence") or []]
        spans += [s["evidence"] for s in p.get("statistics") or [] if s.get("evidence")]
        spans += [m for i in p.get("institutions") or [] for m in i.get("mentions") or []]
        for span in spans:
            report.spans_total += 1
            report.spans_exact += int(text[span.get("start", 0) : span.get("end", 0)] == span.get("text"))
    return report


def evaluate_files(gold_path: Path, pred_path: Path) -> Report:
    """Score a prediction file against a gold file."""
    return evaluate(read_jsonl(gold_path), read_jsonl(pred_path))
