"""Money amounts: every sum of đồng a document states, as ``schemas.Amount``.

Three finders over the normalized text, then one merge:

1. figures with a unit: ``1.473.139 triệu đồng``, ``1,5 tỷ đồng``, ``500.000đ``, ``2 trđ``,
   ranges ``từ 1,5 đến 2 tỷ đồng`` / ``2,5 - 5,5 tỷ đồng/xã`` (two amounts);
2. amounts in words: ``Năm trăm triệu đồng``; a reading right beside a figure
   (``2.000 tỷ đồng (hai nghìn tỷ đồng)``) joins it as one amount, and a reading that
   disagrees with its figure is kept as a warning on the amount;
3. bare figures in table cells whose header gives a money unit (``ĐVT: triệu đồng``,
   ``Đơn vị tính: Triệu đồng``); row numbers, years and column numbers are not amounts.

Quantities with other units (``179 hộ``, ``3,0%/năm``, ``25 tỷ USD``) never match: an
amount needs a currency word, or a money table.
"""
from __future__ import annotations

from vanban.schemas import Amount

from vanban.extractors.extract.amounts.figures import (
    FoundAmount,
    amounts_in_words,
    join_readings,
    overlaps,
    find_ranges,
    find_singles,
    listed_before,
    unit_cell_before,
)
from vanban.extractors.extract.amounts.labels import label_before
from vanban.extractors.extract.amounts.numbers import NumberFormatError, funding_key
from vanban.extractors.extract.amounts.table_cells import table_cells

__all__ = ["FoundAmount", "extract_amounts", "find_amounts", "label_before", "parse_amount", "to_record"]


def find_amounts(text: str, *, start: int = 0, end: int | None = None) -> list[FoundAmount]:
    """Every money amount in ``text[start:end]``, in text order, with labels."""
    end = len(text) if end is None else end
    ranges = find_ranges(text, start, end)
    range_spans = [(a.start, a.end) for a in ranges]
    singles = find_singles(text, start, end, range_spans)
    digits = singles + listed_before(text, singles, start, range_spans + [a.span for a in singles]) + ranges
    digits += unit_cell_before(text, start, end, [a.span for a in digits])
    words = [w for w in amounts_in_words(text, start, end) if not overlaps(w.span, [d.span for d in digits])]
    words = join_readings(digits, words, text)
    inline = sorted(digits + words, key=lambda a: a.start)
    taken = [a.span for a in inline]
    cells = table_cells(text, start, end, taken)
    found = sorted(inline + cells, key=lambda a: a.start)
    prev_end = start
    for k, a in enumerate(found):
        if a.label is None:
            if a.kind == "range" and k and found[k - 1].kind == "range" and found[k - 1].end <= a.start <= found[k - 1].end + 12:
                a.label = found[k - 1].label  # the two ends of a range are for one thing
            else:
                a.label = label_before(text, a.start, floor=prev_end)
        prev_end = max(prev_end, a.extra.get("words_span", a.span)[1] if a.kind != "words" else a.start)
    return found


def parse_amount(text: str) -> int:
    """The value in đồng of the one amount ``text`` holds (``"1,5 tỷ đồng"`` -> 1500000000)."""
    found = [a for a in find_amounts(text) if a.kind != "cell"]
    if len(found) != 1:
        raise NumberFormatError(f"expected one amount in {text!r}, found {len(found)}")
    return found[0].value_vnd


def _scope(ctx) -> tuple[int, int]:
    """Where amounts are looked for: from the document's header on (site clutter before it is not
    the document's)."""
    segs = getattr(ctx, "segments", None)
    header = getattr(segs, "header", None)
    if ctx.genre == "official" and header and header[0] < len(ctx.text) // 2:
        return header[0], len(ctx.text)
    return 0, len(ctx.text)


def to_record(a: FoundAmount, ctx) -> Amount:
    segs = getattr(ctx, "segments", None)
    section = segs.path_at(a.start) if segs is not None and hasattr(segs, "path_at") else None
    extra = {
        "kind": a.kind,
        "fund": funding_key(a.label),
        "approx": a.approx,
        "per": a.per,
        "words": a.words,
        "warning": a.warning,
        "cell": a.cell,
    }
    return Amount(
        value_vnd=a.value_vnd,
        unit=a.unit,
        text=a.text,
        label=a.label,
        section=section,
        span=a.span,
        **{k: v for k, v in extra.items() if v is not None},
    )


def extract_amounts(ctx) -> list[Amount]:
    """Every money amount of the document, as ``schemas.Amount`` in text order."""
    start, end = _scope(ctx)
    return [to_record(a, ctx) for a in find_amounts(ctx.text, start=start, end=end)]
