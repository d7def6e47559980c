"""Header fields of a text with no header, as web pages save documents: the text starts at
``Kính gửi`` or at the body, a site's metadata table may survive, an appendix caption
names the document, the body names its issuer ('<body> ban hành …'), a closing
``Nguồn:`` line names its source.

``fill_headerless`` only fills fields the header left empty.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

import regex as re

from vanban.extractors.extract.doc_types import code_for
from vanban.extractors.extract.names import name_case
from vanban.extractors.segment.patterns import ATTACHED_CAPTION, METADATA_FIELD

if TYPE_CHECKING:
    from vanban.extractors.extract.header import Header
    from vanban.extractors.segment.parts import Segments

# '<body> ban hành …' in running text: the body is a head word and its capitalised name.
BODY_ENACTS = re.compile(
    r"(?<![\p{L}])(?P<body>(?i:ủy\s+ban\s+nhân\s+dân|uỷ\s+ban\s+nhân\s+dân|hội\s+đồng\s+nhân\s+dân)"
    r"(?:\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường))?(?:\s+[\p{Lu}][\p{Ll}]*){1,4}"
    r"|(?:Sở|Bộ)(?:\s+[\p{Lu}][\p{Ll}]*)(?:\s+(?:[\p{Lu}][\p{Ll}]*|và|tỉnh|thành\s+phố|huyện|\p{Ll}+)){0,6}?)"
    r"\s+(?:đã\s+)?ban\s+hành\b"
)
SOURCE_LINE = re.compile(r"^\s*Nguồn\s*:\s*(?P<src>[^\n]{3,100}?)\s*\.?\s*$", re.IGNORECASE)
_URLISH = re.compile(r"https?:|www\.|\.(?:vn|com|net|org)\b", re.IGNORECASE)


def _metadata(segs: Segments) -> dict[str, str]:
    """'Số hiệu: …', 'Loại văn bản: …', 'Ngày ban hành: …' lines near the top."""
    found: dict[str, str] = {}
    for ln in segs.lines[:60]:
        m = METADATA_FIELD.match(ln.text)
        if m:
            key = " ".join(m["key"].lower().split())
            found.setdefault(key.split()[0] if key.startswith(("số", "loại", "ngày")) else "cơ", m["value"])
    return found


def _date(text: str) -> str | None:
    from vanban.extractors.extract.dates import find_dates

    m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text.strip())
    if m and 1 <= int(m[2]) <= 12 and 1 <= int(m[1]) <= 31:
        return f"{m[3]}-{int(m[2]):02d}-{int(m[1]):02d}"
    found = find_dates(text, 0, len(text))
    return found[0].value if found else None


def fill_headerless(text: str, segs: Segments, head: Header, clean_number: Callable[[str], str | None]) -> None:
    """Fill the fields ``head`` left empty; ``clean_number`` reads a printed number as the header does."""
    if head.number is None:
        meta = _metadata(segs)
        if meta.get("số"):
            head.number = clean_number(meta["số"])
            head.doc_type = code_for(meta.get("loại", "")) or head.doc_type
            head.issued_date = head.issued_date or (_date(meta["ngày"]) if meta.get("ngày") else None)
            head.issuer = head.issuer or (name_case(meta["cơ"]) if meta.get("cơ") else None)
    if head.number is None and segs.header is None:
        m = ATTACHED_CAPTION.search(text)
        if m and clean_number(m["num"]):
            head.number = clean_number(m["num"])
            head.doc_type = head.doc_type or code_for(m["word"])
            head.issued_date = head.issued_date or _date(text[m.end():m.end() + 60].split(")")[0])
    if head.doc_type is None and segs.recipients and (head.signer.get("name") or head.signer.get("authority")):
        head.doc_type = "CV"  # a letter to named addressees, signed: a công văn
    if head.issuer is None and segs.header is None:
        head.issuer = _issuer_from_body(text, segs) or _issuer_from_source(segs)


def _issuer_from_body(text: str, segs: Segments) -> str | None:
    m = BODY_ENACTS.search(text, segs.body[0], min(len(text), segs.body[0] + 3000))
    return name_case(" ".join(m["body"].split())) if m else None


def _issuer_from_source(segs: Segments) -> str | None:
    filled = [ln for ln in segs.lines if ln.stripped][-8:]
    for ln in reversed(filled):
        m = SOURCE_LINE.match(ln.text)
        if m and not _URLISH.search(m["src"]):
            return m["src"].strip()
    return None
