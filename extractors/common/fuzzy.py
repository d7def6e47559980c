"""Tolerant matching of Vietnamese words: spelling variants and OCR slips.

``fold`` (``folding.fold_for_match`` with spaces collapsed) reduces a text to a key that survives the usual noise: tone marks dropped or
misplaced (``Tố quốc`` for ``Tổ quốc``, ``hoà``/``hòa``, ``Uỷ``/``Ủy``), vowel shapes lost
(``Kê hoạch`` for ``Kế hoạch``), ``Đ`` typed as ``Ð`` or read as ``D``, case, and runs of
spaces. ``fuzzy_find`` finds a phrase in a text by its folded form (allowing a few
further slips) and returns spans into the *original* text, so extractors can keep exact
offsets.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban.extractors.common.folding import collapse_spaces, fold_for_match


def fold(text: str) -> str:
    """Lower case, no diacritics, ``đ`` -> ``d``, single spaces: ``Tố  Quốc`` -> ``to quoc``."""
    return collapse_spaces(fold_for_match(text))


def fold_with_map(text: str) -> tuple[str, list[int]]:
    """``fold`` that also returns, for each folded character, its offset in ``text``.

    Spaces are not collapsed here, so that offsets stay simple; runs of white space fold
    to one space each.
    """
    out: list[str] = []
    offsets: list[int] = []
    previous_space = False
    for i, ch in enumerate(text):
        if ch.isspace():
            if not previous_space:
                out.append(" ")
                offsets.append(i)
            previous_space = True
            continue
        previous_space = False
        for c in fold_for_match(ch):
            out.append(c)
            offsets.append(i)
    return "".join(out), offsets


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance; stops early (returning ``limit + 1``) past ``limit``."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def similar(a: str, b: str, *, max_edits: int | None = None) -> bool:
    """True when ``a`` and ``b`` fold to the same key, or to keys a few edits apart.

    By default one edit is allowed per 8 characters of the shorter key.
    """
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    if max_edits is None:
        max_edits = min(len(fa), len(fb)) // 8
    return max_edits > 0 and edit_distance(fa, fb, max_edits) <= max_edits


@lru_cache(maxsize=512)
def _folded_pattern(phrase: str, max_edits: int) -> re.Pattern:
    key = re.escape(fold(phrase)).replace(r"\ ", " ")
    body = key.replace(" ", r"\s*") if max_edits == 0 else key
    fuzz = f"{{e<={max_edits}}}" if max_edits else ""
    return re.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{body}){fuzz}(?![\p{{L}}\p{{N}}])", re.BESTMATCH if max_edits else 0)


def fuzzy_find(phrase: str, text: str, *, max_edits: int = 0) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` in ``text`` where ``phrase`` occurs, compared folded.

    ``max_edits`` allows that many further slips (letters added, dropped or changed)
    after folding; keep it small (0 or 1) and the phrase long enough to stay specific.
    """
    if not phrase.strip() or not text:
        return []
    folded, offsets = fold_with_map(text)
    spans = []
    for m in _folded_pattern(phrase, max_edits).finditer(folded):
        if m.end() <= m.start():
            continue
        start = offsets[m.start()]
        end = offsets[m.end() - 1] + 1
        spans.append((start, end))
    return spans
