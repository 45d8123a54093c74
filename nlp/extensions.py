"""The custom attributes Netra's components write on spaCy objects.

Registered once, on import. Every value is plain Python (tuples, dicts,
dataclasses from :mod:`nlp.model`) so that the output step can turn a Doc into
the contract's JSON without touching spaCy internals.

Doc attributes:

``dateline``      ``(start, end)`` character offsets of the dateline, or None.
``sentences``     ``[(start, end), ...]`` character offsets of every sentence
                  (the exact evidence spans; unlike ``doc.sents`` they never
                  include the whitespace between paragraphs).
``boilerplate``   ``[(start, end), ...]`` of lines that are not the story ("Baca juga: ..."
                  links, photo credits); extractors ignore mentions inside them.
``language_ok``   True when the text reads as Indonesian.
``regions``       :class:`nlp.model.RegionMention` list, in text order.
``institutions``  :class:`nlp.model.InstitutionMention` list, in text order.
``persons``       :class:`nlp.model.PersonMention` list, in text order.
``dates``         :class:`nlp.model.DateMention` list, in text order.
``statistics``    :class:`nlp.model.Statistic` list, in text order.
``conduct``       per sentence index, ``{code: cue hits}`` (sentences without hits are absent).
``conduct_model`` ``{code: probability}`` of the trained classifier for the article, or None.
``conduct_title`` ``{code: cue hits}`` in the headline, when the caller gave one (see :func:`with_title`).
``cases``         :class:`nlp.model.Case` list.
``article_types`` sorted list of codebook article types.
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_ATTRIBUTES = (
    "dateline",
    "sentences",
    "boilerplate",
    "language_ok",
    "regions",
    "institutions",
    "persons",
    "dates",
    "statistics",
    "conduct",
    "conduct_model",
    "conduct_title",
    "cases",
    "article_types",
)


def lowered(text: str) -> str:
    """``text.lower()`` with every character at its offset.

    Matching lower-cased text is about twice as fast as ``re.IGNORECASE``; the
    few characters whose lower case is longer ("İ") are left as they are.
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def lower_of(doc: Doc) -> str:
    """:func:`lowered` of ``doc``'s text, computed once."""
    low = doc.user_data.get("netra_lower")
    if low is None:
        low = doc.user_data["netra_lower"] = lowered(text_of(doc))
    return low


def with_title(doc: Doc, title: str | None) -> Doc:
    """Attach the article's headline to a Doc before the pipeline runs (``nlp(with_title(nlp.make_doc(t), h))``).

    The headline is not part of the text (no evidence span can point into it), but it names the
    conduct more plainly than any sentence, so the conduct step reads it too.
    """
    if title:
        doc.user_data["netra_title"] = title
    return doc


def title_of(doc: Doc) -> str:
    """The headline attached with :func:`with_title`, or ""."""
    return doc.user_data.get("netra_title") or ""


def text_of(doc: Doc) -> str:
    """``doc.text``, computed once: spaCy rebuilds it from every token on each access."""
    text = doc.user_data.get("netra_text")
    if text is None:
        text = doc.user_data["netra_text"] = doc.text
    return text


def register() -> None:
    """Register every Doc attribute (idempotent)."""
    for name in DOC_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register()
