"""A processed Doc as the contract's JSON object (``shared/contracts/annotation.md``).

Every span is taken from ``text_of(doc)`` by offsets, so ``text[start:end] == span.text``
holds by construction; :func:`check_spans` asserts it once more before output.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Doc

from nlp.codebook import RELEVANT_TYPES, violation_kinds
from nlp.dates import resolve
from nlp.extensions import text_of
from nlp.model import Case
from nlp.numerals import as_json_number
from nlp.regions import Region


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def _region(region: Region | None) -> dict[str, str | None] | None:
    if region is None:
        return None
    return {"province": region.province, "regency": region.regency}


def publication_date(published_at: str | None) -> dt.date | None:
    """The calendar date of an ISO 8601 date or datetime, or None when absent or unreadable."""
    if not published_at:
        return None
    try:
        return dt.datetime.fromisoformat(str(published_at).replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return dt.date.fromisoformat(str(published_at)[:10])
        except ValueError:
            return None


def _case(doc: Doc, case: Case, published: dt.date | None) -> dict[str, Any]:
    text = text_of(doc)
    sentences = doc._.sentences
    date = None
    for mention in case.incident_dates:
        resolved = resolve(mention, published)
        # The incident precedes the story (by at most a year and a half); later dates are schedules.
        if resolved is not None and (
            published is None or published - dt.timedelta(days=550) <= resolved <= published
        ):
            date = resolved
            break
    return {
        "actors": [
            {
                "name": a.name,
                "position": a.position,
                "actor_type": a.actor_type,
                "institution": a.institution,
                "region": _region(a.region),
            }
            for a in case.actors
        ],
        "conduct": list(case.conduct),
        "violation_kind": violation_kinds(case.conduct),
        "incident_date": date.isoformat() if date else None,
        "region": _region(case.region),
        "status": case.status,
        "evidence": [_span(text, *sentences[i]) for i in case.evidence],
    }


def _squash(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _own_outlet(name: str, source: str | None) -> bool:
    """True when a media mention is the publishing site itself ("kepada Tribunnusa" on tribunnusa.example)."""
    if not source:
        return False
    label = _squash(source.split(".")[0])
    squashed = _squash(name)
    return bool(label) and (squashed.startswith(label) or label.startswith(squashed))


def _institutions(doc: Doc, source: str | None = None) -> list[dict[str, Any]]:
    text = text_of(doc)
    merged: dict[str, dict[str, Any]] = {}
    for inst in doc._.institutions or []:
        if inst.role == "MEDIA" and _own_outlet(inst.name, source):
            continue
        entry = merged.setdefault(inst.name, {"name": inst.name, "role": inst.role, "mentions": []})
        if inst.role == "EMPLOYER":
            entry["role"] = "EMPLOYER"
        if inst.start >= 0:
            entry["mentions"].append(_span(text, inst.start, inst.end))
    return list(merged.values())


def _statistics(doc: Doc) -> list[dict[str, Any]]:
    text = text_of(doc)
    sentences = doc._.sentences
    return [
        {
            "value": as_json_number(s.value),
            "unit": s.unit,
            "subject": s.subject,
            "period_start": s.period_start,
            "period_end": s.period_end,
            "source_org": s.source_org,
            "evidence": _span(text, *sentences[s.sentence]),
        }
        for s in doc._.statistics or []
    ]


def to_annotation(
    doc: Doc,
    *,
    id: str,
    url: str | None = None,
    title: str | None = None,
    published_at: str | None = None,
    author: str | None = None,
    source: str | None = None,
) -> dict[str, Any]:
    """The contract object for one processed article."""
    types = list(doc._.article_types or ["IRRELEVANT"])
    published = publication_date(published_at)
    annotation = {
        "id": id,
        "url": url,
        "title": title,
        "published_at": published_at,
        "author": author,
        "source": source,
        "text": text_of(doc),
        "article_types": types,
        "relevant": bool(RELEVANT_TYPES & set(types)),
        "cases": [_case(doc, c, published) for c in doc._.cases or []],
        "institutions": _institutions(doc, source),
        "statistics": _statistics(doc),
    }
    check_spans(annotation)
    return annotation


def check_spans(annotation: dict[str, Any]) -> None:
    """Raise AssertionError if any span's text is not exactly ``text[start:end]``."""
    text = annotation["text"]
    spans = [e for c in annotation["cases"] for e in c["evidence"]]
    spans += [m for i in annotation["institutions"] for m in i.get("mentions", [])]
    spans += [s["evidence"] for s in annotation["statistics"] if "evidence" in s]
    for span in spans:
        if text[span["start"] : span["end"]] != span["text"]:
            raise AssertionError(f"span {span['start']}:{span['end']} does not match the text")
