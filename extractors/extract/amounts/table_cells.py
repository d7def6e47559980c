"""Bare figures in the cells of a money table: a header gives the unit (``ĐVT: triệu
đồng``, ``Đơn vị tính: Triệu đồng``); row numbers, years and column numbers are not amounts.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass

import regex as re

from vanban.extractors.common.prefilter import lowered, occurrences, shortest_literals
from vanban.extractors.extract.amounts.figures import YEAR, FoundAmount, Span, clean_unit, figure_value, overlaps
from vanban.extractors.extract.amounts.numbers import NumberFormatError, fold, scale_value, to_vnd, vocabulary
from vanban.extractors.extract.amounts.patterns import patterns

# Patterns used in the functions below, compiled once.
_NON_SPACE_RUN = re.compile(r"\S+")
_SMALL_NUMBER = re.compile(r"\d{1,3}")

__all__ = ["table_cells"]

_INDEX_TEXT = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+(?:\.\d+)*)\.?$|^[a-zđ]\)$")
_MAX_TABLE_LINES = 3000


@dataclass
class _Cell:
    kind: str  # num | dash | text | blank
    start: int = 0
    end: int = 0
    text: str = ""
    in_row: bool = False  # printed on one line with its row's label


_ROW_NUMBER = re.compile(r"^(?P<stt>(?:\d{1,3}|[IVXLC]+|\d+(?:\.\d+)+)\.?)\s+(?=\p{L})")


def _line_cells(text: str, start: int, end: int) -> list[_Cell]:
    """One line of a table region as cells: the whole line, or a label and trailing figures."""
    P = patterns()
    raw = text[start:end]
    s = raw.strip()
    if not s:
        return [_Cell("blank", start, end)]
    lead = start + (len(raw) - len(raw.lstrip()))
    m = P.table_figure.match(raw)
    if m:
        kind = "dash" if m.group("dash") else "num"
        if kind == "num" and YEAR.fullmatch(s):
            kind = "text"
        return [_Cell(kind, lead, lead + len(s), s)]
    t = P.trailing_figures.match(raw)
    if t and not P.introducer_before.search(t.group("label")) and len(s) <= 160:
        label = t.group("label").strip()
        cells = []
        if n := _ROW_NUMBER.match(label):
            cells.append(_Cell("text", lead, lead + len(n["stt"]), n["stt"]))
            label, lead = label[n.end():], lead + n.end()
        cells.append(_Cell("text", lead, start + t.end("label"), label))
        for f in _NON_SPACE_RUN.finditer(raw[t.start("cells"):t.end("cells")]):
            a = start + t.start("cells") + f.start()
            token = f.group(0)
            kind = "dash" if token in "-–—" else ("text" if YEAR.fullmatch(token) else "num")
            cells.append(_Cell(kind, a, a + len(token), token, in_row=True))
        trailing = [c for c in cells if c.in_row]
        figures = [c for c in trailing if c.kind == "num"]
        # a row printed on one line; one small figure after words is more often a count
        if not any(c.kind == "text" for c in trailing) and (len(figures) > 1 or any(not c.text.isdigit() for c in figures)):
            return cells
    return [_Cell("text", lead, lead + len(s), s)]


def _is_index(cells: list[_Cell], i: int) -> bool:
    c = cells[i]
    if c.kind != "num" or c.in_row or not _SMALL_NUMBER.fullmatch(c.text):
        return False
    nxt = next((x for x in cells[i + 1:] if x.kind != "blank"), None)
    return nxt is not None and nxt.kind == "text" and not _INDEX_TEXT.match(nxt.text)


def _column_numbers(cells: list[_Cell]) -> set[int]:
    """Cells of a run 1, 2, 3, ... (column numbering under a table header)."""
    out: set[int] = set()
    i = 0
    while i < len(cells):
        if cells[i].kind == "num" and cells[i].text == "1":
            j, expect = i, 1
            run = []
            while j < len(cells) and cells[j].kind in ("num", "blank"):
                if cells[j].kind == "num":
                    if cells[j].text != str(expect):
                        break
                    run.append(j)
                    expect += 1
                j += 1
            if len(run) >= 3:
                out.update(run)
                i = j
                continue
        i += 1
    return out


def _region_end(text: str, lines: list[tuple[int, int]], i: int) -> int:
    P = patterns()
    j = i
    while j < len(lines) and j - i < _MAX_TABLE_LINES:
        s = text[lines[j][0]:lines[j][1]].strip()
        if s and (
            P.table_end.match(s)
            or len(s) > 160
            or len(s) > 100 and s.endswith((".", ";", ":"))
            or P.unit_header.search(s)
        ):
            break
        j += 1
    return j


def _cells_before(text: str, lines: list[tuple[int, int]], i: int, *, most: int = 20) -> str:
    """The short lines just above line ``i`` (the header cells before a column's unit)."""
    out: list[str] = []
    k = i - 1
    while k >= 0 and len(out) < most:
        s = text[lines[k][0]:lines[k][1]].strip()
        if len(s) > 80 or patterns().table_end.match(s):
            break
        if s:
            out.append(s)
        k -= 1
    return " ".join(reversed(out))


# Every line ``_table_unit`` reads a unit from holds one of these (case aside).
_UNIT_LITERALS = shortest_literals(["đơn", "đvt", "("])


def _unit_lines(text: str, lines: list[tuple[int, int]]) -> list[int] | None:
    """The indexes of ``lines`` holding a literal of a unit line, in order (None: all may)."""
    low = lowered(text, _UNIT_LITERALS)
    if low is None or not lines:
        return None
    starts = [a for a, _ in lines]
    lo, hi = lines[0][0], lines[-1][1]
    return sorted({bisect.bisect_right(starts, q) - 1 for q in occurrences(low, _UNIT_LITERALS) if lo <= q < hi})


def _table_unit(s: str) -> re.Match | None:
    P = patterns()
    if len(s) > 160:
        return None
    m = P.unit_header.search(s)
    if m:
        return m
    if len(s) <= 80:
        return P.column_unit.search(s)
    return None


def table_cells(text: str, lo: int, hi: int, taken: list[Span]) -> list[FoundAmount]:
    P = patterns()
    lines: list[tuple[int, int]] = []
    pos = lo
    for raw in text[lo:hi].split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    out: list[FoundAmount] = []
    table_no = 0
    i = 0
    candidates = _unit_lines(text, lines)
    while i < len(lines):
        if candidates is not None:  # the next line that may give a unit
            j = bisect.bisect_left(candidates, i)
            if j == len(candidates):
                break
            i = candidates[j]
        s = text[lines[i][0]:lines[i][1]]
        um = _table_unit(s)
        if not um:
            i += 1
            continue
        unit = clean_unit(um.group("unit"))
        try:
            scale = scale_value(_unit_scaleamounts_in_words(unit))
        except NumberFormatError:
            i += 1
            continue
        end = _region_end(text, lines, i + 1)
        cells = [c for k in range(i + 1, end) for c in _line_cells(text, *lines[k])]
        first_value = next((k for k, c in enumerate(cells) if c.kind == "num" and not _is_index(cells, k)), None)
        head = " ".join(c.text for c in cells[:first_value] if c.kind == "text") if first_value is not None else ""
        if um.re is P.column_unit:
            head = _cells_before(text, lines, i) + " " + s + " " + head  # a column's unit: the header is around it
        i = max(end, i + 1)
        if first_value is None or P.quantity_header.search(head):
            continue  # no figures, or money beside quantities: columns cannot be told apart
        found = _rows(cells, scale, unit, table_no, taken)
        if found:
            out.extend(found)
            table_no += 1
    return out


def _unit_scaleamounts_in_words(unit: str) -> str | None:
    """The scale part of a unit: ``Triệu đồng`` -> ``triệu``, ``trđ`` -> ``tr``, ``đồng`` -> None."""
    voc = vocabulary()
    words = fold(unit).replace(".", " ").split()
    scale = [w for w in words if w in voc.scale_words or w in voc.scale_abbreviations]
    if scale:
        return " ".join(scale)
    glued = next((a for a in voc.scale_abbreviations if fold(unit).startswith(a)), None)
    return glued


def _rows(cells: list[_Cell], scale: int, unit: str, table_no: int, taken: list[Span]) -> list[FoundAmount]:
    P = patterns()
    skip = _column_numbers(cells)
    out: list[FoundAmount] = []
    row: dict = {"index": None, "label": [], "values": []}
    rows = 0

    def close() -> None:
        nonlocal row, rows
        values = row["values"]
        if any(c is not None for c in values):
            parts = row["label"]
            total = bool(parts and P.total_row.match(parts[-1]))
            if total or (rows == 0 and row["index"] is None):
                parts = parts[-1:]  # the header's cells are not the first row's label
            label = " ".join(parts)[:150] or None
            for col, c in enumerate(values):
                if c is None or overlaps((c.start, c.end), taken):
                    continue
                try:
                    value = to_vnd(figure_value(c.text, scale), scale)
                except NumberFormatError:
                    continue
                if value <= 0:
                    continue  # a '0' cell allocates nothing
                out.append(
                    FoundAmount(
                        c.start, c.end, c.text, value, unit, "cell", label=label,
                        cell={"table": table_no, "row": rows, "col": col, "ncols": len(values), "stt": row["index"], "total": total},
                    )
                )
            rows += 1
        row = {"index": None, "label": [], "values": []}

    for k, c in enumerate(cells):
        if k in skip:
            continue
        if c.kind == "blank":
            if row["values"]:
                close()
            continue
        if c.kind == "num" and _is_index(cells, k):
            close()
            row["index"] = c.text
        elif c.kind == "text":
            if _INDEX_TEXT.match(c.text):
                close()
                row["index"] = c.text
                continue
            if row["values"]:
                close()
            row["label"].append(c.text)
        elif c.kind == "dash":
            row["values"].append(None)
        else:
            row["values"].append(c)
    close()
    return out
