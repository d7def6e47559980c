"""Segmentation: the parts of a document as spans of the normalized text.

A document of Nghị định 30/2020 form is: header (issuing body, national motto, number,
place and date, type name and subject or ``V/v``), ``Kính gửi``, legal bases
(``Căn cứ``), an opening (``Thực hiện …``), the body in numbered sections, the signature
and ``Nơi nhận``. Converters put site clutter before the header and the two header
columns in either order; news articles have a headline, a date line and an author.

``segment(text)`` labels lines with their role and returns ``Segments``: spans for each
part, the role of each header line, and the numbered section tree.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

import regex as re

from vanban.schemas import Section

from vanban.extractors.extract.doc_types import TYPE_WORDS

Span = tuple[int, int]

# --- patterns -----------------------------------------------------------------------------
# Header patterns are anchored to a whole line; tolerant of case and of OCR slips in the
# national motto. Longer alternatives come first.

MOTTO = re.compile(
    r"C[ỘOÔ]NG\s+H[ÒOÓÀ][AÀ]?\s+X[ÃA]\s+H[ỘOÔ]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM",
    re.IGNORECASE,
)
SLOGAN = re.compile(r"^\s*Đ\S{1,4}\s+l\S{1,3}p\s*[-–—]\s*T\S{1,3}\s+do\s*[-–—]\s*H\S{1,4}\s+ph\S{1,3}c\s*$", re.IGNORECASE)
NUMBER_LINE = re.compile(
    r"^\s*(?:Luật\s+số|Lệnh\s+số|Pháp\s+lệnh\s+số|Nghị\s+quyết\s+số|Số|SỐ)\s*[:.]?\s*"
    r"(?P<num>[\d.…_ ]*\s*[/\-]\s*[^\n]*?)\s*(?=$|\s+V/[vV]\b)",
    re.IGNORECASE,
)
PLACE_DATE = re.compile(
    r"(?P<place>[\p{Lu}][\p{L}.\-' ]{1,40}?)\s*,\s*ngày\s*(?P<d>[\d\s.…_]{0,12}?)\s*tháng\s*"
    r"(?P<m>[\d\s.…_]{0,8}?)\s*năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
VV_LINE = re.compile(r"^\s*(?:V/[vV]|Về\s+việc)\s*[:.]?\s*(?P<rest>.*)$")
DECORATION = re.compile(r"^\s*[-_=~*.]{2,}\s*$|^\s*-\s*\d\s*-\s*$")
TYPE_LINE = re.compile(
    r"^\s*(?P<word>" + "|".join(sorted((re.escape(w.upper()).replace(r"\ ", r"\s+") for w in TYPE_WORDS), key=len, reverse=True)) + r")"
    r"(?:\s*:)?\s*(?P<rest>.*)$"
)
TYPE_LINE_ANYCASE = re.compile(TYPE_LINE.pattern, re.IGNORECASE)
RECIPIENTS_START = re.compile(r"^\s*(?:(?:Đồng\s+)?K[íi]nh\s+g[ửu]i\s*[:.]?|(?-i:[\p{Lu}][\p{Lu}\s]{3,60})\s+điện\s*:)", re.IGNORECASE)
BASIS_START = re.compile(r"^\s*[-+•]?\s*Căn\s+c[ứu]\b", re.IGNORECASE)
OPENING_START = re.compile(r"^\s*(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành|Thực\s+hiện\s+ý\s+kiến)\b", re.IGNORECASE)
PREAMBLE_LINE = re.compile(r"^\s*(?:Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Xét\s+Tờ\s+trình|Theo\s+Tờ\s+trình|Trên\s+cơ\s+sở)", re.IGNORECASE)
DISTRIBUTION_START = re.compile(r"^\s*N[ơo]i\s+nh[ậa]n\s*[:.]?", re.IGNORECASE)
AUTHORITY = re.compile(r"^\s*(?:(?:T/M|K/T|T\.M\.?|K\.T\.?)\s+\S|(?:TM|KT|TL|TUQ|Q)\s*[.:/](?:\s*\S|\s*$))", re.IGNORECASE)
END_MARK = re.compile(r"\./\.?\s*$|\s/\.\s*$")

# Positions of signers, longest first (a signature line starts with one of them).
POSITIONS = (
    "PHÓ CHỦ TỊCH THƯỜNG TRỰC", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "PHÓ BÍ THƯ THƯỜNG TRỰC",
    "PHÓ CHÁNH VĂN PHÒNG", "CHÁNH VĂN PHÒNG", "PHÓ TỔNG CỤC TRƯỞNG", "TỔNG CỤC TRƯỞNG",
    "PHÓ TỔNG GIÁM ĐỐC", "TỔNG GIÁM ĐỐC", "PHÓ CHÁNH THANH TRA", "CHÁNH THANH TRA",
    "PHÓ TRƯỞNG TIỂU BAN", "TRƯỞNG TIỂU BAN", "PHÓ TRƯỞNG PHÒNG", "TRƯỞNG PHÒNG",
    "PHÓ CHỦ TỊCH QUỐC HỘI", "CHỦ TỊCH QUỐC HỘI",
    "PHÓ CHỦ NHIỆM", "CHỦ NHIỆM", "PHÓ THỦ TƯỚNG", "THỦ TƯỚNG", "PHÓ CHỦ TỊCH", "CHỦ TỊCH NƯỚC",
    "CHỦ TỊCH", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "PHÓ GIÁM ĐỐC", "GIÁM ĐỐC", "PHÓ TRƯỞNG BAN",
    "TRƯỞNG BAN", "PHÓ BÍ THƯ", "TỔNG BÍ THƯ", "BÍ THƯ", "PHÓ CỤC TRƯỞNG", "CỤC TRƯỞNG",
    "PHÓ VỤ TRƯỞNG", "VỤ TRƯỞNG", "CHI CỤC TRƯỞNG", "CHÁNH ÁN", "VIỆN TRƯỞNG", "HIỆU TRƯỞNG",
    "TRƯỞNG ĐOÀN", "TỔNG KIỂM TOÁN", "PHÓ TỔNG THƯ KÝ", "TỔNG THƯ KÝ", "ỦY VIÊN", "UỶ VIÊN",
    "THƯ KÝ", "CHỦ TỌA",
)
POSITION_LINE = re.compile(r"^\s*(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in POSITIONS) + r")\b")

ROMAN = re.compile(r"^\s*(?:PHẦN\s+|Phần\s+)?(?P<n>[IVXLC]{1,6})\s*[.\-/)]\s+(?=\S)")
MULTI = re.compile(r"^\s*(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")
ARABIC = re.compile(r"^\s*(?P<n>\d{1,2})\s*[.)/]\s+(?=\S)")
LETTER = re.compile(r"^\s*(?P<n>[a-zđ])\s*[)]\s+(?=\S)")
ARTICLE = re.compile(r"^\s*Điều\s+(?P<n>\d{1,3})\s*[.:]?\s*(?=\S|$)")
CHAPTER = re.compile(r"^\s*(?:Chương|CHƯƠNG)\s+(?P<n>[IVXLC]+|\d+)\b")
APPENDIX = re.compile(r"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:SỐ\s+|số\s+)?(?P<n>[IVXLC]+|\d+[a-z]?))?\s*[:.]?\s*$|^\s*(?:PHỤ\s+LỤC|Phụ\s+lục)\s+(?P<n2>[IVXLC]+|\d+)\b")

DATETIME_LINE = re.compile(
    r"^\s*(?:(?:Thứ\s+\p{L}+|Chủ\s+nhật|Cập\s+nhật|Ngày\s+đăng|Đăng\s+ngày)[:,]?\s*(?:ngày\s+)?)?"
    r"(?P<d>\d{1,2})[/\-.](?P<m>\d{1,2})[/\-.](?P<y>\d{4})(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?\s*(?:\(?GMT[+\d:]*\)?|AM|PM)?)?\s*$",
    re.IGNORECASE,
)
SOURCE_TAG = re.compile(r"^\s*\((?P<src>[\p{L}\d.\- ]{2,40})\)\s*[-–—:]")


STRIPPED_TITLE = re.compile(TYPE_LINE.pattern.replace("(?P<rest>.*)$", r"(?P<rest>(?:về|V/v|ban\s+hành|phê\s+duyệt|quy\s+định)\b.*)$"), re.IGNORECASE)
AUTHORITY_BODY = re.compile(
    r"^(?:(?:CHỦ\s+TỊCH|BỘ\s+TRƯỞNG|THỦ\s+TƯỚNG|GIÁM\s+ĐỐC)\s+)?(?:Ủy\s+ban|Uỷ\s+ban|Hội\s+đồng|Bộ|Sở|Thủ\s+tướng|Chính\s+phủ|Ban)\b",
    re.IGNORECASE,
)


def is_caps_line(line: str, threshold: float = 0.85) -> bool:
    letters = [c for c in line if c.isalpha()]
    if len(letters) < 2:
        return False
    return sum(c.isupper() for c in letters) / len(letters) >= threshold


# --- data ------------------------------------------------------------------------------


@dataclass
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass
class SectionNode:
    path: str
    numbered_path: str
    title: str
    level: int
    start: int
    end: int


@dataclass
class Segments:
    text: str
    lines: list[Line]
    genre: str = "official"
    header: Span | None = None
    header_roles: dict[int, str] = field(default_factory=dict)  # line index -> role
    recipients: Span | None = None
    bases: Span | None = None
    opening: Span | None = None
    body: Span = (0, 0)
    signature: Span | None = None
    distribution: Span | None = None
    sections: list[SectionNode] = field(default_factory=list)
    # news
    headline: Span | None = None
    dateline: Span | None = None
    author: Span | None = None
    _starts: list[int] | None = field(default=None, repr=False)

    def part(self, name: str) -> str:
        span = getattr(self, name)
        return self.text[span[0]:span[1]] if span else ""

    def role_lines(self, role: str) -> list[Line]:
        return [self.lines[i] for i, r in sorted(self.header_roles.items()) if r == role]

    def section_at(self, offset: int) -> SectionNode | None:
        """The innermost section containing ``offset``.

        Sections are sorted by start and nest, so the innermost one is the latest-starting
        section at or before ``offset`` that has not ended yet.
        """
        if self._starts is None:
            self._starts = [s.start for s in self.sections]
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            if self.sections[i].end > offset:
                return self.sections[i]
            i -= 1
        return None

    def path_at(self, offset: int, *, numbered_only: bool = True) -> str | None:
        """Section path at ``offset``: 'III.5.1' (letter levels left out unless asked)."""
        s = self.section_at(offset)
        if s is None:
            return None
        return s.numbered_path if numbered_only else s.path

    def line_index_at(self, offset: int) -> int:
        starts = [ln.start for ln in self.lines]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def section_records(self) -> list[Section]:
        return [Section(path=s.path, title=s.title, level=s.level, span=(s.start, s.end)) for s in self.sections]


def split_lines(text: str) -> list[Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(Line(pos, pos + len(raw), raw))
        pos += len(raw) + 1
    return lines


# --- header -----------------------------------------------------------------------------


def _motto_line(text: str, lines: list[Line], limit: int) -> int | None:
    m = MOTTO.search(text, 0, lines[min(limit, len(lines) - 1)].end if lines else 0)
    if not m:
        return None
    starts = [ln.start for ln in lines]
    return max(0, bisect.bisect_right(starts, m.start()) - 1)


def _header_like(line: str) -> bool:
    s = line.strip()
    return (
        not s
        or not re.search(r"[\p{L}\d]", s)  # '*', '-0-' and other rules under a name
        or is_caps_line(s)
        or bool(NUMBER_LINE.match(s))
        or bool(VV_LINE.match(s))
        or bool(DECORATION.match(s))
        or bool(PLACE_DATE.search(s))
        or bool(SLOGAN.match(s))
    )


def _find_header_start(lines: list[Line], motto: int) -> int:
    """Walk back from the motto over the left column: agency lines, number, V/v lines."""
    start = motto
    prev = next((j for j in range(motto - 1, max(-1, motto - 3), -1) if not lines[j].blank), None)
    if prev is not None and lines[prev].stripped == lines[prev].stripped.lower() and 1 < len(lines[prev].stripped.split()) <= 8 \
            and not re.search(r"[\d:;.,]", lines[prev].stripped):
        return prev  # an issuing body in lower case (capitals lost with a legacy font)
    i = motto - 1
    while i >= 0 and motto - i <= 14:
        s = lines[i].stripped
        if VV_LINE.match(s) and not any(NUMBER_LINE.match(lines[j].stripped) for j in range(max(0, i - 3), i)):
            break  # a converter's title, not the header's V/v (which sits under the number)
        if _header_like(s):
            if s and not DECORATION.match(s):
                start = i
            i -= 1
            continue
        # a wrapped V/v subject: its first line is a V/v line a few lines above
        vv = next((j for j in range(i - 1, max(-1, i - 7), -1) if VV_LINE.match(lines[j].stripped)), None)
        if vv is not None and all(not lines[k].blank for k in range(vv, i + 1)):
            start = vv
            i = vv - 1
            continue
        break
    return start


def _label_header(lines: list[Line], start: int, roles: dict[int, str]) -> int:
    """Label header lines from ``start``; return the index of the first body line."""
    i, n = start, len(lines)
    seen_type = seen_motto = False
    subject_open = False
    body_markers = (RECIPIENTS_START, BASIS_START, OPENING_START, PREAMBLE_LINE, ARTICLE, ROMAN)
    while i < n and i - start < 60:
        s = lines[i].stripped
        if not s:
            if roles.get(i - 1) in ("subject", "vv"):
                subject_open = False
            i += 1
            continue
        if DECORATION.match(s) or not re.search(r"[\p{L}\d]", s):
            roles[i] = "decoration"
        elif MOTTO.search(s) and len(s) < 80:
            roles[i] = "motto"
            seen_motto = True
            subject_open = False
        elif SLOGAN.match(s):
            roles[i] = "slogan"
            subject_open = False
        elif NUMBER_LINE.match(s) and len(s) < 90 and "number" not in roles.values():
            roles[i] = "number"
            subject_open = False
        elif PLACE_DATE.search(s) and "place_date" not in roles.values() and len(s) < 90:
            roles[i] = "place_date"
            subject_open = False
        elif VV_LINE.match(s) and not seen_type and "vv" not in roles.values():
            roles[i] = "vv"
            subject_open = True
        elif not seen_type and len(s) < 200 and (
            (TYPE_LINE.match(s) and is_caps_line(TYPE_LINE.match(s).group("word")))
            # a title line in lower case, as left by fonts whose capitals were lost
            or (TYPE_LINE_ANYCASE.match(s) and ("number" in roles.values() or "place_date" in roles.values())
                and (s == s.lower() or re.match(r"(?i)^\s*\S+(?:\s+\S+){0,3}\s*(?:của\b.*)?$", s)) and len(s) < 80)
        ):
            m = TYPE_LINE_ANYCASE.match(s)
            roles[i] = "type"
            seen_type = True
            rest = m.group("rest").strip()
            if rest and not re.match(r"(?i)^của\b", rest):
                subject_open = True
            else:
                # the subject starts on the next non-blank line
                j = i + 1
                while j < n and lines[j].blank:
                    j += 1
                if j < n and not any(p.match(lines[j].stripped) for p in (RECIPIENTS_START, BASIS_START, PREAMBLE_LINE, ARTICLE)):
                    roles[j] = "subject"
                    i = j
                    subject_open = True
        elif subject_open and roles.get(i - 1) in ("vv", "subject") and not is_caps_line(s) and len(s) < 160 \
                and not s.endswith(":") and OPENING_START.match(s) and not any(p.match(s) for p in (RECIPIENTS_START, BASIS_START)):
            roles[i] = roles[i - 1]  # 'V/v phối hợp triển khai / thực hiện …': a wrapped subject, not an opening
        elif any(p.match(s) for p in body_markers) and (seen_type or seen_motto or "number" in roles.values()):
            break
        elif subject_open and roles.get(i - 1) == "vv" and is_caps_line(s) and len(s.split()) <= 2 and not MOTTO.search(s):
            roles[i] = "vv"  # an acronym wrapped onto its own line ('… thuế GTGT')
        elif subject_open and roles.get(i - 1) in ("subject", "vv", "type") and len(s) < 160 and not s.endswith(":") \
                and not (roles.get(i - 1) == "subject" and is_caps_line(lines[i - 1].stripped)) and not is_caps_line(s) or (
            subject_open and roles.get(i - 1) == "subject" and is_caps_line(s) and is_caps_line(lines[i - 1].stripped)
        ):
            roles[i] = "subject" if roles.get(i - 1) in ("subject", "type") else "vv"
        elif (is_caps_line(s) or (i == start and s == s.lower())) and len(s) < 120:
            roles[i] = "authority" if seen_type else "agency"
        elif seen_type and not subject_open and AUTHORITY_BODY.match(s) and len(s) < 100 and not s.endswith((".", ";", ":")):
            roles[i] = "authority"  # 'Chính phủ', 'Ủy ban nhân dân tỉnh X' above the bases
        elif not seen_type and "unknown" not in roles.values() and len(s) < 60 and not re.search(r"[.;:]$", s):
            roles[i] = "unknown"  # one stray line (a typo'd motto, a seal caption) does not end the header
            subject_open = False
        elif seen_type or seen_motto:
            break
        else:
            roles[i] = "unknown"
        i += 1
    if not {"motto", "number", "type", "place_date", "vv"} & set(roles.values()):
        for k in [k for k in roles if k >= start]:
            del roles[k]  # nothing of a header here: the text starts with its body
        return start
    return i


def _label_stripped_header(lines: list[Line], start: int, roles: dict[int, str]) -> int:
    """A header stripped to its title line ('Quyết định về việc …') and the issuing authority line."""
    s = lines[start].stripped if start < len(lines) else ""
    if not STRIPPED_TITLE.match(s) or len(s) > 300:
        return _label_header(lines, start, roles)
    roles[start] = "type"
    nxt = start + 1
    while nxt < len(lines) and lines[nxt].blank:
        nxt += 1
    if nxt < len(lines) and AUTHORITY_BODY.match(lines[nxt].stripped) and len(lines[nxt].stripped) < 120:
        roles[nxt] = "authority"
        return nxt + 1
    return start + 1


def _news_header(lines: list[Line], roles: dict[int, str], segs: Segments) -> int | None:
    """Headline + date line (+ source tag) of a news article; returns the first body line."""
    for i, ln in enumerate(lines[:40]):
        m = DATETIME_LINE.match(ln.stripped)
        if not m:
            continue
        head = next((j for j in range(i - 1, -1, -1) if len(lines[j].stripped.split()) >= 4), None)
        if head is None:
            continue
        roles[head] = "headline"
        roles[i] = "dateline"
        segs.headline = (lines[head].start, lines[head].end)
        segs.dateline = (ln.start, ln.end)
        return i + 1
    return None


# --- body parts ----------------------------------------------------------------------------


def _block_after(lines: list[Line], i: int, *, item_prefix: str = r"[-+•*]") -> int:
    """End index (exclusive) of a list block starting at line ``i``: the line itself, then
    list items and their wrapped continuations, up to a blank line before a non-item."""
    item = re.compile(rf"^\s*{item_prefix}\s*\S")
    j = i + 1
    n = len(lines)
    while j < n:
        s = lines[j].stripped
        if not s:
            k = j + 1
            while k < n and lines[k].blank:
                k += 1
            if k < n and item.match(lines[k].stripped) and j - i < 60:
                j = k
                continue
            break
        if item.match(s):
            j += 1
            continue
        prev = lines[j - 1].stripped
        if j == i + 1 and prev.endswith(":") and not is_caps_line(s) and not any(
            p.match(s) for p in (BASIS_START, OPENING_START, PREAMBLE_LINE, DISTRIBUTION_START)
        ):
            j += 1  # a label alone on its line ('Kính gửi:'): the addressee is the next line
            break
        starts_part = any(p.match(s) for p in (BASIS_START, OPENING_START, PREAMBLE_LINE, RECIPIENTS_START, DISTRIBUTION_START, AUTHORITY, POSITION_LINE))
        if not starts_part and not is_caps_line(s) and (
            (prev and not prev.endswith((";", ".", ":")) and j > i + 1) or (j == i + 1 and not prev.endswith((":", ".")))
        ):
            j += 1
            continue
        break
    return j


def _bases_block(lines: list[Line], i: int) -> int:
    """End (exclusive) of the run of 'Căn cứ' lines starting at ``i``."""
    n, j = len(lines), i + 1
    while j < n:
        s = lines[j].stripped
        if not s:
            k = j + 1
            while k < n and lines[k].blank:
                k += 1
            if k < n and BASIS_START.match(lines[k].stripped):
                j = k
                continue
            break
        if BASIS_START.match(s):
            j += 1
            continue
        prev = lines[j - 1].stripped
        if prev and not prev.endswith((";", ".", ":", ",")) and not PREAMBLE_LINE.match(s) and not is_caps_line(s):
            j += 1  # a hard-wrapped continuation
            continue
        break
    return j


def _paragraph_end(lines: list[Line], i: int) -> int:
    n, j = len(lines), i + 1
    while j < n and not lines[j].blank:
        prev = lines[j - 1].stripped
        if prev.endswith((".", ":", ";", ",")) and not prev.endswith("..."):
            break
        j += 1
    return j


def _tail(lines: list[Line], body_start: int) -> tuple[int | None, int | None, int | None]:
    """(distribution start, distribution end, signature search start) line indexes."""
    dist = next((i for i in range(body_start, len(lines)) if DISTRIBUTION_START.match(lines[i].stripped)), None)
    dist_end = None
    if dist is not None:
        dist_end = _block_after(lines, dist)
    return dist, dist_end, None


# --- sections ----------------------------------------------------------------------------------


def _sections(lines: list[Line], first: int, last: int, text_end: int, skip=(None, None)) -> list[SectionNode]:
    """Numbered section tree of lines [first, last), leaving out lines [skip[0], skip[1])."""
    nodes: list[SectionNode] = []
    stack: list[tuple[int, str, str]] = []  # (level, label, kind)
    uses_roman = any(ROMAN.match(lines[k].text) for k in range(first, last))
    for k in range(first, last):
        t = lines[k].text
        if not t.strip() or (skip[0] is not None and skip[0] <= k < skip[1]):
            continue
        level = label = kind = None
        if m := APPENDIX.match(t):
            stack.clear()  # an appendix starts a tree of its own
            level, label, kind = 0, f"Phụ lục {m['n'] or m['n2'] or ''}".strip(), "appendix"
        elif m := CHAPTER.match(t):
            level, label, kind = 0, f"Chương {m['n']}", "chapter"
        elif m := ARTICLE.match(t):
            level, label, kind = 1, f"Điều {m['n']}", "article"
        elif uses_roman and (m := ROMAN.match(t)):
            level, label, kind = 1, m["n"], "roman"
        elif m := MULTI.match(t):
            level, label, kind = 2 + m["n"].count("."), m["n"], "multi"
        elif m := ARABIC.match(t):
            level, label, kind = 2, m["n"], "arabic"
        elif m := LETTER.match(t):
            level, label, kind = 5, m["n"], "letter"
        if level is None:
            continue
        if kind == "multi":
            # '5.1' under '5.' replaces the arabic levels: the path is roman + '5.1'
            while stack and stack[-1][0] >= 2:
                stack.pop()
        else:
            while stack and stack[-1][0] >= level:
                stack.pop()
        stack.append((level, label, kind))
        parts = [lab for _, lab, _ in stack]
        numbered = [lab for _, lab, kd in stack if kd != "letter"]
        title = t.strip()[:200]
        nodes.append(SectionNode(".".join(parts), ".".join(numbered), title, len(stack), lines[k].start, text_end))
    # each section ends where the next one at the same or a higher level begins
    for idx, node in enumerate(nodes):
        for nxt in nodes[idx + 1:]:
            if nxt.level <= node.level:
                node.end = nxt.start
                break
    return nodes


# --- entry point -------------------------------------------------------------------------------


def segment(text: str) -> Segments:
    lines = split_lines(text)
    segs = Segments(text=text, lines=lines)
    roles = segs.header_roles
    n = len(lines)
    if not n:
        return segs
    motto = _motto_line(text, lines, limit=min(n - 1, 400))
    if motto is not None:
        start = _find_header_start(lines, motto)
        body_start = _label_header(lines, start, roles)
    else:
        # no national motto: a number line or a type line near the top, else news
        first = next((i for i, ln in enumerate(lines[:60]) if NUMBER_LINE.match(ln.stripped) and len(ln.stripped) < 90), None)
        if first is None:
            news_body = _news_header(lines, roles, segs)
            if news_body is not None:
                segs.genre = "news"
                body_start = news_body
                start = segs.headline and segs.line_index_at(segs.headline[0]) or 0
            else:
                start = next((i for i, ln in enumerate(lines[:30]) if not ln.blank), 0)
                body_start = _label_stripped_header(lines, start, roles)
        else:
            start = first
            body_start = _label_header(lines, first, roles)
    if roles:
        idx = sorted(roles)
        segs.header = (lines[idx[0]].start, lines[idx[-1]].end)
    body_start = min(body_start, n)
    # Kính gửi
    i = body_start
    while i < n and lines[i].blank:
        i += 1
    rec = next((k for k in range(body_start, min(n, body_start + 12)) if RECIPIENTS_START.match(lines[k].stripped)), None)
    if rec is None and segs.header:  # 'Kính gửi' inside the header (two-column table layouts)
        rec = next((k for k in sorted(roles) if RECIPIENTS_START.match(lines[k].stripped)), None)
    after_rec = body_start
    if rec is not None:
        end = _block_after(lines, rec)
        # 'Đồng kính gửi' right after the list
        k = end
        while k < n and lines[k].blank:
            k += 1
        if k < n and RECIPIENTS_START.match(lines[k].stripped):
            end = _block_after(lines, k)
        segs.recipients = (lines[rec].start, lines[end - 1].end)
        after_rec = max(body_start, end)
    # opening and bases: within the first paragraphs of the body
    k = after_rec
    for _ in range(40):
        while k < n and lines[k].blank:
            k += 1
        if k >= n:
            break
        s = lines[k].stripped
        if BASIS_START.match(s) and segs.bases is None:
            end = _bases_block(lines, k)
            segs.bases = (lines[k].start, lines[end - 1].end)
            k = end
            continue
        if OPENING_START.match(s) and segs.opening is None and segs.bases is None:
            end = _paragraph_end(lines, k)
            segs.opening = (lines[k].start, lines[end - 1].end)
            k = end
            continue
        if PREAMBLE_LINE.match(s) or is_caps_line(s) and len(s) < 80:
            k = _paragraph_end(lines, k)
            continue
        break
    # tail: Nơi nhận and signature
    dist, dist_end, _ = _tail(lines, body_start)
    if dist is not None:
        segs.distribution = (lines[dist].start, lines[dist_end - 1].end)
    body_end_line = dist if dist is not None else n
    segs.body = (lines[body_start].start if body_start < n else len(text), lines[body_end_line - 1].end if body_end_line > 0 else len(text))
    segs.sections = _sections(lines, body_start, n, len(text), skip=(dist, dist_end))
    return segs
