"""Sentence boundaries for Indonesian news, as character offsets.

The corpus rules (``nlp/corpus/README.md``) define a sentence: it ends at
``.``, ``?`` or ``!`` (with any closing quote or bracket) followed by
whitespace and an upper-case letter or an opening quote; a paragraph break
always ends one; abbreviations and titles ("Kab.", "Drs.", "H.", "S.Pd.") never
do. Datelines ("SURABAYA - ...", "TRIBUNNUSA.EXAMPLE, MAKASSAR - ...") and
day-date brackets ("Kamis (30/11)") stay inside their sentence; datelines are
recognised so that the regions and institutions they name (the site's own
credit) can be told apart from the story's.

Pure string work, so it is fast and testable without spaCy; the spaCy
component in :mod:`nlp.components.sentences` turns these offsets into
``is_sent_start`` flags.
"""

from __future__ import annotations

import re

# Lower-cased words that are written with a trailing period but do not end a sentence.
# (Only words that are never sentence-final: "desa." or "kota." end sentences often.) Shortened first
# names ("Moh. Sahrul", "Abd. Rahman") are part of the name.
ABBREVIATIONS = frozenset(
    """
    kab kec kel prov ds jl jln gg dr drs dra drg ir h hj prof ust kh ny nn tn sdr sdri bpk tgk
    pj plt plh pjs ttd a.n u.p
    moh muh moch mhd abd
    """.split()
)
# Academic degrees and similar dotted forms: "S.Pd.", "M.Si.", "A.Md.Keb.", "S.H.", "M.M.".
_DOTTED = re.compile(r"^(?:[A-Za-z]{1,4}\.){1,3}[A-Za-z]{1,4}$")
# Editors' closing marks ("(**)", "(ant)") after a final period stand on their own.
_END = re.compile(r"[.?!…]+[\"'”’)\]]*(?=[ \t\u00a0]+(?:[\"“‘'(\[]?[A-Z]|\(\*+\)|\([a-z/]{2,8}\)))")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Initials are introduced: "berinisial HJ", "inisial DS", "(inisial AR)".
_INITIALS_CUE = re.compile(r"inisial\s+$", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
# A dateline opens a paragraph: "SURABAYA - ", "TRIBUNNUSA.EXAMPLE, MAKASSAR - ", "Kupang (ANTARANUSA) - ",
# "SURYA.co.id | SURABAYA - ", "NUSADAILY.COM – JAKARTA - ". Checked word by word in :func:`dateline_end`.
_DATELINE = re.compile(r"(.{2,70}?)[ \t\u00a0]+[-–—][ \t\u00a0]+")
_DATELINE_WORD = re.compile(r"^(?:[A-Z][\w.'’]*|[a-z]+(?:\.[a-z]+)+|\([A-Z][\w. ]*\)|[|,])$")
DATELINE_PARAGRAPHS = 6


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation, title or initial."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE.search(text, max(0, dot - 40), dot)
    if not match:
        return False
    word = match.group(1)
    if word.isupper() and len(word) > 1 and _INITIALS_CUE.search(text, max(0, dot - 40), match.start()):
        return False  # "berinisial HJ." is a person's initials, not the title "Hj."
    if word.lower().strip(".") in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():  # an initial: "Muhammad A. Rahman"
        return True
    return bool(_DOTTED.match(word))


def dateline_end(text: str, start: int, stop: int) -> int | None:
    """If the paragraph ``text[start:stop]`` opens with a dateline, return where the sentence after it starts."""
    end = None
    pos = start
    for _ in range(2):  # "NUSADAILY.COM – JAKARTA - " has two
        match = _DATELINE.match(text, pos, stop)
        if not match:
            break
        words = re.findall(r"\([^)]*\)|[|,]|[^\s,|()]+", match.group(1))
        if not words or len(words) > 7 or not all(_DATELINE_WORD.match(w) for w in words):
            break
        if not any(w[0].isupper() for w in words):
            break
        end = pos = match.end()
    if end is not None and (end >= stop or not (text[end].isupper() or text[end] in "\"“'‘")):
        return None
    return end


def sentence_spans(text: str, datelines: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Return ``[start, end)`` offsets of the sentences of ``text``, without surrounding whitespace.

    A dateline belongs to the sentence it opens ("JOMBANG - Seorang camat ...": the corpus
    rule, since that is the sentence as it stands); when ``datelines`` is given, the
    dateline's offsets are appended to it.
    """
    spans: list[tuple[int, int]] = []
    paragraphs = 0
    for line in _LINE.finditer(text):
        start, stop = line.span()
        while start < stop and text[start].isspace():
            start += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if start >= stop:
            continue
        paragraphs += 1
        if datelines is not None and not datelines and paragraphs <= DATELINE_PARAGRAPHS:
            body = dateline_end(text, start, stop)
            if body is not None and datelines is not None:
                datelines.append((start, body))
        for end in _END.finditer(text, start, stop):
            if _is_abbreviation(text, end.start()):
                continue
            cut = end.end()
            spans.append((start, cut))
            start = cut
            while start < stop and text[start].isspace():
                start += 1
        if start < stop:
            spans.append((start, stop))
    return spans
