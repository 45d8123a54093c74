"""The Airflow Assets that connect Netra's DAGs: new articles and new official records.

``netra_news`` and ``netra_reports`` mark them when they wrote something new;
``netra_warehouse`` is scheduled on either. Imported by DAG files only.
"""

from __future__ import annotations

from airflow.sdk import Asset

# Postgres asset URIs name database/schema/table; the host is a stable label, not an address.
RAW_ARTICLES = Asset(name="netra_raw_articles", uri="postgres://netra:5432/netra/raw/articles")
OFFICIAL_REPORTS = Asset(name="netra_official_reports", uri="postgres://netra:5432/netra/raw/official_cases")
