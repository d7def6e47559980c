"""Text layers drawn in legacy Vietnamese fonts (``.VnTime``, ``.VnTimeH``, ``VNI-Times``).

The font of each character tells its encoding, and whether a TCVN3 capitals font drew
lower-case bytes as capitals, which the bytes alone cannot say. Only pages where a
sample of characters shows a legacy font are read character by character.
"""
from __future__ import annotations

import ctypes

from vanban.extractors.normalize import legacy

# One character in this many is probed for its font before a page is read in full.
SAMPLE_EVERY = 16
_NAME_BUFFER = 256


def _font_of(textpage, index: int, buffer, flags) -> str | None:
    import pypdfium2.raw as pdfium_c

    length = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buffer, _NAME_BUFFER, ctypes.byref(flags))
    if not length:
        return None
    return buffer.value.decode("utf-8", errors="replace") or None


def decode_pdfium_page(textpage, text: str) -> tuple[str, str | None]:
    """``text`` (all of a pypdfium2 text page) decoded by font; and the legacy encoding seen."""
    count = len(text)
    if not count or textpage.count_chars() != count:
        return text, None
    if not any(legacy.legacy_byte(c) is not None or c == legacy.PDFIUM_LINE_END_HYPHEN for c in text):
        return text, None
    buffer, flags = ctypes.create_string_buffer(_NAME_BUFFER), ctypes.c_int()
    sample = {_font_of(textpage, i, buffer, flags) for i in range(0, count, SAMPLE_EVERY)}
    if not any(legacy.font_encoding(f) for f in sample):
        return text, None
    fonts = [_font_of(textpage, i, buffer, flags) for i in range(count)]
    return legacy.decode_by_font(text, fonts)


def decode_words(words: list[dict]) -> list[dict]:
    """pdfplumber words (with ``fontname``) decoded by their fonts, in place."""
    for word in words:
        font = word.get("fontname")
        if legacy.font_encoding(font):
            word["text"] = legacy.decode_by_font(word["text"], [font] * len(word["text"]))[0]
    return words
