"""Decoding page bodies when the declared charset may be wrong.

Small Indonesian sites often declare ``iso-8859-1`` while serving UTF-8, or the
reverse. A single-byte declaration never fails to decode, so "it decoded" proves
nothing: UTF-8 that is valid and non-ASCII wins over a single-byte declaration,
and a declaration that fails strictly falls back to detection. The caller learns
whether the declaration was wrong so it can count a typed error.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SINGLE_BYTE = {"latin-1", "iso8859-1", "cp1252", "iso8859-15", "ascii", "cp1250", "cp1251"}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    declared: str | None
    mismatch: bool


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def sniff_declared(body: bytes, header: str | None = None) -> str | None:
    """The charset the server or the page declares (HTTP header first, then ``<meta>``)."""
    if header:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", header, re.I)
        if m:
            return m.group(1).lower()
    m = _META_CHARSET.search(body[:4096])
    return m.group(1).decode("ascii", "ignore").lower() if m else None


def decode_html(body: bytes, content_type: str | None = None) -> Decoded:
    """Decode ``body``; ``mismatch`` says the declared charset was wrong or unusable."""
    declared = sniff_declared(body, content_type)
    codec = _codec(declared)
    if body.startswith(codecs.BOM_UTF8):
        return Decoded(body[3:].decode("utf-8", "replace"), "utf-8", declared, codec not in (None, "utf-8"))
    ascii_only = body.isascii()
    if codec and codec != "utf-8" and codec in _SINGLE_BYTE and not ascii_only:
        try:
            text = body.decode("utf-8")
            return Decoded(text, "utf-8", declared, True)
        except UnicodeDecodeError:
            pass
    if codec:
        try:
            return Decoded(body.decode(codec), codec, declared, False)
        except UnicodeDecodeError:
            pass
    elif ascii_only or declared is None:
        try:
            return Decoded(body.decode("utf-8"), "utf-8", declared, declared is not None)
        except UnicodeDecodeError:
            pass
    from charset_normalizer import from_bytes

    best = from_bytes(body[:200_000]).best()
    encoding = best.encoding if best is not None else "cp1252"
    text = body.decode(encoding, "replace")
    # A page with no declaration that is not UTF-8 is not a *wrong* declaration.
    return Decoded(text, encoding, declared, declared is not None)
