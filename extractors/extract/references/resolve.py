"""Short forms ("Quyết định số 1719", "Nghị quyết nêu trên", "Luật Nhà ở ngày 27/11/2023")
counted against the full citation they repeat, then one ``Reference`` per distinct number.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from vanban.schemas import Reference

from vanban.extractors.common.prefilter import Scan
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.references import patterns as cp
from vanban.extractors.extract.references.spans import covered, date_after

if TYPE_CHECKING:
    from vanban.extractors.extract.references.find import Mention

__all__ = ["RELATION_PRIORITY", "resolve_mentions"]

# When one document is cited several ways, the relation kept is the first of this list.
RELATION_PRIORITY = ("basis", "implements", "replaces", "amends", "repeals", "guides", "suspends", "cites")
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def _short_forms(text: str, mentions: list[Mention], type_words: Scan) -> None:
    """Count "Quyết định số 1719" and "Nghị quyết nêu trên" against their full citation."""
    taken = [(m.start, m.tail_end) for m in mentions]
    firsts = {}
    for m in mentions:
        firsts.setdefault(m.key, m)
    for tw in type_words.finditer():
        if covered(tw.start(), taken):
            continue
        short = cp.short_form_re().match(text, tw.end())
        back = None if short else cp.back_reference_re().match(text, tw.end())
        if not (short or back):
            continue
        code = doc_types.code_for(tw.group(0))
        before = [m for m in firsts.values() if m.start < tw.start() and m.doc_type == code]
        if short:
            serial = short.group("serial").lstrip("0")
            hits = {m.key: m for m in before if (m.number.serial or "").lstrip("0") == serial}
            if len(hits) == 1:
                next(iter(hits.values())).repeats.append((tw.start(), short.end()))
            continue
        if back and len({m.key for m in before}) == 1:
            before[0].repeats.append((tw.start(), back.end()))


def _title_mentions(text: str, mentions: list[Mention]) -> None:
    """"Luật Nhà ở ngày 27/11/2023" repeats "Luật Nhà ở số 27/2023/QH15": its date counts."""
    taken = [(m.start, m.tail_end) for m in mentions]
    seen = set()
    for m in mentions:
        if not m.title or not m.type_word or m.key in seen:
            continue
        seen.add(m.key)
        for hit in cp.title_mention_re(m.type_word, m.title).finditer(text):
            if covered(hit.start(), taken):
                continue
            m.repeats.append(hit.span())
            d = date_after(text, hit.end())
            if d and m.date is None:
                m.date = d


def _best_date(group: list[Mention]) -> str | None:
    dates = [m.date for m in group if m.date]
    if not dates:
        return None
    return min(dates, key=lambda d: _PRECISION_RANK[d.precision]).value


def resolve_mentions(text: str, mentions: list[Mention], type_words: Scan | None = None) -> list[Reference]:
    """One ``Reference`` per distinct number, in order of first mention (``type_words``:
    the text's ``doc_types.type_word_scan``, made here when not given)."""
    _short_forms(text, mentions, type_words or doc_types.type_word_scan(text))
    _title_mentions(text, mentions)
    groups: dict[str, list[Mention]] = {}
    for m in mentions:
        groups.setdefault(m.key, []).append(m)
    refs = []
    for group in groups.values():
        first = group[0]
        num = first.number
        typed = next((m for m in group if m.type_word), first)
        refs.append(
            Reference(
                doc_type=typed.doc_type,
                number=num.number,
                date=_best_date(group),
                issuer=next((m.issuer for m in group if m.issuer), None),
                relation=min((m.relation for m in group), key=RELATION_PRIORITY.index),
                pinpoint=next((m.pinpoint for m in group if m.pinpoint), None),
                span=(first.start, first.end),
                mentions=len(group) + sum(len(m.repeats) for m in group),
                text=text[first.start: first.end],
                year=num.year,
                type_symbol=num.type_symbol,
                issuer_symbols=list(num.issuer_symbols),
                mention_spans=sorted([(m.start, m.end) for m in group] + [s for m in group for s in m.repeats]),
            )
        )
    return refs
