"""Reading an official-report file (CSV or XLSX) into a header and rows of cells.

A file that is not what it claims (a PDF renamed ``.csv``, an empty file, text
that is not UTF-8, a spreadsheet without a header) is refused whole with one
clear line, before anything is written.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from netra.errors import NetraError


class FileRefused(NetraError):
    """The whole file cannot be loaded; the message says why in one line."""


@dataclass
class ReportFile:
    """A file's bytes identity, its header (normalised column names) and its data rows."""

    path: Path
    sha256: str
    header: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


def _column(name: Any) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(name or "").strip().lower()).strip("_")


def _cell(value: Any) -> Any:
    """A JSON-safe cell: dates stay dates (the validator reads them), the rest text or numbers."""
    if isinstance(value, datetime):
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date | int | float) or value is None:
        return value
    return str(value)


def _sniff(path: Path, data: bytes) -> str:
    name = path.name
    if not data.strip():
        raise FileRefused(f"{name}: the file is empty")
    if data.startswith(b"%PDF"):
        raise FileRefused(f"{name}: this is a PDF document, not a CSV or XLSX file")
    if data.startswith(b"PK\x03\x04"):
        return "xlsx"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRefused(f"{name}: the text is UTF-16; save the CSV as UTF-8")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileRefused(f"{name}: this is an old Excel (.xls) file; save it as .xlsx or CSV")
    if b"\x00" in data[:4096]:
        raise FileRefused(f"{name}: this is a binary file, not a CSV or XLSX file")
    return "csv"


def _read_csv(path: Path, data: bytes) -> tuple[list[str], list[list[Any]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(f"{path.name}: not UTF-8 text (byte {exc.start}); save the CSV as UTF-8") from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    lines = [row for row in reader]
    if not lines:
        raise FileRefused(f"{path.name}: the file is empty")
    return lines[0], lines[1:]


def _read_xlsx(path: Path, data: bytes) -> tuple[list[str], list[list[Any]]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileRefused(f"{path.name}: not a readable XLSX workbook ({type(exc).__name__})") from None
    sheet = workbook.worksheets[0]
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    workbook.close()
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise FileRefused(f"{path.name}: the workbook's first sheet is empty")
    return [str(c) if c is not None else "" for c in rows[0]], rows[1:]


def read(path: Path) -> ReportFile:
    """Read ``path``; raise FileRefused when it is not a CSV or XLSX file with a header."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileRefused(f"{path}: cannot read the file ({exc.strerror})") from None
    fmt = _sniff(path, data)
    header_cells, body = _read_xlsx(path, data) if fmt == "xlsx" else _read_csv(path, data)
    header = [_column(c) for c in header_cells]
    if not any(header):
        raise FileRefused(f"{path.name}: the first row is not a header of column names")
    rows: list[dict[str, Any]] = []
    for cells in body:
        if all(c in (None, "") or (isinstance(c, str) and not c.strip()) for c in cells):
            rows.append({})  # keeps row numbers true to the file; skipped by the loader
            continue
        row = {col: _cell(cells[i]) if i < len(cells) else None for i, col in enumerate(header) if col}
        if len(cells) > len(header) and any(c not in (None, "") for c in cells[len(header) :]):
            row["_extra_cells"] = [str(c) for c in cells[len(header) :] if c not in (None, "")]
        rows.append(row)
    return ReportFile(path=path, sha256=hashlib.sha256(data).hexdigest(), header=header, rows=rows)
