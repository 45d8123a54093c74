"""Validation of one official-report row (contract: ``shared/contracts/official_reports.md``).

A row becomes a typed record or a list of reasons, each naming the column and
the value as the clerk wrote it. Pydantic does the checking; the messages are ours.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from netra.loaders import report_values as values
from nlp.regions import gazetteer

Kind = Literal["case", "statistic"]

CASE_COLUMNS = (
    "nomor_laporan",
    "sumber",
    "tanggal_laporan",
    "nama_terlapor",
    "jabatan",
    "instansi",
    "provinsi",
    "kabupaten_kota",
    "jenis_pelanggaran",
    "tanggal_kejadian",
    "rekomendasi",
    "status_tindak_lanjut",
    "tanggal_tindak_lanjut",
)
STATISTIC_COLUMNS = (
    "sumber",
    "periode_mulai",
    "periode_selesai",
    "metrik",
    "dimensi",
    "nilai",
    "satuan",
    "url_sumber",
)
# Columns without which a header is not of that kind at all.
REQUIRED_HEADER: dict[Kind, tuple[str, ...]] = {
    "case": ("nomor_laporan", "sumber", "tanggal_laporan"),
    "statistic": ("sumber", "periode_mulai", "periode_selesai", "metrik", "nilai", "satuan"),
}
COLUMNS: dict[Kind, tuple[str, ...]] = {"case": CASE_COLUMNS, "statistic": STATISTIC_COLUMNS}

UNITS = ("kasus", "laporan", "orang", "persen")
_SOURCE = re.compile(r"^(KASN|BKN|BAWASLU)\b(.*)$", re.I)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _source(value: Any) -> str:
    """``KASN``, ``BKN``, ``BAWASLU``, or a regional office as ``Bawaslu Kabupaten Gowa``."""
    text = _text(value)
    m = _SOURCE.match(text or "")
    if not m:
        raise ValueError(f"sumber '{text or ''}' is not KASN, BKN or BAWASLU (or a regional Bawaslu office)")
    body, rest = m.group(1).upper(), m.group(2).strip()
    if not rest or body != "BAWASLU":
        if rest:
            raise ValueError(f"sumber '{text}': only Bawaslu has regional offices")
        return body
    where = re.sub(r"^(RI|Republik Indonesia)$", "", rest, flags=re.I).strip()
    if not where:
        return "BAWASLU"
    region = gazetteer().resolve(where)
    if region is None:
        raise ValueError(f"sumber '{text}' names no province, regency or city of Indonesia")
    return f"Bawaslu {region.regency}" if region.regency else f"Bawaslu Provinsi {region.province}"


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)


class CaseRow(_Row):
    """One reported person in a recommendation register."""

    nomor_laporan: str
    sumber: str
    tanggal_laporan: date
    nama_terlapor: str | None = None
    jabatan: str | None = None
    instansi: str | None = None
    provinsi: str | None = None
    kabupaten_kota: str | None = None
    jenis_pelanggaran: str | None = None
    conduct_code: str | None = None
    tanggal_kejadian: date | None = None
    rekomendasi: str | None = None
    status_tindak_lanjut: str | None = None
    tanggal_tindak_lanjut: date | None = None

    @field_validator("nomor_laporan", mode="before")
    @classmethod
    def _nomor(cls, v: Any) -> str:
        text = _text(v)
        if not text:
            raise ValueError("nomor_laporan is empty: every record needs its report number")
        return text

    @field_validator("sumber", mode="before")
    @classmethod
    def _sumber(cls, v: Any) -> str:
        return _source(v)

    @field_validator("tanggal_laporan", mode="before")
    @classmethod
    def _required_date(cls, v: Any) -> date:
        parsed = values.parse_date("tanggal_laporan", v)
        if parsed is None:
            raise ValueError("tanggal_laporan is empty: every record needs the date it was registered")
        return parsed

    @field_validator("tanggal_kejadian", "tanggal_tindak_lanjut", mode="before")
    @classmethod
    def _optional_date(cls, v: Any, info: Any) -> date | None:
        return values.parse_date(info.field_name, v)

    @field_validator(
        "nama_terlapor", "jabatan", "instansi", "jenis_pelanggaran", "rekomendasi", mode="before"
    )
    @classmethod
    def _clean(cls, v: Any) -> str | None:
        return _text(v)

    @field_validator("status_tindak_lanjut", mode="before")
    @classmethod
    def _status(cls, v: Any) -> str | None:
        return values.follow_up_status("status_tindak_lanjut", _text(v))

    @model_validator(mode="after")
    def _dates_in_order(self) -> CaseRow:
        if self.tanggal_kejadian and self.tanggal_kejadian > self.tanggal_laporan:
            raise ValueError(
                f"tanggal_kejadian {self.tanggal_kejadian:%d/%m/%Y} is after "
                f"tanggal_laporan {self.tanggal_laporan:%d/%m/%Y}"
            )
        if self.tanggal_tindak_lanjut and self.tanggal_tindak_lanjut < self.tanggal_laporan:
            raise ValueError(
                f"tanggal_tindak_lanjut {self.tanggal_tindak_lanjut:%d/%m/%Y} is before "
                f"tanggal_laporan {self.tanggal_laporan:%d/%m/%Y}"
            )
        return self

    @property
    def key(self) -> tuple[str, str]:
        return (self.sumber, self.nomor_laporan)


class StatisticRow(_Row):
    """One published figure."""

    sumber: str
    periode_mulai: date
    periode_selesai: date
    metrik: str
    dimensi: str = ""
    nilai: float
    satuan: str
    url_sumber: str | None = None

    @field_validator("sumber", "metrik", mode="before")
    @classmethod
    def _required_text(cls, v: Any, info: Any) -> str:
        text = _text(v)
        if not text:
            raise ValueError(f"{info.field_name} is empty")
        return text

    @field_validator("dimensi", mode="before")
    @classmethod
    def _dimension(cls, v: Any) -> str:
        return _text(v) or ""

    @field_validator("url_sumber", mode="before")
    @classmethod
    def _url(cls, v: Any) -> str | None:
        text = _text(v)
        if text and not re.match(r"^https?://\S+$", text):
            raise ValueError(f"url_sumber '{text}' is not a web address")
        return text

    @field_validator("periode_mulai", "periode_selesai", mode="before")
    @classmethod
    def _period(cls, v: Any, info: Any) -> date:
        parsed = values.parse_date(info.field_name, v)
        if parsed is None:
            raise ValueError(f"{info.field_name} is empty")
        return parsed

    @field_validator("nilai", mode="before")
    @classmethod
    def _value(cls, v: Any) -> float:
        return values.parse_number("nilai", v)

    @field_validator("satuan", mode="before")
    @classmethod
    def _unit(cls, v: Any) -> str:
        text = (_text(v) or "").lower()
        if text not in UNITS:
            raise ValueError(f"satuan '{_text(v) or ''}' is not one of: {', '.join(UNITS)}")
        return text

    @model_validator(mode="after")
    def _period_in_order(self) -> StatisticRow:
        if self.periode_selesai < self.periode_mulai:
            raise ValueError(
                f"periode_selesai {self.periode_selesai:%d/%m/%Y} is before periode_mulai {self.periode_mulai:%d/%m/%Y}"
            )
        return self

    @property
    def key(self) -> tuple[str, ...]:
        return (
            self.sumber,
            str(self.periode_mulai),
            str(self.periode_selesai),
            self.metrik,
            self.dimensi,
            self.satuan,
        )


def _derive_case(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """Canonical region names and the conduct code, with the reasons they cannot be had."""
    data = dict(data)
    errors: list[str] = []
    try:
        data["conduct_code"] = values.conduct_code("jenis_pelanggaran", _text(data.get("jenis_pelanggaran")))
    except ValueError as exc:
        errors.append(str(exc))
        data["conduct_code"] = None
    prov_text, reg_text = _text(data.get("provinsi")), _text(data.get("kabupaten_kota"))
    province = None
    if prov_text:
        province = gazetteer().province(prov_text)
        if province is None:
            errors.append(f"provinsi '{prov_text}' is not a province of Indonesia")
    regency = None
    if reg_text:
        region = gazetteer().resolve(reg_text, province_hint=province)
        if region is None or region.regency is None:
            errors.append(f"kabupaten_kota '{reg_text}' is not a regency or city of Indonesia")
        elif province is not None and region.province != province:
            errors.append(f"kabupaten_kota '{reg_text}' is not in provinsi '{prov_text}'")
        else:
            regency, province = region.regency, region.province
    data["provinsi"], data["kabupaten_kota"] = province, regency
    return data, errors


MODELS: dict[Kind, type[CaseRow] | type[StatisticRow]] = {"case": CaseRow, "statistic": StatisticRow}


def reasons_of(exc: ValidationError) -> list[str]:
    """Pydantic's errors as the plain sentences our validators wrote."""
    out: list[str] = []
    for error in exc.errors():
        msg = str(error["msg"]).removeprefix("Value error, ")
        if error["type"] == "missing":
            msg = f"{error['loc'][0]} is missing"
        elif not error["type"].startswith("value_error"):
            column = error["loc"][0] if error["loc"] else "row"
            msg = f"{column} '{error.get('input')}' is not valid: {msg}"
        out.append(msg)
    return out


def validate(kind: Kind, raw: dict[str, Any]) -> tuple[CaseRow | StatisticRow | None, list[str]]:
    """The typed record, or None and the reasons the row cannot be loaded."""
    errors: list[str] = []
    if kind == "case":
        raw, errors = _derive_case(raw)
    try:
        record = MODELS[kind].model_validate(raw)
    except ValidationError as exc:
        return None, errors + reasons_of(exc)
    return (None, errors) if errors else (record, [])
