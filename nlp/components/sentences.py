"""``netra_sentences``: sentence boundaries for Indonesian news (see :mod:`nlp.sentences`)."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.sentences import sentence_spans

# Lines that link elsewhere or credit someone: not part of the story.
_BOILERPLATE = re.compile(
    r"(?:baca juga|baca pula|simak juga|lihat juga|artikel terkait|berita terkait|laporan wartawan|editor|penulis"
    r"|reporter|sumber|foto)\b",
    re.IGNORECASE,
)


def in_ranges(pos: int, ranges: list[tuple[int, int]] | None) -> bool:
    """True when ``pos`` falls inside one of ``ranges``."""
    return any(start <= pos < end for start, end in ranges or ())


class SentenceSegmenter:
    """Set ``token.is_sent_start`` and ``doc._.sentences`` from the corpus sentence rules.

    A dateline ("SURABAYA - ") stays in the sentence it opens and is recorded in
    ``doc._.dateline``; paragraph breaks always end a sentence.
    """

    def __call__(self, doc: Doc) -> Doc:
        datelines: list[tuple[int, int]] = []
        spans = sentence_spans(doc.text, datelines)
        doc._.sentences = spans
        doc._.boilerplate = [(s, e) for s, e in spans if _BOILERPLATE.match(doc.text, s)]
        doc._.dateline = datelines[0] if datelines else None
        starts = {start for start, _ in spans}
        for token in doc:
            token.is_sent_start = token.i == 0 or token.idx in starts
        return doc


@Language.factory("netra_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    """Factory for :class:`SentenceSegmenter`."""
    return SentenceSegmenter()
