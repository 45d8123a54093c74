"""``netra load-reports``: official case registers and published statistics into ``raw``.

Each file is read (refused whole if it is not a CSV/XLSX file of a known kind),
every row validated; good rows are upserted on their natural key, broken rows
kept with their reasons in ``raw.official_rejects``. A case whose content
changed is updated and its new version added to ``raw.official_case_history``.
Loading the same file twice changes nothing.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert

from netra.db import schema
from netra.db.upsert import upsert
from netra.loaders import report_files
from netra.loaders.report_files import FileRefused
from netra.loaders.report_rows import COLUMNS, REQUIRED_HEADER, CaseRow, Kind, StatisticRow, validate


@dataclass
class Reject:
    row_number: int
    reasons: list[str]


@dataclass
class LoadReport:
    """What one file did: counts of loaded (new), updated, unchanged and rejected rows."""

    file_name: str
    kind: Kind
    sha256: str
    loaded: int = 0
    updated: int = 0
    unchanged: int = 0
    rejects: list[Reject] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    @property
    def total(self) -> int:
        return self.loaded + self.updated + self.unchanged + self.rejected


def detect_kind(file: report_files.ReportFile, given: Kind | None) -> Kind:
    """The kind the header says (or the one given, checked against the header)."""
    columns = set(file.header)
    name = file.path.name
    if given is not None:
        missing = [c for c in REQUIRED_HEADER[given] if c not in columns]
        if missing:
            raise FileRefused(f"{name}: header is not a {given} file: missing column(s) {', '.join(missing)}")
        return given
    matches = [k for k, req in REQUIRED_HEADER.items() if all(c in columns for c in req)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        raise FileRefused(
            f"{name}: header matches no known kind (a case register needs nomor_laporan, sumber, "
            f"tanggal_laporan; statistics need sumber, periode_mulai, periode_selesai, metrik, nilai, satuan)"
        )
    raise FileRefused(f"{name}: header fits both kinds; say which with --kind case|statistic")


def _json_safe(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _record_json(record: CaseRow | StatisticRow) -> dict[str, Any]:
    return {k: _json_safe(v) for k, v in record.model_dump().items()}


def _hash(record: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _validate_rows(file: report_files.ReportFile, kind: Kind, report: LoadReport) -> list[tuple[int, Any]]:
    good: list[tuple[int, Any]] = []
    seen: dict[tuple[str, ...], int] = {}
    for number, raw in enumerate(file.rows, start=1):
        if not raw:
            continue
        reasons: list[str] = []
        if "_extra_cells" in raw:
            reasons.append(f"row has {len(raw['_extra_cells'])} cell(s) beyond the header's columns")
        record, problems = validate(kind, {k: v for k, v in raw.items() if k in COLUMNS[kind]})
        reasons.extend(problems)
        if record is not None and not reasons:
            first = seen.get(record.key)
            if first is not None:
                key = "nomor_laporan" if kind == "case" else "figure"
                shown = record.key[1] if kind == "case" else " / ".join(record.key)
                reasons.append(f"{key} '{shown}' appears twice in this file (rows {first} and {number})")
            else:
                seen[record.key] = number
        if reasons:
            report.rejects.append(Reject(number, reasons))
        else:
            good.append((number, record))
    return good


def _raw_row(raw: dict[str, Any]) -> dict[str, Any]:
    return {k: _json_safe(v) for k, v in raw.items()}


def load_file(conn: sa.Connection, path: Path, kind: Kind | None = None) -> LoadReport:
    """Validate and load one file inside the caller's transaction."""
    file = report_files.read(path)
    kind = detect_kind(file, kind)
    report = LoadReport(file_name=path.name, kind=kind, sha256=file.sha256)
    good = _validate_rows(file, kind, report)

    conn.execute(
        insert(schema.report_files)
        .values(file_sha256=file.sha256, file_name=path.name, kind=kind)
        .on_conflict_do_nothing(index_elements=["file_sha256"])
    )
    if kind == "case":
        _load_cases(conn, file, good, report)
    else:
        _load_statistics(conn, file, good, report)

    if report.rejects:
        conn.execute(
            insert(schema.official_rejects)
            .values(
                [
                    {
                        "file_sha256": file.sha256,
                        "file_name": path.name,
                        "row_number": r.row_number,
                        "kind": kind,
                        "raw_row": _raw_row(file.rows[r.row_number - 1]),
                        "reasons": r.reasons,
                    }
                    for r in report.rejects
                ]
            )
            .on_conflict_do_nothing(index_elements=["file_sha256", "row_number"])
        )
    # The first load of a file is its record; loading it again changes nothing.
    conn.execute(
        sa.update(schema.report_files)
        .where(schema.report_files.c.file_sha256 == file.sha256, schema.report_files.c.rows_total == 0)
        .values(
            rows_total=report.total,
            rows_loaded=report.loaded,
            rows_updated=report.updated,
            rows_unchanged=report.unchanged,
            rows_rejected=report.rejected,
        )
    )
    return report


def _load_cases(
    conn: sa.Connection, file: report_files.ReportFile, good: list[tuple[int, Any]], report: LoadReport
) -> None:
    rows = []
    for number, record in good:
        body = _record_json(record)
        rows.append(
            {
                **record.model_dump(),
                "source": record.sumber,
                "raw_row": _raw_row(file.rows[number - 1]),
                "row_hash": _hash(body),
                "file_sha256": file.sha256,
            }
        )
    for row in rows:
        row.pop("sumber")
    if not rows:
        return
    result, written = upsert(
        conn,
        schema.official_cases,
        rows,
        key=("source", "nomor_laporan"),
        compare=("row_hash",),
        returning=("source", "nomor_laporan", "row_hash"),
    )
    report.loaded, report.updated, report.unchanged = result.inserted, result.updated, result.unchanged
    by_key = {(r["source"], r["nomor_laporan"]): r for r in rows}
    history = []
    for w in written:
        row = by_key[(w.source, w.nomor_laporan)]
        record = {k: _json_safe(v) for k, v in row.items() if k not in ("raw_row", "file_sha256", "row_hash")}
        history.append(
            {
                "source": w.source,
                "nomor_laporan": w.nomor_laporan,
                "row_hash": w.row_hash,
                "record": record,
                "file_sha256": file.sha256,
            }
        )
    if history:
        conn.execute(
            insert(schema.official_case_history)
            .values(history)
            .on_conflict_do_nothing(index_elements=["source", "nomor_laporan", "row_hash"])
        )


def _load_statistics(
    conn: sa.Connection, file: report_files.ReportFile, good: list[tuple[int, Any]], report: LoadReport
) -> None:
    rows = [
        {**record.model_dump(), "row_hash": _hash(_record_json(record)), "file_sha256": file.sha256}
        for _, record in good
    ]
    if not rows:
        return
    result, _ = upsert(
        conn,
        schema.official_statistics,
        rows,
        key=("sumber", "periode_mulai", "periode_selesai", "metrik", "dimensi", "satuan"),
        compare=("row_hash",),
    )
    report.loaded, report.updated, report.unchanged = result.inserted, result.updated, result.unchanged


def load_files(
    engine: sa.Engine, paths: list[Path], kind: Kind | None = None
) -> tuple[list[LoadReport], list[str]]:
    """Load each file in its own transaction; a refused file does not stop the others."""
    reports: list[LoadReport] = []
    refused: list[str] = []
    for path in paths:
        try:
            with engine.begin() as conn:
                reports.append(load_file(conn, path, kind))
        except FileRefused as exc:
            refused.append(str(exc))
    return reports, refused
