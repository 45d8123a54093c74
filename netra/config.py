"""One settings object for the whole project.

Every field is an environment variable prefixed ``NETRA_`` (a ``.env`` file in
the working directory is read too). The README's configuration table lists
them; ``tests/test_config.py`` keeps the two in step.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


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
