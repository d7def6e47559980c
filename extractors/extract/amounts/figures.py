"""Amounts printed in the text: figures with a unit (``1.473.139 triệu đồng``, ``1,5 tỷ
đồng``, ``500.000đ``, ranges ``từ 1,5 đến 2 tỷ đồng``) and amounts in words (``Năm trăm
triệu đồng``), a reading beside a figure joined to it; ``FoundAmount`` is what each finder
returns.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import regex as re

from vanban.extractors.common.prefilter import stretches
from vanban.extractors.extract.amounts.patterns import FIGURES_BREAKS, SLASHED_BEFORE, WORDS_BREAKS, patterns, currency_literals
from vanban.extractors.extract.amounts.numbers import (
    NumberFormatError,
    fold,
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


def overlaps(span: Span, spans: list[Span]) -> bool:
    return any(a < span[1] and span[0] < b for a, b in spans)


# --- figures with a unit ---------------------------------------------------------------------

_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
YEAR = re.compile(r"(?:19|20)\d\d")


def figure_value(figure: str, scale: int) -> Decimal:
    value = parse_figure(figure)
    if scale == 1 and _ENGLISH_THOUSANDS.fullmatch(figure):
        # '1,500 đồng' is one thousand five hundred: there is no fraction of a đồng
        value = Decimal(figure.replace(",", ""))
    return value


def _unit_scale(m: re.Match) -> int:
    return scale_value(m.group("scale") or m.group("abbr"))


def clean_unit(text: str) -> str:
    return " ".join(text.split())


def _qualifier(text: str, start: int, floor: int) -> str | None:
    m = patterns().qualifier_before.search(text, max(floor, start - 30), start)
    return fold(m.group("q")) if m else None


def _with_unit(pattern: re.Pattern, text: str, lo: int, hi: int):
    """``pattern.finditer(text, lo, hi)`` for a pattern of figures with a unit: tried only
    in the stretches that hold a currency word (every match holds one)."""
    exact = [m.start() for m in patterns().exact_currency.finditer(text, lo, hi)]
    for a, b in stretches(text, currency_literals(), FIGURES_BREAKS, lo, hi, also=exact):
        yield from pattern.finditer(text, a, b)


def find_ranges(text: str, lo: int, hi: int) -> list[FoundAmount]:
    out = []
    for m in _with_unit(patterns().range, text, lo, hi):
        try:
            scale = _unit_scale(m)
            lo_scale = scale_value(m.group("lo_scale")) if m.group("lo_scale") else scale
            low = to_vnd(figure_value(m.group("lo"), lo_scale), lo_scale)
            high = to_vnd(figure_value(m.group("num"), scale), scale)
        except NumberFormatError:
            continue
        if not m.group("lo_scale") and YEAR.fullmatch(m.group("lo")):
            continue
        if not (0 < low < high and high <= 20 * low):
            continue
        if patterns().introducer_before.search(text, max(lo, m.start() - 25), m.start("lo")):
            continue
        unit = clean_unit(m.group("unit"))
        per = m.group("per")
        lo_end = m.end("lo_scale") if m.group("lo_scale") else m.end("lo")
        approx = _qualifier(text, m.start(), lo) or "range"
        out.append(FoundAmount(m.start("lo"), lo_end, text[m.start("lo"):lo_end], low, unit, "range", approx=approx, per=per))
        out.append(FoundAmount(m.start("num"), m.end(), text[m.start("num"):m.end()], high, unit, "range", approx=approx, per=per))
    return out


def find_singles(text: str, lo: int, hi: int, taken: list[Span]) -> list[FoundAmount]:
    out = []
    for m in _with_unit(patterns().single, text, lo, hi):
        if overlaps(m.span(), taken):
            continue
        try:
            scale = _unit_scale(m)
            value = to_vnd(figure_value(m.group("num"), scale), scale)
        except NumberFormatError:
            continue
        if value <= 0:
            continue
        out.append(
            FoundAmount(
                m.start(), m.end(), m.group(0), value, clean_unit(m.group("unit")), "digits",
                approx=_qualifier(text, m.start(), lo), per=m.group("per"),
            )
        )
    return out


_LISTED_FIGURE = re.compile(
    r"(?<![\d.,/\p{L}])(?:(?P<num>\d+(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)[ \t]*(?:,|;|và|hoặc)[ \t]*"
    r"|(?P<num>" + SLASHED_BEFORE + r")/)$"
)


def listed_before(text: str, singles: list[FoundAmount], lo: int, taken: list[Span]) -> list[FoundAmount]:
    """Figures listed before an amount share its unit: '12.500, 11.000 và 9.800 đồng/giờ'
    is three amounts of đồng an hour, '9.037/17.454 tỷ đồng' two of tỷ đồng (never after 'Điều', 'năm' and other number words)."""
    out = []
    for a in singles:
        own = patterns().single.match(a.text)
        if a.kind != "digits" or own is None:
            continue
        unit_text, scale = a.text[own.end("num"):], _unit_scale(own)
        pos, members = a.start, []
        while True:
            m = _LISTED_FIGURE.search(text, max(lo, pos - 30), pos)
            if not m or YEAR.fullmatch(m["num"]) or overlaps(m.span("num"), taken):
                break
            members.append(m)
            pos = m.start("num")
        if not members or patterns().introducer_before.search(text, max(lo, pos - 25), pos):
            continue
        for m in members:
            try:
                value = to_vnd(figure_value(m["num"], scale), scale)
            except NumberFormatError:
                break
            if value > 0:
                out.append(FoundAmount(m.start("num"), m.end("num"), m["num"] + unit_text, value, a.unit, "digits",
                                       approx=a.approx, per=a.per))
    return out


# A table row flattened to one line, its unit cell before its value cell ('1.1. Kế hoạch
# được giao Triệu đồng 17.454.000'): a scale and đồng after a word, a figure ending the line.
_UNIT_CELL_THEN_FIGURE = re.compile(
    r"(?m)(?<=\p{L}[ \t]+)(?P<unit>(?P<scale>[Tt]riệu|[Tt]ỷ|[Nn]ghìn|[Nn]gàn)[ \t]+đồng)[ \t]+"
    r"(?P<num>\d+(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)[ \t]*$"
)


def unit_cell_before(text: str, lo: int, hi: int, taken: list[Span]) -> list[FoundAmount]:
    """Figures ending a flattened table row whose unit cell stands just before them."""
    out = []
    for m in _UNIT_CELL_THEN_FIGURE.finditer(text, lo, hi):
        if overlaps(m.span("num"), taken) or YEAR.fullmatch(m["num"]):
            continue
        try:
            scale = scale_value(m["scale"])
            value = to_vnd(figure_value(m["num"], scale), scale)
        except NumberFormatError:
            continue
        if value > 0:
            out.append(FoundAmount(m.start("num"), m.end("num"), m["num"], value, clean_unit(m["unit"]), "digits"))
    return out


# --- amounts in words --------------------------------------------------------------------------

_WORD = re.compile(r"[^\s,]+")
_SAYS_IN_WORDS = re.compile(r"bằng\s+chữ\s*[:：]?\s*[(\[]?\s*$", re.IGNORECASE)


def amounts_in_words(text: str, lo: int, hi: int) -> list[FoundAmount]:
    voc = vocabulary()
    out = []
    matches = (
        m for a, b in stretches(text, currency_literals(), WORDS_BREAKS, lo, hi) for m in patterns().words.finditer(text, a, b)
    )
    for m in matches:
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
            out.append(FoundAmount(start, end, text[start:end], value, clean_unit(m.group("unit")), "words", words=text[start:end], words_value_vnd=value))
            break
    return out


_OPENING = re.compile(r"\s*[(\[]\s*")
_CLOSING = re.compile(r"\s*[)\]]")


def join_readings(digits: list[FoundAmount], words: list[FoundAmount], text: str) -> list[FoundAmount]:
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
