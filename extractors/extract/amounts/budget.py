"""Budget audit: the totals a document states, checked against the sum of their parts.

A document states its budget as a tree, and this module rebuilds it from the amounts and
the outline of the text:

- ``inline``: a total with its parts in brackets or after ``gồm``:
  ``1.473.139 triệu đồng (Vốn đầu tư phát triển: 632.118 triệu đồng; Vốn sự nghiệp: …)``;
- ``list``: a figure line and the list items under it (``1.`` / ``a)`` / ``-`` / ``+``), or
  the items after ``Trong đó:`` / ``Bao gồm:``; a figure-less heading under a total
  (``d) Phân kỳ đầu tư:``) is the total cut another way and is checked on its own;
- ``by_section``: a part of a breakdown that names a funding source (``Vốn đầu tư phát
  triển``) against the same source repeated per Dự án / Tiểu dự án in another section;
- ``table``: a ``Tổng cộng`` / ``Cộng`` row against the rows of its table, column by column.

Only exact figures take part: ranges, rates (``đồng/tháng``) and approximate figures
(``khoảng``, ``trên``, …) are left out. A total printed with less precision than its parts
(``1,5 tỷ`` over parts in ``triệu``) may differ from their sum by half its last digit.
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

import regex as re

from vanban.schemas import Amount, BudgetCheck
from vanban.schemas.record import BudgetPart

from vanban.extractors.segment import outline
from vanban.extractors.extract.amounts.numbers import NumberFormatError, fold, parse_figure, scale_value, vocabulary

# --- which amounts take part -----------------------------------------------------------------

# Estimates are figures like any other; bounds and approximations are not sums.
_EXACT_QUALIFIER_MEANINGS = {"estimated"}


def is_exact(a: Amount) -> bool:
    if a.per or a.kind == "range":
        return False
    if a.approx and vocabulary().approximate_qualifiers.get(a.approx) not in _EXACT_QUALIFIER_MEANINGS:
        return False
    return True


_LEADING_FIGURE = re.compile(r"[\d.,]+")
_NEWLINE = re.compile(r"\n")


def ulp(a: Amount) -> Decimal:
    """Value in đồng of the last printed digit of a figure (``1,5 tỷ`` -> 10**8)."""
    m = _LEADING_FIGURE.match(a.text or "")
    unit = fold(a.unit or "")
    scale_words = [w for w in unit.replace(".", " ").split() if w in vocabulary().scale_words or w in vocabulary().scale_abbreviations]
    try:
        scale = scale_value(" ".join(scale_words)) if scale_words else 1
        figure = parse_figure(m.group(0).rstrip(".,")) if m else None
    except NumberFormatError:
        return Decimal(1)
    if figure is None:
        return Decimal(1)
    exponent = figure.as_tuple().exponent
    return Decimal(scale) * (Decimal(10) ** min(0, exponent))


# --- the outline of the text --------------------------------------------------------------------

_INTRO_LINE = re.compile(
    r"^\s*(?:Trong\s+đó|Bao\s+gồm|Gồm|Cụ\s+thể|Chi\s+tiết|Phân\s+bổ)[^:\n]{0,40}:\s*$", re.IGNORECASE
)
_ENDS_WITH_INTRO = re.compile(
    r"(?:[:]|(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể(?:\s+như\s+sau)?|chi\s+tiết(?:\s+như\s+sau)?|như\s+sau)\s*:?)\s*$",
    re.IGNORECASE,
)
# After a figure that is a line's own: nothing much, its parts in brackets, or 'trong đó:'.
_FIGURE_TAIL = re.compile(
    r"^\s*(?:\([^()\n]*\))?\s*[.;:,]?\s*"
    r"(?:(?:trong\s+đó|bao\s+gồm|gồm|cụ\s+thể(?:\s+như\s+sau)?|chi\s+tiết(?:\s+như\s+sau)?)\s*:?)?\s*[.;:]?\s*$",
    re.IGNORECASE,
)

_OPEN_BRACKET = re.compile(r"\s*\(")
_LISTING = re.compile(r"\s*,?\s*(?:bao\s+gồm|gồm|trong\s+đó)\s*:?", re.IGNORECASE)
_IN_WHICH = re.compile(r"trong\s+đó", re.IGNORECASE)


@dataclass(eq=False, slots=True)
class Node(outline.Node):
    """A line of the outline with the amounts printed on it."""

    amounts: list[Amount] = field(default_factory=list)
    figure: Amount | None = None
    inline_parts: list[Amount] = field(default_factory=list)


def _may_be_figure(a: Amount) -> bool:
    """Whether an amount may be a line's own figure or one of its parts."""
    return is_exact(a) and a.kind in ("digits", "words")


def _figure_of(amounts: list[Amount], text: str, line_end: int) -> tuple[Amount | None, list[Amount]]:
    """The line's own figure (the one the line is about) and the parts given inline with it."""
    exact = [a for a in amounts if _may_be_figure(a)]
    if not exact:
        return None, []
    first = exact[0]
    tail = text[first.span[1]:line_end]
    inline = [a for a in exact[1:]]
    bracket = _OPEN_BRACKET.match(tail)
    listing = _LISTING.match(tail)
    if inline and (bracket or listing):
        return first, inline
    if not inline and _FIGURE_TAIL.match(tail):
        return first, []
    return None, []


def build_outline(text: str, amounts: list[Amount], *, start: int = 0) -> list[Node]:
    """Every line of the text in the document's outline (``segment.outline``), with its
    figures; an unmarked figure line followed by ``Trong đó:`` (or ending with ``:``) is a
    head that takes the list after it as its children."""
    starts = _line_starts(text)
    by_line: dict[int, list[Amount]] = {}
    for a in amounts:
        if a.span is None or a.span[0] < start:
            continue
        k = bisect.bisect_right(starts, a.span[0]) - 1
        by_line.setdefault(k, []).append(a)
    figures: dict[int, tuple[Amount | None, list[Amount]]] = {}
    heads = set()
    for k, found in by_line.items():
        found.sort(key=lambda a: a.span[0])
        line_end = _line_end(text, starts, k)
        figures[k] = figure, _ = _figure_of(found, text, line_end)
        line = text[starts[k]:line_end]
        if figure is not None and outline.marker(line) is None and (_ENDS_WITH_INTRO.search(line) or _next_is_intro(text, starts, k)):
            heads.add(k)
    tree = outline.build(text, start=start, plain=True, heads=heads, node_class=Node, titles=False)
    for node in tree.nodes:
        node.amounts = by_line.get(node.line, [])
        node.figure, node.inline_parts = figures.get(node.line, (None, []))
    return tree.roots


def _next_is_intro(text: str, starts: Sequence[int], k: int) -> bool:
    for j in range(k + 1, min(k + 3, len(starts))):
        line = text[starts[j]:_line_end(text, starts, j)]
        if line.strip():
            return bool(_INTRO_LINE.match(line))
    return False


# --- checks -----------------------------------------------------------------------------------------


# The document's text and a probe's empty one (``holds``): no text is held past the next document.
@lru_cache(maxsize=2)
def _line_starts(text: str) -> array:
    """Where each line of ``text`` starts (machine integers: a long text's table stays small)."""
    starts = array("q", [0])
    starts.extend(m.end() for m in _NEWLINE.finditer(text))
    return starts


def _line_end(text: str, starts: Sequence[int], k: int) -> int:
    """Where line ``k`` ends (before its newline)."""
    return starts[k + 1] - 1 if k + 1 < len(starts) else len(text)


def _line_of(text: str, offset: int) -> int:
    return bisect.bisect_right(_line_starts(text), offset)


def _part(a: Amount, text: str) -> BudgetPart:
    return BudgetPart(
        value_vnd=a.value_vnd, label=a.label, text=a.text, unit=a.unit, section=a.section, span=a.span, line=_line_of(text, a.span[0])
    )


def make_check(total: Amount, parts: list[Amount], text: str, *, kind: str, what: str | None = None) -> BudgetCheck:
    found = sum(p.value_vnd for p in parts)
    total_ulp = ulp(total)
    finer = any(ulp(p) < total_ulp for p in parts)
    tolerance = int(total_ulp / 2) if finer else 0
    diff = found - total.value_vnd
    labels = [p.label or p.text or "?" for p in parts]
    if what is None:
        if len(labels) > 4:
            what = f"{total.label or total.text} = {' + '.join(labels[:3])} + … ({len(parts)} parts)"
        else:
            what = f"{total.label or total.text} = {' + '.join(labels)}"
    return BudgetCheck(
        what=what,
        total_vnd=total.value_vnd,
        parts_vnd=[p.value_vnd for p in parts],
        found_vnd=found,
        difference_vnd=diff,
        holds=abs(diff) <= tolerance,
        section=total.section,
        span=total.span,
        kind=kind,
        total=_part(total, text),
        parts=[_part(p, text) for p in parts],
        line=_line_of(text, total.span[0]),
        tolerance_vnd=tolerance,
    )


def _holds(total: Amount, parts: list[Amount]) -> bool:
    return make_check(total, parts, "", kind="probe").holds


def _group_figures(node: Node) -> list[Amount]:
    """Figures under a figure-less heading: its children's, through figure-less levels."""
    out: list[Amount] = []
    for c in node.children:
        if c.figure is not None:
            out.append(c.figure)
        else:
            out.extend(_group_figures(c))
    return out


def _list_checks(roots: list[Node], text: str) -> list[BudgetCheck]:
    checks: list[BudgetCheck] = []
    for root in roots:
        for node in root.walk():
            if node.figure is None or not node.children:
                continue
            own = [c.figure for c in node.children if c.figure is not None]
            groups = [g for c in node.children if c.figure is None and (g := _group_figures(c))]
            everything = own + [a for g in groups for a in g]
            if len(everything) < 2:
                continue
            total = node.figure
            if _holds(total, everything):
                checks.append(make_check(total, everything, text, kind="list"))
                continue
            alternatives = ([own] if own else []) + groups
            if len(alternatives) > 1 and (not own or _holds(total, own)):
                # the total cut several ways (by source, by purpose, by year): each cut alone
                checks.extend(make_check(total, alt, text, kind="list") for alt in alternatives if len(alt) >= 2)
            else:
                checks.append(make_check(total, everything, text, kind="list"))
    return checks


def _inline_checks(roots: list[Node], text: str) -> list[tuple[Node, BudgetCheck]]:
    out = []
    for root in roots:
        for node in root.walk():
            parts = node.inline_parts
            if node.figure is None or len(parts) < 2:
                continue
            tail = text[node.figure.span[1]:parts[0].span[0]]
            in_which = _IN_WHICH.search(tail) and not _OPEN_BRACKET.match(tail)
            funds = [p.fund for p in parts]
            if in_which and (None in funds or len(set(funds)) < len(funds)):
                continue  # 'trong đó' may name only some of the parts
            out.append((node, make_check(node.figure, parts, text, kind="inline")))
    return out


def _fund_figures(node: Node, fund: str, memo: dict | None = None) -> list[Amount]:
    """The figures of one funding source in a subtree; a level that states its own is not summed below."""
    if memo is not None and (id(node), fund) in memo:
        return memo[id(node), fund]
    own = [a for a in ([node.figure] if node.figure else []) + node.inline_parts if a.fund == fund]
    out: list[Amount] = own or [a for c in node.children for a in _fund_figures(c, fund, memo)]
    if memo is not None:
        memo[id(node), fund] = out
    return out


def _has_fund_figures(node: Node, fund: str, memo: dict) -> bool:
    """Whether ``_fund_figures(node, fund)`` finds any (its own, or else one below), with no list built."""
    key = (id(node), fund)
    if (known := memo.get(key)) is None:
        known = memo[key] = any(a.fund == fund for a in ([node.figure] if node.figure else []) + node.inline_parts) \
            or any(_has_fund_figures(c, fund, memo) for c in node.children)
    return known


def _by_section_checks(all_nodes: list[Node], breakdowns: list[tuple[Node, list[Amount]]], text: str) -> list[BudgetCheck]:
    """``all_nodes``: every node of the outline, in document order."""
    checks = []
    memo: dict = {}
    present: dict = {}
    spread: dict[str, list[Node]] = {}  # fund -> nodes with its figures under two children or more
    for holder, parts in breakdowns:
        funds = [p.fund for p in parts]
        if None in funds or len(set(funds)) != len(funds):
            continue
        for part, fund in zip(parts, funds):
            if fund not in spread:
                spread[fund] = [
                    n for n in all_nodes
                    if len(n.children) >= 2
                    and (n.figure is None or n.figure.fund != fund)
                    and sum(1 for c in n.children if _has_fund_figures(c, fund, present)) >= 2
                ]
            candidates = [n for n in spread[fund] if not n.contains(holder) and not holder.contains(n)]
            if not candidates:
                continue
            depth = min(n.depth for n in candidates)
            top = [n for n in candidates if n.depth == depth]
            after = [n for n in top if n.start > holder.start]
            where = (after or top)[0]
            figures = _fund_figures(where, fund, memo)
            heading = text[where.start:where.end].strip()
            what = f"{part.label} ({part.section or 'line %d' % _line_of(text, part.span[0])}) = sum of {part.label} over {heading[:60]}"
            checks.append(make_check(part, figures, text, kind="by_section", what=what))
    return checks


# --- tables -----------------------------------------------------------------------------------------

_STT_KINDS = (
    ("roman", re.compile(r"^[IVXLC]+\.?$")),
    ("upper", re.compile(r"^[A-Z]\.?$")),
    ("multi", re.compile(r"^\d+(?:\.\d+)+\.?$")),
    ("arabic", re.compile(r"^\d+\.?$")),
    ("letter", re.compile(r"^[a-zđ]\)?$")),
)


def _stt_kind(stt: str | None) -> str | None:
    if not stt:
        return None
    for name, pattern in _STT_KINDS:
        if pattern.match(stt):
            return f"{name}{stt.rstrip('.').count('.')}" if name == "multi" else name
    return None


def _table_checks(amounts: list[Amount], text: str) -> list[BudgetCheck]:
    tables: dict[int, dict[int, dict]] = {}
    for a in amounts:
        cell = a.cell
        if not cell:
            continue
        row = tables.setdefault(cell.table, {}).setdefault(cell.row, {"cells": {}, **cell.model_dump()})
        row["cells"][cell.col] = a
    checks = []
    for rows in tables.values():
        ordered = [rows[k] for k in sorted(rows)]
        totals = [r for r in ordered if r["total"]]
        if len(totals) != 1:
            continue
        total = totals[0]
        data = [r for r in ordered if not r["total"]]
        kinds = [k for r in data if (k := _stt_kind(r["stt"]))]
        top = kinds[0] if kinds else None
        members = [r for r in data if top is None or _stt_kind(r["stt"]) == top]
        if len(members) < 2 or any(r["ncols"] != total["ncols"] for r in members):
            continue
        for col, cell in sorted(total["cells"].items()):
            parts = [r["cells"][col] for r in members if col in r["cells"]]
            if len(parts) < 2:
                continue
            what = f"{cell.label} (table column {col + 1}) = sum of {len(parts)} rows"
            checks.append(make_check(cell, parts, text, kind="table", what=what))
    return checks


# --- entry point --------------------------------------------------------------------------------------


def check_budget(amounts: list[Amount], ctx) -> list[BudgetCheck]:
    """Every total the document states, checked against the sum of its parts."""
    text = ctx.text
    usable = [a for a in amounts if a.span is not None]
    lined = [a for a in usable if not a.cell]
    # with no figure on any line there is no total but a table's: no outline to build
    roots = build_outline(text, lined) if any(_may_be_figure(a) for a in lined) else []
    inline = _inline_checks(roots, text)
    lists = _list_checks(roots, text)
    breakdowns = [(node, node.inline_parts) for node, _ in inline]
    all_nodes = [n for r in roots for n in r.walk()]
    for node in all_nodes:
        kids = [c.figure for c in node.children if c.figure is not None]
        if node.figure is not None and len(kids) >= 2:
            breakdowns.append((node, kids))
    by_section = _by_section_checks(all_nodes, breakdowns, text)
    tables = _table_checks(usable, text)
    checks = [c for _, c in inline] + lists + by_section + tables
    outline.unlink(roots)
    return sorted(checks, key=lambda c: (c.span or (0, 0))[0])
