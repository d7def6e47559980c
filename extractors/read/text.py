"""Plain text and markdown files: bytes to text, whatever the encoding.

Order of trials: a byte-order mark (UTF-8, UTF-16), strict UTF-8, UTF-16 without a mark
(many NUL bytes), then the legacy 8-bit Vietnamese code pages. Legacy *font* encodings
(TCVN3, VNI), which are ordinary 8-bit or even UTF-8 text that merely looks wrong, are
recognised later, in normalization.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from vanban.extractors.errors import BinaryGarbageError, EmptyFileError
from vanban.extractors.read.base import RawText

def _latin1(err: UnicodeDecodeError) -> tuple[str, int]:
    return err.object[err.start:err.end].decode("latin-1"), err.end


_LATIN1_FALLBACK = "vanban-latin1-fallback"
codecs.register_error(_LATIN1_FALLBACK, _latin1)

BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")


def _looks_binary(text: str) -> bool:
    """Text with many control characters is not a document."""
    if not text:
        return False
    sample = text[:20000]
    bad = len(_CONTROL_CHARS.findall(sample))
    return bad / len(sample) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a text file's bytes; return (text, encoding name)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:4000]
    if head and head.count(0) > len(head) // 4:
        order = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        try:
            return data.decode(order), order
        except UnicodeDecodeError:
            pass
    # 8-bit: Windows-1258 is the Vietnamese code page; bytes it leaves undefined fall
    # back to Latin-1 so that nothing is lost (legacy font encodings are fixed later).
    return data.decode("cp1258", errors=_LATIN1_FALLBACK), "cp1258"


def read_text(path: Path, data: bytes | None = None) -> RawText:
    data = path.read_bytes() if data is None else data
    # (blank tested in place: ``strip()`` would copy a long file to find out)
    if not data or data.isspace():
        raise EmptyFileError(f"{path.name} is empty", path=str(path))
    text, encoding = decode_bytes(data)
    if _looks_binary(text):
        raise BinaryGarbageError(
            f"{path.name} does not contain text (binary data with a text extension?)",
            path=str(path),
        )
    if not text or text.isspace():
        raise EmptyFileError(f"{path.name} holds only white space", path=str(path))
    fmt = "md" if path.suffix.lower() in {".md", ".markdown"} else "txt"
    return RawText(text=text, format=fmt, encoding=encoding)
