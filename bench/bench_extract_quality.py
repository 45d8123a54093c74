"""Extraction quality on the demo sites' labelled pages: Netra's extract against the usual tools.

For every page with a gold text (the corpus text the page was rendered from), each
extractor's output is scored by token F1 against the gold text, and checked for
boilerplate leaks (any string the template put in a "Baca juga" box, caption, ad,
share bar, comment, related list or footer). One table, side by side; a chart in
bench/results/extract_quality.png.

    python bench/bench_extract_quality.py

Targets (issue 3): Netra best on both, F1 >= 0.985 and zero leaks.
"""

from __future__ import annotations

import importlib.metadata
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.table import Table

from netra.demo.quality import LabelledPage, labelled_pages, leaks, token_f1
from netra.demo.world import build_world

RESULTS = Path(__file__).resolve().parent / "results"
out = Console(width=150)
Extractor = Callable[[bytes, str], str]


def netra(html: bytes, url: str) -> str:
    from scrapers.extract import extract

    article = extract(html, url)
    return article.text if article else ""


def trafilatura_default(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def trafilatura_precision(html: bytes, url: str) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, favor_precision=True) or ""


def newspaper4k(html: bytes, url: str) -> str:
    import newspaper

    article = newspaper.Article(url, language="id")
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return article.text or ""


def readability(html: bytes, url: str) -> str:
    import lxml.html
    from readability import Document

    summary = Document(html.decode("utf-8", "replace")).summary(html_partial=True)
    return lxml.html.fromstring(summary).text_content() if summary.strip() else ""


def justext_(html: bytes, url: str) -> str:
    import justext

    paragraphs = justext.justext(html, justext.get_stoplist("Indonesian"))
    return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)


def goose3(html: bytes, url: str) -> str:
    from goose3 import Goose

    with Goose({"enable_image_fetching": False, "use_meta_language": False, "target_language": "id"}) as g:
        return g.extract(raw_html=html.decode("utf-8", "replace")).cleaned_text or ""


EXTRACTORS: list[tuple[str, str | None, Extractor]] = [
    ("netra extract", None, netra),
    ("trafilatura (defaults)", "trafilatura", trafilatura_default),
    ("trafilatura (favor_precision)", "trafilatura", trafilatura_precision),
    ("newspaper4k", "newspaper4k", newspaper4k),
    ("readability-lxml", "readability-lxml", readability),
    ("justext", "jusText", justext_),
    ("goose3", "goose3", goose3),
]


@dataclass
class Score:
    name: str
    version: str = ""
    f1: list[float] = field(default_factory=list)
    leaky_pages: int = 0
    leaks: int = 0
    seconds: float = 0.0
    failed: int = 0
    unavailable: str | None = None


def score(name: str, package: str | None, run: Extractor, pages: list[LabelledPage]) -> Score:
    result = Score(name)
    if package is not None:
        try:
            result.version = importlib.metadata.version(package)
            run(pages[0].html, pages[0].url)
        except importlib.metadata.PackageNotFoundError:
            result.unavailable = "not installed (pip install -c constraints.txt -e '.[bench]')"
            return result
        except ImportError as exc:
            result.unavailable = f"cannot import: {exc}"
            return result
    for page in pages:
        started = time.perf_counter()
        try:
            text = run(page.html, page.url)
        except Exception:  # an extractor that crashes on a page scores zero on it
            text = ""
            result.failed += 1
        result.seconds += time.perf_counter() - started
        result.f1.append(token_f1(text, page.gold))
        found = leaks(text, page.markers, page.gold)
        result.leaks += len(found)
        result.leaky_pages += bool(found)
    return result


def main() -> None:
    world = build_world()
    pages = list(labelled_pages(world))
    out.print(
        f"{len(pages)} labelled pages from {len(world.labelled())} demo articles on {len(world.by_site)} sites"
    )
    scores = [score(name, package, run, pages) for name, package, run in EXTRACTORS]
    table = Table(
        title="extraction quality on the demo sites (token F1 against gold text; leaks of boilerplate)"
    )
    for column in (
        "extractor",
        "version",
        "mean F1",
        "min F1",
        "pages with leaks",
        "leaked strings",
        "ms/page",
    ):
        table.add_column(column, justify="left" if column in ("extractor", "version") else "right")
    for s in scores:
        if s.unavailable:
            table.add_row(s.name, s.version or "-", s.unavailable, "", "", "", "")
            continue
        table.add_row(
            s.name,
            s.version or "this repo",
            f"{sum(s.f1) / len(s.f1):.4f}",
            f"{min(s.f1):.3f}",
            str(s.leaky_pages),
            str(s.leaks),
            f"{s.seconds / len(pages) * 1000:.1f}" + (f" ({s.failed} crashed)" if s.failed else ""),
        )
    out.print(table)
    _chart([s for s in scores if not s.unavailable])


def _chart(scores: list[Score]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    RESULTS.mkdir(exist_ok=True)
    fig, (a, b) = plt.subplots(1, 2, figsize=(12, 4))
    names = [s.name for s in scores]
    a.barh(names, [sum(s.f1) / len(s.f1) for s in scores], color="#4c72b0")
    a.set_xlim(0.5, 1.0)
    a.set_xlabel("mean token F1")
    a.invert_yaxis()
    b.barh(names, [s.leaky_pages for s in scores], color="#c44e52")
    b.set_xlabel("pages with boilerplate leaks")
    b.invert_yaxis()
    fig.tight_layout()
    fig.savefig(RESULTS / "extract_quality.png", dpi=120)
    out.print(f"chart: {RESULTS / 'extract_quality.png'}")


if __name__ == "__main__":
    main()
