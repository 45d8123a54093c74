"""The pipeline's version. Bump it whenever annotations would change: a new version re-annotates.

The warehouse keeps one annotation per (article, pipeline version) and reads the latest.
"""

from __future__ import annotations

PIPELINE_NAME = "netra_id_news"
VERSION = "0.7.0"


def pipeline_version() -> str:
    """The string recorded with every annotation, e.g. ``netra_id_news-0.2.0``."""
    return f"{PIPELINE_NAME}-{VERSION}"
