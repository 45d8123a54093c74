"""Annotate the articles in ``raw.articles`` that need it and upsert ``raw.annotations``.

An article needs annotating when it has no annotation for the current pipeline
version (:func:`nlp.version.pipeline_version`), or when its text changed since
(its ``content_hash`` differs from the annotated one). Articles are read,
annotated and written in batches (``NETRA_ANNOTATE_BATCH_SIZE``), walking
``article_id`` upwards, so memory stays flat and a run killed half-way keeps
every finished batch; running again annotates only what is still missing.
Rows are upserted on (article_id, pipeline_version). An article that cannot be
annotated (too long, empty) gets a row with ``error`` set, so that it is not
retried until its text or the pipeline changes. The Airflow DAG ``netra_news``
calls :func:`annotate_pending`; ``nlp`` itself never sees the database.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from spacy.language import Language

from netra.config import Settings, get_settings
from netra.db import schema
from netra.db.upsert import upsert

COMPARE = ("content_hash", "relevant", "article_types", "payload", "error")


@dataclass
class AnnotationCounts:
    """What one run did."""

    pipeline_version: str
    selected: int = 0  # articles that needed annotating
    annotated: int = 0  # annotations written (inserted or updated)
    errors: int = 0  # of those, error rows (the article could not be annotated)
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    batches: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def _pending(pipeline_version: str, after: int, limit: int) -> sa.Select:
    a, n, s = schema.articles, schema.annotations, schema.sources
    current = sa.and_(n.c.article_id == a.c.article_id, n.c.pipeline_version == pipeline_version)
    return (
        sa.select(
            a.c.article_id,
            a.c.canonical_url,
            a.c.title,
            a.c.author,
            a.c.published_at,
            a.c.text,
            a.c.content_hash,
            s.c.domain,
        )
        .select_from(a.outerjoin(n, current).outerjoin(s, s.c.name == a.c.source_name))
        .where(a.c.article_id > after)
        .where(sa.or_(n.c.article_id.is_(None), n.c.content_hash.is_distinct_from(a.c.content_hash)))
        .order_by(a.c.article_id)
        .limit(limit)
    )


def _annotate(nlp: Language, row: sa.Row, max_chars: int, pipeline_version: str) -> dict[str, Any]:
    from nlp.records import Prepared, annotate_prepared, error_object

    meta = {
        "title": row.title,
        "author": row.author,
        "published_at": row.published_at.isoformat() if row.published_at else None,
        "source": row.domain,
    }
    id_ = str(row.article_id)
    if not (row.text or "").strip():
        payload = error_object(id_, "empty text", row.canonical_url)
    elif len(row.text) > max_chars:
        payload = error_object(
            id_, f"text too long ({len(row.text):,} characters; limit {max_chars:,})", row.canonical_url
        )
    else:
        payload = annotate_prepared(nlp, Prepared(id_, row.canonical_url, text=row.text, meta=meta))
    payload["pipeline_version"] = pipeline_version
    return {
        "article_id": row.article_id,
        "pipeline_version": pipeline_version,
        "content_hash": row.content_hash,
        "relevant": None if payload.get("error") else payload["relevant"],
        "article_types": payload["article_types"],
        # JSONB refuses NUL characters; scraped text can carry them.
        "payload": json.loads(json.dumps(payload, ensure_ascii=False).replace("\\u0000", "")),
        "error": payload.get("error"),
        "annotated_at": sa.func.now(),
    }


def annotate_pending(
    engine: sa.Engine,
    *,
    nlp: Language | None = None,
    batch_size: int | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
) -> AnnotationCounts:
    """Annotate every article that needs it (at most ``limit``); return the counts."""
    from nlp.pipeline import load
    from nlp.version import pipeline_version

    settings = settings or get_settings()
    version = pipeline_version()
    batch_size = batch_size or settings.annotate_batch_size
    counts = AnnotationCounts(pipeline_version=version)
    after = 0
    while limit is None or counts.selected < limit:
        size = batch_size if limit is None else min(batch_size, limit - counts.selected)
        with engine.connect() as conn:
            rows = conn.execute(_pending(version, after, size)).all()
        if not rows:
            break
        if nlp is None:
            nlp = load()
        annotated = [_annotate(nlp, row, settings.annotate_max_chars, version) for row in rows]
        with engine.begin() as conn:
            result, _ = upsert(
                conn,
                schema.annotations,
                annotated,
                key=("article_id", "pipeline_version"),
                compare=COMPARE,
                touch=(),
            )
        counts.selected += len(rows)
        counts.errors += sum(1 for a in annotated if a["error"])
        counts.inserted += result.inserted
        counts.updated += result.updated
        counts.unchanged += result.unchanged
        counts.annotated += result.inserted + result.updated
        counts.batches += 1
        after = rows[-1].article_id
    return counts
