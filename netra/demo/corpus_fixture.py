"""Warehouse input from the labelled corpus, until crawling and NLP write the real thing.

Each corpus article (``nlp/corpus/articles/*.yaml``) becomes a row of
``raw.articles`` on its site, and each syndicated copy (``syndicate_to``) a row
on the other site plus a near-duplicate cluster in ``raw.article_clusters``.
Their gold labels become ``raw.annotations`` (pipeline version ``gold``) in the
``netra annotate`` contract's shape, evidence sentences turned into spans with
``str.find``. Follow-ups (``follow_up_of``) stay separate articles: merging
them into one media case is the warehouse's job. Loading twice changes nothing.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import yaml

from netra.config import PROJECT_ROOT
from netra.db import schema
from netra.db.upsert import upsert

log = logging.getLogger(__name__)

CORPUS = PROJECT_ROOT / "nlp" / "corpus" / "articles"
PIPELINE_VERSION = "gold"


def article_url(site: str, article_id: str) -> str:
    """Where the fixture says an article lives (originals and copies differ only by site)."""
    return f"https://{site}/berita/{article_id}"


def _span(text: str, sentence: str) -> dict[str, Any] | None:
    start = text.find(sentence)
    if start < 0:
        return None
    return {"start": start, "end": start + len(sentence), "text": sentence}


def annotation(doc: dict[str, Any], url: str, site: str) -> dict[str, Any]:
    """The gold labels of one corpus article as a ``netra annotate`` output object."""
    text: str = doc["text"]
    gold = doc.get("gold") or {}
    cases = []
    for case in gold.get("cases") or []:
        spans = [s for s in (_span(text, e) for e in case.get("evidence") or []) if s is not None]
        cases.append({**{k: v for k, v in case.items() if k != "evidence"}, "evidence": spans})
    stats = []
    for stat in gold.get("statistics") or []:
        span = _span(text, stat.get("evidence") or "")
        stats.append({**{k: v for k, v in stat.items() if k != "evidence"}, "evidence": span})
    types = list(gold.get("article_types") or [])
    published = doc.get("published_at")
    return {
        "id": doc["id"],
        "url": url,
        "title": doc.get("title"),
        "published_at": published if isinstance(published, str) else str(published),
        "author": doc.get("author"),
        "source": site,
        "text": text,
        "article_types": types,
        "relevant": bool({"CASE_REPORT", "AGGREGATE_STATS", "POLICY"} & set(types)),
        "cases": cases,
        "institutions": [{**i, "mentions": []} for i in gold.get("institutions") or []],
        "statistics": stats,
    }


def read_corpus(directory: Path = CORPUS, ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Corpus documents, skipping (with a warning) files that do not parse yet."""
    wanted = set(ids) if ids is not None else None
    docs = []
    for path in sorted(directory.glob("*.yaml")):
        if wanted is not None and path.stem not in wanted:
            continue
        try:
            doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            log.warning("skipping %s: %s", path.name, exc)
            continue
        if not isinstance(doc, dict) or not doc.get("text") or not doc.get("site") or not doc.get("id"):
            log.warning("skipping %s: not a corpus article", path.name)
            continue
        docs.append(doc)
    return docs


@dataclass
class FixtureCounts:
    articles: int = 0
    copies: int = 0
    annotations: int = 0


def _published(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value)) if value else None


def load(engine: sa.Engine, docs: list[dict[str, Any]]) -> FixtureCounts:
    """Upsert ``docs`` (originals, copies, clusters, gold annotations) in one transaction."""
    counts = FixtureCounts()
    sites = sorted({d["site"] for d in docs} | {s for d in docs for s in d.get("syndicate_to") or []})
    article_rows: list[dict[str, Any]] = []
    payloads: dict[str, dict[str, Any]] = {}
    copies: dict[str, str] = {}  # copy url -> original url
    for doc in docs:
        text = doc["text"]
        base = {
            "title": doc.get("title"),
            "author": doc.get("author"),
            "published_at": _published(doc.get("published_at")),
            "section": doc.get("section"),
            "tags": [str(t) for t in doc.get("tags") or []],
            "language": "id",
            "text": text,
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "extractor_version": "corpus",
            "metadata": {"corpus_id": doc["id"], "follow_up_of": doc.get("follow_up_of")},
        }
        url = article_url(doc["site"], doc["id"])
        article_rows.append(
            {
                **base,
                "canonical_url": url,
                "source_name": doc["site"],
                "syndicated_from_outlet": None,
                "syndicated_from_url": None,
            }
        )
        payloads[url] = annotation(doc, url, doc["site"])
        counts.articles += 1
        for site in doc.get("syndicate_to") or []:
            copy_url = article_url(site, doc["id"])
            article_rows.append(
                {
                    **base,
                    "canonical_url": copy_url,
                    "source_name": site,
                    "syndicated_from_outlet": doc["site"],
                    "syndicated_from_url": url,
                }
            )
            payloads[copy_url] = annotation(doc, copy_url, site)
            copies[copy_url] = url
            counts.copies += 1
    with engine.begin() as conn:
        upsert(
            conn,
            schema.sources,
            [{"name": s, "domain": s, "homepage": f"https://{s}/"} for s in sites],
            key=("name",),
        )
        upsert(conn, schema.articles, article_rows, key=("canonical_url",))
        ids = dict(
            conn.execute(
                sa.select(schema.articles.c.canonical_url, schema.articles.c.article_id).where(
                    schema.articles.c.canonical_url.in_(list(payloads))
                )
            ).all()
        )
        clusters = []
        for copy_url, original in copies.items():
            clusters.append(
                {
                    "article_id": ids[copy_url],
                    "cluster_id": ids[original],
                    "is_canonical": False,
                    "similarity": 1.0,
                }
            )
            clusters.append(
                {
                    "article_id": ids[original],
                    "cluster_id": ids[original],
                    "is_canonical": True,
                    "similarity": 1.0,
                }
            )
        if clusters:
            upsert(conn, schema.article_clusters, clusters, key=("article_id",))
        rows = [
            {
                "article_id": ids[url],
                "pipeline_version": PIPELINE_VERSION,
                "content_hash": hashlib.sha256(payload["text"].encode()).hexdigest(),
                "relevant": payload["relevant"],
                "article_types": payload["article_types"],
                "payload": payload,
            }
            for url, payload in payloads.items()
        ]
        result, _ = upsert(
            conn,
            schema.annotations,
            rows,
            key=("article_id", "pipeline_version"),
            compare=("content_hash", "payload", "relevant", "article_types"),
            touch=("annotated_at",),
        )
        counts.annotations = result.inserted + result.updated
    return counts
