"""``netra annotate`` and ``netra eval``: the NLP step on files (``shared/contracts/annotation.md``).

``annotate`` streams a JSONL file through the pipeline with constant memory:
lines are read, annotated (in ``--n-process`` worker processes if asked) and
written in input order, a bounded window at a time. Progress goes to stderr;
stdout stays clean. Bad lines become error lines; the exit code is 0 unless
no line succeeded.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from netra.errors import NetraError

err = Console(stderr=True)
out = Console()

# Per-process state of the annotation workers (one pipeline per process).
_STATE: dict[str, Any] = {}


def register(app: typer.Typer) -> None:
    app.command(name="annotate")(annotate)
    app.command(name="eval")(evaluate)


def _extractor():
    try:
        from scrapers.extract import extract
    except ImportError:
        return None
    return extract


def _init(max_chars: int) -> None:
    from nlp.pipeline import PipelineNotFound, load

    try:
        _STATE["nlp"] = load()
    except PipelineNotFound as exc:
        raise NetraError(str(exc)) from exc
    _STATE["extract"] = _extractor()
    _STATE["max_chars"] = max_chars


def _process(item: tuple[int, bytes]) -> str:
    from nlp.records import annotate_prepared, prepare

    line_no, raw = item
    prepared = prepare(raw, line_no, _STATE["extract"], _STATE["max_chars"])
    result = annotate_prepared(_STATE["nlp"], prepared)
    return json.dumps(result, ensure_ascii=False)


def _lines(path: Path) -> Iterator[tuple[int, bytes]]:
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            raw = raw.rstrip(b"\r\n")
            if raw.strip():
                yield number, raw


def _count(path: Path) -> int:
    with path.open("rb") as fh:
        return sum(1 for raw in fh if raw.strip())


def _windows(items: Iterable[tuple[int, bytes]], size: int) -> Iterator[list[tuple[int, bytes]]]:
    it = iter(items)
    while window := list(islice(it, size)):
        yield window


def annotate_stream(
    items: Iterable[tuple[int, bytes]], *, n_process: int, max_chars: int, batch_size: int
) -> Iterator[str]:
    """Annotated JSON lines, in input order, holding at most one window of lines in memory."""
    if n_process <= 1:
        _init(max_chars)
        for item in items:
            yield _process(item)
        return
    from nlp.pipeline import MODEL_DIR

    if not (MODEL_DIR / "config.cfg").exists():
        # Checked here: a worker whose initializer fails is replaced forever by multiprocessing.
        raise NetraError(
            f"no trained pipeline in {MODEL_DIR}; build it with `python -m spacy project run all nlp`"
        )
    ctx = mp.get_context("spawn")
    with ctx.Pool(n_process, initializer=_init, initargs=(max_chars,)) as pool:
        for window in _windows(items, n_process * batch_size * 2):
            yield from pool.imap(_process, window, chunksize=batch_size)


def annotate(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT.jsonl", help="One {id, url, text|html} object a line.")
    ],
    output: Annotated[Path, typer.Option("-o", "--output", help="Where to write the annotations (JSONL).")],
    n_process: Annotated[
        int, typer.Option("--n-process", min=1, help="Worker processes (one pipeline each).")
    ] = 1,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Lines handed to a worker at a time.")
    ] = 32,
) -> None:
    """Annotate news articles: cases, actors, institutions, regions, conduct and statistics with evidence."""
    from netra.config import get_settings

    if not input_path.is_file():
        raise NetraError(f"input file not found: {input_path}")
    max_chars = get_settings().annotate_max_chars
    total = _count(input_path)
    ok = failed = 0
    output.parent.mkdir(parents=True, exist_ok=True)
    progress = Progress(
        TextColumn("annotate"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[errors]} errors"),
        TimeElapsedColumn(),
        console=err,
        transient=False,
    )
    with output.open("w", encoding="utf-8") as sink, progress:
        task = progress.add_task("annotate", total=total, errors=0)
        for line in annotate_stream(
            _lines(input_path), n_process=n_process, max_chars=max_chars, batch_size=batch_size
        ):
            sink.write(line + "\n")
            if '"error":' in line and "error" in json.loads(line):
                failed += 1
            else:
                ok += 1
            progress.update(task, advance=1, errors=failed)
    err.print(f"{ok} annotated, {failed} errors -> {output}", highlight=False)
    if total and not ok:
        raise typer.Exit(1)


def evaluate(
    gold: Annotated[Path, typer.Argument(metavar="GOLD.jsonl")],
    pred: Annotated[Path, typer.Argument(metavar="PRED.jsonl")],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the figures as JSON instead of a table.")
    ] = False,
) -> None:
    """Precision, recall and F1 per field of PRED against GOLD (matched by id)."""
    from nlp.evaluate import TARGETS, evaluate_files

    for path in (gold, pred):
        if not path.is_file():
            raise NetraError(f"file not found: {path}")
    report = evaluate_files(gold, pred)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2))
        return
    table = Table(title=f"{report.articles} articles: {pred.name} vs {gold.name}")
    for column in ("field", "precision", "recall", "F1", "target"):
        table.add_column(column, justify="left" if column == "field" else "right")
    for name, score in report.scores.items():
        target = TARGETS.get(name)
        mark = "" if target is None else (f"≥ {target:.2f} " + ("✓" if score.f1 >= target else "✗"))
        table.add_row(name, f"{score.precision:.3f}", f"{score.recall:.3f}", f"{score.f1:.3f}", mark)
    exact = report.evidence_exact
    table.add_row("evidence spans exact", "", "", f"{exact:.1%}", "100% " + ("✓" if exact == 1.0 else "✗"))
    out.print(table)
    if report.missing:
        out.print(f"{len(report.missing)} gold articles have no prediction: {', '.join(report.missing[:10])}")
    if report.errors:
        out.print(f"{len(report.errors)} predictions are error lines: {', '.join(report.errors[:10])}")
