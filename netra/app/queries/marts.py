"""The mart columns the review app reads, declared once (dbt owns the tables; this only names them).

Each table is declared as ``name type`` pairs in the marts' own SQL type names, so the
declarations read like the dbt models' contracts and one function builds them all.
``tests/app/test_app_e2e.py`` checks these declarations against the marts that a
real ``netra build`` creates, so a renamed column fails a test instead of a page.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

marts = sa.MetaData(schema="marts")
TEXTS = pg.ARRAY(sa.Text)
TYPES: dict[str, sa.types.TypeEngine] = {
    "text": sa.Text(),
    "text[]": TEXTS,
    "jsonb": pg.JSONB(),
    "date": sa.Date(),
    "timestamptz": sa.DateTime(timezone=True),
    "integer": sa.Integer(),
    "bigint": sa.BigInteger(),
    "numeric": sa.Numeric(),
    "boolean": sa.Boolean(),
}


def _table(name: str, columns: str) -> sa.Table:
    """A mart from ``"column type, column type, ..."``; an unknown type is a KeyError at import."""
    pairs = (item.split() for item in columns.split(",") if item.strip())
    return sa.Table(name, marts, *(sa.Column(column, TYPES[kind]) for column, kind in pairs))


media_cases = _table(
    "fct_media_cases",
    """
    media_case_id text, actors jsonb, actor_names text[], actor_positions text[], institution text,
    province text, regency text, conduct_codes text[], violation_kinds text[], status text,
    incident_date date, first_reported_at timestamptz, latest_reported_at timestamptz,
    first_reported_date date, latest_reported_date date, article_count integer,
    independent_article_count integer, syndicated_copy_count integer, outlet_count integer,
    best_evidence_article_id bigint, best_evidence_url text, best_evidence_text text,
    nlp_confidence numeric, confidence_score numeric, review_status text, confirmed_fields text[],
    edited_fields text[], reviewed_at timestamptz, reviewed_by_user_id bigint,
    reject_reason_code text, review_note text, reported_onward_to text,
    reported_onward_at timestamptz, official_case_count integer, official_case_keys text[],
    in_official_record boolean, source_names text[]
    """,
)

case_articles = _table(
    "fct_media_case_articles",
    """
    media_case_id text, article_id bigint, article_case_ids text[], canonical_url text,
    source_name text, title text, published_at timestamptz, is_syndicated_copy boolean,
    syndicated_from_article_id bigint, article_role text, evidence jsonb, article_order integer
    """,
)

case_links = _table(
    "fct_case_links",
    """
    official_case_key text, media_case_id text, official_source text, report_number text,
    link_method text, link_score numeric, link_probability numeric, link_reasons text[],
    linked_at timestamptz
    """,
)

official_cases = _table(
    "fct_official_cases",
    """
    official_case_key text, official_source text, official_body text, report_number text,
    reported_on date, respondent_name text, respondent_position text, respondent_institution text,
    province text, regency text, violation_text text, conduct_code text, incident_date date,
    recommendation text, follow_up_status text, has_press_coverage boolean
    """,
)

conduct = _table(
    "dim_conduct",
    """
    conduct_code text, violation_kind text, label_en text, label_id text, sort_order integer
    """,
)

sources = _table(
    "dim_source",
    """
    source_name text, domain text, article_count integer
    """,
)

coverage = _table(
    "fct_case_coverage_monthly",
    """
    province text, month_start date, conduct_code text, media_only_cases integer,
    official_only_cases integer, both_cases integer, media_cases integer, official_cases integer
    """,
)

media_vs_published = _table(
    "fct_media_vs_published_statistics",
    """
    statistic_key text, statistic_source text, period_start date, period_end date, metric text,
    dimension text, dimension_kind text, published_value numeric, unit text, is_comparable boolean,
    media_case_count integer, official_record_count integer, source_url text
    """,
)
