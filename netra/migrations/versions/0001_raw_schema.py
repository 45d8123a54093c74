"""raw schema

Revision ID: 0001
Revises:
Create Date: 2026-11-22

The raw schema: sources, crawl runs and errors, pages, articles and their
near-duplicate clusters, annotations, official reports (cases, history,
statistics, rejects, files), users, review decisions, audit log, task failures.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The warehouse's linkage uses trigram similarity.
    op.execute("create extension if not exists pg_trgm")
    op.create_table(
        "crawl_runs",
        sa.Column("run_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column(
            "run_key", sa.Text(), nullable=True, comment="caller's idempotency key, e.g. Airflow run + source"
        ),
        sa.Column("started_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.Text(), server_default="running", nullable=False),
        sa.Column("sources", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "params",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("pages_fetched", sa.Integer(), server_default="0", nullable=False),
        sa.Column("pages_not_modified", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_new", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("articles_duplicate", sa.Integer(), server_default="0", nullable=False),
        sa.Column(
            "errors",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
            comment="kind -> count",
        ),
        sa.CheckConstraint(
            "status in ('running', 'succeeded', 'failed', 'partial')", name=op.f("ck_crawl_runs_status")
        ),
        sa.PrimaryKeyConstraint("run_id", name=op.f("pk_crawl_runs")),
        sa.UniqueConstraint("run_key", name=op.f("uq_crawl_runs_run_key")),
        schema="raw",
    )
    op.create_table(
        "official_case_history",
        sa.Column("history_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("nomor_laporan", sa.Text(), nullable=False),
        sa.Column("row_hash", sa.Text(), nullable=False),
        sa.Column("record", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("file_sha256", sa.Text(), nullable=True),
        sa.Column("valid_from", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("history_id", name=op.f("pk_official_case_history")),
        sa.UniqueConstraint(
            "source",
            "nomor_laporan",
            "row_hash",
            name=op.f("uq_official_case_history_source_nomor_laporan_row_hash"),
        ),
        schema="raw",
    )
    op.create_table(
        "official_rejects",
        sa.Column("reject_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("file_sha256", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False, comment="1-based data row, header excluded"),
        sa.Column("kind", sa.Text(), nullable=True),
        sa.Column("raw_row", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("reasons", postgresql.ARRAY(sa.Text()), nullable=False),
        sa.Column("rejected_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("reject_id", name=op.f("pk_official_rejects")),
        sa.UniqueConstraint(
            "file_sha256", "row_number", name=op.f("uq_official_rejects_file_sha256_row_number")
        ),
        schema="raw",
    )
    op.create_table(
        "report_files",
        sa.Column("file_sha256", sa.Text(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("rows_total", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rows_loaded", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rows_updated", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rows_unchanged", sa.Integer(), server_default="0", nullable=False),
        sa.Column("rows_rejected", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("kind in ('case', 'statistic')", name=op.f("ck_report_files_kind")),
        sa.PrimaryKeyConstraint("file_sha256", name=op.f("pk_report_files")),
        schema="raw",
    )
    op.create_table(
        "sources",
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("domain", sa.Text(), nullable=False),
        sa.Column("province", sa.Text(), nullable=True),
        sa.Column("homepage", sa.Text(), nullable=True),
        sa.Column("crawl_frequency_minutes", sa.Integer(), server_default="60", nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column(
            "config",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "watermark", sa.DateTime(timezone=True), nullable=True, comment="newest lastmod/publication seen"
        ),
        sa.Column("last_crawled_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_sources")),
        schema="raw",
    )
    op.create_table(
        "task_failures",
        sa.Column("failure_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("dag_id", sa.Text(), nullable=False),
        sa.Column("task_id", sa.Text(), nullable=False),
        sa.Column("run_id", sa.Text(), nullable=False),
        sa.Column("map_index", sa.Integer(), server_default="-1", nullable=False),
        sa.Column("try_number", sa.Integer(), server_default="1", nullable=False),
        sa.Column("failed_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("failure_id", name=op.f("pk_task_failures")),
        sa.UniqueConstraint(
            "dag_id",
            "task_id",
            "run_id",
            "map_index",
            "try_number",
            name=op.f("uq_task_failures_dag_id_task_id_run_id_map_index_try_number"),
        ),
        schema="raw",
    )
    op.create_table(
        "users",
        sa.Column("user_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("username", sa.Text(), nullable=False),
        sa.Column("display_name", sa.Text(), nullable=True),
        sa.Column("password_hash", sa.Text(), nullable=False, comment="argon2id"),
        sa.Column("role", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), server_default=sa.text("true"), nullable=False),
        sa.Column("failed_logins", sa.Integer(), server_default="0", nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("role in ('admin', 'monitor', 'analyst')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
        schema="raw",
    )
    op.create_table(
        "audit_log",
        sa.Column("audit_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("username", sa.Text(), nullable=True),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("target", sa.Text(), nullable=True),
        sa.Column(
            "detail",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("ip", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["raw.users.user_id"], name=op.f("fk_audit_log_user_id_users")),
        sa.PrimaryKeyConstraint("audit_id", name=op.f("pk_audit_log")),
        schema="raw",
    )
    op.create_index(
        op.f("ix_audit_log_occurred_at"), "audit_log", ["occurred_at"], unique=False, schema="raw"
    )
    op.create_table(
        "crawl_errors",
        sa.Column("error_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("run_id", sa.BigInteger(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("message", sa.Text(), nullable=True),
        sa.Column("occurred_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["raw.crawl_runs.run_id"],
            name=op.f("fk_crawl_errors_run_id_crawl_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("error_id", name=op.f("pk_crawl_errors")),
        schema="raw",
    )
    op.create_index(op.f("ix_crawl_errors_run_id"), "crawl_errors", ["run_id"], unique=False, schema="raw")
    op.create_table(
        "official_cases",
        sa.Column(
            "source", sa.Text(), nullable=False, comment="sumber: KASN, BKN, BAWASLU or a regional office"
        ),
        sa.Column("nomor_laporan", sa.Text(), nullable=False),
        sa.Column("tanggal_laporan", sa.Date(), nullable=False),
        sa.Column("nama_terlapor", sa.Text(), nullable=True),
        sa.Column("jabatan", sa.Text(), nullable=True),
        sa.Column("instansi", sa.Text(), nullable=True),
        sa.Column("provinsi", sa.Text(), nullable=True, comment="canonical province name"),
        sa.Column("kabupaten_kota", sa.Text(), nullable=True, comment="canonical regency/city name"),
        sa.Column("jenis_pelanggaran", sa.Text(), nullable=True),
        sa.Column(
            "conduct_code",
            sa.Text(),
            nullable=True,
            comment="codebook code when the source gives or implies one",
        ),
        sa.Column("tanggal_kejadian", sa.Date(), nullable=True),
        sa.Column("rekomendasi", sa.Text(), nullable=True),
        sa.Column("status_tindak_lanjut", sa.Text(), nullable=True),
        sa.Column("tanggal_tindak_lanjut", sa.Date(), nullable=True),
        sa.Column(
            "raw_row",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("row_hash", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.Text(), nullable=True),
        sa.Column(
            "first_loaded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_sha256"],
            ["raw.report_files.file_sha256"],
            name=op.f("fk_official_cases_file_sha256_report_files"),
        ),
        sa.PrimaryKeyConstraint("source", "nomor_laporan", name=op.f("pk_official_cases")),
        schema="raw",
    )
    op.create_table(
        "official_statistics",
        sa.Column("statistic_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("sumber", sa.Text(), nullable=False),
        sa.Column("periode_mulai", sa.Date(), nullable=False),
        sa.Column("periode_selesai", sa.Date(), nullable=False),
        sa.Column("metrik", sa.Text(), nullable=False),
        sa.Column(
            "dimensi", sa.Text(), server_default="", nullable=False, comment="'' when the figure is a total"
        ),
        sa.Column("nilai", sa.Numeric(), nullable=False),
        sa.Column("satuan", sa.Text(), nullable=False),
        sa.Column("url_sumber", sa.Text(), nullable=True),
        sa.Column("row_hash", sa.Text(), nullable=False),
        sa.Column("file_sha256", sa.Text(), nullable=True),
        sa.Column(
            "first_loaded_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["file_sha256"],
            ["raw.report_files.file_sha256"],
            name=op.f("fk_official_statistics_file_sha256_report_files"),
        ),
        sa.PrimaryKeyConstraint("statistic_id", name=op.f("pk_official_statistics")),
        sa.UniqueConstraint(
            "sumber",
            "periode_mulai",
            "periode_selesai",
            "metrik",
            "dimensi",
            "satuan",
            name=op.f("uq_official_statistics_sumber_periode_mulai_periode_selesai_metrik_dimensi_satuan"),
        ),
        schema="raw",
    )
    op.create_table(
        "pages",
        sa.Column("page_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("url", sa.Text(), nullable=False, comment="canonical URL of the fetched page"),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("run_id", sa.BigInteger(), nullable=True),
        sa.Column("fetched_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("http_status", sa.Integer(), nullable=True),
        sa.Column("content_type", sa.Text(), nullable=True),
        sa.Column("encoding", sa.Text(), nullable=True),
        sa.Column("etag", sa.Text(), nullable=True),
        sa.Column("last_modified", sa.Text(), nullable=True),
        sa.Column("sitemap_lastmod", sa.DateTime(timezone=True), nullable=True),
        sa.Column("page_kind", sa.Text(), nullable=True, comment="article | listing | other"),
        sa.Column(
            "html_gz", sa.LargeBinary(), nullable=True, comment="raw body, gzip-compressed, for re-extraction"
        ),
        sa.Column("html_sha256", sa.Text(), nullable=True),
        sa.Column("size_bytes", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["raw.crawl_runs.run_id"],
            name=op.f("fk_pages_run_id_crawl_runs"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["source_name"],
            ["raw.sources.name"],
            name=op.f("fk_pages_source_name_sources"),
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("page_id", name=op.f("pk_pages")),
        sa.UniqueConstraint("url", name=op.f("uq_pages_url")),
        schema="raw",
    )
    op.create_index(op.f("ix_pages_source_name"), "pages", ["source_name"], unique=False, schema="raw")
    op.create_table(
        "review_decisions",
        sa.Column("decision_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("request_id", sa.UUID(), nullable=False, comment="idempotency key"),
        sa.Column("case_key", sa.Text(), nullable=False, comment="media case id from the warehouse"),
        sa.Column("decision", sa.Text(), nullable=False),
        sa.Column(
            "payload",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column("reason_code", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "decision in ('confirm', 'reject', 'edit', 'merge', 'split', 'link', 'unlink', 'report_onward')",
            name=op.f("ck_review_decisions_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["raw.users.user_id"], name=op.f("fk_review_decisions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("decision_id", name=op.f("pk_review_decisions")),
        sa.UniqueConstraint("request_id", name=op.f("uq_review_decisions_request_id")),
        schema="raw",
    )
    op.create_index(
        op.f("ix_review_decisions_case_key_decided_at"),
        "review_decisions",
        ["case_key", "decided_at"],
        unique=False,
        schema="raw",
    )
    op.create_table(
        "articles",
        sa.Column("article_id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("canonical_url", sa.Text(), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=True),
        sa.Column("page_id", sa.BigInteger(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("author", sa.Text(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("tags", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column("language", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.Text(), nullable=False, comment="sha256 of the extracted text"),
        sa.Column("syndicated_from_outlet", sa.Text(), nullable=True),
        sa.Column("syndicated_from_url", sa.Text(), nullable=True),
        sa.Column("extractor_version", sa.Text(), nullable=True),
        sa.Column(
            "metadata",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default=sa.text("'{}'::jsonb"),
            nullable=False,
        ),
        sa.Column(
            "first_seen_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"], ["raw.pages.page_id"], name=op.f("fk_articles_page_id_pages"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["source_name"],
            ["raw.sources.name"],
            name=op.f("fk_articles_source_name_sources"),
            onupdate="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_articles")),
        sa.UniqueConstraint("canonical_url", name=op.f("uq_articles_canonical_url")),
        schema="raw",
    )
    op.create_index(
        op.f("ix_articles_content_hash"), "articles", ["content_hash"], unique=False, schema="raw"
    )
    op.create_index(
        op.f("ix_articles_source_name_published_at"),
        "articles",
        ["source_name", "published_at"],
        unique=False,
        schema="raw",
    )
    op.create_index(op.f("ix_articles_updated_at"), "articles", ["updated_at"], unique=False, schema="raw")
    op.create_table(
        "annotations",
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("pipeline_version", sa.Text(), nullable=False),
        sa.Column(
            "content_hash", sa.Text(), nullable=True, comment="the article text version that was annotated"
        ),
        sa.Column(
            "annotated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
        ),
        sa.Column("relevant", sa.Boolean(), nullable=True),
        sa.Column("article_types", postgresql.ARRAY(sa.Text()), server_default="{}", nullable=False),
        sa.Column(
            "payload",
            postgresql.JSONB(astext_type=sa.Text()),
            nullable=False,
            comment="one netra annotate output object",
        ),
        sa.Column("error", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["raw.articles.article_id"],
            name=op.f("fk_annotations_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", "pipeline_version", name=op.f("pk_annotations")),
        schema="raw",
    )
    op.create_index(
        op.f("ix_annotations_annotated_at"), "annotations", ["annotated_at"], unique=False, schema="raw"
    )
    op.create_index(
        op.f("ix_annotations_pipeline_version"),
        "annotations",
        ["pipeline_version"],
        unique=False,
        schema="raw",
    )
    op.create_table(
        "article_clusters",
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column(
            "cluster_id",
            sa.BigInteger(),
            nullable=False,
            comment="article_id of the cluster's canonical article",
        ),
        sa.Column("is_canonical", sa.Boolean(), nullable=False),
        sa.Column(
            "similarity",
            sa.Float(),
            nullable=True,
            comment="estimated Jaccard similarity to the canonical article",
        ),
        sa.Column("method", sa.Text(), server_default="minhash", nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["raw.articles.article_id"],
            name=op.f("fk_article_clusters_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("article_id", name=op.f("pk_article_clusters")),
        schema="raw",
    )
    op.create_index(
        op.f("ix_article_clusters_cluster_id"), "article_clusters", ["cluster_id"], unique=False, schema="raw"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_article_clusters_cluster_id"), table_name="article_clusters", schema="raw")
    op.drop_table("article_clusters", schema="raw")
    op.drop_index(op.f("ix_annotations_pipeline_version"), table_name="annotations", schema="raw")
    op.drop_index(op.f("ix_annotations_annotated_at"), table_name="annotations", schema="raw")
    op.drop_table("annotations", schema="raw")
    op.drop_index(op.f("ix_articles_updated_at"), table_name="articles", schema="raw")
    op.drop_index(op.f("ix_articles_source_name_published_at"), table_name="articles", schema="raw")
    op.drop_index(op.f("ix_articles_content_hash"), table_name="articles", schema="raw")
    op.drop_table("articles", schema="raw")
    op.drop_index(
        op.f("ix_review_decisions_case_key_decided_at"), table_name="review_decisions", schema="raw"
    )
    op.drop_table("review_decisions", schema="raw")
    op.drop_index(op.f("ix_pages_source_name"), table_name="pages", schema="raw")
    op.drop_table("pages", schema="raw")
    op.drop_table("official_statistics", schema="raw")
    op.drop_table("official_cases", schema="raw")
    op.drop_index(op.f("ix_crawl_errors_run_id"), table_name="crawl_errors", schema="raw")
    op.drop_table("crawl_errors", schema="raw")
    op.drop_index(op.f("ix_audit_log_occurred_at"), table_name="audit_log", schema="raw")
    op.drop_table("audit_log", schema="raw")
    op.drop_table("users", schema="raw")
    op.drop_table("task_failures", schema="raw")
    op.drop_table("sources", schema="raw")
    op.drop_table("report_files", schema="raw")
    op.drop_table("official_rejects", schema="raw")
    op.drop_table("official_case_history", schema="raw")
    op.drop_table("crawl_runs", schema="raw")
