"""Header fields: genre, type, number, date, place, issuer, subject, recipients,
distribution, signer, and the jurisdiction the issuer belongs to.

Works on the line roles that ``segment`` assigned; each field has a small function.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from vanban.extractors.extract import jurisdiction as jurisdictions
from vanban.extractors.extract.jurisdiction import JURISDICTION_IN_LINE, JURISDICTION_ONLY, Jurisdiction
from vanban.extractors.extract.uri import symbol_parts
from vanban.extractors.extract.doc_types import code_for
from vanban.extractors.extract.headerless import fill_headerless
from vanban.extractors.extract.names import expand_abbreviations, name_case, proper_name
from vanban.extractors.extract.signature import NAME, parse_signature_block, signature
from vanban.extractors.segment.parts import (
    POSITION_LINE,
    DATETIME_LINE,
    END_MARK,
    NUMBER_LINE,
    PLACE_DATE,
    SOURCE_TAG,
    TYPE_LINE_ANYCASE,
    VV_LINE,
    Segments,
    is_caps_line,
)
from vanban.extractors.segment.body import SIGNATURE_LINE, signature_line
from vanban.extractors.segment.patterns import PARAGRAPH_OPENER, split_number_place

# Patterns used in the functions below, compiled once.
_LONG_DASH = re.compile(r"[–—]")
_WHITESPACE = re.compile(r"\s+")
_LEADING_DOTS = re.compile(r"^[._…]+")
_DOTS_BEFORE_SLASH = re.compile(r"(?<=\d)[._…]+(?=/)")
_LEADING_DOTS_SLASH = re.compile(r"^[._…]+(?=/)")
_NUMBER_CHARS = re.compile(r"^[\w/\-.&]+(?:\([\w\-.]+\))?")
_ANY_LETTER = re.compile(r"\p{L}")
_OCR_JUNK = re.compile(r"[^\d\s.…_]")
# A serial as printed: digits (66.4, 12a), none (a number left blank), a Party serial with its type (04-NQ).
_SERIAL = re.compile(r"|\d+(?:\.\d+)?[a-zđ]?|\d+-\S+")
_SLASH_OR_DASH = re.compile(r"[/\-]")
_NON_DIGIT = re.compile(r"\D")
_ITEM_SPLIT = re.compile(r"(?:^|(?<=[;.)]))\s*[-+•*]\s+")
_ITEM_BULLET = re.compile(r"^[-+•*]\s*")
_ITEM_TRAIL = re.compile(r"[\s;,.:]+$")
_SEMICOLON_NOTE = re.compile(r"\s*;\s*(?=\()")
_NOTE_AFTER_ITEM = re.compile(r";[ \t]+\p{Lu}[^;]*$")
_NO_WORD = re.compile(r"[\W_]+")

__all__ = [
    "Header", "clean_number", "compose_issuer", "expand_abbreviations", "extract_header", "name_case",
    "parse_signature_block", "parse_vn_date", "proper_name", "split_items", "symbol_parts",
]

# --- vocabulary ------------------------------------------------------------------------------

# A sub-body that only makes sense with its parent ("Ban Thường trực" of which Ủy ban?).
GENERIC_SUBBODIES = (
    "BAN THƯỜNG TRỰC", "THƯỜNG TRỰC", "BAN THƯỜNG VỤ", "BAN CHẤP HÀNH", "ĐOÀN CHỦ TỊCH",
    "BAN CHỈ ĐẠO", "BAN TỔ CHỨC", "BAN TUYÊN GIÁO", "BAN DÂN VẬN", "VĂN PHÒNG", "THƯỜNG TRỰC HĐND",
)

# --- small helpers -------------------------------------------------------------------------------


def clean_number(raw: str) -> str | None:
    """'352 /KH-UBND' -> '352/KH-UBND'; '…05…./2006/ QĐ-UBND' -> '05/2006/QĐ-UBND'."""
    s = raw.strip()
    s = _LONG_DASH.sub("-", s)
    s = _WHITESPACE.sub("", s)
    s = _LEADING_DOTS.sub("", s)
    s = _DOTS_BEFORE_SLASH.sub("", s)
    s = _LEADING_DOTS_SLASH.sub("", s)
    s = s.rstrip(".,;:")
    m = _NUMBER_CHARS.match(s)
    s = m.group(0) if m else ""
    if not s or not _ANY_LETTER.search(s) or not _SLASH_OR_DASH.search(s):
        return None
    if "/" in s and not _SERIAL.fullmatch(s.split("/", 1)[0]):
        return None  # '4Jl2/', 'đÍẾ/', '5Ø/': the serial's digits lost to OCR
    return s


def parse_vn_date(day: str, month: str, year: str) -> str | None:
    """ISO date from the pieces of 'ngày D tháng M năm Y'; blank pieces give 'YYYY-MM' or 'YYYY'."""
    d = _NON_DIGIT.sub("", day or "")
    m = _NON_DIGIT.sub("", month or "")
    y = _NON_DIGIT.sub("", year or "")
    if len(y) != 4:
        return None
    if not m or not 1 <= int(m) <= 12:
        return y
    if not d or not 1 <= int(d) <= 31:
        return f"{y}-{int(m):02d}"
    return f"{y}-{int(m):02d}-{int(d):02d}"


def split_items(block: str, label: re.Pattern) -> list[str]:
    """Items of a 'Kính gửi' or 'Nơi nhận' block, one per addressee."""
    text = label.sub("", block, count=1)
    lines = [ln.strip() for ln in text.split("\n")]
    items: list[str] = []
    # in a list whose items carry dashes, a line without one continues the item above
    dashed = sum(bool(_ITEM_BULLET.match(ln)) for ln in lines) >= 2
    last_dashed = False
    in_note = False
    for ln in lines:
        if not ln:
            continue
        if label.match(ln):  # 'Đồng kính gửi:' inside the block
            ln = label.sub("", ln, count=1).strip()
            if not ln:
                continue
            items.append(ln)
            continue
        starts_item = bool(_ITEM_BULLET.match(ln))
        if dashed and not starts_item and PARAGRAPH_OPENER.match(ln):
            in_note = True
            continue  # a note printed beside the list ('Để đăng dự thảo'), not an addressee
        if in_note and starts_item:
            ln = _NOTE_AFTER_ITEM.sub(";", ln)  # the note's next line, glued after the item's ';'
        in_note = False
        pieces = _ITEM_SPLIT.split(ln)
        pieces = [p for p in pieces if p.strip()]
        if not pieces:
            continue
        if starts_item or not items or items[-1].rstrip().endswith((";", ".")) and not (dashed and last_dashed):
            items.extend(pieces)
            last_dashed = starts_item
        else:
            items[-1] = items[-1] + " " + pieces[0]
            items.extend(pieces[1:])
    out = []
    for it in items:
        it = _ITEM_BULLET.sub("", it.strip())
        it = _ITEM_TRAIL.sub("", it)
        it = _SEMICOLON_NOTE.sub(" ", it)  # 'Bộ Y tế; (báo cáo)': a note pushed past the ';'
        if it and not _NO_WORD.fullmatch(it):
            out.append(it)
    return out


# --- the header ----------------------------------------------------------------------------------


@dataclass
class Header:
    genre: str = "official"
    doc_type: str | None = None
    number: str | None = None
    issued_date: str | None = None
    place: str | None = None
    issuer: str | None = None
    subject: str | None = None
    recipients: list[str] = field(default_factory=list)
    distribution: list[str] = field(default_factory=list)
    signer: dict = field(default_factory=lambda: {"name": None, "position": None, "authority": None})
    jurisdiction: Jurisdiction = field(default_factory=Jurisdiction)

    def fields(self) -> dict:
        return {
            "genre": self.genre, "doc_type": self.doc_type, "number": self.number,
            "issued_date": self.issued_date, "place": self.place, "issuer": self.issuer,
            "subject": self.subject, "recipients": self.recipients,
            "distribution": self.distribution, "signer": self.signer,
        }


# Words that begin the name of a body: a capitalised header line starting otherwise is the
# wrapped tail of the line above ('ỦY BAN NHÂN' / 'DÂN THÀNH PHỐ HÀ NỘI').
BODY_HEADS = re.compile(
    r"^(?:ỦY\s+BAN|UỶ\s+BAN|UBND|HỘI\s+ĐỒNG|HĐND|SỞ|BỘ|BAN|VĂN\s+PHÒNG|TỔNG\s+CỤC|CHI\s+CỤC|CỤC|VỤ|"
    r"PHÒNG|THUẾ|TỈNH\s+[ỦU]Y|THÀNH\s+[ỦU]Y|HUYỆN\s+[ỦU]Y|ĐẢNG|ĐOÀN|HỘI|MẶT\s+TRẬN|TRƯỜNG|TRUNG\s+TÂM|"
    r"THANH\s+TRA|KHO\s+BẠC|NGÂN\s+HÀNG|CÔNG\s+AN|BỘ\s+CHỈ\s+HUY|TIỂU\s+BAN|CHÍNH\s+PHỦ|THỦ\s+TƯỚNG|"
    r"QUỐC\s+HỘI|CHỦ\s+TỊCH|THƯỜNG\s+TRỰC|LIÊN\s+ĐOÀN|VIỆN|TÒA\s+ÁN|KIỂM\s+TOÁN|ỦY\s+BAN|"
    r"T[ỔỎ]\s+(?:CÔNG\s+TÁC|CHUYÊN\s+GIA|GIÚP\s+VIỆC|THƯ\s+KÝ))\b",
    re.IGNORECASE,
)


# A second body named on the same line as its parent ('BỘ TÀI CHÍNH TỔNG CỤC THUẾ').
INNER_BODY = re.compile(
    r"\s+(?=(?:SỞ|TỔNG\s+CỤC|CHI\s+CỤC|(?<!TỔNG\s)(?<!CHI\s)CỤC|VỤ|VĂN\s+PHÒNG|BAN\s+THƯỜNG\s+TRỰC|BAN\s+CHỈ\s+ĐẠO)\s+\p{Lu})"
)


def merge_wrapped_lines(agency_lines: list[str]) -> list[str]:
    """Join header lines a converter broke in the middle of a name; split lines naming two bodies."""
    out: list[str] = []
    split: list[str] = []
    for ln in agency_lines:
        split.extend(INNER_BODY.split(ln) if is_caps_line(ln) else [ln])
    for ln in split:
        ln = " ".join(ln.split()).strip(" -–")
        if not ln:
            continue
        if out and not BODY_HEADS.match(ln) and not JURISDICTION_ONLY.match(ln):
            out[-1] = f"{out[-1]} {ln}"
        else:
            out.append(ln)
    # 'ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI' may now be one line: fine for composing
    return out


def compose_issuer(agency_lines: list[str], jur: Jurisdiction) -> str | None:
    """Issuing body from the agency lines of the header (parent first, issuing body last)."""
    bodies, jur_text = [], None
    for ln in merge_wrapped_lines(agency_lines):
        ln = " ".join(ln.split()).strip(" -–")
        if not ln:
            continue
        if JURISDICTION_ONLY.match(ln):
            jur_text = ln
            if bodies:
                bodies[-1] = bodies[-1] + " " + ln
            continue
        bodies.append(ln)
    if not bodies:
        return None
    child = bodies[-1]
    if len(bodies) > 1 and any(child.upper().startswith(g) for g in GENERIC_SUBBODIES) and not JURISDICTION_IN_LINE.search(child):
        name = child + " " + bodies[0]
    elif len(bodies) > 1 and not JURISDICTION_IN_LINE.search(child) and (jur_text or JURISDICTION_IN_LINE.search(bodies[0])):
        m = JURISDICTION_IN_LINE.search(bodies[0])
        suffix = jur_text or (m.group(0).strip() if m else "")
        name = f"{child} {suffix}"
    else:
        name = child
    return name_case(expand_abbreviations(name))


def _signature_in_list(line: str, signer: dict) -> bool:
    """A line of the signature block inside a Nơi nhận list (two columns flattened)."""
    return bool(line) and (line == signer.get("name") or signature_line(line) and not SIGNATURE_LINE.match(line)
                           or bool(re.fullmatch(r"\(?\s*(?i:đã\s+ký)\s*\)?", line)))


def _issuer_fallback(segs: Segments, number: str | None, signer: dict, jur: Jurisdiction) -> str | None:
    """Issuer from the signature's 'TM. …' line or the number's symbol, plus the place."""
    body = None
    auth = signer.get("authority") or ""
    m = re.search(r"\bT\.?M\.?\s+(.+?)(?=\s+(?:KT|TL|TUQ|Q)\.|$)", auth)
    if m:
        body = m.group(1)
    else:
        _, codes = symbol_parts(number)
        if codes and codes[0] in ("UBND", "HĐND"):
            body = codes[0]
    if not body:
        return None
    body = expand_abbreviations(body)
    if jur.name and not JURISDICTION_IN_LINE.search(body):
        body = f"{body} {jur.level or ''} {jur.name}".replace("  ", " ")
    return name_case(body)


def _issuer_from_authority(lines: list[str]) -> str | None:
    """'HỘI ĐỒNG NHÂN DÂN TỈNH TIỀN GIANG KHÓA VII - KỲ HỌP THỨ 6' -> 'Hội đồng nhân dân tỉnh Tiền Giang';
    'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH X' -> 'Ủy ban nhân dân tỉnh X'."""
    if not lines:
        return None
    text = " ".join(merge_wrapped_lines(lines))
    text = re.sub(r"(?i)\s+(?:khóa|khoá)\b.*$", "", text)
    text = POSITION_LINE.sub("", text).strip()
    if not text or not BODY_HEADS.match(text):
        return None
    return name_case(expand_abbreviations(text))


def _news(segs: Segments, head: Header) -> None:
    head.genre, head.doc_type = "news", "TIN"
    if segs.headline:
        head.subject = segs.part("headline").strip()
    if segs.dateline:
        m = DATETIME_LINE.match(segs.part("dateline").strip())
        if m:
            head.issued_date = parse_vn_date(m["d"], m["m"], m["y"])
    lines = segs.lines
    start = segs.line_index_at(segs.dateline[1]) + 1 if segs.dateline else 0
    for ln in lines[start:start + 6]:
        m = SOURCE_TAG.match(ln.stripped)
        if m:
            head.issuer = m.group("src").strip()
            break
        if ln.stripped:
            break
    # author: the short name line right after the article's last paragraph
    last = next((i for i in range(len(lines) - 1, start, -1) if END_MARK.search(lines[i].text)), None)
    if last is not None:
        nxt = next((ln.stripped for ln in lines[last + 1:last + 4] if ln.stripped), None)
        if nxt and NAME.match(nxt) and len(nxt.split()) <= 5:
            head.signer["name"] = nxt


ATTACHED_TO = re.compile(r"\(?\s*(?:Ban\s+hành\s+)?kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Thông\s+tư|Nghị\s+định|Chỉ\s+thị)", re.IGNORECASE)


def _parent_date(text: str, segs: Segments) -> str | None:
    """An attached Quy định / Quy chế has no date of its own: it takes the date of the decision
    it is issued with, '(Ban hành kèm theo Quyết định số … ngày … của …)' under its title."""
    title = segs.role_lines("subject") or segs.role_lines("type")
    if not title:
        return None
    start = title[-1].end
    m = ATTACHED_TO.search(text, start, start + 300)
    if not m:
        return None
    from vanban.extractors.extract.dates import find_dates

    found = find_dates(text, m.end(), min(len(text), m.end() + 200))
    return found[0].value if found else None


def extract_header(text: str, segs: Segments) -> Header:
    """The header fields, and the document's jurisdiction with its id."""
    head = _read_header(text, segs)
    head.jurisdiction = jurisdictions.of_document(  # a file that is no document is nobody's: not the places it names
        head.jurisdiction, issuer=head.issuer, place=head.place, text=text if head.genre != "other" else None,
        number=head.number
    )
    return head


def _read_header(text: str, segs: Segments) -> Header:
    head = Header()
    if segs.genre == "news":
        _news(segs, head)
        return head
    if segs.genre == "other":  # no header to read (``segment``)
        head.genre = "other"
    # number
    number_place = None
    for ln in segs.role_lines("number"):
        number_text, with_place = split_number_place(ln.stripped)
        number_place = number_place or with_place
        m = NUMBER_LINE.match(number_text)
        if m:
            head.number = clean_number(m.group("num"))
            if m.group("num").strip().startswith("/") or re.match(r"^\s*/", m.group("num")):
                head.number = clean_number(m.group("num")) or head.number
    # place and date
    place_lines = [ln.stripped for ln in segs.role_lines("place_date")]
    for place_text in [" ".join(place_lines)] if place_lines else [number_place] if number_place else []:
        m = PLACE_DATE.search(place_text)
        if m:
            place = m.group("place").strip()
            head.place = place or None
            # a day OCR could not read is not a day left blank: no date rather than a partial one
            head.issued_date = None if _OCR_JUNK.search(m["d"]) else parse_vn_date(m["d"], m["m"], m["y"])
    # type and subject
    type_lines = segs.role_lines("type")
    subject_parts: list[str] = []
    if type_lines:
        m = TYPE_LINE_ANYCASE.match(type_lines[0].stripped)
        head.doc_type = code_for(m.group("word")) if m else None
        rest = m.group("rest").strip() if m else ""
        if rest and not re.match(r"(?i)^của\b", rest):
            subject_parts.append(rest)
    subject_parts += [ln.stripped for ln in segs.role_lines("subject")]
    vv = segs.role_lines("vv")
    if vv:
        first = VV_LINE.match(vv[0].stripped)
        vv_parts = [first.group("rest") if first else vv[0].stripped] + [ln.stripped for ln in vv[1:]]
        if not subject_parts:
            subject_parts = vv_parts
        if head.doc_type is None:
            head.doc_type = "CV"
    if subject_parts:
        subject = " ".join(" ".join(subject_parts).split())
        head.subject = re.sub(r"^(?:V/[vV]|Về\s+việc)\s*[:.]?\s+(?=\S)", "", subject) if vv else re.sub(r"^V/[vV]\s*[:.]?\s+", "", subject)
        head.subject = head.subject or None
    if head.doc_type == "GM" and (not head.subject or head.subject.endswith(".")):
        # no trích yếu (or a body paragraph read as one): the invitation's 'Nội dung:' item
        from vanban.extractors.extract.invitation import invitation_subject

        head.subject = invitation_subject(segs) or head.subject
    if head.doc_type is None:
        code, _ = symbol_parts(head.number)
        if code:
            head.doc_type = code
        elif head.number:
            head.doc_type = "CV"
        else:
            # a header stripped to its first line: 'Quyết định về việc …'
            first = next((ln for ln in segs.lines if ln.stripped), None)
            m = TYPE_LINE_ANYCASE.match(first.stripped) if first else None
            if m:
                head.doc_type = code_for(m.group("word"))
                if not head.subject and m.group("rest").strip():
                    head.subject = m.group("rest").strip()
    if head.number and re.match(r"^\d*/?\d*/?QH\d*$", head.number.split("/", 1)[-1] if "/" in head.number else "") and head.doc_type in (None, "CV"):
        head.doc_type = "LUAT"
    if head.issued_date is None:
        head.issued_date = _parent_date(text, segs)
    # recipients and distribution
    from vanban.extractors.segment.parts import DISTRIBUTION_START, RECIPIENTS_START

    if segs.recipients:
        head.recipients = split_items(segs.part("recipients"), RECIPIENTS_START)
    head.signer = signature(segs)
    if segs.distribution:
        kept = [ln for ln in segs.part("distribution").split("\n") if not _signature_in_list(ln.strip(), head.signer)]
        head.distribution = split_items("\n".join(kept), DISTRIBUTION_START)
    # issuer and jurisdiction
    agency_lines = merge_wrapped_lines([ln.stripped for ln in segs.role_lines("agency")])
    head.jurisdiction = jurisdictions.printed(agency_lines, head.place)
    head.issuer = (
        compose_issuer(agency_lines, head.jurisdiction)
        or _issuer_from_authority([ln.stripped for ln in segs.role_lines("authority")])
        or _issuer_fallback(segs, head.number, head.signer, head.jurisdiction)
    )
    fill_headerless(text, segs, head, clean_number)
    if head.jurisdiction.name is None and head.issuer:
        head.jurisdiction = jurisdictions.printed([head.issuer.upper()], None)
    return head
