"""Quoted people: the verbs of saying that make a named person the speaker of a quote, not its subject."""

from __future__ import annotations

import re

from nlp.names import FULL_NAME
from nlp.quick_regex import quick

SPEECH_BEFORE = quick(
    re.compile(
        rf"\b(?:kata|ujar|ucap|ungkap|jelas|tegas|tutur|terang|imbuh|tambah|sebut|papar|urai|lanjut|pungkas|tandas|"
        rf"kilah|aku|akui|bilang|keluh|kisah|cerita|kenang|timpal|sambung|seloroh|tanya|sergah|tukas)(?:nya)?\s+{FULL_NAME}"
    )
)
# Verbs of saying, and of responding to a case rather than doing the conduct (denying, regretting, confirming,
# urging, leaving it to others). One list for this tagger (a name, then the verb: a speaker) and the case
# builder (a pronoun, then the verb: the sentence only says something).
SPEECH_VERBS = (
    "mengatakan|menyatakan|menjelaskan|menegaskan|mengaku|mengakui|menuturkan|menyebut|menyebutkan|"
    "mengungkapkan|menilai|berpendapat|memaparkan|menambahkan|menyampaikan|menerangkan|mengonfirmasi|merinci|"
    "membantah|menampik|menanggapi|menyayangkan|menyesalkan|membenarkan|mengklaim|berharap|memastikan|"
    "meminta|mengimbau|menyerahkan sepenuhnya|berdalih|berkilah|beralasan|mengelak|menepis"
)
# A speech verb after the name, past place and day ("Ambrosius Kolo, di Kupang, Senin, mengatakan ...").
SPEECH_AFTER = re.compile(rf"^[^.;\"“”]{{0,80}}?\b(?:{SPEECH_VERBS})\b")
