"""``netra_language``: does the text read as Indonesian?

Function words decide: Indonesian news is full of "yang", "dan", "di", "untuk";
English of "the", "and", "of". A text that is not Indonesian is annotated as
``IRRELEVANT`` without further extraction.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.extensions import text_of

INDONESIAN = frozenset(
    "yang dan di ke dari untuk dengan ini itu dalam pada tidak akan juga oleh karena atau sebagai para telah sudah "
    "kata ada bisa saat tersebut mereka kami dia ia adalah bahwa agar dapat masih menjadi serta lebih kepada "
    "terhadap setelah sebelum seorang sejumlah menjelang hingga sejak namun lalu kemudian ujar berisi warga".split()
)
ENGLISH = frozenset(
    "the and of to in is that for was with on as are by this be from it has have were".split()
)
_WORD = re.compile(r"[a-zA-Z]+")


def indonesian_share(text: str, sample: int = 400) -> tuple[float, float]:
    """Shares of Indonesian and English function words among the first ``sample`` words."""
    # The words are ASCII letters: lower-casing them joined by spaces and splitting again gives the same
    # words as lower-casing each, and map() counts them at C speed.
    words = " ".join(_WORD.findall(text, 0, sample * 12)[:sample]).lower().split()
    if not words:
        return 0.0, 0.0
    ind = sum(map(INDONESIAN.__contains__, words)) / len(words)
    eng = sum(map(ENGLISH.__contains__, words)) / len(words)
    return ind, eng


class LanguageGuard:
    """Write ``doc._.language_ok``."""

    def __init__(self, min_share: float) -> None:
        self.min_share = min_share

    def __call__(self, doc: Doc) -> Doc:
        ind, eng = indonesian_share(text_of(doc))
        doc._.language_ok = ind >= self.min_share and ind > eng
        return doc


@Language.factory("netra_language", default_config={"min_share": 0.05})
def make_language(nlp: Language, name: str, min_share: float) -> LanguageGuard:
    """Factory for :class:`LanguageGuard`."""
    return LanguageGuard(min_share)
