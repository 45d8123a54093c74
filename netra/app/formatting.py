"""Dates, times and numbers as Indonesian readers expect them (babel's CLDR data).

Indonesian: "14 Februari 2024", "14 Feb 2024 20.05 WIB", "2.034", "78,5".
English is offered beside it with the same patterns.
"""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _format_date
from babel.dates import format_datetime as _format_datetime
from babel.numbers import format_decimal

DATE = "d MMMM y"
SHORT_DATE = "d MMM y"
MONTH = "MMMM y"
SHORT_MONTH = "MMM y"
DATETIME = {"id": "d MMM y HH.mm z", "en": "d MMM y, HH:mm z"}


def _as_date(value: date | datetime | str | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    if isinstance(value, datetime):
        return value.date()
    return value


def format_date(value: date | datetime | str | None, lang: str = "id", pattern: str = DATE) -> str:
    """ "14 Februari 2024"; empty for a missing date."""
    day = _as_date(value)
    return _format_date(day, pattern, locale=lang) if day else ""


def format_month(value: date | datetime | str | None, lang: str = "id", short: bool = False) -> str:
    day = _as_date(value)
    return _format_date(day, SHORT_MONTH if short else MONTH, locale=lang) if day else ""


def format_datetime(value: datetime | None, lang: str = "id", tz: str = "Asia/Jakarta") -> str:
    """ "14 Feb 2024 20.05 WIB" in the display time zone; empty for a missing time."""
    if value is None:
        return ""
    return _format_datetime(value, DATETIME.get(lang, DATETIME["id"]), tzinfo=tz, locale=lang)


def format_number(value: float | int | None, lang: str = "id") -> str:
    """ "2.034" in Indonesian, "2,034" in English; empty for a missing value."""
    if value is None:
        return ""
    return format_decimal(value, locale=lang)
