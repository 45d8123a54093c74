"""Extraction quality on the demo sites' labelled pages: Netra's extract against the usual tools.

For every page with a gold text (the corpus text the page was rendered from), each
extractor's output is scored by token F1 against the gold text, and checked for
boilerplate leaks (any string the template put in a "Baca juga" box, caption, ad,
share bar, comment, related list or footer). One table for the six demo templates
(seen: the cleanup rules were developed on them) and one for four held-out
templates nobody tuned for (:mod:`netra.demo.heldout`), then one per held-out
template; a chart in bench/results/extract_quality.png.

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

from netra.demo.heldout import HELDOUT_TEMPLATES, heldout_pages
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


def _table(title: str, scores: list[Score], pages: int) -> Table:
    table = Table(title=title)
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
            f"{s.seconds / pages * 1000:.1f}" + (f" ({s.failed} crashed)" if s.failed else ""),
        )
    return table


def main() -> None:
    world = build_world()
    seen = list(labelled_pages(world))
    heldout = {name: list(heldout_pages(world, name)) for name in HELDOUT_TEMPLATES}
    every_heldout = [page for pages in heldout.values() for page in pages]
    out.print(
        f"{len(seen)} labelled pages from {len(world.labelled())} demo articles on {len(world.by_site)} sites; "
        f"{len(every_heldout)} held-out pages ({', '.join(HELDOUT_TEMPLATES)})"
    )
    seen_scores = [score(name, package, run, seen) for name, package, run in EXTRACTORS]
    out.print(
        _table(
            "SEEN: the six demo templates (token F1 against gold text; leaks of boilerplate)",
            seen_scores,
            len(seen),
        )
    )
    per_template: dict[str, list[Score]] = {
        template: [score(name, package, run, pages) for name, package, run in EXTRACTORS]
        for template, pages in heldout.items()
    }
    held_scores = [_combine([scores[i] for scores in per_template.values()]) for i in range(len(EXTRACTORS))]
    out.print(
        _table(
            "HELD-OUT: four templates the cleanup was not developed on (token F1; leaks)",
            held_scores,
            len(every_heldout),
        )
    )
    for template, scores in per_template.items():
        out.print(_table(f"held-out template {template}", scores, len(heldout[template])))
    _chart([s for s in seen_scores if not s.unavailable], [s for s in held_scores if not s.unavailable])


def _combine(parts: list[Score]) -> Score:
    first = parts[0]
    combined = Score(first.name, first.version, unavailable=first.unavailable)
    for part in parts:
        combined.f1 += part.f1
        combined.leaky_pages += part.leaky_pages
        combined.leaks += part.leaks
        combined.seconds += part.seconds
        combined.failed += part.failed
    return combined


def _chart(seen: list[Score], heldout: list[Score]) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    RESULTS.mkdir(exist_ok=True)
    fig, (a, b) = plt.subplots(1, 2, figsize=(13, 4.5))
    names = [s.name for s in seen]
    y = range(len(names))
    height = 0.4
    for offset, scores, label, colour in (
        (-height / 2, seen, "seen templates", "#4c72b0"),
        (height / 2, heldout, "held-out templates", "#dd8452"),
    ):
        a.barh(
            [i + offset for i in y],
            [sum(s.f1) / len(s.f1) for s in scores],
            height,
            label=label,
            color=colour,
        )
        b.barh([i + offset for i in y], [s.leaky_pages for s in scores], height, label=label, color=colour)
    for axis in (a, b):
        axis.set_yticks(list(y), names)
        axis.invert_yaxis()
    handles, labels = a.get_legend_handles_labels()
    fig.legend(handles, labels, loc="upper center", ncol=2)
    a.set_xlim(0.5, 1.0)
    a.set_xlabel("mean token F1")
    b.set_xlabel("pages with boilerplate leaks")
    fig.tight_layout(rect=(0, 0, 1, 0.92))
    fig.savefig(RESULTS / "extract_quality.png", dpi=120)
    out.print(f"chart: {RESULTS / 'extract_quality.png'}")


if __name__ == "__main__":
    main()
