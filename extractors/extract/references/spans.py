"""Where a citation's words may lie: the clause and the sentence around a position, the
date right after a number, and whether a position falls inside given spans.
"""
from __future__ import annotations

import bisect

from vanban.extractors.extract.dates import DateMatch, date_at
from vanban.extractors.extract.references import patterns as cp


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    lo = max(floor, pos - 600)
    start = lo
    for m in cp.clause_end_re().finditer(text, lo, pos):
        start = m.end()
    return start


def sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 800)
    start = lo
    for m in cp.sentence_end_re().finditer(text, lo, pos):
        start = m.end()
    return start


def date_after(text: str, pos: int) -> DateMatch | None:
    m = cp.to_date_re().match(text, pos)
    return date_at(text, m.end()) if m else None


def covered(pos: int, spans: list[tuple[int, int]]) -> bool:
    """Is ``pos`` inside one of ``spans`` (sorted by start)?"""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return any(a <= pos < b for a, b in spans[max(0, i - 3): i + 1])


def inside(pos: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in regions:
        if a <= pos < b:
            return a, b
    return None
