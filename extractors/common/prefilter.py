"""Literal prefilters: where a family of patterns can match at all, found with ``str.find``.

A pattern family whose every match holds one of a few literal words (a type word starts
with ``quyết``, ``nghị``, ``kế`` …; an amount in words holds ``đồng`` or ``vnd``) need
only be tried where the words are. The patterns are case-insensitive: a letter of such a
pattern matches each of its case forms, and every one of those forms lower-cases to the
lower-case letter (tests/test_prefilter.py checks it over all of Unicode for the letters
of each family), so each place a pattern matches holds its literal in ``text.lower()`` at
the same offset. That holds while lower-casing keeps the length of the text (it nearly
always does: ``İ`` is the rare letter that grows); ``lowered`` returns None otherwise, and
the caller then runs its pattern over the whole text as it would without a prefilter.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import regex as re


def lowered(text: str, literals: tuple[str, ...] = ("a",)) -> str | None:
    """``text.lower()`` when it keeps every offset, else None; ``text`` itself when no
    literal has a letter (``/``: nothing to lower-case)."""
    if not any(c.isalpha() for w in literals for c in w):
        return text
    low = text.lower()
    return low if len(low) == len(text) else None


def shortest_literals(literals: Iterable[str]) -> tuple[str, ...]:
    """The lower-case literals less those another of them starts (``quy`` finds ``quyết``)."""
    words = sorted({w.lower() for w in literals}, key=len)
    kept: list[str] = []
    for w in words:
        if not any(w.startswith(k) for k in kept):
            kept.append(w)
    return tuple(kept)


def occurrences(low: str, literals: tuple[str, ...]) -> list[int]:
    """Every offset of ``low`` where one of ``literals`` starts (none starting another), in order."""
    out: list[int] = []
    for word in literals:
        find = low.find
        i = find(word)
        while i >= 0:
            out.append(i)
            i = find(word, i + 1)
    out.sort()
    return out


class Scan:
    """``pattern.finditer`` over one text, tried only where a literal of the pattern's is.

    ``finditer(pos, endpos)`` yields exactly what ``pattern.finditer(text, pos, endpos)``
    yields, when every match of ``pattern`` starts with one of ``literals`` (case aside):
    the pattern is tried at those offsets only, left to right, a match going on after its
    end as ``finditer`` does. A pattern that can match the empty string has no place here.
    """

    def __init__(self, pattern: re.Pattern, text: str, literals: tuple[str, ...]):
        self.pattern = pattern
        self.text = text
        low = lowered(text, literals)
        self._starts = occurrences(low, literals) if low is not None else None

    def finditer(self, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        text, match = self.text, self.pattern.match
        endpos = len(text) if endpos is None else min(endpos, len(text))
        if self._starts is None:
            yield from self.pattern.finditer(text, pos, endpos)
            return
        starts = self._starts
        i = bisect.bisect_left(starts, pos)
        while i < len(starts) and starts[i] < endpos:
            m = match(text, starts[i], endpos)
            if m is None:
                i += 1
                continue
            yield m
            i = bisect.bisect_left(starts, m.end(), i + 1)

    def sub(self, repl: Callable[[re.Match], str]) -> str:
        """``pattern.sub(repl, text)``: the text with each match replaced by ``repl(match)``."""
        parts, last = [], 0
        for m in self.finditer():
            parts += [self.text[last: m.start()], repl(m)]
            last = m.end()
        return "".join(parts) + self.text[last:] if parts else self.text


def stretches(
    text: str, literals: tuple[str, ...], breaks: str, lo: int = 0, hi: int | None = None, *, also: Iterable[int] = ()
) -> list[tuple[int, int]]:
    """The stretches of ``text[lo:hi]`` between characters of ``breaks`` that hold one of
    ``literals`` (case aside), in order: where a pattern needs be tried whose every match
    holds a literal and no character of ``breaks``, and whose look-arounds at either end of
    a match give the same answer before a character of ``breaks`` as at the end of a text;
    ``also``: more offsets a match may hold instead (of what no literal finds). The whole
    ``(lo, hi)`` when lower-casing would change the offsets."""
    hi = len(text) if hi is None else min(hi, len(text))
    low = lowered(text, literals)
    if low is None:
        return [(lo, hi)] if lo < hi else []
    before, after = _break_patterns(breaks)
    out: list[tuple[int, int]] = []
    floor = lo  # no stretch starts before the end of the last one
    offsets = occurrences(low, literals)
    extra = list(also)
    if extra:
        offsets = sorted(offsets + extra)
    for q in offsets:
        if q < floor or q >= hi:
            continue
        prev, nxt = before.search(text, floor, q), after.search(text, q, hi)
        start = prev.end() if prev else floor
        floor = nxt.start() if nxt else hi
        out.append((start, floor))
    return out


@lru_cache(maxsize=16)
def _break_patterns(breaks: str) -> tuple[re.Pattern, re.Pattern]:
    """The last break before an offset (looked for from the offset back), the next one after."""
    chars = "[" + "".join(map(re.escape, breaks)) + "]"
    return re.compile("(?r)" + chars), re.compile(chars)
