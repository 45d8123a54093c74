"""`netra annotate` and `netra eval` as a user runs them: files in, files out, bad lines as error lines."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from itertools import islice
from pathlib import Path

import jsonschema
import pytest

from netra.cli.annotate import annotate_stream
from netra.demo.synthetic import SyntheticSite
from tests.nlp.conftest import ROOT, schema_errors

NETRA = [sys.executable, "-m", "netra"]

CASE_TEXT = (
    "PALU - Seorang lurah berinisial RL diduga membagikan amplop berisi uang kepada warga menjelang pemungutan "
    "suara Pilkada 2024. Bawaslu Kota Palu memeriksa lurah tersebut, Rabu (27/11/2024)."
)


def run(args: list[str], env: dict[str, str], timeout: int = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*NETRA, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def demo_html() -> tuple[str, str]:
    site = SyntheticSite(3)
    article = site.article(1)
    page = site.render(article.path)
    assert page is not None
    return article.url, page.body.decode("utf-8")


def write_lines(path: Path, lines: list[bytes]) -> None:
    path.write_bytes(b"\n".join(lines) + b"\n")


def test_mixed_batch(
    tmp_path: Path,
    netra_env: dict[str, str],
    validator: jsonschema.Draft202012Validator,
    demo_html: tuple[str, str],
) -> None:
    url, html = demo_html
    lines = [
        json.dumps(
            {
                "id": "case",
                "url": "https://radarpalu.example/a",
                "text": CASE_TEXT,
                "published_at": "2024-11-28",
            }
        ).encode(),
        json.dumps({"id": "empty", "text": "   "}).encode(),
        b"{not json",
        b'{"id": "latin1", "text": "caf\xe9"}',
        json.dumps(
            {"id": "english", "text": "The mayor opened a new bridge over the river on Monday. " * 5}
        ).encode(),
        json.dumps({"id": "huge", "text": "kata " * 1_100_000}).encode(),
        json.dumps({"id": "html", "url": url, "html": html}).encode(),
        json.dumps(
            {
                "id": "no-article",
                "url": "https://x.example/",
                "html": "<html><body><nav>Beranda</nav></body></html>",
            }
        ).encode(),
        json.dumps({"id": "nothing"}).encode(),
        b"[1, 2]",
    ]
    source = tmp_path / "in.jsonl"
    write_lines(source, lines)
    out = tmp_path / "out.jsonl"
    proc = run(["annotate", str(source), "-o", str(out)], netra_env)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""  # progress and summary go to stderr only
    assert "annotated" in proc.stderr
    results = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in results] == [
        "case",
        "empty",
        "line-3",
        "latin1",
        "english",
        "huge",
        "html",
        "no-article",
        "nothing",
        "line-10",
    ]
    for result in results:
        assert schema_errors(validator, result) == [], result["id"]
    by_id = {r["id"]: r for r in results}
    assert (
        by_id["case"]["article_types"] == ["CASE_REPORT"] and by_id["case"]["source"] == "radarpalu.example"
    )
    assert by_id["case"]["cases"][0]["conduct"] == ["C12_POLITIK_UANG"]
    for bad, message in [
        ("empty", "empty text"),
        ("line-3", "not JSON"),
        ("latin1", "not valid UTF-8"),
        ("huge", "too long"),
        ("nothing", "neither"),
        ("line-10", "not a JSON object"),
    ]:
        assert message in by_id[bad]["error"], by_id[bad]
    assert by_id["english"]["article_types"] == ["IRRELEVANT"] and "error" not in by_id["english"]
    assert by_id["no-article"]["article_types"] == ["IRRELEVANT"]
    assert "error" not in by_id["html"] and by_id["html"]["text"] and by_id["html"]["title"]
    assert by_id["html"]["published_at"]


def test_exit_code_is_1_when_no_line_succeeded(tmp_path: Path, netra_env: dict[str, str]) -> None:
    source = tmp_path / "in.jsonl"
    write_lines(source, [b"{broken", json.dumps({"id": "e", "text": ""}).encode()])
    proc = run(["annotate", str(source), "-o", str(tmp_path / "out.jsonl")], netra_env)
    assert proc.returncode == 1
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 2


def test_more_processes_give_the_same_output_and_eval_reads_it(
    tmp_path: Path, netra_env: dict[str, str]
) -> None:
    from nlp.corpus.build_gold import build

    build(ROOT / "nlp" / "corpus" / "articles", tmp_path / "gold")
    gold = tmp_path / "gold" / "dev.jsonl"
    subset = tmp_path / "subset.jsonl"
    subset.write_text(
        "".join(gold.read_text(encoding="utf-8").splitlines(keepends=True)[:12]), encoding="utf-8"
    )
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(["annotate", str(subset), "-o", str(one)], netra_env).returncode == 0
    proc = run(["annotate", str(subset), "-o", str(two), "--n-process", "2", "--batch-size", "2"], netra_env)
    assert proc.returncode == 0, proc.stderr
    assert one.read_text() == two.read_text()
    table = run(["eval", str(subset), str(one)], netra_env)
    assert table.returncode == 0 and "conduct" in table.stdout and "evidence spans exact" in table.stdout
    figures = json.loads(run(["eval", str(subset), str(one), "--json"], netra_env).stdout)
    assert figures["articles"] == 12 and figures["evidence_exact"] == 1.0
    assert set(figures["fields"]) >= {
        "relevance",
        "conduct",
        "actors",
        "regency",
        "institutions",
        "statistics",
    }


def test_annotation_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines are read as results are needed, so memory does not grow with the input."""
    pulled = 0

    def endless():
        nonlocal pulled
        while True:
            pulled += 1
            yield pulled, json.dumps({"id": str(pulled), "text": CASE_TEXT}).encode()

    monkeypatch.setitem(os.environ, "NETRA_ANNOTATE_MAX_CHARS", "100000")
    first = list(islice(annotate_stream(endless(), n_process=1, max_chars=100_000, batch_size=4), 3))
    assert [json.loads(r)["id"] for r in first] == ["1", "2", "3"]
    assert pulled <= 4
