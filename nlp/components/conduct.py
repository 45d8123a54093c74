"""``netra_conduct``: the evidence for each conduct code (codebook §3), per sentence and per article.

Two signals:

* cue patterns (``nlp/data/conduct_cues.yml``, the codebook's typical wording
  as regular expressions): ``doc._.conduct`` maps each sentence index to the
  codes whose cues it contains. They locate the conduct in the text, so they
  also choose a case's evidence sentences.
* the trained classifier ``conduct_textcat`` (spaCy ``textcat_multilabel``,
  bag of words, trained through ``nlp/project.yml`` on the corpus): its
  probabilities per code for the whole article are ``doc._.conduct_model``. Its
  input is the article followed by one token per cue hit (``CUE_C01``,
  ``CUEW_mengunggah``) so that it learns how much each cue counts as well as
  the words around it; :func:`classifier_input` builds that input for training
  and prediction alike.

The case builder combines both (cues summed over the case's sentences, plus
the classifier's probability).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.codebook import CONDUCT_CODES
from nlp.components.sentences import in_ranges
from nlp.extensions import lowered, text_of

CUES = Path(__file__).resolve().parent.parent / "data" / "conduct_cues.yml"
TEXTCAT = "conduct_textcat"


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """The cue pattern of every conduct code, to match on lower-cased text (twice as fast as IGNORECASE)."""
    with CUES.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {code: re.compile(data[code].lower()) for code in CONDUCT_CODES if data.get(code)}


def cue_scores(sentence: str) -> dict[str, float]:
    """How many cues of each code the sentence contains (codes without cues are absent)."""
    scores: dict[str, float] = {}
    low = sentence.lower()
    for code, pattern in cue_patterns().items():
        hits = len(pattern.findall(low))
        if hits:
            scores[code] = float(hits)
    return scores


def cue_hits(text: str) -> list[tuple[int, str, str]]:
    """Every cue hit in ``text``: ``(offset, code, cue words)``, one pass per code over the whole text."""
    hits = []
    low = lowered(text)
    for code, pattern in cue_patterns().items():
        for match in pattern.finditer(low):
            hits.append((match.start(), code, match.group(0)))
    return hits


def classifier_input(text: str, hits: list[tuple[int, str, str]] | None = None) -> str:
    """The classifier's input: the text, then a token per cue hit (code and cue word)."""
    tokens = []
    for _, code, words in cue_hits(text) if hits is None else hits:
        tokens.append(f"CUE_{code[:3]}")
        tokens.append("CUEW_" + "_".join(words.lower().split()))
    return text + "\n" + " ".join(tokens) if tokens else text


class ConductScorer:
    """Write ``doc._.conduct`` (cue hits per sentence) and ``doc._.conduct_model`` (classifier)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.sentences or []
        starts = [start for start, _ in sentences]
        hits = cue_hits(text_of(doc))
        result: dict[int, dict[str, float]] = {}
        for offset, code, _ in hits:
            i = bisect_right(starts, offset) - 1
            if i < 0 or offset >= sentences[i][1] or in_ranges(sentences[i][0], doc._.boilerplate):
                continue
            result.setdefault(i, {})
            result[i][code] = result[i].get(code, 0.0) + 1.0
        doc._.conduct = result
        doc._.conduct_model = None
        if TEXTCAT in self.nlp.component_names and doc._.language_ok:
            textcat = self.nlp.get_pipe(TEXTCAT)
            scores = textcat.predict([self.nlp.make_doc(classifier_input(text_of(doc), hits))])
            doc._.conduct_model = {label: float(scores[0][j]) for j, label in enumerate(textcat.labels)}
        return doc


@Language.factory("netra_conduct")
def make_conduct(nlp: Language, name: str) -> ConductScorer:
    """Factory for :class:`ConductScorer`."""
    return ConductScorer(nlp)
