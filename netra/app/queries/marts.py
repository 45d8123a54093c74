"""The mart columns the review app reads, declared once (dbt owns the tables; this only names them).

``tests/app/test_app_e2e.py`` checks these declarations against the marts that a
real ``netra build`` creates, so a renamed column fails a test instead of a page.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

marts = sa.MetaData(schema="marts")
TEXTS = pg.ARRAY(sa.Text)

media_cases = sa.Table(
    "fct_media_cases",
    marts,
    sa.Column("media_case_id", sa.Text, primary_key=True),
    sa.Column("actors", pg.JSONB),
    sa.Column("actor_names", TEXTS),
    sa.Column("actor_positions", TEXTS),
    sa.Column("institution", sa.Text),
    sa.Column("province", sa.Text),
    sa.Column("regency", sa.Text),
    sa.Column("conduct_codes", TEXTS),
    sa.Column("violation_kinds", TEXTS),
    sa.Column("status", sa.Text),
    sa.Column("incident_date", sa.Date),
    sa.Column("first_reported_at", sa.DateTime(timezone=True)),
    sa.Column("latest_reported_at", sa.DateTime(timezone=True)),
    sa.Column("first_reported_date", sa.Date),
    sa.Column("latest_reported_date", sa.Date),
    sa.Column("article_count", sa.Integer),
    sa.Column("independent_article_count", sa.Integer),
    sa.Column("syndicated_copy_count", sa.Integer),
    sa.Column("outlet_count", sa.Integer),
    sa.Column("best_evidence_article_id", sa.BigInteger),
    sa.Column("best_evidence_url", sa.Text),
    sa.Column("best_evidence_text", sa.Text),
    sa.Column("nlp_confidence", sa.Numeric),
    sa.Column("confidence_score", sa.Numeric),
    sa.Column("review_status", sa.Text),
    sa.Column("confirmed_fields", TEXTS),
    sa.Column("edited_fields", TEXTS),
    sa.Column("reviewed_at", sa.DateTime(timezone=True)),
    sa.Column("reviewed_by_user_id", sa.BigInteger),
    sa.Column("reject_reason_code", sa.Text),
    sa.Column("review_note", sa.Text),
    sa.Column("reported_onward_to", sa.Text),
    sa.Column("reported_onward_at", sa.DateTime(timezone=True)),
    sa.Column("official_case_count", sa.Integer),
    sa.Column("official_case_keys", TEXTS),
    sa.Column("in_official_record", sa.Boolean),
)

case_articles = sa.Table(
    "fct_media_case_articles",
    marts,
    sa.Column("media_case_id", sa.Text),
    sa.Column("article_id", sa.BigInteger),
    sa.Column("article_case_ids", TEXTS),
    sa.Column("canonical_url", sa.Text),
    sa.Column("source_name", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published_at", sa.DateTime(timezone=True)),
    sa.Column("is_syndicated_copy", sa.Boolean),
    sa.Column("syndicated_from_article_id", sa.BigInteger),
    sa.Column("article_role", sa.Text),
    sa.Column("evidence", pg.JSONB),
    sa.Column("article_order", sa.Integer),
)

case_links = sa.Table(
    "fct_case_links",
    marts,
    sa.Column("official_case_key", sa.Text),
    sa.Column("media_case_id", sa.Text),
    sa.Column("official_source", sa.Text),
    sa.Column("report_number", sa.Text),
    sa.Column("link_method", sa.Text),
    sa.Column("link_score", sa.Numeric),
    sa.Column("link_probability", sa.Numeric),
    sa.Column("link_reasons", TEXTS),
    sa.Column("linked_at", sa.DateTime(timezone=True)),
)

official_cases = sa.Table(
    "fct_official_cases",
    marts,
    sa.Column("official_case_key", sa.Text),
    sa.Column("official_source", sa.Text),
    sa.Column("official_body", sa.Text),
    sa.Column("report_number", sa.Text),
    sa.Column("reported_on", sa.Date),
    sa.Column("respondent_name", sa.Text),
    sa.Column("respondent_position", sa.Text),
    sa.Column("respondent_institution", sa.Text),
    sa.Column("province", sa.Text),
    sa.Column("regency", sa.Text),
    sa.Column("violation_text", sa.Text),
    sa.Column("conduct_code", sa.Text),
    sa.Column("incident_date", sa.Date),
    sa.Column("recommendation", sa.Text),
    sa.Column("follow_up_status", sa.Text),
    sa.Column("has_press_coverage", sa.Boolean),
)

conduct = sa.Table(
    "dim_conduct",
    marts,
    sa.Column("conduct_code", sa.Text),
    sa.Column("violation_kind", sa.Text),
    sa.Column("label_en", sa.Text),
    sa.Column("label_id", sa.Text),
    sa.Column("sort_order", sa.Integer),
)

sources = sa.Table(
    "dim_source",
    marts,
    sa.Column("source_name", sa.Text),
    sa.Column("domain", sa.Text),
    sa.Column("article_count", sa.Integer),
)

coverage = sa.Table(
    "fct_case_coverage_monthly",
    marts,
    sa.Column("province", sa.Text),
    sa.Column("month_start", sa.Date),
    sa.Column("conduct_code", sa.Text),
    sa.Column("media_only_cases", sa.Integer),
    sa.Column("official_only_cases", sa.Integer),
    sa.Column("both_cases", sa.Integer),
    sa.Column("media_cases", sa.Integer),
    sa.Column("official_cases", sa.Integer),
)

media_vs_published = sa.Table(
    "fct_media_vs_published_statistics",
    marts,
    sa.Column("statistic_key", sa.Text),
    sa.Column("statistic_source", sa.Text),
    sa.Column("period_start", sa.Date),
    sa.Column("period_end", sa.Date),
    sa.Column("metric", sa.Text),
    sa.Column("dimension", sa.Text),
    sa.Column("dimension_kind", sa.Text),
    sa.Column("published_value", sa.Numeric),
    sa.Column("unit", sa.Text),
    sa.Column("is_comparable", sa.Boolean),
    sa.Column("media_case_count", sa.Integer),
    sa.Column("official_record_count", sa.Integer),
    sa.Column("source_url", sa.Text),
)
