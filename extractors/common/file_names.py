"""File names of any bytes as text that can be printed and stored (UTF-8), and back.

A name that is UTF-8 is itself. In one that is not, each byte that is not UTF-8 is written
``\\xNN`` and a backslash ``\\\\``; ``name_bytes`` gives the bytes back, so nothing is lost.
``storable(text)`` makes any text (a message quoting such a name, an argument typed on a
command line) encodable in UTF-8 the same way. No import beyond the standard library.
"""
from __future__ import annotations

import os
import re

_ESCAPED = re.compile(r"\\x([89a-f][0-9a-f])|\\\\")


def readable_name(name: str | bytes) -> str:
    """A file name as printable, storable text. A name that is UTF-8 is itself; in one that
    is not, each byte that is not UTF-8 is written ``\\xNN`` and a backslash ``\\\\``.

    >>> readable_name(b"b\\xe1o c\\xe1o.txt")
    'b\\\\xe1o c\\\\xe1o.txt'
    >>> readable_name("Báo cáo.txt")
    'Báo cáo.txt'
    """
    raw = name if isinstance(name, bytes) else os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.replace(b"\\", b"\\\\").decode("utf-8", errors="backslashreplace")


def name_bytes(shown: str) -> bytes:
    """The bytes of a name ``readable_name`` gave (its inverse)."""
    if not re.search(r"\\x[89a-f][0-9a-f]", shown):
        return shown.encode("utf-8")
    out = bytearray()
    pos = 0
    for m in _ESCAPED.finditer(shown):
        out += shown[pos:m.start()].encode("utf-8")
        out += bytes([int(m.group(1), 16)]) if m.group(1) else b"\\"
        pos = m.end()
    out += shown[pos:].encode("utf-8")
    return bytes(out)


def storable(text: str) -> str:
    """Text that can be encoded in UTF-8: the stand-ins of undecodable bytes a file name
    brings (surrogates) written ``\\xNN``; other text is itself."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", errors="backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate not from a file name
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
