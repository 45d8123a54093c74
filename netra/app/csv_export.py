"""CSV downloads that a spreadsheet opens safely.

Cells that begin with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return)
would run as formulas in Excel or LibreOffice; scraped text can begin with
anything, so such cells get a leading apostrophe (OWASP's advice).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from fastapi import Request
from fastapi.responses import StreamingResponse

from netra.app import audit
from netra.app.users import User

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = "; ".join("" if v is None else str(v) for v in value)
    elif isinstance(value, datetime | date):
        return value.isoformat()
    elif isinstance(value, int | float | Decimal):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA) else text


def rows_to_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    yield "\ufeff" + buffer.getvalue()  # BOM: Excel then reads the file as UTF-8
    for row in rows:
        buffer.seek(0)
        buffer.truncate()
        writer.writerow([cell(v) for v in row])
        yield buffer.getvalue()


def download(
    request: Request,
    user: User,
    name: str,
    params: dict[str, Any],
    header: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> StreamingResponse:
    """``rows`` as ``netra-<name>-<today>.csv``; the export and its filters go to the audit log first."""
    with request.app.state.engine.begin() as conn:
        audit.by(conn, request, user, "export", target=f"{name}.csv", detail=params)
    return response(f"netra-{name}-{date.today().isoformat()}.csv", header, rows)


def response(filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> StreamingResponse:
    return StreamingResponse(
        rows_to_csv(header, rows),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
