"""Vietnamese dates: find them in text and write them as ISO 8601.

Public API:
- ``find_dates(text, start=0, end=None) -> list[DateMatch]``: every date in ``text``.
- ``parse_vn_date(s) -> str | None``: the ISO value of the first date in ``s``.
- ``date_at(text, pos) -> DateMatch | None``: the date that starts exactly at ``pos``
  (after spaces), for extractors that know where a date should be.

Forms understood (value in brackets):
- long form ``ngày 16 tháng 02 năm 2023`` [2023-02-16], any case, with stray spaces
  inside the digits (``tháng 0 6``, ``ngày 1 6``) and dotted blanks (``ngày …25..tháng``);
- blank day or month, as drafts print them: ``ngày   tháng 3 năm 2023`` [2023-03],
  ``ngày … tháng … năm 2023`` [2023];
- numeric ``ngày 09/7/2021``, ``09-7-2021``, ``09.7.2021`` [2021-07-09] (one separator
  throughout; ``/`` may carry spaces around it);
- month and year ``tháng 4/2023``, ``tháng 4-2023``, ``tháng 4 năm 2023`` [2023-04];
- a year ``năm 2023`` [2023].

Impossible dates (``31/02/2023``) are not dates. Years run from 1900 to 2099.

Ordering rule: the alternatives of ``_DATE`` go from the most to the least specific
(long form, numeric, month-year, year), so a long form is never read as its year alone.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache

import regex as re

__all__ = ["DateMatch", "find_dates", "parse_vn_date", "date_at", "iso_date"]


@dataclass(frozen=True)
class DateMatch:
    value: str
    """ISO 8601: ``2023-02-16``, ``2023-03`` (day blank) or ``2023`` (day and month blank)."""
    span: tuple[int, int]
    """[start, end) offsets of the date as printed."""
    text: str
    """the date as printed, ``ngày`` included when present."""

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        return {10: "day", 7: "month"}.get(len(self.value), "year")


# --- fragments -------------------------------------------------------------------------

# Blanks left for the day or month: dots, ellipses, underscores, spaces, and one line
# break where a converter hard-wrapped the line ("ngày 19 tháng 11" newline "năm 2025").
_FILL = r"(?:[ \t.…_]|\n(?![ \t]*\n)){0,24}"
_SP = r"[ \t]*(?:\n[ \t]*)?"
# One or two digits; a converter may split them with one space ("0 6", "1 6").
_DAY = r"(?P<d>[0-3]?[ ]?\d)"
_MONTH = r"(?P<m>[01]?[ ]?\d)"
_YEAR = r"(?P<y>(?:19|20)[ ]?\d[ ]?\d)"
_NGAY = r"(?i:ngày)"
_THANG = r"(?i:tháng)"
_NAM = r"(?i:năm)"

_LONG = rf"""
    {_NGAY} {_FILL} (?:{_DAY})? {_FILL}
    {_THANG} {_FILL} (?:{_MONTH})? {_FILL}
    {_NAM} {_SP} {_YEAR}
"""
# d/m/yyyy: the same separator twice; "/" may be spaced, "-" and "." may not.
_NUMERIC = rf"""
    (?:{_NGAY} [ \t]*(?:\n[ \t]*|[ \t]))?
    (?P<nd>[0-3]?\d)
    (?:
        [ \t]*/[ \t]* (?P<nm>[01]?\d) [ \t]*/[ \t]*
      | (?P<sep>[-.]) (?P<nm2>[01]?\d) (?P=sep)
    )
    (?P<ny>(?:19|20)\d\d)
"""
_MONTH_YEAR = rf"""
    {_THANG} {_SP} (?P<mm>[01]?\d)
    (?: [ \t]*[/-][ \t]* | {_SP}{_NAM}{_SP} )
    (?P<my>(?:19|20)\d\d)
"""
_YEAR_ONLY = rf"{_NAM} [ \t]*(?:\n[ \t]*|[ \t]) (?P<yy>(?:19|20)\d\d)"

# A date never continues a longer number or word: "12/2018/QĐ-TTg" is not a date.
_BEFORE = r"(?<![\p{L}\p{N}/.\-])"
_AFTER = r"(?![\p{N}/]|[-.]\p{N}|\p{L})"

_DATE = rf"""
    {_BEFORE}
    (?:
        (?P<long>{_LONG})
      | (?P<numeric>{_NUMERIC})
      | (?P<month_year>{_MONTH_YEAR})
      | (?P<year_only>{_YEAR_ONLY})
    )
    {_AFTER}
"""


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    return re.compile(_DATE, re.VERBOSE)


# --- values ----------------------------------------------------------------------------


def iso_date(year: int, month: int | None = None, day: int | None = None) -> str | None:
    """ISO text for a (possibly partial) date, or None when it cannot exist."""
    if not 1900 <= year <= 2099:
        return None
    if month is None:
        return f"{year:04d}" if day is None else None
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    if s is None:
        return None
    digits = s.replace(" ", "")
    return int(digits) if digits else None


def _value(m: re.Match) -> str | None:
    if m.group("long"):
        day, month = _int(m.group("d")), _int(m.group("m"))
        if month is None and day is not None:
            return None  # "ngày 5 tháng năm 2023" names no month to put the day in
        return iso_date(_int(m.group("y")), month, day)  # type: ignore[arg-type]
    if m.group("numeric"):
        month = m.group("nm") or m.group("nm2")
        return iso_date(int(m.group("ny")), int(month), int(m.group("nd")))
    if m.group("month_year"):
        return iso_date(int(m.group("my")), int(m.group("mm")))
    return iso_date(int(m.group("yy")))


def _to_match(m: re.Match) -> DateMatch | None:
    value = _value(m)
    if value is None:
        return None
    return DateMatch(value=value, span=(m.start(), m.end()), text=m.group(0))


# --- API -------------------------------------------------------------------------------

_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date in ``text[start:end]``, in order; spans index ``text``."""
    end = len(text) if end is None else end
    out = []
    if not _YEAR_DIGITS.search(text, start, end):  # every form ends in a year of digits
        return out
    for m in _date_re().finditer(text, start, end):
        dm = _to_match(m)
        if dm is not None:
            out.append(dm)
    return out


def parse_vn_date(s: str) -> str | None:
    """ISO value of the first date in ``s``: 'ngày 09/7/2021' -> '2021-07-09'."""
    found = find_dates(s)
    return found[0].value if found else None


def date_at(text: str, pos: int, end: int | None = None) -> DateMatch | None:
    """The date beginning at ``pos`` (spaces skipped), or None."""
    end = len(text) if end is None else end
    while pos < end and text[pos] in " \t":
        pos += 1
    m = _date_re().match(text, pos, end)
    return _to_match(m) if m else None
