"""The fast tokenizer keeps the text exactly and makes sensible units."""

from __future__ import annotations

import pytest
import spacy

from nlp.tokenizer import FastTokenizer


@pytest.fixture(scope="module")
def tokenizer() -> FastTokenizer:
    return FastTokenizer(spacy.blank("id").vocab)


@pytest.mark.parametrize(
    "text", ["", " a", "a ", "a  b", "a \n\n b\n", "\t x \t", "Halo.\r\nDunia", "İstanbul  ş"]
)
def test_text_is_kept_character_for_character(tokenizer: FastTokenizer, text: str) -> None:
    assert tokenizer(text).text == text


def test_units(tokenizer: FastTokenizer) -> None:
    doc = tokenizer("Kab. Jombang: 2.034 laporan (78,5%) KemenPAN-RB, Kamis (30/11).")
    assert [t.text for t in doc] == [
        "Kab",
        ".",
        "Jombang",
        ":",
        "2.034",
        "laporan",
        "(",
        "78,5",
        "%",
        ")",
        "KemenPAN-RB",
        ",",
        "Kamis",
        "(",
        "30",
        "/",
        "11",
        ")",
        ".",
    ]
    assert [t.idx for t in doc][:3] == [0, 3, 5]
