"""Groups and single people: the quantifiers that make a post a group ("sejumlah guru", "sebagian dari
mereka ...") or one person ("seorang penyuluh")."""

from __future__ import annotations

import re

QUANTIFIER = re.compile(
    r"\b(?:seorang|oknum|sejumlah|beberapa|puluhan|belasan|ratusan|para|salah\s+satu|sebanyak\s+\d+|\d+|dua|tiga|"
    r"empat|lima|enam|tujuh|delapan|sembilan|sepuluh|kedua)\s+$",
    re.IGNORECASE,
)
# "Sebagian dari mereka ternyata petugas damkar berstatus PPPK", "beberapa di antaranya guru": part of a group.
PARTITIVE = (
    r"\b(?:sebagian(?:\s+besar)?|beberapa|sejumlah|banyak|\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|"
    r"sepuluh)\s+(?:orang\s+)?(?:(?:dari\s+|di\s+antara\s+)?mereka|di\s+antaranya)\s+"
    # "... ternyata petugas damkar", "empat orang di antaranya dikenali warga sebagai tenaga kesehatan"
    r"(?:(?:ternyata|adalah|merupakan|juga|ialah)\s+|di[a-z]{3,}\s+(?:\w+\s+)?sebagai\s+)?$"
)
GROUP_BEFORE = re.compile(
    r"\b(?:sejumlah|beberapa|puluhan|belasan|ratusan|para|sebanyak\s+\d+|\d+|dua|tiga|empat|lima|enam|tujuh|"
    # "dua orang camat", "tiga orang guru": a count with its classifier
    rf"delapan|sembilan|sepuluh|sekelompok|segelintir|sebagian(?:\s+besar)?)\s+(?:orang\s+)?$|{PARTITIVE}",
    re.IGNORECASE,
)
# "Seorang penyuluh pertanian lapangan ... Penyuluh berinisial SY": one person, introduced by a determiner.
ONE_PERSON = re.compile(r"\b(?:seorang|salah\s+seorang|salah\s+satu|oknum)\s+$", re.IGNORECASE)
