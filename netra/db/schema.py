"""The ``raw`` schema: everything Python writes. Alembic owns it (``netra/migrations``).

dbt reads these tables and owns ``staging``, ``intermediate``, ``marts`` and
``snapshots``. Every table has a natural key so that loads are upserts and can
be re-run: canonical URL for articles, (article, pipeline version) for
annotations, (source, nomor_laporan) for official cases.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql as pg

RAW = "raw"
metadata = sa.MetaData(
    schema=RAW,
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    },
)


def _now() -> sa.TextClause:
    return sa.text("now()")


def _created() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, server_default=_now())


def _updated() -> sa.Column:
    return sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now())


sources = sa.Table(
    "sources",
    metadata,
    sa.Column("name", sa.Text, primary_key=True),
    sa.Column("domain", sa.Text, nullable=False),
    sa.Column("province", sa.Text),
    sa.Column("homepage", sa.Text),
    sa.Column("crawl_frequency_minutes", sa.Integer, nullable=False, server_default="60"),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("config", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("watermark", sa.DateTime(timezone=True), comment="newest lastmod/publication seen"),
    sa.Column("last_crawled_at", sa.DateTime(timezone=True)),
    _created(),
    _updated(),
)

crawl_runs = sa.Table(
    "crawl_runs",
    metadata,
    sa.Column("run_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("run_key", sa.Text, unique=True, comment="caller's idempotency key, e.g. Airflow run + source"),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("finished_at", sa.DateTime(timezone=True)),
    sa.Column("status", sa.Text, nullable=False, server_default="running"),
    sa.Column("sources", pg.ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("params", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("pages_fetched", sa.Integer, nullable=False, server_default="0"),
    sa.Column("pages_not_modified", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_new", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_updated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_unchanged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("articles_duplicate", sa.Integer, nullable=False, server_default="0"),
    sa.Column(
        "errors", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb"), comment="kind -> count"
    ),
    sa.CheckConstraint("status in ('running', 'succeeded', 'failed', 'partial')", name="status"),
)

crawl_errors = sa.Table(
    "crawl_errors",
    metadata,
    sa.Column("error_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column(
        "run_id", sa.BigInteger, sa.ForeignKey("crawl_runs.run_id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column("source_name", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("message", sa.Text),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Index(None, "run_id"),
)

pages = sa.Table(
    "pages",
    metadata,
    sa.Column("page_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("url", sa.Text, nullable=False, unique=True, comment="canonical URL of the fetched page"),
    sa.Column("source_name", sa.Text, sa.ForeignKey("sources.name", onupdate="CASCADE")),
    sa.Column("run_id", sa.BigInteger, sa.ForeignKey("crawl_runs.run_id", ondelete="SET NULL")),
    sa.Column("fetched_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("http_status", sa.Integer),
    sa.Column("content_type", sa.Text),
    sa.Column("encoding", sa.Text),
    sa.Column("etag", sa.Text),
    sa.Column("last_modified", sa.Text),
    sa.Column("sitemap_lastmod", sa.DateTime(timezone=True)),
    sa.Column("page_kind", sa.Text, comment="article | listing | other"),
    sa.Column("html_gz", sa.LargeBinary, comment="raw body, gzip-compressed, for re-extraction"),
    sa.Column("html_sha256", sa.Text),
    sa.Column("size_bytes", sa.Integer),
    sa.Index(None, "source_name"),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("article_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("canonical_url", sa.Text, nullable=False, unique=True),
    sa.Column("source_name", sa.Text, sa.ForeignKey("sources.name", onupdate="CASCADE")),
    sa.Column("page_id", sa.BigInteger, sa.ForeignKey("pages.page_id", ondelete="SET NULL")),
    sa.Column("title", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("published_at", sa.DateTime(timezone=True)),
    sa.Column("section", sa.Text),
    sa.Column("tags", pg.ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("language", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.Text, nullable=False, comment="sha256 of the extracted text"),
    sa.Column("syndicated_from_outlet", sa.Text),
    sa.Column("syndicated_from_url", sa.Text),
    sa.Column("extractor_version", sa.Text),
    sa.Column("metadata", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    _updated(),
    sa.Index(None, "content_hash"),
    sa.Index(None, "source_name", "published_at"),
    sa.Index(None, "updated_at"),
)

article_clusters = sa.Table(
    "article_clusters",
    metadata,
    sa.Column(
        "article_id",
        sa.BigInteger,
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "cluster_id", sa.BigInteger, nullable=False, comment="article_id of the cluster's canonical article"
    ),
    sa.Column("is_canonical", sa.Boolean, nullable=False),
    sa.Column("similarity", sa.Float, comment="estimated Jaccard similarity to the canonical article"),
    sa.Column("method", sa.Text, nullable=False, server_default="minhash"),
    _updated(),
    sa.Index(None, "cluster_id"),
)

annotations = sa.Table(
    "annotations",
    metadata,
    sa.Column(
        "article_id",
        sa.BigInteger,
        sa.ForeignKey("articles.article_id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("pipeline_version", sa.Text, primary_key=True),
    sa.Column("content_hash", sa.Text, comment="the article text version that was annotated"),
    sa.Column("annotated_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("relevant", sa.Boolean),
    sa.Column("article_types", pg.ARRAY(sa.Text), nullable=False, server_default="{}"),
    sa.Column("payload", pg.JSONB, nullable=False, comment="one netra annotate output object"),
    sa.Column("error", sa.Text),
    sa.Index(None, "pipeline_version"),
    sa.Index(None, "annotated_at"),
)

report_files = sa.Table(
    "report_files",
    metadata,
    sa.Column("file_sha256", sa.Text, primary_key=True),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("rows_total", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_loaded", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_updated", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_unchanged", sa.Integer, nullable=False, server_default="0"),
    sa.Column("rows_rejected", sa.Integer, nullable=False, server_default="0"),
    sa.CheckConstraint("kind in ('case', 'statistic')", name="kind"),
)

official_cases = sa.Table(
    "official_cases",
    metadata,
    sa.Column("source", sa.Text, primary_key=True, comment="sumber: KASN, BKN, BAWASLU or a regional office"),
    sa.Column("nomor_laporan", sa.Text, primary_key=True),
    sa.Column("tanggal_laporan", sa.Date, nullable=False),
    sa.Column("nama_terlapor", sa.Text),
    sa.Column("jabatan", sa.Text),
    sa.Column("instansi", sa.Text),
    sa.Column("provinsi", sa.Text, comment="canonical province name"),
    sa.Column("kabupaten_kota", sa.Text, comment="canonical regency/city name"),
    sa.Column("jenis_pelanggaran", sa.Text),
    sa.Column("conduct_code", sa.Text, comment="codebook code when the source gives or implies one"),
    sa.Column("tanggal_kejadian", sa.Date),
    sa.Column("rekomendasi", sa.Text),
    sa.Column("status_tindak_lanjut", sa.Text),
    sa.Column("tanggal_tindak_lanjut", sa.Date),
    sa.Column("raw_row", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("row_hash", sa.Text, nullable=False),
    sa.Column("file_sha256", sa.Text, sa.ForeignKey("report_files.file_sha256")),
    sa.Column("first_loaded_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    _updated(),
)

official_case_history = sa.Table(
    "official_case_history",
    metadata,
    sa.Column("history_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("nomor_laporan", sa.Text, nullable=False),
    sa.Column("row_hash", sa.Text, nullable=False),
    sa.Column("record", pg.JSONB, nullable=False),
    sa.Column("file_sha256", sa.Text),
    sa.Column("valid_from", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("source", "nomor_laporan", "row_hash"),
)

official_statistics = sa.Table(
    "official_statistics",
    metadata,
    sa.Column("statistic_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("sumber", sa.Text, nullable=False),
    sa.Column("periode_mulai", sa.Date, nullable=False),
    sa.Column("periode_selesai", sa.Date, nullable=False),
    sa.Column("metrik", sa.Text, nullable=False),
    sa.Column("dimensi", sa.Text, nullable=False, server_default="", comment="'' when the figure is a total"),
    sa.Column("nilai", sa.Numeric, nullable=False),
    sa.Column("satuan", sa.Text, nullable=False),
    sa.Column("url_sumber", sa.Text),
    sa.Column("row_hash", sa.Text, nullable=False),
    sa.Column("file_sha256", sa.Text, sa.ForeignKey("report_files.file_sha256")),
    sa.Column("first_loaded_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    _updated(),
    sa.UniqueConstraint("sumber", "periode_mulai", "periode_selesai", "metrik", "dimensi", "satuan"),
)

official_rejects = sa.Table(
    "official_rejects",
    metadata,
    sa.Column("reject_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("file_sha256", sa.Text, nullable=False),
    sa.Column("file_name", sa.Text, nullable=False),
    sa.Column("row_number", sa.Integer, nullable=False, comment="1-based data row, header excluded"),
    sa.Column("kind", sa.Text),
    sa.Column("raw_row", pg.JSONB, nullable=False),
    sa.Column("reasons", pg.ARRAY(sa.Text), nullable=False),
    sa.Column("rejected_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.UniqueConstraint("file_sha256", "row_number"),
)

users = sa.Table(
    "users",
    metadata,
    sa.Column("user_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("username", sa.Text, nullable=False, unique=True),
    sa.Column("display_name", sa.Text),
    sa.Column("password_hash", sa.Text, nullable=False, comment="argon2id"),
    sa.Column("role", sa.Text, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    sa.Column("failed_logins", sa.Integer, nullable=False, server_default="0"),
    sa.Column("locked_until", sa.DateTime(timezone=True)),
    sa.Column("last_login_at", sa.DateTime(timezone=True)),
    _created(),
    sa.CheckConstraint("role in ('admin', 'monitor', 'analyst')", name="role"),
)

# Review-app sessions. The cookie carries a random token; only its SHA-256 is stored,
# so a copy of this table cannot be replayed as cookies.
user_sessions = sa.Table(
    "user_sessions",
    metadata,
    sa.Column("session_id", sa.Text, primary_key=True, comment="sha256 hex of the cookie's token"),
    sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.user_id"), nullable=False, index=True),
    _created(),
    sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("user_agent", sa.Text),
    sa.Column("ip", sa.Text),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
    sa.Column("revoked_reason", sa.Text),
)

REVIEW_DECISIONS = ("confirm", "reject", "edit", "merge", "split", "link", "unlink", "report_onward")

review_decisions = sa.Table(
    "review_decisions",
    metadata,
    sa.Column("decision_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("request_id", pg.UUID(as_uuid=True), nullable=False, unique=True, comment="idempotency key"),
    sa.Column("case_key", sa.Text, nullable=False, comment="media case id from the warehouse"),
    sa.Column("decision", sa.Text, nullable=False),
    sa.Column("payload", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("reason_code", sa.Text),
    sa.Column("note", sa.Text),
    sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.user_id"), nullable=False),
    sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.CheckConstraint("decision in " + str(REVIEW_DECISIONS), name="decision"),
    sa.Index(None, "case_key", "decided_at"),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column("audit_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("occurred_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("user_id", sa.BigInteger, sa.ForeignKey("users.user_id")),
    sa.Column("username", sa.Text),
    sa.Column("action", sa.Text, nullable=False),
    sa.Column("target", sa.Text),
    sa.Column("detail", pg.JSONB, nullable=False, server_default=sa.text("'{}'::jsonb")),
    sa.Column("ip", sa.Text),
    sa.Index(None, "occurred_at"),
)

task_failures = sa.Table(
    "task_failures",
    metadata,
    sa.Column("failure_id", sa.BigInteger, sa.Identity(), primary_key=True),
    sa.Column("dag_id", sa.Text, nullable=False),
    sa.Column("task_id", sa.Text, nullable=False),
    sa.Column("run_id", sa.Text, nullable=False),
    sa.Column("map_index", sa.Integer, nullable=False, server_default="-1"),
    sa.Column("try_number", sa.Integer, nullable=False, server_default="1"),
    sa.Column("failed_at", sa.DateTime(timezone=True), nullable=False, server_default=_now()),
    sa.Column("error", sa.Text),
    sa.UniqueConstraint("dag_id", "task_id", "run_id", "map_index", "try_number"),
)
