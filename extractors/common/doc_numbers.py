"""Keys of document numbers ("Số, ký hiệu"): two printings of one number, compared.

Two keys, for two questions:

- ``spelling_key``: the same number spelt with other spaces, hyphens, dashes or case
  ('352 /KH - UBND' and '352/kh-ubnd'): how the mentions of one number in a text are
  grouped, and how ../shared/spec/OUTPUT.md scores numbers and type codes;
- ``number_key``: the same document's number anywhere, the key the store links citations
  by: also diacritics, leading zeros and punctuation ignored ('0352/QĐ-UBND' and
  '352/QD.UBND' share one); a number left blank (``/UBND-VXNV``) has none.
"""
from __future__ import annotations

import unicodedata

import regex as re

from vanban.extractors.common.folding import fold_same_length

# Letters from other scripts typed for Latin ones in numbers (66/NQ-СР).
_LOOKALIKES = str.maketrans("СРТНВКМОАЕХсрохае", "CPTHBKMOAEXcpoxae")
_SPACES = re.compile(r"\s+")
_SPELLING = re.compile(r"[\s\-–—]+")
_NOT_KEY = re.compile(r"[^A-Z0-9/]")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


def spelling_key(number: str | None) -> str:
    """Spaces, hyphens, dashes and case ignored (after the d-variant and look-alike fixes of
    normalization): '352 /KH–UBND' -> '352/khubnd'; '' for no number."""
    if not number:
        return ""
    from vanban.extractors.normalize.steps import fix_d_variants, fix_homoglyphs

    s = fix_homoglyphs(fix_d_variants(unicodedata.normalize("NFC", number)))
    return _SPELLING.sub("", s).casefold()


def clean_printed_number(number: str | None) -> str | None:
    """The number as printed, spaces removed and look-alike letters made Latin."""
    if not number:
        return None
    s = unicodedata.normalize("NFC", number).translate(_LOOKALIKES)
    s = _SPACES.sub("", s.replace("Ð", "Đ").replace("–", "-").replace("—", "-"))
    return s or None


def number_key(number: str | None) -> str | None:
    """What two printings of one number share: '352 /KH-UBND' and '352/KHUBND' -> '352/KHUBND'.

    Case, spaces, hyphens, diacritics and leading zeros are ignored. A number left blank
    (``/UBND-VXNV``) has no key: it cannot be cited.
    """
    s = clean_printed_number(number)
    if not s or not s[0].isdigit():
        return None
    return _LEADING_ZEROS.sub("", _NOT_KEY.sub("", fold_same_length(s).upper()))
