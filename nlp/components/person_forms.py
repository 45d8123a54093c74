"""Name forms: the patterns that introduce a person's name or initials in news writing
(apposition, "berinisial", "adalah", an age in brackets, a pronoun that names or holds a post)."""

from __future__ import annotations

import re

from nlp.names import FULL_NAME, INITIALS
from nlp.quick_regex import quick

APPOSITION = quick(re.compile(rf",\s+{FULL_NAME}(?=\s*(?:,|\(\d{{2}}\)|\.|$|\s+[a-z]))"))
CANDIDATE_NAMED = re.compile(r"\b(?:caleg|calon|paslon|kandidat)\b[^,.;\"“”]*\bbernama\s+$", re.IGNORECASE)
IDENT = quick(
    re.compile(
        rf"\b(?:adalah|ialah|yakni|yaitu|bernama|Terlapor|terlapor|Terdakwa|terdakwa|Tersangka|tersangka|atas nama|"
        rf"milik|[Nn]ama)\s+(?:(?P<initials>{INITIALS})\b|{FULL_NAME})(?=\s*(?:,|\(\d{{2}}\)|\.|$|\s+[a-z]))"
    )
)
# "YN, Kepala SMA Negeri 1 ...", "dan MB, Kepala ...", "Rosmalawati, Kepala Bidang ...": a name, then its position.
# Read backwards from a position: the name (or initials) and comma right before it.
NAME_BEFORE_POSITION = re.compile(
    rf"(?:^|[,;:]\s+|\b[a-z]+\s+|\b[A-Z][a-z]+\s+(?=[A-Z]{{1,4}}\b))"  # "Sementara RA, Lurah ..."
    rf"(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
    # "HS, oknum ASN yang bertugas ...": "oknum" (a certain member) before the post, as "seorang" is.
    r"(?:\s*\(\d{2}\))?,\s*(?:(?:seorang\s+)?oknum\s+|seorang\s+|sebagai\s+|yang merupakan\s+|merupakan\s+|"
    # "Salmon Fatem, yang saat ini menjabat Kepala ...": a relative clause before the position.
    r"(?:yang\s+(?:saat\s+ini\s+|kini\s+|sekarang\s+|juga\s+)?)?"
    r"(?:tercatat|bekerja|bertugas|berstatus|menjabat)(?:\s+sebagai)?\s+)?$"
)
# "Fransiskus selama ini dikenal warga sebagai PNS di ...", "Herman sebelumnya menjabat Kepala Seksi ...",
# "JS (31), diketahui berstatus tenaga honorer".
NAME_IS_POSITION = re.compile(
    rf"(?:^|\b[a-z]+\s+|[,;:]\s+)(?:(?P<initials>{INITIALS})\b|{FULL_NAME})(?:\s*\(\d{{2}}\),?)?\s+"
    r"(?:yang\s+)?(?:(?:selama\s+ini|sehari-hari|sebelumnya|kini|saat\s+ini|masih|juga|sendiri|diketahui)\s+)?"
    r"(?:dikenal(?:\s+warga)?\s+sebagai|bekerja\s+sebagai|berprofesi\s+sebagai|menjabat(?:\s+sebagai)?|"
    r"bertugas\s+sebagai|mengabdi\s+sebagai|berdinas\s+sebagai|tercatat\s+sebagai|"
    r"merupakan|adalah|berstatus|"
    # "Rohmat Hidayat dibebastugaskan dari jabatannya sebagai Camat ...": the post a sanction takes away.
    r"di[a-z]{3,}\s+dari\s+jabatan(?:nya)?(?:\s+sebagai)?)(?:\s+(?:seorang|salah\s+satu|salah\s+seorang))?\s+$"
)
# "Kepala sekolah yang dimaksud memimpin SD ... . Berdasarkan data Bawaslu, ia bernama Andi Baso Tenriajeng":
# a sentence that names, by a pronoun, the one unnamed official of the sentence before.
PRONOUN_NAMED = re.compile(
    r"(?:[^.;\"“”]{0,60}?,\s+)?(?:(?:[Ii]a|[Dd]ia|[Bb]eliau|"
    # "Pria bernama Muhlis itu ...", "Perempuan berusia 41 tahun berinisial SR itu ...": by sex and age
    r"(?:Pria|Perempuan|Wanita|Lelaki|Laki-laki)(?:\s+berusia\s+\d+\s+tahun)?)\s+(?:bernama|berinisial)|"
    r"[Nn]amanya|[Ii]nisialnya)\s+"
    rf"(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
)
APPOSED_INITIALS = re.compile(rf",\s+(?P<name>{INITIALS})(?=\s*(?:,|\(\d{{2}}\)|\.\s|$))")
INTRODUCED_INITIALS = quick(
    # "Seorang guru PPPK di SD ..., inisialnya RA, membuat ...": "inisialnya" set off by commas introduces them too.
    re.compile(rf"\b(?:berinisial|inisial(?:nya)?|berinsial|berinisal)\s+(?P<name>{INITIALS})\b")
)
# An age in brackets after a name or initials: "AS (45)", "Markus Yoku (47)". Found by the bracket, then
# the name is read backwards (scanning every position for a name first is slow).
AGE = re.compile(r"\s\(\d{2}\)")
AGE_NAME = re.compile(rf"(?<![\w.])(?P<name>{INITIALS}|(?:[A-Z][a-z'’]+\s+){{0,3}}[A-Z][a-z'’]+)$")
LEAD_NAME = re.compile(rf"^(?:{FULL_NAME})(?=\s*(?:\(\d{{2}}\))?\s*,\s)")

# "..., ia masih tercatat sebagai pegawai negeri sipil di Dinas ...": a pronoun and the post it holds.
_HOLDS = r"(?:tercatat|bekerja|bertugas|menjabat|berstatus|berdinas|mengabdi|aktif)"
PRONOUN_HOLDS = re.compile(
    r"(?<![\w-])(?P<pronoun>[Ii]a|[Dd]ia|[Bb]eliau)\s+"
    r"(?:(?:masih|juga|sehari-hari|selama\s+ini|kini|saat\s+ini|sebenarnya|ternyata|diketahui)\s+)*"
    rf"{_HOLDS}(?:\s+sebagai)?\s+(?:seorang\s+)?$"
)
HOLDS_VERB = quick(re.compile(rf"\b{_HOLDS}\b"))
MORE_NAMES = re.compile(
    rf"(?:\s*,\s*(?:dan\s+)?|\s+dan\s+)(?:(?P<initials>{INITIALS})\b|{FULL_NAME})"
    r"(?=\s*(?:,|\(\d{2}\)|\.|$|\s+[a-z]))"
)
MORE_INITIALS = re.compile(rf"(?:\s*,\s*dan\s+|\s*,\s*|\s+dan\s+)(?P<name>{INITIALS})\b")
_LONG_WORD = re.compile(r"\b[^\W\d_]{4,}")


def title_case(sentence: str) -> bool:
    """Whether a sentence is a headline in title case: nearly every longer word capitalised."""
    words = _LONG_WORD.findall(sentence)
    return len(words) >= 5 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)
