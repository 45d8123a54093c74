"""One settings object for the whole project.

Every field is an environment variable prefixed ``NETRA_`` (a ``.env`` file in
the working directory is read too). The README's configuration table lists
them; ``tests/test_config.py`` keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Development only: the review app refuses to start with it when NETRA_ENV=production.
DEFAULT_SECRET_KEY = "netra-development-secret-key-do-not-use-in-production"  # noqa: S105


class Settings(BaseSettings):
    """Netra's configuration, read from ``NETRA_*`` environment variables."""

    model_config = SettingsConfigDict(env_prefix="NETRA_", env_file=".env", extra="ignore")

    env: Literal["development", "production"] = Field(
        "development", description="`production` refuses default secrets and passwords."
    )
    home: Path = Field(
        Path(".netra"),
        description="Working folder for the embedded database, logs and Airflow's local state.",
    )
    database_url: SecretStr | None = Field(
        None,
        description="PostgreSQL URL (`postgresql://user:pass@host:5432/db`). Unset: the embedded server.",
    )
    database_name: str = Field("netra", description="Database created on the embedded server.")
    db_connect_timeout: int = Field(5, description="Seconds to wait for the database before failing.")
    dbt_threads: int = Field(
        4,
        ge=1,
        description="Models and tests `netra build` runs at once (dbt threads; they mostly wait on the database).",
    )
    # Review app (`netra serve`).
    secret_key: SecretStr = Field(
        SecretStr(DEFAULT_SECRET_KEY),
        description="Signs session cookies; the default is refused when NETRA_ENV=production.",
    )
    session_hours: int = Field(
        12,
        ge=1,
        description="Hours a review-app session lasts at most from login, however busy (absolute timeout).",
    )
    session_idle_minutes: int = Field(
        60,
        ge=1,
        description="Minutes without a request after which a review-app session ends (idle timeout).",
    )
    session_retention_days: int = Field(
        30,
        ge=1,
        description="Days an ended review-app session's row is kept before a login purges it "
        "(the audit log keeps every session end).",
    )
    login_max_failures: int = Field(5, description="Failed logins that lock an account.")
    login_ip_max_failures: int = Field(
        20, description="Failed logins from one IP address before it is refused."
    )
    login_lockout_minutes: int = Field(15, description="How long a lockout lasts (account and IP address).")
    app_language: Literal["id", "en"] = Field("id", description="Review app's default language.")
    display_timezone: str = Field("Asia/Jakarta", description="Time zone the review app shows times in.")
    app_cache_seconds: int = Field(
        30, description="Seconds the review app reuses counts per filter and dashboard figures."
    )
    # Orchestration (Airflow DAGs in dags/, `netra demo`, `netra airflow`).
    news_schedule: str = Field(
        "@hourly", description="When netra_news runs; a source is crawled only as often as its frequency."
    )
    reports_schedule: str = Field("@daily", description="When netra_reports looks for new official files.")
    reports_inbox: Path | None = Field(
        None, description="Folder netra_reports loads official files from. Unset: $NETRA_HOME/reports-inbox."
    )
    report_urls: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Official files netra_reports downloads (comma-separated URLs)."
    )
    outlet_pool_slots: int = Field(
        4, description="Slots of the Airflow pool netra_outlets: outlets crawled at once."
    )
    task_retries: int = Field(2, description="Retries of a failed Airflow task.")
    task_retry_delay_seconds: int = Field(60, description="First retry delay; doubles on each retry.")
    task_max_retry_delay_seconds: int = Field(1800, description="Ceiling of the retry delay.")
    task_timeout_minutes: int = Field(
        60, description="A task running longer than this fails (and is retried)."
    )
    alert_webhook_url: SecretStr | None = Field(
        None, description="Task failures are POSTed here as JSON (Slack-compatible `text`). Unset: no alerts."
    )
    airflow_port: int = Field(8080, description="Port of `netra airflow`'s web UI on 127.0.0.1.")
    # Crawling and extraction (`netra crawl`, scrapers/).
    crawl_registry: Path = Field(
        PROJECT_ROOT / "scrapers" / "sources.yml", description="Source registry the crawler reads."
    )
    crawl_proxy: str | None = Field(
        None, description="HTTP proxy for every crawl request (the demo sites are reached through one)."
    )
    crawl_contact_url: str = Field(
        "https://github.com/netra-id/netra/blob/main/README.md#crawling",
        description="Contact URL in the crawler's User-Agent, so site owners can reach us.",
    )
    crawl_timeout: float = Field(30.0, gt=0, description="Seconds before a request times out.")
    crawl_retries: int = Field(
        3, ge=0, description="Retries of a request that failed with 429/5xx or a timeout."
    )
    crawl_backoff_seconds: float = Field(
        2.0, ge=0, description="First retry delay; doubles per retry (Retry-After wins when longer)."
    )
    crawl_concurrency: int = Field(16, ge=1, description="Requests in flight across all sites.")
    crawl_concurrency_per_domain: int = Field(2, ge=1, description="Requests in flight per site.")
    crawl_download_delay: float = Field(
        1.0, ge=0, description="Seconds between requests to one site (AutoThrottle adapts it)."
    )
    crawl_autothrottle: bool = Field(
        True, description="Adapt the delay to each site's latency (AutoThrottle)."
    )
    crawl_max_page_bytes: int = Field(5_000_000, ge=10_000, description="Larger responses are dropped.")
    crawl_extract_workers: int = Field(
        0, ge=0, description="Processes that extract articles during a crawl; 0 is one per CPU."
    )
    crawl_batch_size: int = Field(200, ge=1, description="Pages per batched write to the raw tables.")
    dedup_threshold: float = Field(
        0.6, gt=0, le=1, description="Estimated Jaccard similarity at which two texts are one story."
    )
    dedup_window_days: int = Field(
        30, ge=1, description="Near-duplicates are looked for among articles published this many days apart."
    )
    annotate_max_chars: int = Field(
        1_000_000, ge=1_000, description="Longer article texts get an error line instead of an annotation."
    )
    annotate_batch_size: int = Field(
        100, ge=1, description="Articles the annotation loader reads, annotates and upserts per batch."
    )

    @field_validator("report_urls", mode="before")
    @classmethod
    def _split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [u.strip() for u in value.replace("\n", ",").split(",") if u.strip()]
        return value

    @field_validator("home")
    @classmethod
    def _absolute_home(cls, value: Path) -> Path:
        return value.expanduser().resolve()

    @property
    def embedded(self) -> bool:
        """True when no external database is configured."""
        return self.database_url is None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings; tests call ``get_settings.cache_clear()`` after changing the environment."""
    return Settings()
