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

from dataclasses import dataclass, field
from decimal import Decimal

import regex as re

from vanban.schemas import Amount

from vanban.extractors.extract.amounts.patterns import patterns
from vanban.extractors.extract.amounts.numbers import (
    NumberFormatError,
    fold,
    funding_key,
    parse_figure,
    parse_words,
    scale_value,
    split_words,
    to_vnd,
    vocabulary,
)

Span = tuple[int, int]


@dataclass
class FoundAmount:
    """One amount before it becomes a ``schemas.Amount``."""

    start: int
    end: int
    text: str
    value_vnd: int
    unit: str
    kind: str  # digits | range | words | cell
    approx: str | None = None
    per: str | None = None
    label: str | None = None
    words: str | None = None
    words_value_vnd: int | None = None
    warning: str | None = None
    cell: dict | None = None
    extra: dict = field(default_factory=dict)

    @property
    def span(self) -> Span:
        return (self.start, self.end)


# --- figures with a unit ---------------------------------------------------------------------

_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _figure_value(figure: str, scale: int) -> Decimal:
    value = parse_figure(figure)
    if scale == 1 and _ENGLISH_THOUSANDS.fullmatch(figure):
        # '1,500 đồng' is one thousand five hundred: there is no fraction of a đồng
        value = Decimal(figure.replace(",", ""))
    return value


def _unit_scale(m: re.Match) -> int:
    return scale_value(m.group("scale") or m.group("abbr"))


def _clean_unit(text: str) -> str:
    return " ".join(text.split())


def _qualifier(text: str, start: int, floor: int) -> str | None:
    m = patterns().qualifier_before.search(text, max(floor, start - 30), start)
    return fold(m.group("q")) if m else None


def _ranges(text: str, lo: int, hi: int) -> list[FoundAmount]:
    out = []
    for m in patterns().range.finditer(text, lo, hi):
        try:
            scale = _unit_scale(m)
            lo_scale = scale_value(m.group("lo_scale")) if m.group("lo_scale") else scale
            low = to_vnd(_figure_value(m.group("lo"), lo_scale), lo_scale)
            high = to_vnd(_figure_value(m.group("num"), scale), scale)
        except NumberFormatError:
            continue
        if not m.group("lo_scale") and _YEAR.fullmatch(m.group("lo")):
            continue
        if not (0 < low < high and high <= 20 * low):
            continue
        if patterns().introducer_before.search(text, max(lo, m.start() - 25), m.start("lo")):
            continue
        unit = _clean_unit(m.group("unit"))
        per = m.group("per")
        lo_end = m.end("lo_scale") if m.group("lo_scale") else m.end("lo")
        approx = _qualifier(text, m.start(), lo) or "range"
        out.append(FoundAmount(m.start("lo"), lo_end, text[m.start("lo"):lo_end], low, unit, "range", approx=approx, per=per))
        out.append(FoundAmount(m.start("num"), m.end(), text[m.start("num"):m.end()], high, unit, "range", approx=approx, per=per))
    return out


def _singles(text: str, lo: int, hi: int, taken: list[Span]) -> list[FoundAmount]:
    out = []
    for m in patterns().single.finditer(text, lo, hi):
        if _overlaps(m.span(), taken):
            continue
        try:
            scale = _unit_scale(m)
            value = to_vnd(_figure_value(m.group("num"), scale), scale)
        except NumberFormatError:
            continue
        if value <= 0:
            continue
        out.append(
            FoundAmount(
                m.start(), m.end(), m.group(0), value, _clean_unit(m.group("unit")), "digits",
                approx=_qualifier(text, m.start(), lo), per=m.group("per"),
            )
        )
    return out


# --- amounts in words --------------------------------------------------------------------------

_WORD = re.compile(r"[^\s,]+")
_SAYS_IN_WORDS = re.compile(r"bằng\s+chữ\s*[:：]?\s*[(\[]?\s*$", re.IGNORECASE)


def _words(text: str, lo: int, hi: int) -> list[FoundAmount]:
    voc = vocabulary()
    out = []
    for m in patterns().words.finditer(text, lo, hi):
        tokens = [(t.start(), t.group(0)) for t in _WORD.finditer(text, m.start("words"), m.end("words"))]
        for i in range(len(tokens)):
            start = tokens[i][0]
            phrase = text[start:m.end("words")]
            words = split_words(phrase)
            said = bool(_SAYS_IN_WORDS.search(text, max(lo, start - 20), start))
            if not said and not any(w in voc.scale_words for w in words):
                continue
            try:
                value = parse_words(phrase)
            except NumberFormatError:
                continue
            if value <= 0:
                break
            end = m.end()
            out.append(FoundAmount(start, end, text[start:end], value, _clean_unit(m.group("unit")), "words", words=text[start:end], words_value_vnd=value))
            break
    return out


_OPENING = re.compile(r"\s*[(\[]\s*")
_CLOSING = re.compile(r"\s*[)\]]")


def _join_readings(digits: list[FoundAmount], words: list[FoundAmount], text: str) -> list[FoundAmount]:
    """A reading in words right beside a figure is the same amount: keep one, check both agree."""
    gap_ok = patterns().words_gap
    kept = []
    by_end = sorted(digits, key=lambda a: a.end)
    for w in words:
        partner = None
        for d in reversed(by_end):
            if d.end <= w.start and w.start - d.end <= 40 and gap_ok.match(text[d.end:w.start]):
                partner = d
                break
            if d.end <= w.start:
                break
        if partner is None:
            after = [d for d in digits if d.start >= w.end and d.start - w.end <= 5 and _OPENING.fullmatch(text[w.end:d.start])]
            partner = after[0] if after else None
        if partner is None or partner.words:
            kept.append(w)
            continue
        partner.words = w.text
        partner.words_value_vnd = w.value_vnd
        close = _CLOSING.match(text, w.end, w.end + 5)
        partner.extra["words_span"] = (w.start, close.end() if close else w.end)
        if w.value_vnd != partner.value_vnd:
            partner.warning = (
                f"amount in words disagrees with its figure: {partner.text!r} is {partner.value_vnd} đồng, "
                f"{w.text!r} is {w.value_vnd} đồng"
            )
    return kept


# --- labels ------------------------------------------------------------------------------------

_MARKER = re.compile(
    r"^\s*(?:[-+•*–—]\s*)*"
    r"(?:(?:Điều\s+\d+[.:]?|\d+(?:\.\d+)+\.?|(?:[IVXLC]+|\d+|[a-zđA-Z])\s*[.)])\s*)?(?:[-–—]\s*)?"
)
_TAIL_WORDS = re.compile(
    r"(?:(?:^|[\s,:]+)(?:là|đạt|bằng|với|gồm|khoảng|ước\s+đạt|ước\s+tính|ước|trên|hơn|gần|dưới|tối\s+đa|tối\s+thiểu"
    r"|tổng\s+số\s+tiền|số\s+tiền|tổng\s+kinh\s+phí|từ|tương\s+đương|dự\s+kiến|có|được|thêm))+\s*$",
    re.IGNORECASE,
)
_LEAD_WORDS = re.compile(r"^(?:(?:và|hoặc|còn|,)(?:\s+|$))+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+\p{Lu})")


def _clause_start(seg: str) -> int:
    opened = seg.rfind("(")
    if opened >= 0 and ")" in seg[opened:]:
        opened = -1  # '(ODA): 70.000 triệu đồng': a closed bracket is part of the label
    cut = max(seg.rfind(";"), opened)
    ends = [m.end() for m in _SENTENCE_END.finditer(seg)]
    if ends:
        cut = max(cut, ends[-1] - 1)
    return cut + 1


def _label_words(clause: str) -> tuple[str, bool]:
    clause = _MARKER.sub("", clause, count=1)
    with_colon = clause.rstrip().endswith(":")
    clause = _TAIL_WORDS.sub("", clause.rstrip(" \t:-–")).strip(" \t:-–,")
    clause = _LEAD_WORDS.sub("", clause)
    return clause, with_colon


def label_before(text: str, start: int, *, floor: int = 0) -> str | None:
    """What an amount is for: the words before it in its clause (``Vốn sự nghiệp: 1 tỷ đồng``).

    ``floor`` is where the clause may start at the earliest (the end of the amount before);
    a clause hard-wrapped over lines is followed back up to three lines.
    """
    line_start = text.rfind("\n", floor, start) + 1
    seg_start = max(line_start, floor)
    for _ in range(3):
        head = text[seg_start:start]
        if seg_start <= floor or seg_start != line_start or _MARKER.match(head).group(0):
            break
        head = head.strip()
        prev_start = text.rfind("\n", floor, line_start - 1) + 1
        prev = text[max(prev_start, floor):line_start - 1].rstrip()
        if not prev or head[:1].isupper() or prev.endswith((".", ";", ":")) and head:
            break
        seg_start = line_start = max(prev_start, floor)
    seg = text[seg_start:start].replace("\n", " ")
    cut = _clause_start(seg)
    clause, with_colon = _label_words(seg[cut:])
    if not clause and cut and seg[cut - 1] == "(":
        # '(khoảng 1.500 tỷ đồng)': the words before the bracket say what it is
        before = seg[:cut - 1]
        clause, with_colon = _label_words(before[_clause_start(before):])
    words = clause.split()
    if not words:
        return None
    limit = 20 if with_colon else 14
    if len(words) > limit:
        last = clause.rsplit(",", 1)[-1].strip()
        words = (last if not with_colon and len(last.split()) >= 2 else clause).split()[-limit:]
    label = " ".join(words)
    return label[0].upper() + label[1:]


# --- table cells ----------------------------------------------------------------------------------

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
        if kind == "num" and _YEAR.fullmatch(s):
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
        for f in re.finditer(r"\S+", raw[t.start("cells"):t.end("cells")]):
            a = start + t.start("cells") + f.start()
            token = f.group(0)
            kind = "dash" if token in "-–—" else ("text" if _YEAR.fullmatch(token) else "num")
            cells.append(_Cell(kind, a, a + len(token), token, in_row=True))
        trailing = [c for c in cells if c.in_row]
        figures = [c for c in trailing if c.kind == "num"]
        # a row printed on one line; one small figure after words is more often a count
        if not any(c.kind == "text" for c in trailing) and (len(figures) > 1 or any(not c.text.isdigit() for c in figures)):
            return cells
    return [_Cell("text", lead, lead + len(s), s)]


def _is_index(cells: list[_Cell], i: int) -> bool:
    c = cells[i]
    if c.kind != "num" or c.in_row or not re.fullmatch(r"\d{1,3}", c.text):
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


def _table_cells(text: str, lo: int, hi: int, taken: list[Span]) -> list[FoundAmount]:
    P = patterns()
    lines: list[tuple[int, int]] = []
    pos = lo
    for raw in text[lo:hi].split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    out: list[FoundAmount] = []
    table_no = 0
    i = 0
    while i < len(lines):
        s = text[lines[i][0]:lines[i][1]]
        um = _table_unit(s)
        if not um:
            i += 1
            continue
        unit = _clean_unit(um.group("unit"))
        try:
            scale = scale_value(_unit_scale_words(unit))
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


def _unit_scale_words(unit: str) -> str | None:
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
                if c is None or _overlaps((c.start, c.end), taken):
                    continue
                try:
                    value = to_vnd(_figure_value(c.text, scale), scale)
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


# --- assembling ---------------------------------------------------------------------------------


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


def find_amounts(text: str, *, start: int = 0, end: int | None = None) -> list[FoundAmount]:
    """Every money amount in ``text[start:end]``, in text order, with labels."""
    end = len(text) if end is None else end
    ranges = _ranges(text, start, end)
    range_spans = [(a.start, a.end) for a in ranges]
    digits = _singles(text, start, end, range_spans) + ranges
    words = [w for w in _words(text, start, end) if not _overlaps(w.span, [d.span for d in digits])]
    words = _join_readings(digits, words, text)
    inline = sorted(digits + words, key=lambda a: a.start)
    taken = [a.span for a in inline]
    cells = _table_cells(text, start, end, taken)
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
