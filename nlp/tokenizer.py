"""A faster tokenizer for news text: spaCy's Indonesian rules, applied line by line.

spaCy's Indonesian tokenizer slows down sharply on long texts with newlines
(its prefix/suffix/infix search runs over the whitespace-free chunks, and
newline runs make those chunks long). Tokenizing each line on its own and
joining the results with newline tokens gives exactly the tokens and
whitespace spaCy would produce, several times faster. ``doc.text`` stays
byte-for-byte the input, so character offsets need no mapping back.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

# A newline with the blanks around it becomes one whitespace token, as spaCy would make it.
_NEWLINES = re.compile(r"[^\S\n]*\n\s*")


class LineTokenizer:
    """Wrap a spaCy tokenizer so that it only ever sees one line at a time."""

    def __init__(self, base: Callable[[str], Doc]) -> None:
        self.base = base
        self.vocab = base.vocab  # type: ignore[attr-defined]

    def __call__(self, text: str) -> Doc:
        if "\n" not in text:
            return self.base(text)
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for match in _NEWLINES.finditer(text):
            self._add_line(text[pos : match.start()], words, spaces)
            self._add_newlines(match.group(0), words, spaces)
            pos = match.end()
        self._add_line(text[pos:], words, spaces)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if doc.text != text:  # defensive: never hand on a Doc whose offsets differ
            return self.base(text)
        return doc

    def _add_line(self, line: str, words: list[str], spaces: list[bool]) -> None:
        if not line:
            return
        for token in self.base(line):
            words.append(token.text)
            spaces.append(bool(token.whitespace_))

    @staticmethod
    def _add_newlines(run: str, words: list[str], spaces: list[bool]) -> None:
        words.append(run)
        spaces.append(False)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: object) -> bytes:
        return self.base.to_bytes(**kwargs)  # type: ignore[attr-defined]

    def from_bytes(self, data: bytes, **kwargs: object) -> LineTokenizer:
        self.base.from_bytes(data, **kwargs)  # type: ignore[attr-defined]
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        self.base.to_disk(path, **kwargs)  # type: ignore[attr-defined]

    def from_disk(self, path: object, **kwargs: object) -> LineTokenizer:
        self.base.from_disk(path, **kwargs)  # type: ignore[attr-defined]
        return self


@registry.tokenizers("netra.line_tokenizer.v1")
def create_line_tokenizer() -> Callable[[Language], LineTokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "netra.line_tokenizer.v1"``."""

    def make(nlp: Language) -> LineTokenizer:
        base = spacy.blank(nlp.lang).tokenizer
        return LineTokenizer(base)

    return make
