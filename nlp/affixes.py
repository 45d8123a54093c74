"""The affixed forms of an Indonesian verb root, so a lexicon can name a verb family once.

News writes the same act with whichever form its sentence needs: active ``menempelkan``, passive
``ditempel``/``ditempeli``, accidental ``tertempel``, the deed as a noun ``penempelan``, with ``-nya``
for its object. A lexicon that lists forms one by one covers the forms its authors happened to read;
:func:`verb_forms` writes them all from the root.

Only the verbal forms, and on request the ``peN-...-an`` noun, are made. The bare root, ``-an`` and ``ber-`` often
mean something else (``pasang`` -> ``pasangan`` "couple", ``bagi`` -> ``bagian`` "part"), so a lexicon
lists those itself where they are safe.
"""

from __future__ import annotations

from functools import lru_cache

_VOWELS = "aiueo"


def _nasal_prefixes(root: str, base: str) -> list[tuple[str, str]]:
    """``(prefix, stem)`` pairs for ``meN-`` (``base`` "me") or ``peN-`` (``base`` "pe") before ``root``.

    The voiceless first consonant drops (``pasang`` -> ``memasang``, ``tempel`` -> ``menempel``,
    ``kumpul`` -> ``mengumpulkan``, ``sebar`` -> ``menyebar``); loans and clusters often keep it
    (``memposting``, ``mensosialisasikan``), so both forms are made: a form no one writes matches nothing.
    """
    first = root[0]
    if sum(1 for ch in root if ch in _VOWELS) == 1:
        return [(base + "nge", root), (base + "ng", root)]  # one syllable: "mengecat", "mengebom"
    if first in _VOWELS or first in "gh":
        return [(base + "ng", root)]
    if first == "k":
        return [(base + "ng", root[1:]), (base + "ng", root)]
    if first == "p":
        return [(base + "m", root[1:]), (base + "m", root)]
    if first in "bfv":
        return [(base + "m", root)]
    if first == "t":
        return [(base + "n", root[1:]), (base + "n", root)]
    if first == "s" and not root.startswith("sy"):
        return [(base + "ny", root[1:]), (base + "n", root)]
    if first in "dcjz" or root.startswith("sy"):
        return [(base + "n", root)]
    return [(base, root)]  # l, m, n, r, w, y: "melantik", "merangkul"


@lru_cache(maxsize=512)
def verb_forms(root: str, noun: bool = False) -> tuple[str, ...]:
    """Every active, passive and ``ter-`` form of ``root`` with ``-kan``/``-i``/none and optional ``-nya``,
    and the root with ``-kan`` (the imperative reporters quote: "kumpulkan KTP-nya"); with ``noun``, also
    the ``peN-...-an`` noun of the deed (``penggunaan``), which for some roots is another word
    (``perintah`` -> ``pemerintahan``, ``pungut`` -> ``pemungutan`` suara); sorted, without repeats."""
    root = root.lower()
    if not root.isalpha():
        raise ValueError(f"a verb root is one word of letters: {root!r}")
    verbs: set[str] = set()
    for prefix, stem in _nasal_prefixes(root, "me"):
        verbs.update(prefix + stem + suffix for suffix in ("", "kan", "i"))
    verbs.update("di" + root + suffix for suffix in ("", "kan", "i"))
    verbs.add(("te" if root[0] == "r" else "ter") + root)  # "terangkul", not "terrangkul"
    forms = verbs | {v + "nya" for v in verbs} | {root + "kan"}
    if noun:
        forms.update(prefix + stem + "an" for prefix, stem in _nasal_prefixes(root, "pe"))
    return tuple(sorted(forms))
