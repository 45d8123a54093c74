"""Indonesian number formats: "2.034" is 2034, "78,5" is 78.5, "1,2 juta" is 1200000."""

from __future__ import annotations

import re

NUMBER = r"(?<![\w/.,])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/]|[.,]\d)"
_SCALE = {"ribu": 1_000, "juta": 1_000_000, "miliar": 1_000_000_000}


def parse_number(text: str, scale: str | None = None) -> float:
    """Parse an Indonesian-formatted number; ``scale`` is "ribu", "juta" or "miliar" when written after it."""
    value = float(text.replace(".", "").replace(",", "."))
    if scale:
        value *= _SCALE[scale.lower()]
    return value


def as_json_number(value: float) -> int | float:
    """2034.0 -> 2034 so that output reads as the article wrote it."""
    return int(value) if float(value).is_integer() else round(value, 4)


NUMBER_RE = re.compile(NUMBER)
