"""``netra_reports``' tasks: fetch configured official files, load everything in the inbox.

Loading is the warehouse room's ``netra.loaders.reports``: a file already
loaded is recognised by its SHA-256 and changes nothing, so the inbox can keep
its files and every run can look at all of them. A refused file (not a CSV/XLSX
of a known kind) is moved to ``refused/`` beside a note saying why, and fails
the task once, after the good files are loaded.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from netra.config import Settings, get_settings
from netra.errors import NetraError

log = logging.getLogger(__name__)

SUFFIXES = (".csv", ".xlsx")
MAX_DOWNLOAD_BYTES = 50 * 1024 * 1024


class ReportsRefused(NetraError):
    """Some files in the inbox could not be loaded at all."""


@dataclass
class InboxResult:
    """What one pass over the inbox did."""

    files: int = 0
    rows_loaded: int = 0
    rows_updated: int = 0
    rows_unchanged: int = 0
    rows_rejected: int = 0
    refused: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.rows_loaded or self.rows_updated)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def inbox(settings: Settings | None = None) -> Path:
    """The folder official files are dropped into (NETRA_REPORTS_INBOX, default under NETRA_HOME)."""
    settings = settings or get_settings()
    folder = settings.reports_inbox or settings.home / "reports-inbox"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _file_name(url: str) -> str:
    name = Path(urlsplit(url).path).name or "report.csv"
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def fetch(settings: Settings | None = None) -> list[Path]:
    """Download each NETRA_REPORT_URLS file into ``<inbox>/downloads/``; unchanged files stay as they are."""
    settings = settings or get_settings()
    if not settings.report_urls:
        return []
    import httpx

    target = inbox(settings) / "downloads"
    target.mkdir(exist_ok=True)
    fetched, errors = [], []
    for url in settings.report_urls:
        path = target / _file_name(url)
        if path.suffix.lower() not in SUFFIXES:
            errors.append(f"{url}: not a .csv or .xlsx file")
            continue
        try:
            with httpx.stream("GET", url, timeout=60, follow_redirects=True) as response:
                response.raise_for_status()
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_DOWNLOAD_BYTES:
                        raise NetraError(f"{url}: larger than {MAX_DOWNLOAD_BYTES // 2**20} MB")
        except (httpx.HTTPError, NetraError) as exc:
            errors.append(f"{url}: {exc}")
            continue
        if not path.exists() or path.read_bytes() != body:
            partial = path.with_suffix(path.suffix + ".part")
            partial.write_bytes(body)
            partial.replace(path)
        fetched.append(path)
    if errors:
        raise NetraError("could not fetch official files: " + "; ".join(errors))
    return fetched


def pending_files(folder: Path) -> list[Path]:
    """The loadable files in the inbox and its ``downloads/``, in a stable order."""
    found = [p for sub in (folder, folder / "downloads") if sub.is_dir() for p in sub.iterdir()]
    return sorted(p for p in found if p.is_file() and p.suffix.lower() in SUFFIXES)


def _refuse(path: Path, reason: str) -> None:
    refused = path.parent / "refused" if path.parent.name != "downloads" else path.parent.parent / "refused"
    refused.mkdir(exist_ok=True)
    target = refused / path.name
    shutil.move(str(path), target)
    target.with_name(target.name + ".reason.txt").write_text(reason + "\n")


def load_inbox(settings: Settings | None = None) -> InboxResult:
    """Load every file in the inbox; refused files are moved aside and reported (the task fails)."""
    from netra.db import migrate
    from netra.db.engine import get_engine
    from netra.loaders.reports import load_files
    from netra.orchestration import failures

    settings = settings or get_settings()
    engine = get_engine(settings)
    migrate.upgrade(engine)
    failures.drain_spool(settings)
    result = InboxResult()
    for path in pending_files(inbox(settings)):
        reports, refused = load_files(engine, [path])
        result.files += 1
        for reason in refused:
            log.error("refused %s: %s", path.name, reason)
            result.refused.append(reason)
            _refuse(path, reason)
        for r in reports:
            result.rows_loaded += r.loaded
            result.rows_updated += r.updated
            result.rows_unchanged += r.unchanged
            result.rows_rejected += r.rejected
    if result.refused:
        raise ReportsRefused(
            f"{len(result.refused)} file(s) refused and moved to {inbox(settings) / 'refused'}: "
            + "; ".join(result.refused)
        )
    return result
