"""Casing of the names the header reads: bodies ('ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG' ->
'Ủy ban nhân dân tỉnh Sóc Trăng') and places ('BÀ RỊA - VŨNG TÀU' -> 'Bà Rịa - Vũng Tàu'),
with the abbreviations of issuer names written out.
"""
from __future__ import annotations

import regex as re

from vanban.extractors.common import vocabulary

# Phrases that keep their capitals inside a name.
PROPER_PHRASES = (
    ("mặt trận tổ quốc việt nam", "Mặt trận Tổ quốc Việt Nam"),
    ("ủy ban", "Ủy ban"),
    ("uỷ ban", "Uỷ ban"),
    ("hội đồng", "Hội đồng"),
    ("mặt trận tổ quốc", "Mặt trận Tổ quốc"),
    ("chính phủ", "Chính phủ"),
    ("quốc hội", "Quốc hội"),
    ("trung ương", "Trung ương"),
    ("việt nam", "Việt Nam"),
    ("thủ tướng", "Thủ tướng"),
    ("đảng", "Đảng"),
)


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word else word


def proper_name(s: str) -> str:
    """'SÓC TRĂNG' -> 'Sóc Trăng'; 'BÀ RỊA - VŨNG TÀU' -> 'Bà Rịa - Vũng Tàu'."""
    return " ".join(_cap(w) for w in s.split())


_PLACE_AFTER_LEVEL = re.compile(r"\b(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\s+([\p{L}\s\-]+)$")
_PARTY_COMMITTEE = re.compile(r"^(Tỉnh|Huyện|Thành|Quận|Thị|Xã)\s+(ủy|uỷ)\s+(.+)$")
_HEAD_THEN_FIELD = re.compile(r"^(Sở|Bộ|Ban|Cục|Tổng cục|Vụ|Chi cục|Ủy ban|Uỷ ban)\s+(?!nhân dân)(\p{Ll})")


def name_case(s: str) -> str:
    """Sentence case for a body's name, keeping place names and proper phrases capitalized."""
    words = s.split()
    if not words:
        return s
    out = [_cap(words[0])] + [w.lower() for w in words[1:]]
    text = " ".join(out)
    # place name after a jurisdiction word
    text = _PLACE_AFTER_LEVEL.sub(lambda m: f"{m.group(1)} {proper_name(m.group(2))}", text)
    # a Party committee named after its place: 'Tỉnh ủy Ninh Thuận', 'Huyện ủy Kỳ Sơn'
    text = _PARTY_COMMITTEE.sub(lambda m: f"{m[1]} {m[2]} {proper_name(m[3])}", text)
    low = text.lower()
    for phrase, proper in PROPER_PHRASES:
        idx = low.find(phrase)
        while idx >= 0:
            text = text[:idx] + proper + text[idx + len(phrase):]
            low = text.lower()
            idx = low.find(phrase, idx + len(phrase))
    # a known agency-type head word followed by its field: 'Sở giáo dục' -> 'Sở Giáo dục'
    text = _HEAD_THEN_FIELD.sub(lambda m: f"{m.group(1)} {m.group(2).upper()}", text)
    return text[:1].upper() + text[1:]


def expand_abbreviations(s: str) -> str:
    """The abbreviations of ``models/abbreviations.json`` that apply to header issuers
    written out: 'UBND tỉnh' -> 'Ủy ban nhân dân tỉnh'."""
    return vocabulary.expand_abbreviations(s, "header_issuer")
