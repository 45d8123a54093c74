"""One media case with everything its page shows: articles, evidence, links, related cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from netra.app.highlight import highlight, locate
from netra.app.queries.marts import case_articles, case_links, media_cases, official_cases
from netra.db.schema import articles as raw_articles

c = media_cases
RELATED_LIMIT = 12
CANDIDATE_LIMIT = 40
RELATED_COLUMNS = (
    "media_case_id actor_names actor_positions institution province regency conduct_codes "
    "first_reported_date latest_reported_at review_status"
).split()


@dataclass
class ArticleView:
    """An article of the case; syndicated copies are folded under the article they repeat."""

    article_id: int
    title: str | None
    canonical_url: str
    source_name: str | None
    published_at: Any
    role: str
    evidence: list[dict[str, Any]]
    text_html: Any = None  # Markup: escaped text with evidence marked
    copies: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class CaseView:
    case: sa.RowMapping
    articles: list[ArticleView]
    links: list[sa.RowMapping]
    related: list[sa.RowMapping]
    candidates: list[sa.RowMapping]
    case_keys: list[str] = field(default_factory=list)  # the case's id and its article-cases' ids


def current_id(conn: sa.Connection, case_key: str) -> str | None:
    """The media case a key names now: itself, or the case its article-case was merged or split into."""
    if conn.execute(sa.select(c.c.media_case_id).where(c.c.media_case_id == case_key)).first():
        return case_key
    a = case_articles
    return conn.execute(
        sa.select(a.c.media_case_id).where(a.c.article_case_ids.any_() == case_key).limit(1)
    ).scalar()


def load(conn: sa.Connection, media_case_id: str) -> CaseView | None:
    case = conn.execute(sa.select(c).where(c.c.media_case_id == media_case_id)).mappings().first()
    if case is None:
        return None
    articles, keys = _articles(conn, media_case_id)
    return CaseView(
        case_keys=sorted({media_case_id, *keys}),
        case=case,
        articles=articles,
        links=_links(conn, media_case_id),
        related=_related(conn, case),
        candidates=_candidates(conn, case),
    )


def _articles(conn: sa.Connection, media_case_id: str) -> tuple[list[ArticleView], set[str]]:
    """The case's articles (copies folded) and the ids of its article-cases."""
    a = case_articles
    rows = conn.execute(
        sa.select(
            a.c.article_id,
            a.c.article_case_ids,
            a.c.title,
            a.c.canonical_url,
            a.c.source_name,
            a.c.published_at,
            a.c.article_role,
            a.c.is_syndicated_copy,
            a.c.syndicated_from_article_id,
            a.c.evidence,
            raw_articles.c.text,
        )
        .select_from(a)
        .outerjoin(raw_articles, raw_articles.c.article_id == a.c.article_id)
        .where(a.c.media_case_id == media_case_id)
        .order_by(a.c.article_order)
    ).mappings()
    views: dict[int, ArticleView] = {}
    copies: list[sa.RowMapping] = []
    keys: set[str] = set()
    for row in rows:
        keys.update(row["article_case_ids"] or [])
        if row["is_syndicated_copy"] and row["syndicated_from_article_id"] is not None:
            copies.append(row)
            continue
        views[row["article_id"]] = _view(row)
    orphans: list[ArticleView] = []
    for row in copies:
        copy = {
            "article_id": row["article_id"],
            "title": row["title"],
            "canonical_url": row["canonical_url"],
            "source_name": row["source_name"],
            "published_at": row["published_at"],
        }
        original = views.get(row["syndicated_from_article_id"])
        if original is not None:
            original.copies.append(copy)
        else:
            # The original is not part of this case (it reports another one): show the copy itself.
            orphans.append(_view(row))
    return [*views.values(), *orphans], keys


def _view(row: sa.RowMapping) -> ArticleView:
    """An article with its text escaped and its evidence sentences marked."""
    text = row["text"] or ""
    spans = [s for s in row["evidence"] or [] if isinstance(s, dict)]
    return ArticleView(
        article_id=row["article_id"],
        title=row["title"],
        canonical_url=row["canonical_url"],
        source_name=row["source_name"],
        published_at=row["published_at"],
        role=row["article_role"],
        evidence=spans,
        text_html=highlight(text, locate(text, spans)),
    )


def _links(conn: sa.Connection, media_case_id: str) -> list[sa.RowMapping]:
    link, off = case_links, official_cases
    stmt = (
        sa.select(
            link.c.official_case_key,
            link.c.official_source,
            link.c.report_number,
            link.c.link_method,
            link.c.link_score,
            link.c.link_probability,
            link.c.link_reasons,
            off.c.reported_on,
            off.c.respondent_name,
            off.c.respondent_position,
            off.c.respondent_institution,
            off.c.province,
            off.c.regency,
            off.c.violation_text,
            off.c.recommendation,
            off.c.follow_up_status,
        )
        .select_from(link)
        .outerjoin(off, off.c.official_case_key == link.c.official_case_key)
        .where(link.c.media_case_id == media_case_id)
        .order_by(link.c.link_score.desc().nulls_last(), link.c.official_case_key)
    )
    return list(conn.execute(stmt).mappings())


def _related(conn: sa.Connection, case: sa.RowMapping) -> list[sa.RowMapping]:
    """Other cases naming one of this case's actors, or the same institution, newest first.

    Two small queries (each can walk its own index newest-first and stop early) rather than one
    with OR, which would read every case of a busy institution.
    """
    columns = [c.c[name] for name in RELATED_COLUMNS]
    conditions: list[sa.ColumnElement[bool]] = []
    if case["actor_names"]:
        conditions.append(c.c.actor_names.overlap(list(case["actor_names"])))
    if case["institution"]:
        conditions.append(c.c.institution == case["institution"])
    found: dict[str, sa.RowMapping] = {}
    for condition in conditions:
        stmt = (
            sa.select(*columns)
            .where(condition, c.c.media_case_id != case["media_case_id"])
            .order_by(c.c.latest_reported_at.desc().nulls_last(), c.c.media_case_id)
            .limit(RELATED_LIMIT)
        )
        for row in conn.execute(stmt).mappings():
            found.setdefault(row["media_case_id"], row)
    ordered = sorted(
        found.values(),
        key=lambda r: (
            r["latest_reported_at"] is None,
            -(r["latest_reported_at"].timestamp() if r["latest_reported_at"] else 0),
            r["media_case_id"],
        ),
    )
    return ordered[:RELATED_LIMIT]


def _candidates(conn: sa.Connection, case: sa.RowMapping) -> list[sa.RowMapping]:
    """Official records a monitor might link: same province, not linked to this case yet."""
    off = official_cases
    if not case["province"]:
        return []
    stmt = (
        sa.select(
            off.c.official_source,
            off.c.report_number,
            off.c.reported_on,
            off.c.respondent_name,
            off.c.respondent_position,
            off.c.regency,
        )
        .where(
            off.c.province == case["province"],
            sa.not_(off.c.official_case_key.in_(list(case["official_case_keys"] or []) or [""])),
        )
        .order_by(
            (off.c.regency == case["regency"]).desc().nulls_last(),
            off.c.reported_on.desc(),
        )
        .limit(CANDIDATE_LIMIT)
    )
    return list(conn.execute(stmt).mappings())
