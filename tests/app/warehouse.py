"""A real warehouse for the app's tests: fixture rows in the raw tables, then the real `netra build`.

Articles: the labelled corpus (``nlp/corpus``, real Indonesian news texts with gold
annotations, loaded by ``netra.demo.corpus_fixture``) plus :data:`HOSTILE`, an
article whose every field carries markup and script. Official records: the demo
report files, through the real report loader.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from netra.demo import corpus_fixture
from netra.loaders import reports

ROOT = Path(__file__).resolve().parents[2]
REPORTS = sorted((ROOT / "netra" / "demo" / "reports").glob("*.*"))
NETRA = str(Path(sys.executable).with_name("netra"))

# Every way an article could try to run code in the reviewer's browser. window.__pwned is
# set by any of them that runs; the browser test asserts it stays unset.
SCRIPT = "<script>window.__pwned = 'script'</script>"
IMG = "<img src=x onerror=\"window.__pwned = 'img'\">"
SVG = "<svg onload=\"window.__pwned = 'svg'\"></svg>"
IFRAME = '"><iframe src="javascript:window.parent.__pwned=1"></iframe>'
EVIDENCE = f"Camat Budi {IMG} terlihat memasang baliho calon bupati di kantor kecamatan."
HOSTILE_TEXT = (
    f"TALIABU - Bawaslu Kabupaten Pulau Taliabu menerima laporan dugaan pelanggaran netralitas ASN. {SCRIPT} "
    f"{EVIDENCE} Laporan itu kini diperiksa. {SVG} {IFRAME} Warga diminta melapor bila melihat "
    "pelanggaran serupa. <a href=\"javascript:window.__pwned='link'\">tautan</a> onmouseover=alert(1)"
)
HOSTILE_ACTOR = f"Budi {SCRIPT}"
HOSTILE: dict[str, Any] = {
    "id": "app-xss-001",
    "site": "kabarjahat.example",
    "syndicate_to": ["salinanjahat.example"],
    "title": f"Camat diduga pasang baliho {IMG}",
    "author": SCRIPT,
    "published_at": "2024-03-05T09:00:00+07:00",
    "text": HOSTILE_TEXT,
    "gold": {
        "article_types": ["CASE_REPORT"],
        "cases": [
            {
                "actors": [
                    {
                        "name": HOSTILE_ACTOR,
                        "position": f"Camat {SVG}",
                        "actor_type": "PNS",
                        "institution": f"Pemerintah Kabupaten Pulau Taliabu {IFRAME}",
                        "region": {"province": "Maluku Utara", "regency": "Kabupaten Pulau Taliabu"},
                    }
                ],
                "conduct": ["C03_ALAT_PERAGA"],
                "violation_kind": ["NETRALITAS"],
                "incident_date": "2024-03-04",
                "region": {"province": "Maluku Utara", "regency": "Kabupaten Pulau Taliabu"},
                "status": "REPORTED",
                "evidence": [EVIDENCE],
            }
        ],
        "institutions": [],
        "statistics": [],
    },
}


def load(engine: sa.Engine) -> None:
    """Corpus articles, the hostile article and the demo official reports into the raw tables."""
    docs = corpus_fixture.read_corpus()
    assert len(docs) >= 50, "the labelled corpus is missing"
    corpus_fixture.load(engine, [*docs, HOSTILE])
    with engine.begin() as conn:
        for path in REPORTS:
            reports.load_file(conn, path)


def build(database_url: str, home: Path) -> str:
    """Run the real `netra build` (dbt build: seeds, models, tests) on ``database_url``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NETRA_")}
    env.update(NETRA_DATABASE_URL=database_url, NETRA_HOME=str(home))
    proc = subprocess.run(
        [NETRA, "build", "--no-freshness"], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if proc.returncode != 0:
        raise AssertionError(f"netra build failed:\n{proc.stdout[-4000:]}\n{proc.stderr[-2000:]}")
    return proc.stdout
