"""The relation of each citation to the citing document: ``basis`` inside a "Căn cứ"
clause, ``implements`` in the opening "Thực hiện …", else ``cites``. What the document
does to the documents it cites (``replaces``/``amends``/``repeals``/``guides``) is read
once, by ``extract.effects``, and put on the references by ``effects.type_references``.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

import regex as re

from vanban.extractors.extract.references import patterns as cp
from vanban.extractors.extract.references.spans import inside

# Patterns used in the functions below, compiled once.
_COLON_EOL = re.compile(r"[ \t]*:[ \t]*\n")

if TYPE_CHECKING:
    from vanban.extractors.extract.references.find import Mention

__all__ = ["assign_relations"]


def _basis_regions(text: str) -> list[tuple[int, int]]:
    """Spans of the "Căn cứ" clauses (each to its end, chained ";" citations included)."""
    regions: list[tuple[int, int]] = []
    for m in cp.basis_start_re().finditer(text):
        if regions and m.start() < regions[-1][1]:
            continue
        limit = min(len(text), m.end() + 4000)
        if _COLON_EOL.match(text, m.end(), m.end() + 8):
            end = _bullet_block_end(text, text.index("\n", m.end()))  # "Căn cứ:" then bullets
        else:
            end_m = cp.basis_end_re().search(text, m.end(), limit)
            end = end_m.start() if end_m else limit
        regions.append((m.start(), end))
    return regions


def _bullet_block_end(text: str, pos: int) -> int:
    """End of the run of bullet lines starting after the newline at ``pos``."""
    end = pos
    while end < len(text) and text[end] == "\n":
        nxt = text.find("\n", end + 1)
        nxt = len(text) if nxt < 0 else nxt
        if text[end + 1: nxt].lstrip(" \t")[:1] not in ("-", "+", "•", "*"):
            break
        end = nxt
    return end


def _opening_regions(text: str, segments) -> list[tuple[int, int]]:
    """The opening "Thực hiện …" paragraph: as segmented, and as read here up to the
    end of its sentence (a segmenter may stop at a wrapped line ending in a comma)."""
    regions = _segment_spans(segments, "opening")
    body = cp.body_start_re().search(text)
    limit = body.start() if body else min(len(text), 6000)
    m = cp.opening_start_re().search(text, 0, limit)
    if m:
        end_m = cp.opening_end_re().search(text, m.end())
        regions.append((m.start(), end_m.end() if end_m else len(text)))
    return regions


def _segment_spans(segments, name: str) -> list[tuple[int, int]]:
    """``segments.<name>`` (a span or None) as a list of spans."""
    value = getattr(segments, name, None) if segments is not None else None
    if isinstance(value, tuple) and len(value) == 2:
        return [(int(value[0]), int(value[1]))]
    return []


def _basis_or_detail(
    text: str, mention: Mention, region: tuple[int, int], mentions: list[Mention], starts: list[int], *, preamble: bool
) -> str:
    """The first citation of a basis clause is a basis; later ones too unless they only
    describe it ("… quy định chi tiết Luật … số 04/1998/QH10"). In the body the first
    one must follow "Căn cứ" at once."""
    clause_start = region[0]
    semi = text.rfind(";", region[0], mention.start)
    while semi >= 0:
        if cp.clause_head_re().match(text, semi + 1):
            clause_start = semi + 1
            break
        semi = text.rfind(";", region[0], semi)
    earlier = mentions[bisect.bisect_left(starts, clause_start): bisect.bisect_left(starts, mention.start)]
    if not (preamble or clause_start > region[0]):
        first = earlier[0] if earlier else mention
        if not cp.direct_basis_re().fullmatch(text, region[0], first.start):
            return "cites"
    if not earlier:
        return "basis"
    between = text[earlier[-1].end: mention.start]
    return "cites" if cp.detail_cue_re().search(between) else "basis"


def _preamble_end(text: str, segments, bases: list[tuple[int, int]]) -> int:
    """Where the legal-bases block before the body ends (0 when there is none)."""
    if segments is not None and hasattr(segments, "bases"):
        return max((b for _, b in _segment_spans(segments, "bases")), default=0)
    # without segmentation: the first run of "Căn cứ" clauses, up to the body's first part
    body = cp.body_start_re().search(text)
    end = body.start() if body else len(text)
    run_end = 0
    for a, b in bases:
        if run_end and text[run_end:a].strip(" \t\n;.,*"):
            break
        run_end = b
    return min(end, run_end) if run_end else 0


def assign_relations(
    text: str, mentions: list[Mention], *, genre: str, segments
) -> None:
    if genre == "news":
        return
    bases = _basis_regions(text)
    preamble_end = _preamble_end(text, segments, bases)
    openings = _opening_regions(text, segments)
    mention_starts = [m.start for m in mentions]
    for mention in mentions:
        region = inside(mention.start, bases)
        if region:
            preamble = region[0] < preamble_end
            mention.relation = _basis_or_detail(text, mention, region, mentions, mention_starts, preamble=preamble)
            if mention.relation == "basis":
                continue
        if inside(mention.start, openings):
            mention.relation = "implements"
