"""One input line of ``netra annotate`` in, one output object out, never an exception.

Input lines are ``{"id", "url", "text"}`` or ``{"id", "url", "html"}`` (optional
``title``, ``published_at``, ``author``, ``source`` are used when given).
HTML goes through the project's extraction function, injected by the caller
(``scrapers.extract.extract``), so that ``nlp`` stays free of crawling code.

Bad input becomes an error object (schema-valid: empty text, no types, no
cases) naming the line: a line that is not JSON or not UTF-8, an empty text,
a text over the size limit, an extractor that fails. HTML without an article
and text that is not Indonesian are annotated ``IRRELEVANT``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from nlp.annotation import to_annotation
from nlp.extensions import with_title

Extractor = Callable[[str, str], Any]


def error_object(id_: str, message: str, url: str | None = None) -> dict[str, Any]:
    """The output object of a line that could not be annotated."""
    return {
        "id": id_,
        "url": url,
        "error": message,
        "text": "",
        "article_types": [],
        "relevant": False,
        "cases": [],
        "institutions": [],
        "statistics": [],
    }


def irrelevant_object(id_: str, url: str | None, text: str = "", **meta: Any) -> dict[str, Any]:
    """The output object of a page with no article (or no Indonesian one)."""
    return {
        "id": id_,
        "url": url,
        **meta,
        "text": text,
        "article_types": ["IRRELEVANT"],
        "relevant": False,
        "cases": [],
        "institutions": [],
        "statistics": [],
    }


@dataclass
class Prepared:
    """A line ready for the pipeline (``text``), or already answered (``result``)."""

    id: str
    url: str | None = None
    text: str | None = None
    meta: dict[str, Any] | None = None
    result: dict[str, Any] | None = None


def _source(url: str | None, given: Any) -> str | None:
    if isinstance(given, str) and given:
        return given
    if not url:
        return None
    try:
        from urllib.parse import urlsplit

        from courlan import extract_domain

        host = (urlsplit(url).hostname or "").removeprefix("www.")
        # courlan knows public suffixes ("surya.co.id"); it gives nothing for test domains like ".example".
        return extract_domain(url) or host or None
    except Exception:  # hostile URLs must not stop the batch
        return None


def prepare(raw: bytes | str, line_no: int, extract_html: Extractor | None, max_chars: int) -> Prepared:
    """Parse and check one input line; extract HTML. Never raises."""
    fallback_id = f"line-{line_no}"
    if isinstance(raw, bytes):
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            guess = raw.decode("utf-8", errors="replace")
            id_ = _peek_id(guess) or fallback_id
            return Prepared(
                id_, result=error_object(id_, f"line {line_no} is not valid UTF-8 ({exc.reason})")
            )
    else:
        line = raw
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return Prepared(
            fallback_id, result=error_object(fallback_id, f"line {line_no} is not JSON: {exc.msg}")
        )
    if not isinstance(record, dict):
        return Prepared(fallback_id, result=error_object(fallback_id, f"line {line_no} is not a JSON object"))
    id_ = record.get("id")
    id_ = str(id_) if id_ not in (None, "") else fallback_id
    url = record.get("url") if isinstance(record.get("url"), str) else None
    meta = {
        "title": record.get("title") if isinstance(record.get("title"), str) else None,
        "published_at": record.get("published_at") if isinstance(record.get("published_at"), str) else None,
        "author": record.get("author") if isinstance(record.get("author"), str) else None,
        "source": _source(url, record.get("source")),
    }
    text = record.get("text")
    html = record.get("html")
    if not isinstance(text, str) and isinstance(html, str):
        if extract_html is None:
            return Prepared(
                id_, url, result=error_object(id_, "HTML input needs the extractor (scrapers.extract)", url)
            )
        if len(html) > max_chars * 10:
            return Prepared(
                id_, url, result=error_object(id_, f"HTML too large ({len(html):,} characters)", url)
            )
        try:
            article = extract_html(html, url or "")
        except Exception as exc:  # the extractor is someone else's code; one bad page must not stop the batch
            return Prepared(
                id_, url, result=error_object(id_, f"extraction failed: {type(exc).__name__}: {exc}", url)
            )
        if article is None or not (getattr(article, "text", "") or "").strip():
            return Prepared(id_, url, result=irrelevant_object(id_, url, **meta))
        text = article.text
        published = getattr(article, "published_at", None)
        meta.update(
            title=meta["title"] or getattr(article, "title", None),
            author=meta["author"] or getattr(article, "author", None),
            published_at=meta["published_at"] or (published.isoformat() if published is not None else None),
        )
    if not isinstance(text, str):
        return Prepared(id_, url, result=error_object(id_, "line has neither a text nor an html string", url))
    if not text.strip():
        return Prepared(id_, url, result=error_object(id_, "empty text", url))
    if len(text) > max_chars:
        return Prepared(
            id_,
            url,
            result=error_object(id_, f"text too long ({len(text):,} characters; limit {max_chars:,})", url),
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return Prepared(id_, url, result=error_object(id_, "text is not valid Unicode (lone surrogate)", url))
    return Prepared(id_, url, text=text, meta=meta)


def _peek_id(line: str) -> str | None:
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        return None
    return str(record["id"]) if isinstance(record, dict) and record.get("id") not in (None, "") else None


def annotate_prepared(nlp: Language, item: Prepared) -> dict[str, Any]:
    """Run the pipeline on a prepared line; an unexpected failure becomes an error object."""
    if item.result is not None:
        return item.result
    try:
        meta = item.meta or {}
        doc = nlp(with_title(nlp.make_doc(item.text or ""), meta.get("title")))
        return to_annotation(doc, id=item.id, url=item.url, **meta)
    except Exception as exc:  # a pipeline bug on one article must not lose the rest of the batch
        return error_object(item.id, f"annotation failed: {type(exc).__name__}: {exc}", item.url)
