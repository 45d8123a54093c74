"""``netra_dates``: every date the text writes (resolved later against the publication date)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.dates import find_dates
from nlp.extensions import text_of


class DateTagger:
    """Write ``doc._.dates``: :class:`nlp.model.DateMention` in text order."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(text_of(doc))
        return doc


@Language.factory("netra_dates")
def make_dates(nlp: Language, name: str) -> DateTagger:
    """Factory for :class:`DateTagger`."""
    return DateTagger()
