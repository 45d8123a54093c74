"""Publication dates: ISO strings from JSON-LD and meta tags, Indonesian bylines.

Indonesian outlets write bylines like "Rabu, 10 Januari 2024 14:25 WITA"; the
zone word decides the offset (WIB +07:00, WITA +08:00, WIT +09:00). A date or
time with no zone is Jakarta time.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

JAKARTA = ZoneInfo("Asia/Jakarta")
ZONES = {
    "WIB": timezone(timedelta(hours=7)),
    "WITA": timezone(timedelta(hours=8)),
    "WIT": timezone(timedelta(hours=9)),
}

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "may": 5, "june": 6, "july": 7, "october": 10,
    "december": 12, "january": 1, "february": 2, "march": 3, "august": 8,
}  # fmt: skip

_TIME = r"(?:[,\s|/-]+(?:pukul\s+|jam\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?:[:.](?P<s>\d{2}))?\s*(?P<z>WIB|WITA|WIT)?\b)?"
_WORD_DATE = re.compile(
    r"(?P<d>\d{1,2})\s+(?P<mo>[A-Za-z]{3,9})\.?\s+(?P<y>(?:19|20)\d{2})" + _TIME,
    re.I,
)
_NUM_DATE = re.compile(r"(?P<d>\d{1,2})[/-](?P<mo>\d{1,2})[/-](?P<y>(?:19|20)\d{2})" + _TIME, re.I)


# How bylines state a date (body text writes "Kamis (5/12/2024)" instead).
BYLINE_DATE = re.compile(
    r"\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu),\s*\d{1,2}\s+[a-z]{3,9}\.?\s+(?:19|20)\d{2}"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:WIB|WITA|WIT)\b",
    re.I,
)


def localize(value: datetime) -> datetime:
    """An aware datetime: naive values are Jakarta time."""
    return value if value.tzinfo is not None else value.replace(tzinfo=JAKARTA)


def parse_iso(value: str | None) -> datetime | None:
    """Parse an ISO 8601 date or datetime (as JSON-LD and meta tags give them)."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip()
    if value.endswith("Z"):
        value = value[:-1] + "+00:00"
    # "+0700" (no colon) is common in meta tags; fromisoformat wants "+07:00" before 3.11 edge cases.
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        return localize(datetime.fromisoformat(value))
    except ValueError:
        pass
    try:
        return localize(datetime.fromisoformat(value[:10]))
    except ValueError:
        return None


def _build(match: re.Match[str], month: int) -> datetime | None:
    try:
        hour = int(match["h"]) if match["h"] else 0
        minute = int(match["mi"]) if match["mi"] else 0
        second = int(match["s"]) if match["s"] else 0
        tz = ZONES.get((match["z"] or "").upper(), JAKARTA)
        return datetime(int(match["y"]), month, int(match["d"]), hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_indonesian(text: str) -> datetime | None:
    """The first date in a byline such as "Kamis, 5 Desember 2024 | 10:15 WITA" or "05/12/2024 10:15 WIB"."""
    for match in _WORD_DATE.finditer(text):
        month = MONTHS.get(match["mo"].lower())
        if month:
            found = _build(match, month)
            if found:
                return found
    for match in _NUM_DATE.finditer(text):
        found = _build(match, int(match["mo"]))
        if found:
            return found
    return None
