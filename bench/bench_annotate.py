"""Benchmark `netra annotate`: articles/s on one core for text and HTML input, peak memory, and the
cost of annotating an HTML article next to bare ``trafilatura.extract`` on the same pages.

Usage: ``python bench/bench_annotate.py [--n 10000] [--skip-cli]``

Pages come from the synthetic demo site (``netra.demo.synthetic``: corpus paragraphs in the demo
templates, 10-15 kB of HTML each). Per article, in one loop, it times bare ``trafilatura.extract``,
Netra's ``scrapers.extract.extract`` and the NLP pipeline, in CPU time of this process (the machine
is shared, so wall time is printed too but CPU time is what the ratio uses). Then it runs the real
command, ``netra annotate`` on N-line JSONL files (text, then HTML), and reads the child's peak
memory (``ru_maxrss``) from the kernel. A chart goes to ``bench/results/annotate.png``.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def pages(n: int) -> list[tuple[str, str]]:
    from netra.demo.synthetic import SyntheticSite

    site = SyntheticSite(n)
    out = []
    for i in range(1, n + 1):
        article = site.article(i)
        page = site.render(article.path)
        assert page is not None
        out.append((article.url, page.body.decode("utf-8")))
    return out


def side_by_side(items: list[tuple[str, str]]) -> dict[str, float]:
    """Per-article CPU and wall seconds of trafilatura, Netra's extraction and the NLP pipeline."""
    import trafilatura
    from rich.progress import track

    from nlp.annotation import to_annotation
    from nlp.pipeline import load
    from scrapers.extract import extract

    nlp = load()
    cpu = dict.fromkeys(("trafilatura", "extract", "nlp"), 0.0)
    wall = dict.fromkeys(cpu, 0.0)
    chars = 0
    for url, html in track(items, description="side by side", console=None, transient=True):
        c0, w0 = time.process_time(), time.perf_counter()
        trafilatura.extract(html, url=url)
        c1, w1 = time.process_time(), time.perf_counter()
        article = extract(html, url)
        c2, w2 = time.process_time(), time.perf_counter()
        text = article.text if article is not None else ""
        if text:
            json.dumps(to_annotation(nlp(text), id=url, url=url), ensure_ascii=False)
        c3, w3 = time.process_time(), time.perf_counter()
        chars += len(text)
        cpu["trafilatura"] += c1 - c0
        cpu["extract"] += c2 - c1
        cpu["nlp"] += c3 - c2
        wall["trafilatura"] += w1 - w0
        wall["extract"] += w2 - w1
        wall["nlp"] += w3 - w2
    n = len(items)
    return {
        **{f"cpu_{k}": v / n for k, v in cpu.items()},
        **{f"wall_{k}": v / n for k, v in wall.items()},
        "chars": chars / n,
    }


def write_inputs(items: list[tuple[str, str]], directory: Path) -> tuple[Path, Path]:
    from scrapers.extract import extract

    html_path, text_path = directory / "bench-html.jsonl", directory / "bench-text.jsonl"
    with html_path.open("w", encoding="utf-8") as h, text_path.open("w", encoding="utf-8") as t:
        for i, (url, html) in enumerate(items):
            h.write(json.dumps({"id": str(i), "url": url, "html": html}, ensure_ascii=False) + "\n")
            article = extract(html, url)
            text = article.text if article is not None else ""
            published = article.published_at.isoformat() if article and article.published_at else None
            t.write(
                json.dumps(
                    {"id": str(i), "url": url, "text": text, "published_at": published}, ensure_ascii=False
                )
                + "\n"
            )
    return html_path, text_path


def run_cli(source: Path, n_process: int = 1) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one `netra annotate` run."""
    out = source.with_suffix(f".out{n_process}.jsonl")
    cmd = [
        sys.executable,
        "-m",
        "netra",
        "annotate",
        str(source),
        "-o",
        str(out),
        "--n-process",
        str(n_process),
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"netra annotate failed on {source}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024


def chart(figures: dict[str, float], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = ["trafilatura.extract", "netra extract", "netra NLP", "annotate (HTML)\n= extract + NLP"]
    values = [
        figures["cpu_trafilatura"],
        figures["cpu_extract"],
        figures["cpu_nlp"],
        figures["cpu_extract"] + figures["cpu_nlp"],
    ]
    fig, ax = plt.subplots(figsize=(7, 3.8))
    bars = ax.bar(labels, [v * 1000 for v in values], color=["#999999", "#6a8caf", "#c0504d", "#4f6228"])
    ax.axhline(2 * figures["cpu_trafilatura"] * 1000, color="black", linestyle="--", linewidth=1)
    ax.text(
        3.45,
        2 * figures["cpu_trafilatura"] * 1000,
        " target: 2× trafilatura",
        va="bottom",
        ha="right",
        fontsize=8,
    )
    ax.bar_label(bars, fmt="%.1f ms")
    ax.set_ylabel("CPU ms per article (one core)")
    ax.set_title("netra annotate per HTML article vs bare trafilatura.extract")
    fig.tight_layout()
    fig.savefig(path, dpi=120)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    parser.add_argument("--skip-cli", action="store_true", help="only the in-process side-by-side timing")
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    print(f"building {args.n:,} synthetic HTML articles ...", flush=True)
    items = pages(args.n)
    figures = side_by_side(items)
    per_html = figures["cpu_extract"] + figures["cpu_nlp"]
    print(f"\n== side by side, {args.n:,} HTML articles, CPU time of one core (wall in brackets)")
    for key, label in [
        ("trafilatura", "bare trafilatura.extract"),
        ("extract", "netra extract (scrapers)"),
        ("nlp", "netra NLP on the text"),
    ]:
        print(
            f"  {label:28s} {figures['cpu_' + key] * 1000:7.2f} ms/article  ({figures['wall_' + key] * 1000:.2f} ms wall)"
        )
    print(
        f"  annotate per HTML article    {per_html * 1000:7.2f} ms = {per_html / figures['cpu_trafilatura']:.2f}x "
        f"bare trafilatura.extract (target <= 2x)"
    )
    print(
        f"  text input: {1 / figures['cpu_nlp']:.0f} articles/s per core; "
        f"HTML input: {1 / per_html:.0f} articles/s per core; mean text {figures['chars']:.0f} chars"
    )
    chart(figures, RESULTS / "annotate.png")
    if not args.skip_cli:
        html_path, text_path = write_inputs(items, RESULTS)
        print(f"\n== netra annotate (the command, streaming), {args.n:,} lines")
        for label, path, procs in [("text", text_path, 1), ("html", html_path, 1), ("html", html_path, 2)]:
            wall, cpu, rss = run_cli(path, procs)
            print(
                f"  {label:4s} --n-process {procs}: {args.n / wall:6.0f} articles/s wall, "
                f"{cpu / args.n * 1000:6.2f} ms CPU/article, peak RSS {rss} MB (largest process)"
            )
    print(f"\nchart: {RESULTS / 'annotate.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
