"""The one table of Vietnamese document type words and their codes.

Codes follow Nghị định 30/2020/NĐ-CP, Phụ lục III, and the legal-document types (see
../shared/spec/OUTPUT.md). ``TYPE_WORDS`` is ordered longest first, so that a matcher
built from it in order prefers "Thông tư liên tịch" to "Thông tư" and "Kế hoạch phối
hợp" to "Kế hoạch". Every entry is tested in tests/test_doc_types.py.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

# type word (as written in running text) -> code
TYPE_WORDS: dict[str, str] = {
    "Thông tư liên tịch": "TTLT",
    "Nghị quyết liên tịch": "NQ",
    "Kế hoạch phối hợp": "KH",
    "Chương trình phối hợp": "CTr",
    "Chương trình hành động": "CTr",
    "Thông báo kết luận": "TB",
    "Quyết định": "QĐ",
    "Nghị quyết": "NQ",
    "Nghị định": "NĐ",
    "Thông tư": "TT",
    "Chỉ thị": "CT",
    "Quy chế": "QC",
    "Quy định": "QyĐ",
    "Thông báo": "TB",
    "Hướng dẫn": "HD",
    "Chương trình": "CTr",
    "Kế hoạch": "KH",
    "Phương án": "PA",
    "Đề án": "ĐA",
    "Dự án": "DA",
    "Báo cáo": "BC",
    "Biên bản": "BB",
    "Tờ trình": "TTr",
    "Hợp đồng": "HĐ",
    "Công điện": "CĐ",
    "Giấy mời": "GM",
    "Kết luận": "KL",
    "Pháp lệnh": "PL",
    "Luật": "LUAT",
    "Thông tri": "TTri",
    "Công văn": "CV",
    "Văn bản": "CV",
}

# Symbols of national issuers (the part after the type code): unique by number and year.
NATIONAL_ISSUERS: dict[str, str] = {
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CTN": "Chủ tịch nước",
    "VPCP": "Văn phòng Chính phủ",
    "TW": "Ban Chấp hành Trung ương Đảng",
}


def _fold_case(s: str) -> str:
    return s.casefold()


@lru_cache(maxsize=1)
def type_word_regex() -> re.Pattern:
    """Matches any type word (case-insensitive, old/new tone placement of 'hoá/hóa' not needed here)."""
    alternatives = sorted(TYPE_WORDS, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in alternatives)
    return re.compile(rf"(?<![\p{{L}}])(?:{body})(?![\p{{L}}])", re.IGNORECASE)


@lru_cache(maxsize=None)
def _lookup() -> dict[str, str]:
    return {_fold_case(w): c for w, c in TYPE_WORDS.items()}


def code_for(word: str) -> str | None:
    """Type code for a type word as printed (any case, any spacing): 'KẾ HOẠCH' -> 'KH'."""
    return _lookup().get(_fold_case(" ".join(word.split())))


def match_type_word(text: str) -> tuple[str, str] | None:
    """The type word at the very start of ``text`` (after spaces) and its code."""
    m = type_word_regex().match(text.lstrip())
    if not m:
        return None
    return m.group(0), code_for(m.group(0))  # type: ignore[return-value]
