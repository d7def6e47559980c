"""Task matrices: tables with a row per task and a lead column ("Cơ quan chủ trì"), maybe
partner ("Cơ quan phối hợp") and time ("Thời gian") columns.

Two layouts reach the stage: ``|`` rows (DOCX tables, converters that keep the grid) and a
table flattened one cell per line (PDF converters), where a row starts with its bare number
and its cells follow, a cell wrapped over several lines. ``find_tables(text, start, end)``
finds the header of either and returns the tables; ``rows(table, reader)`` reads their
rows with a ``Reader`` (the names are read from the cells as from running text).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex as re

from vanban.extractors.extract.assignments.cues import cues, fold

_LINE = re.compile(r"[^\n]*")
_ROW_NUMBER = re.compile(r"\s*(?:\d{1,3}|[IVX]{1,5})\s*[.)]?\s*$")
_PIPE_SPLIT = re.compile(r"\|")
# header cells of no column the rows are read by
_OTHER_COLUMN = re.compile(r"(?i)tt|stt|số\s*tt|số thứ tự|ghi chú|kết quả|sản phẩm|dự kiến sản phẩm")


@dataclass
class Table:
    kind: str                        # 'pipe' or 'flat'
    start: int                       # first character of the header
    end: int                         # end of the last row
    columns: dict[str, int] = field(default_factory=dict)  # 'lead' / 'partner' / 'time' / 'task' -> cell index
    order: list[str] = field(default_factory=list)         # the flat header's columns, in order


@dataclass
class Row:
    span: tuple[int, int]
    task: str
    leads: list[tuple[int, int]]     # spans of the lead cell(s)
    partners: list[tuple[int, int]]
    time: str | None


def _column(cell: str) -> str | None:
    """The column a header cell names: 'Cơ quan chủ trì' -> 'lead'."""
    f = fold(cell.strip(" *:"))
    if not f or len(f) > 40:
        return None
    for col, (whole, starts, ends) in _column_words().items():
        if f in whole or f.startswith(starts) or f.endswith(ends):
            return col
    return None


@cache
def _column_words() -> dict[str, tuple[frozenset[str], tuple[str, ...], tuple[str, ...]]]:
    """For each column, in the order they are tried: its words, as a cell that is one of them,
    starts with one, or ends with one."""
    return {col: (frozenset(ws), tuple(w + " " for w in ws), tuple(" " + w for w in ws))
            for col in ("lead", "partner", "time", "task") for ws in [cues().table_columns[col]]}


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def find_tables(text: str, start: int, end: int) -> list[Table]:
    """The task matrices of ``text[start:end]``: a header with a lead column."""
    out: list[Table] = []
    if not cues().table_lead_label.search(text, start, end):
        return out
    lines = list(_lines(text, start, end))
    i = 0
    while i < len(lines):
        a, b = lines[i]
        line = text[a:b]
        if line.lstrip().startswith("|") and cues().table_lead_label.search(line):
            cells = _PIPE_SPLIT.split(line.strip().strip("|"))
            columns = {}
            for n, c in enumerate(cells):
                col = _column(c)
                if col and col not in columns:
                    columns[col] = n
            if "lead" in columns:
                j = i + 1
                while j < len(lines) and text[lines[j][0]:lines[j][1]].lstrip().startswith("|"):
                    j += 1
                out.append(Table("pipe", a, lines[j - 1][1], columns))
                i = j
                continue
        # flat: consecutive short header cells, one of them the lead column
        order: list[str] = []
        j = i
        while j < len(lines) and len(text[lines[j][0]:lines[j][1]].strip()) <= 40:
            cell = text[lines[j][0]:lines[j][1]].strip()
            if not cell:
                j += 1
                continue
            col = _column(cell)
            if col is None and not _OTHER_COLUMN.fullmatch(cell):
                break
            order.append(col or "other")
            j += 1
        if "lead" in order and len(order) >= 2:
            k = j
            while k < len(lines) and not cues().table_end.match(text, lines[k][0], lines[k][1]):
                k += 1
            out.append(Table("flat", a, lines[k - 1][1] if k > j else lines[j - 1][1], order=order))
            i = k
            continue
        i += 1
    return out


def rows(text: str, table: Table, agency_cell) -> list[Row]:
    """The rows of ``table``; ``agency_cell(start, end)`` gives the spans of the agencies
    when a cell holds agency names and nothing else (else an empty list)."""
    return _pipe_rows(text, table, agency_cell) if table.kind == "pipe" else _flat_rows(text, table, agency_cell)


def _cell_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    line = text[a:b]
    first = line.find("|")
    bars = [a + first + m.start() for m in _PIPE_SPLIT.finditer(line[first:])]
    return [(x + 1, y) for x, y in zip(bars, bars[1:])]


def _pipe_rows(text: str, table: Table, agency_cell) -> list[Row]:
    out: list[Row] = []
    cols = table.columns
    for a, b in list(_lines(text, table.start, table.end))[1:]:
        cells = _cell_spans(text, a, b)
        if len(cells) <= cols["lead"] or re.fullmatch(r"[\s|:\-]*", text[a:b]):
            continue
        lead = agency_cell(*cells[cols["lead"]])
        if not lead:
            continue
        partners = agency_cell(*cells[cols["partner"]]) if "partner" in cols and cols["partner"] < len(cells) else []
        time = text[slice(*cells[cols["time"]])].strip() if "time" in cols and cols["time"] < len(cells) else None
        if "task" in cols and cols["task"] < len(cells):
            task = text[slice(*cells[cols["task"]])]
        else:  # the longest cell that is not a name
            named = {cols[c] for c in ("lead", "partner", "time") if c in cols}
            task = max((text[x:y] for n, (x, y) in enumerate(cells) if n not in named), key=len, default="")
        out.append(Row((a, b), " ".join(task.split()), lead, partners, time or None))
    return out


def _flat_rows(text: str, table: Table, agency_cell) -> list[Row]:
    """A row: its number line, then its cells; the lines that hold only names are the lead
    cell (then the partner cell, when the header has one after the lead), a short line with
    a date the time cell, the rest the task."""
    out: list[Row] = []
    header_end = None
    cur: list[tuple[int, int]] = []
    groups: list[list[tuple[int, int]]] = []
    for a, b in _lines(text, table.start, table.end):
        line = text[a:b]
        if header_end is None:
            if _column(line) is None and not re.fullmatch(r"(?i)\s*(?:tt|stt|số\s*tt|số thứ tự|ghi chú|kết quả|sản phẩm|dự kiến sản phẩm)?\s*", line):
                header_end = a
            else:
                continue
        if _ROW_NUMBER.fullmatch(line):
            if cur:
                groups.append(cur)
            cur = [(a, b)]
        elif cur and line.strip():
            cur.append((a, b))
    if cur:
        groups.append(cur)
    partner_after = "partner" in table.order and table.order.index("partner") > table.order.index("lead")
    for lines in groups:
        leads: list[tuple[int, int]] = []
        partners: list[tuple[int, int]] = []
        task: list[str] = []
        time = None
        for a, b in lines[1:]:
            names = agency_cell(a, b)
            if names and not leads:
                leads = names
            elif names and partner_after and not partners:
                partners = names
            elif len(text[a:b].strip()) <= 30 and re.search(r"\d{4}", text[a:b]) and "time" in table.order and not time:
                time = text[a:b].strip()
            elif not leads:
                task.append(text[a:b].strip())
        if leads:
            out.append(Row((lines[0][0], lines[-1][1]), " ".join(task), leads, partners, time))
    return out
