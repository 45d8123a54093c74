"""nlp.quick_regex: a lookahead on a pattern's first characters keeps every match, or leaves the pattern alone."""

from __future__ import annotations

import re

import pytest

from nlp.components.case_status import _STATUS_RE
from nlp.components.person_forms import IDENT
from nlp.components.person_speech import SPEECH_BEFORE
from nlp.quick_regex import quick

TEXT = (
    "Bawaslu Kabupaten Sampang, kata Ketua Bawaslu Ahmad Fauzi, telah memanggil terlapor berinisial AF (38). "
    "Ia dijatuhi sanksi teguran tertulis; laporan itu diteruskan ke KASN. 2kata yang bernama Budi, "
    "yakni Siti Aminah, tidak memenuhi unsur. Sanksi dijatuhkan kepada ASN tersebut."
)


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"\b(?:kata|ujar)\s+(?P<name>[A-Z]\w+)"),
        re.compile(r"(?:me|di)?rekomendasi\w*|\bsanksi\b"),
        re.compile(r"(?<!yang )\b(?:bernama|yakni)\s+\w+"),
        re.compile(r"[a-c]+\d*x|,\s+[A-Z]"),
        IDENT,
        SPEECH_BEFORE,
        *(p for _, p in _STATUS_RE),
    ],
)
def test_same_matches(pattern: re.Pattern[str]) -> None:
    fast = quick(pattern)
    assert fast.pattern.startswith("(?=[")
    for text in (TEXT, TEXT.lower(), ""):
        assert _matches(fast, text) == _matches(pattern, text)
        for pos in range(0, len(text), 7):
            slow_match, fast_match = pattern.match(text, pos), fast.match(text, pos)
            assert (slow_match and slow_match.span()) == (fast_match and fast_match.span())


@pytest.mark.parametrize(
    "pattern",
    [
        re.compile(r"\w+an\b"),  # a class the lookahead cannot bound
        re.compile(r"(?:kata)?\s*ujar"),  # may start with any white space
        re.compile(r"x*"),  # matches the empty string
        re.compile(r"\bkata\b", re.IGNORECASE),
        re.compile(r"(?i:kata)\s+\w+"),
        re.compile(r"[^a]bc"),
    ],
)
def test_unbounded_patterns_stay(pattern: re.Pattern[str]) -> None:
    assert quick(pattern) is pattern


def test_optional_parts_are_followed() -> None:
    fast = quick(re.compile(r"(?:kata)?(?:nya)*ujar"))
    assert fast.pattern.startswith("(?=[knu])")
    for text in ("kataujar", "nyaujar", "ujar", "kata ujar", TEXT):
        assert _matches(fast, text) == _matches(re.compile(r"(?:kata)?(?:nya)*ujar"), text)
