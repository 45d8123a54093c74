"""``netra_conduct``: the evidence for each conduct code (codebook §3), per sentence and per article.

Three signals:

* cue patterns (``nlp/data/conduct_cues.yml``, the codebook's typical wording
  as regular expressions): ``doc._.conduct`` maps each sentence index to the
  codes whose cues it contains. They locate the conduct in the text, so they
  also choose a case's evidence sentences.
* the trained classifier ``conduct_textcat`` (spaCy ``textcat_multilabel``,
  bag of words, trained through ``nlp/project.yml`` on the corpus's cases): its
  input is one case's sentences (:func:`case_input`) as their cue hits, two
  tokens each (``CUE_C01``, ``CUEW_mengunggah``), so it learns how much each
  cue, alone and beside the others, counts for each code. It is trained on
  each gold case's evidence sentences, not on whole articles, whose other
  cases' and background cues blur a case's codes. (Fed the words too it
  memorised the corpus's stories: top code right for 64% of held-out dev
  cases against 81-85% on cue features.) It also learns from each evidence
  sentence alone, labelled only for the codes that sentence cues
  (:func:`nlp.training_data.sentence_examples`). ``doc._.conduct_model`` is its
  reading of the story as one case (the sentences with cues and the
  headline); the case builder asks it again per case when a story has several,
  and about a single sentence of the accused's that cues a code its case lacks.
* a second trained classifier ``conduct_words_textcat`` reads one sentence's cues
  and words (:func:`words_input`), trained on single evidence sentences labelled
  for the codes they cue; the case builder asks it only to confirm a code the
  case's sentences cue but the first classifier, hearing the main code, passed over.

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
from nlp.affixes import verb_forms
from nlp.codebook import CONDUCT_CODES
from nlp.components.sentences import in_boilerplate
from nlp.extensions import lowered, text_of, title_of

CUES = Path(__file__).resolve().parent.parent / "data" / "conduct_cues.yml"
TEXTCAT = "conduct_textcat"
# The second classifier: a sentence's cues and words, asked only whether a cued code the case lacks is meant.
WORDS_TEXTCAT = "conduct_words_textcat"


# "@root" in the lexicon is a verb family: every affixed verb form of the root, "@@root" those and the
# peN-...-an noun of the deed (nlp.affixes.verb_forms). It stands for a whole alternative (between "(?:"
# or "|" and "|" or ")"), so it becomes plain alternatives and the first-word index still finds each form.
_ROOT = re.compile(r"(?:(?<=\(\?:)|(?<=\|))@(@?)([a-z]+)(?=\||\))")


def expand_roots(pattern: str) -> str:
    """``pattern`` with each ``@root`` written out as its forms (``(?:@tempel|stiker)`` ->
    ``(?:ditempel|ditempeli|...|stiker)``); an ``@`` anywhere else is an error."""
    expanded = _ROOT.sub(lambda m: "|".join(verb_forms(m.group(2), noun=bool(m.group(1)))), pattern)
    at = expanded.find("@")
    if at >= 0:
        raise ValueError(f"@root must be a whole alternative: {expanded[max(0, at - 20) : at + 40]!r}")
    return expanded


@lru_cache(maxsize=1)
def cue_patterns() -> dict[str, re.Pattern[str]]:
    """The cue pattern of every conduct code, to match on lower-cased text (twice as fast as IGNORECASE)."""
    with CUES.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    return {code: re.compile(expand_roots(data[code].lower())) for code in CONDUCT_CODES if data.get(code)}


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of a regular expression (``a|b(?:c|d)|e`` -> ``a``, ``b(?:c|d)``, ``e``)."""
    parts, depth, current = [], 0, []
    escaped = False
    for ch in body:
        if escaped:
            current.append(ch)
            escaped = False
            continue
        if ch == "\\":
            current.append(ch)
            escaped = True
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


_FIRST_WORD = re.compile(r"[a-z]+(?=\s|$)")
# An alternative that opens with a group of plain words ("(?:meminta|minta) dukungan") or a word with an
# optional suffix ("titip(?:an)? suara"): indexed under each word it can start with.
_FIRST_GROUP = re.compile(r"\(\?:([a-z |]+)\)(?=\s)")
_FIRST_SUFFIXED = re.compile(r"([a-z]+)\(\?:([a-z]+)\)\?(?=\s)")


def _first_words(alternative: str) -> list[str]:
    """The words a cue alternative can start with, or [] when that is not plain to see."""
    first = _FIRST_WORD.match(alternative)
    if first:
        return [first.group()]
    group = _FIRST_GROUP.match(alternative)
    if group and all(w and " " not in w for w in group.group(1).split("|")):
        return group.group(1).split("|")
    suffixed = _FIRST_SUFFIXED.match(alternative)
    if suffixed:
        return [suffixed.group(1), suffixed.group(1) + suffixed.group(2)]
    return []


@lru_cache(maxsize=1)
def _cue_index() -> tuple[dict[str, list[tuple[str, re.Pattern[str]]]], re.Pattern[str] | None, list[str]]:
    """Cue alternatives by their first word, plus one pattern for those that do not start with a plain word.

    Looking up each word of the text in a dictionary and trying only the cues that start with it is
    several times faster than one regular expression with three hundred alternatives.
    """
    by_word: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    rest: list[str] = []
    codes: list[str] = []
    # The letter each fallback alternative starts with ("" when it may start otherwise).
    firsts: set[str] = set()
    for code, pattern in cue_patterns().items():
        body = pattern.pattern
        if not (body.startswith(r"\b(?:") and body.endswith(r")\b")):
            raise ValueError(f"cue pattern of {code} must be \\b(?:...)\\b")
        for alternative in _alternatives(body[5:-3]):
            words = _first_words(alternative)
            if words:
                # A possessive -nya may close the cue ("rumah jabatannya", "mobil dinasnya"); the cue words
                # stay without it.
                compiled = re.compile(f"(?:{alternative})(?=(?:nya)?\\b)")
                for word in words:
                    by_word.setdefault(word, []).append((code, compiled))
            else:
                rest.append(f"(?P<g{len(codes)}>{alternative})")
                codes.append(code)
                plain = alternative[:1].isalpha() and alternative[1:2] not in ("?", "*", "{")
                firsts.add(alternative[0] if plain else "")
    # A lookahead on the letters the alternatives start with lets the regex engine skip every other
    # position quickly (twice as fast over a story; the same matches).
    ahead = f"(?=[{''.join(sorted(firsts))}])" if firsts and "" not in firsts else ""
    fallback = re.compile(ahead + r"\b(?:" + "|".join(rest) + r")\b") if rest else None
    return by_word, fallback, codes


_LETTERS = re.compile(r"[a-z]+")


def cue_hits(text: str) -> list[tuple[int, str, str]]:
    """Every cue hit in ``text``: ``(offset, code, cue words)``, left to right, not overlapping."""
    low = lowered(text)
    by_word, fallback, codes = _cue_index()
    found: list[tuple[int, int, str]] = []
    starting = by_word.get
    for word in _LETTERS.finditer(low):
        cues = starting(word.group())  # most words start no cue: looked up before anything else
        if cues is None:
            if not word.group().endswith("nya"):
                continue
            cues = starting(word.group()[:-3])  # "spanduknya", "unggahannya"
            if cues is None:
                continue
        start = word.start()
        if start and low[start - 1].isalnum():
            continue  # not at a word boundary ("2kampanye")
        for code, pattern in cues:
            match = pattern.match(low, start)
            if match:
                found.append((start, match.end(), code))
                break
    if fallback is not None:
        for match in fallback.finditer(low):
            found.append((match.start(), match.end(), codes[int((match.lastgroup or "g0")[1:])]))
    found.sort()
    hits: list[tuple[int, str, str]] = []
    last_end = -1
    for start, end, code in found:
        if start < last_end:
            continue
        last_end = end
        if code == "C01_MEDSOS" and _circulated(low, start, end):
            continue
        hits.append((start, code, low[start:end]))
    return hits


# How a story says its evidence went round ("video itu beredar di grup WhatsApp", "ramai dibagikan di
# Facebook", "diunggah akun TikTok anonim"): the platform is where it was seen, not what the accused did.
_CIRCULATION = re.compile(r"\b(?:beredar|viral|tersebar|menyebar|ramai|diperbincangkan|diviralkan|direkam)\b")
_CLAUSE = re.compile(r",|;|\b(?:setelah|lalu|kemudian|sebelum|karena|dan|yang diunggah|diunggah)\b")
_BY_OTHERS = re.compile(
    r"\s+(?:ulang\s+)?(?:oleh\s+)?(?:akun|warganet|seorang warga|pengguna)\b(?!\s+(?:pribadi|miliknya))"
)


_SHARED_BY = re.compile(r"\b(?:diunggah|dibagikan|disebarkan)(?:\s+ulang)?(?:\s+oleh)?\s+$")
# The press's own closing formula ("hingga berita ini diunggah, ia belum menanggapi").
_THIS_STORY = re.compile(r"\b(?:berita|tulisan|artikel|laporan) ini\s+$")


def _circulated(low: str, start: int, end: int) -> bool:
    """Whether a social-media cue only says where others spread the evidence, or that the story went online."""
    window = low[max(0, start - 45) : start]
    clause = _CLAUSE.split(window)[-1]
    if _CIRCULATION.search(clause):
        return True
    if low[start:end].startswith("akun") and _SHARED_BY.search(window):
        return True  # "diunggah akun TikTok anonim", "dibagikan ulang akun ..."
    if low[start:end].startswith(("diunggah", "diupload")) and _THIS_STORY.search(window):
        return True
    return low[start:end].startswith("diunggah") and bool(_BY_OTHERS.match(low, end))


def cue_scores(sentence: str) -> dict[str, float]:
    """How many cues of each code the sentence contains (codes without cues are absent)."""
    scores: dict[str, float] = {}
    for _, code, _ in cue_hits(sentence):
        scores[code] = scores.get(code, 0.0) + 1.0
    return scores


def classifier_input(text: str, hits: list[tuple[int, str, str]] | None = None) -> str:
    """The classifier's input: two tokens per cue hit, its code (``CUE_C01``) and its words (``CUEW_mengunggah``)."""
    tokens = []
    for _, code, words in cue_hits(text) if hits is None else hits:
        tokens.append(f"CUE_{code[:3]}")
        tokens.append("CUEW_" + "_".join(words.lower().split()))
    return " ".join(tokens) or "TANPA_CUE"


def case_input(text: str, hits: list[tuple[int, str, str]] | None = None) -> str:
    """The classifier's input for one case: the cue tokens of its sentences (see :func:`classifier_input`).

    Their content words as well (``W_berpose``) were tried: cross-validated conduct F1 0.810 against
    0.817 on cues alone (precision up, recall down), so the words stay out.
    """
    return classifier_input(text, hits)


_WORD_TOKENS = re.compile(r"[a-z]{3,}")


def words_input(text: str, hits: list[tuple[int, str, str]] | None = None) -> str:
    """The confirming classifier's input for one sentence: its cue tokens (:func:`classifier_input`) and its
    words of three letters or more (``W_denda``).

    Cues say which code a sentence may state; its words say whether it states it of the accused: "wajib
    membayar denda" is no order to subordinates, "warga yang hadir dalam kampanye" no campaigning official.
    Fed to the case classifier, words memorised the corpus's stories (see :func:`case_input`); this
    classifier learns from single evidence sentences and only confirms a code the sentence cues.
    """
    words = " ".join("W_" + w for w in _WORD_TOKENS.findall(lowered(text)))
    return f"{classifier_input(text, hits)} {words}".strip()


def predict_codes(nlp: Language, inputs: list[str], name: str = TEXTCAT) -> list[dict[str, float]]:
    """The trained classifier ``name``'s probability per code for each input (empty dicts without it)."""
    if name not in nlp.component_names or not inputs:
        return [{} for _ in inputs]
    textcat = nlp.get_pipe(name)
    scores = textcat.predict([nlp.make_doc(x) for x in inputs])
    labels = textcat.labels
    # tolist() gives the same Python floats as float() on each cell, without a NumPy scalar per cell.
    return [dict(zip(labels, row, strict=False)) for row in scores.tolist()]


# A sentence that sums up which kinds of breach a body counted most ("pelanggaran terbanyak berupa aktivitas
# di media sosial", "sebagian besar laporan soal kehadiran di kampanye") names conduct codes of nobody in
# particular, nor does a count of them ("9 kasus terkait unggahan di media sosial"): their cues are no
# evidence of a case's conduct (train+dev: 99 such sentences, 48 with cues, none a gold evidence sentence;
# w29-w31 read before tuning: two false C01 codes came from them).
_AGGREGATE = re.compile(
    r"\b(?:(?:pelanggaran|laporan|dugaan|temuan|kasus)\s(?:\w+\s){0,5}?(?:terbanyak|paling banyak|didominasi|mendominasi)"
    r"|(?:sebagian besar|kebanyakan|mayoritas)\s(?:\w+\s){0,4}?(?:pelanggaran|laporan|dugaan|temuan|kasus|soal)"
    r"|jenis pelanggaran|(?:umumnya|rata-rata)\s(?:berupa|terkait|soal|menyangkut)"
    r"|\d+\s(?:kasus|laporan|temuan|perkara|pelanggaran|dugaan)\s(?:di antaranya\s)?(?:\w+\s)?"
    r"(?:terkait|berupa|soal|menyangkut|karena|berkaitan))\b",
    re.I,
)


class ConductScorer:
    """Write ``doc._.conduct`` (cue hits per sentence) and ``doc._.conduct_model`` (classifier)."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    def __call__(self, doc: Doc) -> Doc:
        doc._.conduct, doc._.conduct_model, doc._.conduct_title = {}, None, {}
        if not any(p.position and not p.official for p in doc._.persons or ()):
            return doc  # no one who could be accused: conduct cannot matter
        sentences = doc._.sentences or []
        starts = [start for start, _ in sentences]
        text = text_of(doc)
        hits = cue_hits(text)
        result: dict[int, dict[str, float]] = {}
        # Per sentence with cues: whether it sums up a body's counts (asked once).
        summary: dict[int, bool] = {}
        for offset, code, _ in hits:
            i = bisect_right(starts, offset) - 1
            if i < 0 or offset >= sentences[i][1] or in_boilerplate(doc, sentences[i][0]):
                continue
            if i not in summary:
                summary[i] = _AGGREGATE.search(text, *sentences[i]) is not None
            if summary[i]:
                continue
            result.setdefault(i, {})
            result[i][code] = result[i].get(code, 0.0) + 1.0
        doc._.conduct = result
        title_hits = cue_hits(title_of(doc))
        doc._.conduct_title = {}
        for _, code, _ in title_hits:
            doc._.conduct_title[code] = doc._.conduct_title.get(code, 0.0) + 1.0
        if TEXTCAT in self.nlp.component_names and doc._.language_ok:
            # The story as one case: its sentences with cues, and the headline.
            window = " ".join([title_of(doc), *(text[slice(*sentences[i])] for i in sorted(result))])
            kept = [h for h in hits if bisect_right(starts, h[0]) - 1 in result] + title_hits
            doc._.conduct_model = predict_codes(self.nlp, [case_input(window, kept)])[0]
        return doc


@Language.factory("netra_conduct")
def make_conduct(nlp: Language, name: str) -> ConductScorer:
    """Factory for :class:`ConductScorer`."""
    return ConductScorer(nlp)
