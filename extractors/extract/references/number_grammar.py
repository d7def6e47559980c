"""The grammar of document numbers ("Số, ký hiệu", DESIGN.md) and their parsed form.

The forms read:
- state form ``serial[/year]/SYMBOL``: ``352/KH-UBND``, ``27/2022/NĐ-CP``,
  ``249/KHPH-UBND-MTTQ``, ``2071/MTTQ-BTT`` (công văn: no type code), ``178/CP``,
  ``11554/VPCP-V.I`` (dotted unit code), ``144/2002/QĐ/BTC`` (slash-joined codes),
  ``66.4/2025/NQ-CP`` (dotted serial), ``01/CV-01`` (numeric unit code);
- Party form ``serial-TYPE/ISSUER``: ``04-NQ/TU``, ``21-KH/ĐU``;
- printing slips: leading zeros ``0204/KH-UBND``, spaces ``352 /KH-UBND``,
  ``837 / QĐ - BKH``, ``NĐ -CP``, ``TTr- SNN``, a hyphen at a line end (``QĐ-`` newline
  ``UBND``, ``19-`` newline ``NQ/TW``), dropped hyphens ``59/KHUBND``, dotted blanks ``…05…./2006/ QĐ-UBND``.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from vanban.extractors.common.prefilter import stretches
from vanban.extractors.common.vocabulary import symbol_tables, symbol_type_code

# Patterns used in the functions below, compiled once.
_WHITESPACE = re.compile(r"\s+")
_SYMBOL_SPLIT = re.compile(r"\s*[-–/]\s*")
_SO_PREFIX = re.compile(r"^\s*(?i:số)\s*:?\s*")

__all__ = ["CitationNumber", "find_numbers", "number_re", "parse_number"]

# A serial may carry a sub-number (66.4) and hand-filled dotted blanks around it (…05….).
_BLANK = r"(?:\.*…[.…]*|\.{2,})"
_SERIAL = rf"{_BLANK}?(?P<serial>\d{{1,6}}(?:\.\d{{1,3}})?){_BLANK}?"
_PSERIAL = r"(?P<pserial>\d{1,6}(?:\.\d{1,3})?)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A code: a capital then letters/digits/&; a dotted tail of short capitals (V.I).
# A code has lower-case letters one at a time (TTg, QyĐ); a run of them is a word glued on
# ('NĐ-CPngày'), not part of the code.
_CODE = r"\p{Lu}(?:[\p{Lu}\p{N}&]|\p{Ll}(?!\p{Ll}))*(?:\.\p{Lu}{1,3}\p{N}?(?![\p{L}\p{N}]))*"
# After a spaced separator only an all-capitals code is believed (so "- Sở" is prose).
_CAPS_CODE = r"(?:TTg|CTr|\p{Lu}[\p{Lu}\p{N}&]*)(?![\p{L}\p{N}])"
# A numeric unit code after a hyphen (01/CV-01).
_NUM_CODE = r"\p{N}{1,3}(?![\p{L}\p{N}/])"
# An en dash typed for the hyphen inside a symbol (KH–UBND) is read as the hyphen.
_TIGHT_SEP = r"[-–/]"
_SPACED_SEP = r"(?:[ \t]+[-/][ \t]*|[-/](?:[ \t]+|[ \t]*\n[ \t]*))"
# A stray space after '&' (BTNMT& BTC) is a slip inside one code.
_SYMBOL_TAIL = rf"(?:{_TIGHT_SEP}(?:{_CODE}|{_NUM_CODE})|{_SPACED_SEP}{_CAPS_CODE}|(?<=&)[ \t]+{_CAPS_CODE})"
_SYMBOL = rf"{_CODE}{_SYMBOL_TAIL}*"
_SLASH = r"[ \t]*/[ \t]*"

# The Party form's hyphen may end a line ('Nghị quyết số 19-' newline 'NQ/TW').
_PARTY_NUMBER = rf"{_PSERIAL}[ \t]*[-–][ \t]*(?:\n[ \t]*)?(?P<ptype>{_CODE}){_SLASH}(?P<psymbol>{_SYMBOL})"
_STATE_NUMBER = rf"(?:{_SERIAL}[ \t]*)?/[ \t]*(?:{_YEAR}{_SLASH})?(?P<symbol>{_SYMBOL})"

# Table cells glued by a converter: a date's year runs into the next number ('03/4/202415/KH-UBND').
# A technical standard's year and body ('QCVN 50: 2013/BTNMT') is no document number.
_STANDARD_BEFORE = r"(?<!(?:QCVN|TCVN|QCĐP)[ \t]+[\d.\-]+[ \t]*:[ \t]*)"
_NUMBER = rf"""
    {_STANDARD_BEFORE}
    (?:(?<![\p{{L}}\p{{N}}/\-–.])|(?<=(?<!\d)\d{{1,2}}[/.\-]\d{{1,2}}[/.\-](?:19|20)\d\d))
    (?: (?P<party>{_PARTY_NUMBER}) | (?P<state>{_STATE_NUMBER}) )
    (?![\p{{Lu}}\p{{N}}]|\p{{Ll}}(?!\p{{Ll}}))
"""


@lru_cache(maxsize=1)
def number_re() -> re.Pattern:
    """A document number anywhere in text (blank serials included)."""
    return re.compile(_NUMBER, re.VERBOSE)


@dataclass(frozen=True)
class CitationNumber:
    """A document number as printed and parsed."""

    text: str
    """as printed, spaces and line breaks included"""
    span: tuple[int, int]
    serial: str | None
    """``352``; leading zeros kept; None where the number is left blank"""
    year: int | None
    symbol: str
    """the part after the serial (and year), spaces removed: ``KH-UBND``, ``NQ/TU``"""
    type_symbol: str | None
    """the type code inside the symbol as printed (``KHPH``), or None (công văn)"""
    issuer_symbols: tuple[str, ...]
    """codes after the type code: issuer first, then drafting units (``UBND``, ``VX``)"""
    party: bool = False

    @property
    def number(self) -> str:
        """As printed with spaces, line breaks and dotted blanks removed: ``352/KH-UBND``."""
        if self.party:
            return f"{self.serial}-{self.symbol}"
        year = f"/{self.year}" if self.year else ""
        return f"{self.serial or ''}{year}/{self.symbol}"

    @property
    def type_code(self) -> str | None:
        """Type code (OUTPUT.md) read from the symbol, or None: ``KHPH`` -> ``KH``."""
        return symbol_type_code(self.type_symbol, party=self.party)

    @property
    def joint(self) -> bool:
        """Issued jointly (``KHPH``, ``TTLT``, ``NQLT``): every issuer code is an issuer."""
        return bool(self.type_symbol and symbol_tables()["joint_type_codes"].get(self.type_symbol))


def _squeeze(s: str) -> str:
    return _WHITESPACE.sub("", s).replace("–", "-")


def _segments(symbol: str) -> list[str]:
    return [s for s in _SYMBOL_SPLIT.split(symbol.strip()) if s]


def _split_glued(code: str) -> tuple[str, str] | None:
    """``KHUBND`` -> (``KH``, ``UBND``): a type code glued to a known issuer code."""
    tables = symbol_tables()
    issuers = tables["local_issuers"].keys() | tables["national_issuers"].keys()
    for type_symbol in sorted(tables["symbol_type_codes"], key=len, reverse=True):
        rest = code[len(type_symbol):]
        if code.startswith(type_symbol) and rest in issuers:
            return type_symbol, rest
    return None


def _from_match(m: re.Match, offset: int = 0) -> CitationNumber:
    start, end = m.span()
    if m.group("party"):
        return CitationNumber(
            text=m.group(0),
            span=(start + offset, end + offset),
            serial=m.group("pserial"),
            year=None,
            type_symbol=m.group("ptype"),
            symbol=_squeeze(m.group(0)[m.start("ptype") - start:]),
            issuer_symbols=tuple(_segments(m.group("psymbol"))),
            party=True,
        )
    segments = _segments(m.group("symbol"))
    type_symbol = None
    if segments and segments[0] in symbol_tables()["symbol_type_codes"]:
        type_symbol = segments.pop(0)
    elif segments and (glued := _split_glued(segments[0])):
        type_symbol, segments[0] = glued
    year = m.group("year")
    return CitationNumber(
        text=m.group(0),
        span=(start + offset, end + offset),
        serial=m.group("serial"),
        year=int(year) if year else None,
        symbol=_squeeze(m.group("symbol")),
        type_symbol=type_symbol,
        issuer_symbols=tuple(segments),
    )


_SPLIT_TAIL = re.compile(r"[ \t]+(\p{Lu}{1,4})(?![\p{L}\p{N}])")


def _rejoined(m: re.Match, text: str, end: int) -> CitationNumber:
    """A capitals segment broken by a stray space ('QĐ-UB ND') is joined again when the two
    pieces make a known issuer code."""
    found = _from_match(m)
    tail = _SPLIT_TAIL.match(text, m.end(), end)
    if not tail or not found.issuer_symbols or found.party:
        return found
    tables = symbol_tables()
    known = tables["local_issuers"].keys() | tables["national_issuers"].keys()
    if found.issuer_symbols[-1] + tail.group(1) not in known or tail.group(1) in known:
        return found
    whole = number_re().fullmatch(_squeeze(text[m.start():tail.end()]))
    if whole is None:
        return found
    again = _from_match(whole)
    return replace(again, text=text[m.start():tail.end()], span=(m.start(), tail.end()))


# Every number holds a '/' and none of these characters (nor do the look-arounds at its
# ends see past one): a number is looked for only between two of them, around a '/'.
NUMBER_LITERALS = ("/",)
NUMBER_BREAKS = ',;:()!?"“”'


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[CitationNumber]:
    """Every document number in ``text[start:end]`` whose serial is printed."""
    end = len(text) if end is None else end
    out = []
    for a, b in stretches(text, NUMBER_LITERALS, NUMBER_BREAKS, start, end):
        for m in number_re().finditer(text, a, b):
            if m.group("serial") or m.group("pserial"):
                out.append(_rejoined(m, text, end))
    return out


def parse_number(s: str) -> CitationNumber | None:
    """Parse a whole "Số, ký hiệu" (the ``Số:`` label may precede it); blanks allowed."""
    s = _SO_PREFIX.sub("", s).strip()
    m = number_re().fullmatch(s)
    return _from_match(m) if m else None
