"""Folds: each function removes one kind of difference between two printings of a word.

Callers compose them; the name of each says what it folds:

- ``fold_case``: NFC, lower case ('ỦY BAN' -> 'ủy ban');
- ``strip_diacritics``: tone and vowel marks dropped ('Tổ quốc' -> 'To quoc'), ``đ`` kept;
- ``fold_d``: every form of the letter d-with-stroke (đ, Đ, Ð, ð, Ɖ) to ``d``;
- ``fold_dashes``: en and em dashes, the hyphen and minus signs to ``-``;
- ``fold_tones``: old tone placement to the new one ('hoà' -> 'hòa', 'Uỷ' -> 'Ủy');
- ``collapse_spaces`` / ``squeeze_spaces``: runs of white space to one space (trimmed or not);
- ``fold_for_match``: case, diacritics and ``đ`` (``fold_case`` + ``strip_diacritics`` +
  ``fold_d``): the key tolerant matching compares;
- ``fold_same_length``: the same as ``fold_for_match`` one character for one character,
  so offsets in the folded text are offsets in the original.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex as re

_D_FORMS = str.maketrans({"đ": "d", "Đ": "d", "Ð": "d", "ð": "d", "\u0189": "d"})
_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})
_MARKS = re.compile(r"\p{Mn}+")
_SPACES = re.compile(r"\s+")
# What squeezing changes: a run of two or more, or a single white-space character other
# than the plain space; text without one is returned as it is.
_SQUEEZABLE = re.compile(r"\s{2,}|[^\S ]")


def fold_case(text: str) -> str:
    """NFC, lower case: 'ỦY BAN' -> 'ủy ban'."""
    return unicodedata.normalize("NFC", text).lower()


def strip_diacritics(text: str) -> str:
    """Tone and vowel marks dropped, the letter đ kept: 'Đường Tổ quốc' -> 'Đuong To quoc'."""
    return unicodedata.normalize("NFC", _MARKS.sub("", unicodedata.normalize("NFD", text)))


def fold_d(text: str) -> str:
    """Every d-with-stroke (đ, Đ, Ð typed for Đ, ð, Ɖ) to ``d``: 'ĐỘC' -> 'dỘC'."""
    return text.translate(_D_FORMS)


def fold_dashes(text: str) -> str:
    """En and em dashes, the non-breaking hyphen and the minus sign to ``-``."""
    return text.translate(_DASHES)


def squeeze_spaces(text: str) -> str:
    """Each run of white space to one space, ends kept: ' a  b ' -> ' a b '."""
    if _SQUEEZABLE.search(text) is None:
        return text
    return _SPACES.sub(" ", text)


def collapse_spaces(text: str) -> str:
    """Each run of white space to one space, ends trimmed: ' a  b ' -> 'a b'."""
    return " ".join(text.split())


def fold_for_match(text: str) -> str:
    """Case, diacritics and đ folded: 'Tố  Quốc Đảng' -> 'to  quoc dang' (spaces as they are)."""
    return _MARKS.sub("", unicodedata.normalize("NFD", fold_d(text))).lower()


@lru_cache(maxsize=1)
def _same_length_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for cp in list(range(0xC0, 0x250)) + list(range(0x1E00, 0x1F00)):
        ch = chr(cp)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if len(base) == 1 and base != ch:
            table[cp] = base
    for ch in "đĐÐ":
        table[ord(ch)] = "d"
    return table


def fold_same_length(text: str | None) -> str:
    """``fold_for_match`` one character for one character (of the NFC text): 'Sở Y tế' ->
    'so y te'; offsets in the result are offsets in the NFC original."""
    if not text:
        return ""
    return unicodedata.normalize("NFC", text).translate(_same_length_table()).lower()


# Old tone placement on an open syllable (oa, oe, uy with nothing after it) -> the new one.
_TONES = "\u0300\u0301\u0309\u0303\u0323"  # huyền, sắc, hỏi, ngã, nặng
_TONE_PAIRS = (("o", "a"), ("o", "e"), ("u", "y"))


@lru_cache(maxsize=1)
def _tone_moves() -> tuple[re.Pattern, dict[str, str]]:
    moves: dict[str, str] = {}
    for first, second in _TONE_PAIRS:
        for tone in _TONES:
            for f in (first, first.upper()):
                for s in (second, second.upper()):
                    old = f + unicodedata.normalize("NFC", s + tone)
                    moves[old] = unicodedata.normalize("NFC", f + tone) + s
    pattern = re.compile("(?<![qQ])(?:" + "|".join(moves) + r")(?!\p{L})")  # "quý" keeps its tone
    return pattern, moves


def fold_tones(text: str) -> str:
    """Old tone placement to the new one, in NFC text: 'hoà' -> 'hòa', 'Uỷ' -> 'Ủy', 'HOÀ' -> 'HÒA';
    'quý' and closed syllables ('hoàn') are left as they are."""
    pattern, moves = _tone_moves()
    return pattern.sub(lambda m: moves[m.group(0)], text)
