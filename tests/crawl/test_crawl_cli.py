"""`netra crawl --demo` and `netra reextract` as a user runs them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[2]


def _netra(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / ".venv" / "bin" / "netra"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )


def test_crawl_demo_then_reextract(netra_env: dict[str, str], database_url: str, engine: sa.Engine) -> None:
    env = {
        **netra_env,
        "NETRA_DATABASE_URL": database_url,
        "NETRA_CRAWL_DOWNLOAD_DELAY": "0",
        "NETRA_CRAWL_AUTOTHROTTLE": "false",
        "NETRA_CRAWL_EXTRACT_WORKERS": "1",
        "COLUMNS": "120",
    }
    done = _netra(env, "crawl", "--demo", "--source", "kabarborneo")
    assert done.returncode == 0, done.stderr
    assert "articles new" in done.stdout and "charset_mismatch" in done.stdout
    with engine.connect() as conn:
        stored = conn.execute(
            sa.text("select count(*) from raw.articles where source_name = 'kabarborneo'")
        ).scalar()
    assert stored and stored > 20

    again = _netra(env, "reextract", "--all")
    assert again.returncode == 0, again.stderr
    assert f"re-extracted {stored} article(s): 0 updated, {stored} unchanged" in again.stdout

    unknown = _netra(env, "crawl", "--demo", "--source", "nope")
    assert unknown.returncode == 2 and "unknown source" in unknown.stderr


def test_demo_sites_export_writes_pages_with_gold(netra_env: dict[str, str], tmp_path: Path) -> None:
    import json

    done = _netra(netra_env, "demo-sites", "--export", str(tmp_path / "pages"))
    assert done.returncode == 0, done.stderr
    index = json.loads((tmp_path / "pages" / "index.json").read_text())
    assert len(index) >= 150
    first = index[0]
    html = (tmp_path / "pages" / f"{first['n']:04d}.html").read_text()
    gold = (tmp_path / "pages" / f"{first['n']:04d}.gold.txt").read_text().strip()
    assert gold and gold.split("\n")[0][:40] in html.replace("&#34;", '"').replace("&#39;", "'")
    assert all(marker not in gold for marker in first["boilerplate"])
