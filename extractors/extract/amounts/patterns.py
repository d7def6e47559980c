"""Patterns of money amounts, built once from the vocabulary of ``models/vn_numbers.json``.

Ordering rule: in every alternation the longer or more specific form comes first
(``nghìn tỷ`` before ``nghìn``, ``đồng Việt Nam`` before ``đồng``, grouped figures before
plain ones), so that a match never stops inside a longer amount.

Fragments are verbose-mode strings composed with f-strings; ``patterns()`` compiles them
on first use.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex as re

from vanban.extractors.common.prefilter import shortest_literals
from vanban.extractors.extract.amounts.numbers import fold, vocabulary


def _alternation(words, *, flexible_space: bool = True) -> str:
    """Longest first, spaces matching any run of blanks."""
    out = []
    for w in sorted(set(words), key=len, reverse=True):
        esc = re.escape(w)
        if flexible_space:
            esc = esc.replace(r"\ ", r"\s+")
        out.append(esc)
    return "|".join(out)


# A blank that may wrap to the next line (hard-wrapped converter output), but not cross
# a blank line.
SP = r"[ \t]*(?:\n[ \t]*)?"
SP1 = r"(?:[ \t]+(?:\n[ \t]*)?|[ \t]*\n[ \t]*)"
# Between a figure and its unit: a line break only before a lower-case unit ('28.611\ntỷ
# đồng'); a row number above 'ĐỒNG NAI' or 'Đồng Tháp' in a flattened table is no amount.
SP_UNIT = r"(?:[ \t]*\n[ \t]*(?-i:(?=\p{Ll}))|[ \t]*)"

# --- figures in digits ------------------------------------------------------------------------


def figure(name: str) -> str:
    return rf"""
    (?P<{name}>
        \d+(?:\.\d{{3}})+(?:,\d+)?          # 1.473.139 / 1.260,500 / 1500.000,0 (Vietnamese grouping)
      | \d{{1,3}}(?:,\d{{3}}){{2,}}(?:\.\d+)?  # 1,473,139 (English grouping, two groups or more)
      | \d+\.\d{{1,2}}(?=\s*(?:{_scale_words()}))  # 2.5 tỷ (decimal point, before a scale word only)
      | \d+(?:,\d+)?                       # 1500 / 1,5
    )"""


# A grouped or decimal figure before a slash shares the next one's unit ('9.037/17.454 tỷ
# đồng': done out of planned); plain digits before a slash are a date or a code ('10/12').
SLASHED_BEFORE = r"(?:\d+(?:\.\d{3})+(?:,\d+)?|\d+,\d+)"
# Not inside a longer figure, a code or a date: no digit, separator or slash just before;
# nor after a digit and a space ('1 66,9 nghìn tỷ': digits a converter split apart).
FIGURE_LEFT = r"(?:(?<![\d.,/\p{L}])|(?<=(?<![\d.,/\p{L}])" + SLASHED_BEFORE + r"/))(?<!\d[.,]?[ ])"
# Nor continued by more digits or a decimal part the pattern did not take.
FIGURE_RIGHT = r"(?![\d]|[.,]\d)"


@cache
def _scale_words() -> str:
    voc = vocabulary()
    scales = list(voc.scale_words)
    compound = [f"{a} {b}" for a in scales for b in scales if voc.scale_words[a] < voc.scale_words[b]]
    return _alternation(compound + scales)


@cache
def _scale_abbreviations() -> str:
    return _alternation(vocabulary().scale_abbreviations, flexible_space=False)


@cache
def _not_money_after_dong() -> str:
    return _alternation(vocabulary().not_money_after_dong)


@cache
def _currency(*, words_only: bool = False) -> str:
    """Currency words; ``đ`` alone only in lower case and never before a letter or ')'."""
    voc = vocabulary()
    plain = [w for w, e in voc.currency_words.items() if not e.get("case_sensitive")]
    blocked = _not_money_after_dong()
    alts = []
    for w in sorted(plain, key=len, reverse=True):
        esc = re.escape(w).replace(r"\ ", r"\s+")
        guard = rf"(?!\s+(?:{blocked})(?!\p{{L}}))" if fold(w) == "đồng" else ""
        alts.append(rf"{esc}(?!\p{{L}}){guard}")
    if not words_only:
        alts.append(_exact_currency())
    return "|".join(alts)


@cache
def _exact_currency() -> str:
    """The currency words matched in their case only (``đ``), never before a letter or ')'."""
    exact = [w for w, e in vocabulary().currency_words.items() if e.get("case_sensitive")]
    # not 'đ/c' (đồng chí) nor 'đ/v' (đối với)
    return "|".join(rf"(?-i:{re.escape(w)})(?![\p{{L}}\p{{N}})])(?!/[cCvV](?!\p{{L}}))" for w in exact)


@cache
def currency_literals() -> tuple[str, ...]:
    """The first words of the currency words matched in any case, lower case: every amount
    holds one, or a currency word matched in its case only (``exact_currency``)."""
    voc = vocabulary()
    return shortest_literals(w.split()[0] for w, e in voc.currency_words.items() if not e.get("case_sensitive"))


# Characters no amount in words holds (its words, figures in brackets, currency and suffix
# words are letters, digits, blanks, ',' and brackets): it lies between two of them.
WORDS_BREAKS = ".;:!?"
# Nor does a figure with a unit or a range hold these (its figures, scale, currency and
# rate are letters, digits, blanks, '.,/-–—~²³'), nor do its look-arounds stop at one.
FIGURES_BREAKS = ";:!?(\"“”"


@cache
def _unit() -> str:
    """Scale and currency after a figure: ``triệu đồng``, ``tỷ đồng``, ``trđ``, ``tr.đ``, ``đ``."""
    return rf"""
    (?P<unit>
        (?P<scale>{_scale_words()})(?!\p{{L}}){SP1}(?:{_currency()})
      | (?P<abbr>{_scale_abbreviations()})\.?[ ]?(?:{_currency()})
      | (?:{_currency()})
    )"""


@cache
def _per() -> str:
    # '/tháng', '/người/tháng', '/xã', '/ha/năm': a rate, not a sum
    return r"(?P<per>(?:[ ]?/[ ]?(?:\d+[ ]?)?\p{L}[\p{L}\d²³]*)+)?"


@cache
def _qualifier() -> str:
    return _alternation(vocabulary().approximate_qualifiers)


@cache
def _number_words() -> str:
    voc = vocabulary()
    return _alternation(list(voc.number_words) + list(voc.scale_words))


@dataclass(frozen=True)
class AmountPatterns:
    single: re.Pattern
    range: re.Pattern
    words: re.Pattern
    words_gap: re.Pattern
    qualifier_before: re.Pattern
    unit_header: re.Pattern
    column_unit: re.Pattern
    table_figure: re.Pattern
    trailing_figures: re.Pattern
    introducer_before: re.Pattern
    exact_currency: re.Pattern
    total_row: re.Pattern
    table_end: re.Pattern
    quantity_header: re.Pattern


@cache
def patterns() -> AmountPatterns:
    flags = re.VERBOSE | re.IGNORECASE
    single = rf"{FIGURE_LEFT}{figure('num')}{FIGURE_RIGHT}{SP_UNIT}{_unit()}{_per()}"
    rng = rf"""
        {FIGURE_LEFT}(?:(?P<from>từ)\s+)?
        {figure('lo')}{FIGURE_RIGHT}
        (?:[ \t]*(?P<lo_scale>{_scale_words()})(?!\p{{L}}))?
        {SP}(?:-|–|—|~|đến|tới|(?(from)lên|(?!))){SP}
        {figure('num')}{FIGURE_RIGHT}{SP_UNIT}{_unit()}{_per()}
    """
    # 'một (01) triệu đồng': a figure in brackets may repeat a number word
    word = rf"(?:{_number_words()})(?!\p{{L}})(?:[ \t]*\(\d{{1,3}}\))?"
    words = rf"""
        (?<!\p{{L}})
        (?P<words>{word}(?:(?:[ \t,]+|[ \t]*\n[ \t]*){word})*)
        [ \t]+(?P<unit>{_currency(words_only=True)})
        (?:[ \t]+(?P<even>{_alternation(vocabulary().suffix_words)})(?!\p{{L}}))?
    """
    # between a figure and its reading: '(', 'Bằng chữ:', 'viết bằng chữ', a line break
    words_gap = r"^[\s.;,]*[(\[]?\s*(?:(?:viết\s+)?bằng\s+chữ\s*[:：]?\s*)?$"
    qualifier_before = rf"(?<!\p{{L}})(?P<q>{_qualifier()})(?:\s+(?:là|đạt|khoảng))?[ \t]*(?:từ[ \t]*)?$"
    money_unit = rf"(?:(?:{_scale_words()})\s*|(?:{_scale_abbreviations()})\.?\s*)?(?:{_currency()})"
    unit_header = rf"""
        (?<!\p{{L}})(?:Đơn\s+vị\s+tính|Đơn\s+vị|ĐVT|Đvt)\s*[:.]?\s*(?P<unit>{money_unit})
    """
    column_unit = rf"\(\s*(?P<unit>{money_unit})\s*\)"
    table_figure = rf"^\s*(?:{figure('num')}|(?P<dash>[-–—]))\s*$"
    trailing_figures = r"""
        ^(?P<label>.*?\p{L}.*?)
        (?P<cells>(?:[ \t]+(?:\d+(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|[-–—])){1,12})\s*$
    """
    introducer_before = rf"(?<!\p{{L}})(?:{_alternation(vocabulary().number_introducers)})\s*[:.]?\s*$"
    total_row = r"^\s*(?:TỔNG\s+CỘNG|TỔNG\s+SỐ|TỔNG|CỘNG|Tổng\s+cộng|Tổng\s+số|Tổng|Cộng)\s*[:.]?\s*(?:\(.*\))?\s*$"
    table_end = r"""
        ^\s*(?:PHỤ\s+LỤC|Phụ\s+lục|BIỂU|Biểu\s+(?:số|\d)|Điều\s+\d|Chương\s+[IVXLC\d]|CHƯƠNG
           |N[ơo]i\s+nh[ậa]n|(?:TM|KT|TL|TUQ)\s*\.|Ghi\s+chú\s*:|\*\s*Ghi\s+chú)
    """
    # a header naming quantities beside money: '(ha)', '(mẫu)', '(đợt/tháng)', 'Số lượng', ...
    quantity_header = rf"""
        \((?!\s*(?:{money_unit})\s*\))\s*(?:%|[\p{{L}}²]+(?:\s*/\s*[\p{{L}}²]+)*)\s*\)
        | (?<!\p{{L}})(?:{_alternation(vocabulary().quantity_column_headers)})(?!\p{{L}})
    """
    return AmountPatterns(
        single=re.compile(single, flags),
        range=re.compile(rng, flags),
        words=re.compile(words, flags),
        words_gap=re.compile(words_gap, re.IGNORECASE),
        qualifier_before=re.compile(qualifier_before, re.IGNORECASE),
        unit_header=re.compile(unit_header, flags),
        column_unit=re.compile(column_unit, flags),
        table_figure=re.compile(table_figure, re.VERBOSE),
        trailing_figures=re.compile(trailing_figures, re.VERBOSE),
        introducer_before=re.compile(introducer_before, re.IGNORECASE),
        exact_currency=re.compile(_exact_currency()),
        total_row=re.compile(total_row),
        table_end=re.compile(table_end, re.VERBOSE),
        quantity_header=re.compile(quantity_header, flags),
    )
