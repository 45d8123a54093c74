"""The source registry (``scrapers/sources.yml``): which outlets to crawl and how.

Each source names its discovery endpoints (sitemaps and news sitemaps, RSS/Atom
feeds, paginated section listings), the URL pattern of its article pages, how
long articles page (``?page=2``), optional cleanup selectors and a crawl
frequency. The spiders are generic; everything site-specific lives here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from netra.config import PROJECT_ROOT
from netra.errors import NetraError

REAL_REGISTRY = PROJECT_ROOT / "scrapers" / "sources.yml"
DEMO_REGISTRY = PROJECT_ROOT / "scrapers" / "sources.demo.yml"


class RegistryError(NetraError):
    """The registry file is missing or does not validate."""


class Listing(BaseModel):
    """A section or index page listing articles, with its pagination."""

    model_config = ConfigDict(extra="forbid")

    url: str
    # Either a query parameter that numbers pages (``?page=2``) or a CSS selector for the "next" link.
    page_param: str | None = None
    next_selector: str | None = None
    max_pages: int = Field(5, ge=1, le=500)


class Discovery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sitemaps: list[str] = Field(default_factory=list, description="sitemap indexes, sitemaps, news sitemaps")
    feeds: list[str] = Field(default_factory=list, description="RSS or Atom feeds")
    listings: list[Listing] = Field(default_factory=list)
    robots_sitemaps: bool = Field(False, description="also read the Sitemap: lines of robots.txt")

    @model_validator(mode="after")
    def _some_endpoint(self) -> Discovery:
        if not (self.sitemaps or self.feeds or self.listings or self.robots_sitemaps):
            raise ValueError("a source needs at least one discovery endpoint")
        return self


class Paging(BaseModel):
    """How one article spreads over several pages."""

    model_config = ConfigDict(extra="forbid")

    param: str = "page"
    max_pages: int = Field(10, ge=2, le=50)


class Source(BaseModel):
    """One outlet."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    outlet: str
    domain: str
    homepage: str
    province: str | None = None
    network: str | None = None
    scope: Literal["national", "regional", "local"] = "local"
    discovery: Discovery
    article_pattern: str
    paging: Paging | None = None
    cleanup_selectors: list[str] = Field(default_factory=list)
    crawl_frequency_minutes: int = Field(60, ge=5)
    active: bool = True
    allowed_domains: list[str] = Field(default_factory=list)

    @field_validator("article_pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"article_pattern is not a regular expression: {exc}") from None
        return value

    @field_validator("homepage")
    @classmethod
    def _http(cls, value: str) -> str:
        if not re.match(r"^https?://", value):
            raise ValueError("homepage must be an http(s) URL")
        return value

    @property
    def domains(self) -> list[str]:
        return self.allowed_domains or [self.domain]

    def is_article_url(self, url: str) -> bool:
        return re.search(self.article_pattern, url) is not None


class Registry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[Source]

    @model_validator(mode="after")
    def _unique(self) -> Registry:
        names = [s.name for s in self.sources]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"duplicate source names: {', '.join(dupes)}")
        return self


def load_registry(path: Path | str = REAL_REGISTRY) -> list[Source]:
    """All sources in a registry file, validated."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RegistryError(f"cannot read source registry {path}: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise RegistryError(f"source registry {path} is not valid YAML: {exc}") from None
    try:
        return Registry.model_validate(data).sources
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise RegistryError(f"source registry {path}: {where}: {first['msg']}") from None


def select(sources: list[Source], names: list[str] | None) -> list[Source]:
    """The named sources (active or not), or every active source when no names are given."""
    if not names:
        return [s for s in sources if s.active]
    by_name = {s.name: s for s in sources}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise RegistryError(f"unknown source(s): {', '.join(unknown)} (known: {', '.join(sorted(by_name))})")
    return [by_name[n] for n in names]
