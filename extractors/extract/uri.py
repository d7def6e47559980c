"""A document's number as an identity, and its URI.

A cited number is not unique (every province's UBND issues a ``352/KH-UBND``), so a
document's identity is (jurisdiction, issuing body, type, number, year), written as a
readable URI in the style of ELI:

    vn/nghe-an/ubnd/kh/2023/352        a Nghệ An plan
    vn/cp/nd/2022/27                   a national decree: unique by number and year
    vn/_/ubnd/kh/2023/201              a citation whose jurisdiction is unknown

``_`` stands for a part the text does not give (jurisdiction or year). Documents with no
number (news, drafts ``Số: /UBND-VXNV``) end in ``h<first 10 hex of the content hash>``.

Everything here is a pure function of strings.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import regex as re

from vanban.extractors.common.doc_numbers import clean_printed_number, number_key
from vanban.extractors.common.folding import fold_same_length
from vanban.extractors.common.vocabulary import symbol_type_code

UNKNOWN = "_"
NATIONAL = "vn"

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
_PARTY_FORM = re.compile(r"^\d*-")
_SYMBOL_SEPARATOR = re.compile(r"[-/]")
_YEAR_FIRST = re.compile(r"^\d{4}")
_NUMBER = re.compile(r"^(?P<num>\d+)?(?:/(?P<year>(?:19|20)\d\d)(?=/))?")


def content_hash(data: bytes | str | Path) -> str:
    """SHA-256 hex of a file's bytes (a path is read: only a regular file, never a FIFO)."""
    if isinstance(data, (str, Path)):
        from vanban.extractors.read.files import open_regular

        h = hashlib.sha256()
        with open_regular(data) as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest()
    return hashlib.sha256(data).hexdigest()


def slug(text: str | None) -> str:
    """'Nghệ An' -> 'nghe-an'; 'MTTQ-BTT' -> 'mttq-btt'."""
    return _NOT_SLUG.sub("-", fold_same_length(text)).strip("-")


def symbol_parts(number: str | None) -> tuple[str | None, list[str]]:
    """(type code, issuer codes) of a number: '352/KH-UBND' -> ('KH', ['UBND'])."""
    if not number:
        return None, []
    body = number.split("/")
    if _PARTY_FORM.match(number):  # Party form 04-NQ/TU: type before the slash
        head = number.split("/")[0]
        t = head.split("-", 1)[1] if "-" in head else None
        return symbol_type_code(t, party=True), body[1:]
    rest = [p for p in body[1:] if p and not p.isdigit()]
    if not rest:
        return None, []
    parts = _SYMBOL_SEPARATOR.split("-".join(rest))
    first = parts[0]
    code = symbol_type_code(first)
    if code and len(parts) > 1:
        return code, parts[1:]
    return None, parts


class NumberParts(NamedTuple):
    num: str | None  # '27' (leading zeros dropped)
    year: int | None  # 2022 for '27/2022/NĐ-CP'
    type_code: str | None  # 'NĐ'
    issuer_codes: tuple[str, ...]  # ('CP',)


@lru_cache(maxsize=1 << 16)
def parse_number(number: str | None) -> NumberParts:
    """'27/2022/NĐ-CP' -> NumberParts(num='27', year=2022, type_code='NĐ', issuer_codes=('CP',))."""
    s = clean_printed_number(number)
    if not s:
        return NumberParts(None, None, None, ())
    m = _NUMBER.match(s)
    type_code, issuers = symbol_parts(s)
    num = m.group("num") if m else None
    return NumberParts(
        num=(num.lstrip("0") or "0") if num else None,
        year=int(m.group("year")) if m and m.group("year") else None,
        type_code=type_code,
        issuer_codes=tuple(p for p in issuers if p),
    )


def year_of(number: str | None, date: str | None) -> int | None:
    year = parse_number(number).year
    if year is None and date and _YEAR_FIRST.match(date):
        year = int(date[:4])
    return year


def document_uri(*, number: str | None, doc_type: str | None, jurisdiction: str | None,
                 year: int | None, sha256: str | None = None) -> str:
    """ELI-style URI: 'vn/nghe-an/ubnd/kh/2023/352', 'vn/cp/nd/2022/27'."""
    parts = parse_number(number)
    issuer = slug("-".join(parts.issuer_codes)) or UNKNOWN
    kind = slug(doc_type or parts.type_code) or UNKNOWN
    tail = parts.num if parts.num and number_key(number) else (f"h{sha256[:10]}" if sha256 else UNKNOWN)
    segments = [NATIONAL]
    if jurisdiction != NATIONAL:
        segments.append(jurisdiction or UNKNOWN)
    segments += [issuer, kind, str(year) if year else UNKNOWN, tail]
    return "/".join(segments)
