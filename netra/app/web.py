"""Template rendering: one autoescaping Jinja environment and the context every page gets."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from starlette.templating import Jinja2Templates

from netra.app import csrf, formatting, i18n

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def language(request: Request) -> str:
    lang = request.session.get("lang")
    return lang if lang in i18n.LANGUAGES else request.app.state.settings.app_language


def _context(request: Request) -> dict[str, Any]:
    lang = language(request)
    tz = request.app.state.settings.display_timezone
    return {
        "lang": lang,
        "t": i18n.translator(lang),
        "user": getattr(request.state, "user", None),
        "csrf_token": lambda: csrf.token(request),
        "fmt_date": lambda value, pattern=formatting.DATE: formatting.format_date(value, lang, pattern),
        "fmt_short_date": lambda value: formatting.format_date(value, lang, formatting.SHORT_DATE),
        "fmt_month": lambda value, short=False: formatting.format_month(value, lang, short),
        "fmt_datetime": lambda value: formatting.format_datetime(value, lang, tz),
        "fmt_number": lambda value: formatting.format_number(value, lang),
        "path": request.url.path,
        "flashes": request.session.pop("flash", []),
    }


def flash(request: Request, message: str, kind: str = "info", **values: Any) -> None:
    """A message for the next page shown: ``message`` is a label key (with ``values``) or plain text."""
    _push(request, message, kind, values)


def _push(request: Request, message: str, kind: str, values: dict[str, Any]) -> None:
    request.session.setdefault("flash", []).append({"message": message, "kind": kind, "values": values})


def flash_error(request: Request, error: i18n.Labelled) -> None:
    """An error for the next page, shown in the reader's language."""
    _push(request, error.key, "error", error.values)


def _query(params: dict[str, Any], **changes: Any) -> str:
    """A query string from ``params`` with ``changes`` applied; empty values dropped."""
    merged = {**params, **changes}
    pairs: list[tuple[str, str]] = []
    for key, value in merged.items():
        if value is None or value == "" or value == []:
            continue
        for item in value if isinstance(value, list | tuple) else [value]:
            pairs.append((key, str(item)))
    return urlencode(pairs)


def http_url(value: object) -> str:
    """``value`` when it is an http(s) URL, else ``#``: scraped links may say ``javascript:``."""
    text = str(value or "").strip()
    parts = urlsplit(text)
    return text if parts.scheme in ("http", "https") and parts.netloc else "#"


def make_templates() -> Jinja2Templates:
    # autoescape=True for every template, whatever its extension: article text is hostile.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["query"] = _query
    env.filters["http_url"] = http_url
    return Jinja2Templates(env=env, context_processors=[_context])


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context or {}, status_code=status_code)
