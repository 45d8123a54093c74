"""``netra_sentences``: sentence boundaries for Indonesian news (see :mod:`nlp.sentences`)."""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.extensions import text_of
from nlp.sentences import sentence_spans

# Lines that link elsewhere or credit someone: not part of the story.
_BOILERPLATE = re.compile(
    r"(?:baca juga|baca pula|simak juga|lihat juga|artikel terkait|berita terkait|laporan wartawan|editor|penulis"
    # A photo or source credit ("Foto: ...", "Sumber: ..."), not a sentence about a photo ("Foto itu diunggah ...");
    # a blog's comment box ("Posting Komentar").
    r"|reporter|(?:sumber|foto)(?=\s*[:|/])|posting komentar)\b",
    re.IGNORECASE,
)


def in_boilerplate(doc: Doc, pos: int) -> bool:
    """True when ``pos`` falls in a boilerplate line of ``doc`` (read from user_data: ``doc._`` is costly in loops)."""
    return in_ranges(pos, doc.user_data.get("netra_boilerplate"))


def in_ranges(pos: int, ranges: list[tuple[int, int]] | None) -> bool:
    """True when ``pos`` falls inside one of ``ranges``."""
    if not ranges:
        return False  # most stories have no boilerplate lines: no generator to set up
    return any(start <= pos < end for start, end in ranges)


class SentenceSegmenter:
    """Set ``token.is_sent_start`` and ``doc._.sentences`` from the corpus sentence rules.

    A dateline ("SURABAYA - ") stays in the sentence it opens and is recorded in
    ``doc._.dateline``; paragraph breaks always end a sentence.
    """

    def __call__(self, doc: Doc) -> Doc:
        datelines: list[tuple[int, int]] = []
        spans = sentence_spans(text_of(doc), datelines)
        doc._.sentences = spans
        doc._.boilerplate = [(s, e) for s, e in spans if _BOILERPLATE.match(text_of(doc), s)]
        doc.user_data["netra_boilerplate"] = doc._.boilerplate
        doc._.dateline = datelines[0] if datelines else None
        if len(doc):
            # One vectorised write instead of a Python loop over tokens: SENT_START is 1 or -1.
            # Token offsets rise strictly, so the tokens that open a sentence are found by bisection
            # (numpy.isin sorts both arrays on every call).
            idx = doc.to_array([IDX]).reshape(-1)
            starts = numpy.asarray([start for start, _ in spans], dtype=idx.dtype)
            at = numpy.searchsorted(idx, starts).clip(max=len(idx) - 1)
            flags = numpy.full(len(idx), -1, dtype="int64")
            flags[at[idx[at] == starts]] = 1
            flags = flags.astype("uint64")
            flags[0] = 1
            doc.from_array([SENT_START], flags.reshape(-1, 1))
        return doc


@Language.factory("netra_sentences")
def make_sentences(nlp: Language, name: str) -> SentenceSegmenter:
    """Factory for :class:`SentenceSegmenter`."""
    return SentenceSegmenter()
