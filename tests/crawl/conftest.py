"""Fixtures of the crawl tests: a frozen copy of the corpus, its demo world, fast crawl settings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from netra.config import Settings
from netra.demo.corpus import CORPUS_DIR
from netra.demo.world import World, build_world


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus as it is when the session starts (writers may add files meanwhile)."""
    target = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(CORPUS_DIR, target)
    return target


@pytest.fixture(scope="session")
def world(corpus_dir: Path) -> World:
    return build_world(corpus_dir)


def fast(settings: Settings, **extra: object) -> Settings:
    """Short timeouts and no politeness delays: the demo sites are on loopback."""
    return settings.model_copy(
        update={
            "crawl_timeout": 3.0,  # generous: a loaded CI machine must not time out normal pages
            "crawl_retries": 1,
            "crawl_backoff_seconds": 0.2,
            "crawl_download_delay": 0.0,
            "crawl_autothrottle": False,
            "crawl_concurrency_per_domain": 8,
            "crawl_extract_workers": 2,
            **extra,
        }
    )
