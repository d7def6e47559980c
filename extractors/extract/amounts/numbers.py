"""Vietnamese numbers: figures written in digits and in words, both ways.

The vocabulary (number words, scale words, currency words, funding sources, ...) is the
reviewed data table ``models/vn_numbers.json``, loaded once on first use. This module
holds only the grammar:

- ``parse_figure("1.473.139")`` -> ``Decimal("1473139")``: ``.`` groups thousands and
  ``,`` marks decimals (``1,5``; ``1.260,500``); English grouping ``1,473,139`` and a
  misplaced first group ``1500.000,0`` are read too.
- ``parse_words("hai nghìn sáu trăm mười lăm tỷ")`` -> ``2615000000000``.
- ``number_to_words(n)`` and ``format_figure(d)``: the inverse, as printed in documents.

Values go through ``Decimal``, never ``float``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

import regex as re

from vanban import models
from vanban.extractors.common.folding import collapse_spaces, fold_case

# Patterns used in the functions below, compiled once.
_WORD_SPLIT = re.compile(r"[\s,]+")
_FOOTNOTE_MARK = re.compile(r"\(\d+\)")

DATA_PATH = models.DIR / "vn_numbers.json"


class NumberFormatError(ValueError):
    """A figure or a run of number words that does not read as a number."""


@dataclass(frozen=True)
class Vocabulary:
    number_words: dict[str, dict]
    scale_words: dict[str, int]
    scale_abbreviations: dict[str, int]
    currency_words: dict[str, dict]
    suffix_words: dict[str, dict]
    not_money_after_dong: dict[str, str]
    approximate_qualifiers: dict[str, str]
    number_introducers: dict[str, str]
    quantity_column_headers: dict[str, str]
    funding_sources: dict[str, dict]

    def role(self, word: str) -> str | None:
        entry = self.number_words.get(word)
        return entry["role"] if entry else None

    def value(self, word: str) -> Decimal:
        return Decimal(str(self.number_words[word]["value"]))


@cache
def vocabulary() -> Vocabulary:
    """The data table, read on first use."""
    data = json.loads(DATA_PATH.read_text(encoding="utf-8"))
    return Vocabulary(
        number_words=data["number_words"],
        scale_words={w: int(e["value"]) for w, e in data["scale_words"].items()},
        scale_abbreviations={w: int(e["value"]) for w, e in data["scale_abbreviations"].items()},
        currency_words=data["currency_words"],
        suffix_words=data["suffix_words"],
        not_money_after_dong=data["not_money_after_dong"],
        approximate_qualifiers=data["approximate_qualifiers"],
        number_introducers=data["number_introducers"],
        quantity_column_headers=data["quantity_column_headers"],
        funding_sources=data["funding_sources"],
    )


def fold(word: str) -> str:
    """Lower case, NFC, single spaces: the form of the table's keys."""
    return collapse_spaces(fold_case(word))


# --- figures in digits ----------------------------------------------------------------------

_VN_GROUPED = re.compile(r"\d+(?:\.\d{3})+(?:,\d+)?")  # 1.473.139 / 1.260,500 / 1500.000,0
_EN_GROUPED = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # 1,473,139
_EN_DECIMAL = re.compile(r"\d+\.\d{1,2}")  # 2.5 (before a scale word only)
_PLAIN = re.compile(r"\d+(?:,\d+)?")  # 1500 / 1,5


def parse_figure(text: str) -> Decimal:
    """A figure as printed -> its exact value (no scale applied)."""
    s = text.strip()
    if _VN_GROUPED.fullmatch(s) or _PLAIN.fullmatch(s):
        return Decimal(s.replace(".", "").replace(",", "."))
    if _EN_GROUPED.fullmatch(s):
        return Decimal(s.replace(",", ""))
    if _EN_DECIMAL.fullmatch(s):
        return Decimal(s)
    raise NumberFormatError(f"not a figure: {text!r}")


def format_figure(value: Decimal | int) -> str:
    """``Decimal("1473139")`` -> ``1.473.139``; ``Decimal("1260.5")`` -> ``1.260,5``."""
    d = Decimal(value)
    if d < 0:
        return "-" + format_figure(-d)
    text = format(d.normalize() if d == d.to_integral_value() else d, "f")
    whole, _, frac = text.partition(".")
    whole = whole or "0"
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    frac = frac.rstrip("0")
    return ".".join(groups) + ("," + frac if frac else "")


# --- figures in words -----------------------------------------------------------------------


def _small(tokens: list[str], voc: Vocabulary) -> Decimal:
    """A number below one thousand from its words (``hai trăm linh năm`` -> 205)."""
    if not tokens:
        raise NumberFormatError("no number words")
    total = Decimal(0)
    i, n = 0, len(tokens)
    if n >= 2 and tokens[1] == "trăm" and voc.role(tokens[0]) == "digit":
        total, i = voc.value(tokens[0]) * 100, 2
    elif tokens[0] == "trăm":
        total, i = Decimal(100), 1
    had_hundreds = i > 0
    rest = tokens[i:]
    if not rest:
        return total
    roles = [voc.role(t) for t in rest]
    if roles == ["half"] and had_hundreds:
        return total + 50
    if roles[0] == "zero_tens":
        if len(rest) == 2 and roles[1] == "digit" and rest[1] != "không":
            return total + voc.value(rest[1])
        raise NumberFormatError(f"bad words after {rest[0]!r}: {' '.join(tokens)}")
    if roles[0] == "ten":
        tens, rest, roles = Decimal(10), rest[1:], roles[1:]
    elif len(rest) >= 2 and roles[0] == "digit" and roles[1] == "tens_multiplier" and rest[0] not in ("không", "một"):
        tens, rest, roles = voc.value(rest[0]) * 10, rest[2:], roles[2:]
    elif len(rest) == 1 and roles[0] == "digit":
        # 'hai trăm năm' is read 250 in speech and print; a bare digit is a unit
        return total + voc.value(rest[0]) * (10 if had_hundreds else 1)
    else:
        raise NumberFormatError(f"not a number: {' '.join(tokens)}")
    if not rest:
        return total + tens
    if len(rest) == 1 and roles[0] in ("digit", "unit_after_tens") and rest[0] != "không":
        unit = voc.value(rest[0])
        if rest[0] == "mốt" and tens < 20 or rest[0] == "tư" and tens < 20:
            raise NumberFormatError(f"{rest[0]!r} only follows 'mươi': {' '.join(tokens)}")
        return total + tens + unit
    raise NumberFormatError(f"not a number: {' '.join(tokens)}")


def _words_value(tokens: list[str], voc: Vocabulary) -> Decimal:
    scales = [voc.scale_words[t] for t in tokens if t in voc.scale_words]
    if not scales:
        return _small(tokens, voc)
    top = max(scales)
    at = max(i for i, t in enumerate(tokens) if voc.scale_words.get(t) == top)
    left, right = tokens[:at], tokens[at + 1:]
    if not left:
        raise NumberFormatError(f"a scale word needs a number before it: {' '.join(tokens)}")
    high = _words_value(left, voc) * top
    if right == ["rưỡi"] or right == ["rưởi"]:
        return high + top // 2
    if right and voc.role(right[0]) == "half":
        raise NumberFormatError(f"bad 'rưỡi': {' '.join(tokens)}")
    low = _words_value(right, voc) if right else Decimal(0)
    if low >= top:
        raise NumberFormatError(f"scale words out of order: {' '.join(tokens)}")
    return high + low


def split_words(text: str) -> list[str]:
    """Words of a reading; a figure in brackets repeating a word (``một (01) triệu``) is dropped."""
    return [t for t in _WORD_SPLIT.split(_FOOTNOTE_MARK.sub(" ", fold(text))) if t]


def parse_words(text: str) -> int:
    """Number words -> integer: ``Một tỷ hai trăm triệu`` -> 1200000000.

    A trailing currency word or ``chẵn`` is allowed and ignored.
    """
    voc = vocabulary()
    tokens = split_words(text)
    while tokens and (tokens[-1] in voc.suffix_words or tokens[-1] in ("đồng", "vnđ", "vnd", "việt", "nam")):
        tokens.pop()
    unknown = [t for t in tokens if t not in voc.number_words and t not in voc.scale_words]
    if unknown or not tokens:
        raise NumberFormatError(f"not number words: {text!r}")
    value = _words_value(tokens, voc)
    if value != value.to_integral_value():
        raise NumberFormatError(f"not a whole number: {text!r}")
    return int(value)


# --- integers to words ----------------------------------------------------------------------

_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_GROUP_SCALES = ("", "nghìn", "triệu", "tỷ")


def _triplet_words(n: int, *, leading: bool) -> list[str]:
    h, t, u = n // 100, n // 10 % 10, n % 10
    words: list[str] = []
    if h or not leading:
        words += [_DIGITS[h], "trăm"]
    if t == 0:
        if u:
            words += (["linh"] if words else []) + [_DIGITS[u]]
        return words
    if t == 1:
        words.append("mười")
    else:
        words += [_DIGITS[t], "mươi"]
    if u == 1 and t >= 2:
        words.append("mốt")
    elif u == 5:
        words.append("lăm")
    elif u == 4 and t >= 2:
        words.append("tư")
    elif u:
        words.append(_DIGITS[u])
    return words


def _groups_words(n: int) -> list[str]:
    """Words of ``n`` below 10**12, groups of three digits with nghìn / triệu / tỷ."""
    groups = []
    while n:
        groups.append(n % 1000)
        n //= 1000
    words: list[str] = []
    for idx in range(len(groups) - 1, -1, -1):
        g = groups[idx]
        if not g:
            continue
        words += _triplet_words(g, leading=not words)
        if _GROUP_SCALES[idx]:
            words.append(_GROUP_SCALES[idx])
    return words


def number_to_words(n: int) -> str:
    """``1200000000`` -> ``một tỷ hai trăm triệu`` (the reading printed after 'Bằng chữ')."""
    if n < 0:
        raise NumberFormatError("negative amounts have no reading")
    if n == 0:
        return "không"
    billions, rest = divmod(n, 10**9)
    words: list[str] = []
    if billions:
        words += (_groups_words(billions) if billions < 10**12 else number_to_words(billions).split()) + ["tỷ"]
    if rest:
        words += _inner_words(rest) if billions else _groups_words(rest)
    return " ".join(words)


def _inner_words(n: int) -> list[str]:
    """Words of a group after 'tỷ': it keeps its hundreds (``một tỷ không trăm năm mươi triệu``)."""
    groups = [n // 10**6, n // 1000 % 1000, n % 1000]
    words: list[str] = []
    for g, scale in zip(groups, ("triệu", "nghìn", "")):
        if not g:
            continue
        words += _triplet_words(g, leading=False)
        if scale:
            words.append(scale)
    return words


# --- money values -------------------------------------------------------------------------


def scale_value(word: str | None) -> int:
    """``triệu`` -> 10**6, ``nghìn tỷ`` -> 10**12, ``tr.`` -> 10**6, None -> 1."""
    if not word:
        return 1
    voc = vocabulary()
    value = 1
    for part in split_words(word.replace(".", " ")):
        if part in voc.scale_words:
            value *= voc.scale_words[part]
        elif part in voc.scale_abbreviations:
            value *= voc.scale_abbreviations[part]
        else:
            raise NumberFormatError(f"not a scale word: {word!r}")
    return value


def to_vnd(figure: Decimal, scale: int) -> int:
    """Figure x scale as whole đồng; a fraction of a đồng is rounded half up."""
    try:
        value = (Decimal(figure) * scale).to_integral_value(rounding="ROUND_HALF_UP")
    except InvalidOperation as exc:  # pragma: no cover - Decimal inputs only
        raise NumberFormatError(str(exc)) from exc
    return int(value)


def format_vnd(value_vnd: int, unit: str = "đồng") -> str:
    """``1473139000000, "triệu đồng"`` -> ``1.473.139 triệu đồng`` (exact: decimals as needed)."""
    scale_word = unit.rsplit(" ", 1)[0] if " " in unit and not unit.endswith("Việt Nam") else ""
    scale = scale_value(scale_word) if scale_word else 1
    return f"{format_figure(Decimal(value_vnd) / scale)} {unit}"


@cache
def _funding_pattern() -> tuple[re.Pattern, dict[str, str]]:
    keys = {fold(s): key for key, entry in vocabulary().funding_sources.items() for s in entry["spellings"]}
    alternation = "|".join(re.escape(s) for s in sorted(keys, key=len, reverse=True))
    return re.compile(rf"(?<!\p{{L}})(?:{alternation})(?!\p{{L}})"), keys


def funding_key(label: str | None) -> str | None:
    """The funding source a label names (``Vốn đầu tư phát triển`` -> ``dau_tu_phat_trien``).

    The earliest mention in the label wins; at one position the longest spelling.
    """
    if not label:
        return None
    pattern, keys = _funding_pattern()
    m = pattern.search(fold(label))
    return keys[m.group(0)] if m else None
