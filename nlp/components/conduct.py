"""``netra_conduct``: how strongly each sentence states each conduct code (codebook §3).

Two signals per sentence, both in ``[0, 1]``:

* the trained classifier, a spaCy ``textcat_multilabel`` (bag of words and
  bigrams) trained on the corpus's evidence sentences through ``nlp/project.yml``
  and shipped inside the pipeline as the ``conduct_textcat`` component. It is
  run here on each sentence rather than on the whole article, so that a case's
  conduct and its evidence come from the same sentences.
* the cue patterns of ``nlp/data/conduct_cues.yml`` (the codebook's typical
  wording): 1.0 when a cue occurs, else 0.

``doc._.conduct`` maps a sentence index to ``{code: score}`` where the score
blends both (cues alone when the pipeline has no trained component).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from nlp import extensions  # noqa: F401  (registers the Doc attributes)
from nlp.codebook import CONDUCT_CODES
from nlp.components.sentences import in_ranges

CUES = Path(__file__).resolve().parent.parent / "data" / "conduct_cues.yml"
TEXTCAT = "conduct_textcat"


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """The cue pattern of every conduct code."""
    with CUES.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {code: re.compile(data[code], re.IGNORECASE) for code in CONDUCT_CODES if data.get(code)}


def cue_scores(sentence: str) -> dict[str, float]:
    """1.0 for every code whose cue occurs in the sentence."""
    return {code: 1.0 for code, pattern in cue_patterns().items() if pattern.search(sentence)}


class ConductScorer:
    """Score every sentence for every conduct code; writes ``doc._.conduct``."""

    def __init__(self, nlp: Language, model_weight: float) -> None:
        self.nlp = nlp
        self.model_weight = model_weight

    def _textcat(self):
        if TEXTCAT in self.nlp.component_names:
            return self.nlp.get_pipe(TEXTCAT)
        return None

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc._.sentences or []
        wanted = [
            i
            for i, (s, _) in enumerate(sentences)
            if not in_ranges(s, doc._.boilerplate) and (doc._.dateline or (0, 0))[0] != s
        ]
        textcat = self._textcat()
        model: dict[int, dict[str, float]] = {}
        if textcat is not None and wanted:
            docs = [self.nlp.make_doc(doc.text[sentences[i][0] : sentences[i][1]]) for i in wanted]
            scores = textcat.predict(docs)
            labels = list(textcat.labels)
            for row, i in enumerate(wanted):
                model[i] = {label: float(scores[row][j]) for j, label in enumerate(labels)}
        result: dict[int, dict[str, float]] = {}
        for i in wanted:
            start, end = sentences[i]
            cues = cue_scores(doc.text[start:end])
            if i in model:
                w = self.model_weight
                result[i] = {c: w * model[i].get(c, 0.0) + (1 - w) * cues.get(c, 0.0) for c in CONDUCT_CODES}
            else:
                result[i] = {c: cues.get(c, 0.0) for c in CONDUCT_CODES}
        doc._.conduct = result
        return doc


@Language.factory("netra_conduct", default_config={"model_weight": 0.8})
def make_conduct(nlp: Language, name: str, model_weight: float) -> ConductScorer:
    """Factory for :class:`ConductScorer`; ``model_weight`` blends classifier and cues."""
    return ConductScorer(nlp, model_weight)
