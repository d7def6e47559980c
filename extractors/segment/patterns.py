"""Patterns of the parts of a document: header lines, the starts of Kính gửi, Căn cứ,
the opening, Nơi nhận and the signature.

Header patterns are anchored to a whole line; tolerant of case and of OCR slips in the
national motto. Longer alternatives come first. The list markers of the body are
``outline.MARKERS``.
"""
from __future__ import annotations

import regex as re

from vanban.extractors.extract.doc_types import TYPE_WORDS

MOTTO = re.compile(
    r"C[ỘOÔ]NG\s+H[ÒOÓÀ][AÀ]?\s+X[ÃA]\s+H[ỘOÔ]I\s+CH[ỦU]\s+NGH[ĨI]A\s+VI[ỆE]T\s+NAM"
    r"|(?-i:C[ỘOÔ]NG\s+H[ÒOÓÀ][AÀ]?\s+X[ÃA]\s+H[ỘOÔ]I\s+CH[ỦU]\s+NGH[ĨI]A(?=(?:[ \t]+V\S{0,3}(?:[ \t]+N\S{0,2})?)?[ \t]*(?:\n|$)))"  # cut off by a scan's edge
    r"|Đ[ẢA]NG\s+C[ỘO]NG\s+S[ẢA]N\s+VI[ỆE]T\s+NAM",
    re.IGNORECASE,
)
SLOGAN = re.compile(r"^\s*Đ\S{1,4}\s+l\S{1,3}p\s*[-–—]\s*T\S{1,3}\s+do\s*[-–—]\s*H\S{1,4}\s+ph\S{1,3}c\s*$", re.IGNORECASE)
# The serial may be OCR junk ('Số: 4Jl2 /CAT-PC04'): the line is still the number line.
NUMBER_LINE = re.compile(
    r"^\s*(?:Luật\s+số|Lệnh\s+số|Pháp\s+lệnh\s+số|Nghị\s+quyết\s+số|Số|SỐ|S[óòôồ](?=\s*[:.]))\s*[:.]?\s*"
    r"(?P<num>(?:[\d.…_ ]*|[\d.…_ ]*(?=[^\s/]*(?-i:[\d\p{Ll}\p{S}Øø]))[^\s/]{1,5}[ ]*(?=/[ ]*\p{Lu}))\s*[/\-]\s*[^\n]*?)\s*(?=$|\s+V/[vV]\b)",
    re.IGNORECASE,
)
# The day may be OCR junk ('ngày.$Ề tháng 11'): the line is still the place and date line.
PLACE_DATE = re.compile(
    r"(?P<place>[\p{Lu}][\p{L}.\-' ]{1,40}?)\s*,\s*ngày\s*(?P<d>[\d\s.…_]{0,12}?|[\d\s.…_]{0,3}[^\s\d,]{1,3}[\d\s.…_]{0,3}?)\s*tháng\s*"
    r"(?P<m>[\d\s.…_]{0,8}?)\s*năm\s*(?P<y>\d{4})",
    re.IGNORECASE,
)
# A công văn's trích yếu printed under the number without 'V/v': 'Về tăng cường …'.
TRICH_YEU = re.compile(r"^\s*Về\s+\p{Ll}")
# The place alone on its line, the date on the next ('Lào Cai,' / 'ngày 7 tháng 8 năm 2024'),
# and the head of a place name wrapped before the place/date line ('Thành phố Hồ' / 'Chí Minh, ngày …').
PLACE_ALONE = re.compile(r"^\s*[\p{Lu}][\p{L}.\-' ]{1,40},\s*$")
DATE_ALONE = re.compile(r"^\s*ngày\s*[\d\s.…_]{0,12}?\s*tháng\s*[\d\s.…_]{0,8}?\s*năm\s*\d{4}", re.IGNORECASE)
PLACE_HEAD = re.compile(r"^\s*[\p{Lu}][\p{L}.]*(?:\s+[\p{L}.]+){0,3}\s*$")
VV_LINE = re.compile(r"^\s*(?:V/[vV]|Về\s+việc)\s*[:.]?\s*(?P<rest>.*)$")
DECORATION = re.compile(r"^\s*[-_=~*.]{2,}\s*$|^\s*-\s*\d\s*-\s*$")
_TYPE_WORDS = "|".join(sorted((re.escape(w.upper()).replace(r"\ ", r"\s+") for w in TYPE_WORDS), key=len, reverse=True))
TYPE_LINE = re.compile(
    r"^\s*(?P<word>" + _TYPE_WORDS + r")"
    r"(?:\s*:)?\s*(?P<rest>.*)$"
)
TYPE_LINE_ANYCASE = re.compile(TYPE_LINE.pattern, re.IGNORECASE)
RECIPIENTS_START = re.compile(r"^\s*(?:(?:Đồng\s+)?K[íi]nh\s+g[ửu]i\s*[:.]?|(?-i:[\p{Lu}][\p{Lu}\s]{3,60})\s+điện\s*:)", re.IGNORECASE)
BASIS_START = re.compile(r"^\s*[-+•]?\s*Căn\s+c[ứu]\b", re.IGNORECASE)
OPENING_START = re.compile(r"^\s*(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành|Thực\s+hiện\s+ý\s+kiến)\b", re.IGNORECASE)
PREAMBLE_LINE = re.compile(r"^\s*(?:Xét\s+đề\s+nghị|Theo\s+đề\s+nghị|Xét\s+Tờ\s+trình|Theo\s+Tờ\s+trình|Trên\s+cơ\s+sở)", re.IGNORECASE)
# 'Nơi nhận', and its OCR-damaged forms with the colon ('Noi nhân:', 'Nơi nhặn:')
# Words that open a paragraph of the body, not a subject or an addressee ('Thực hiện …,', 'Ngày 9/4/2025, …').
PARAGRAPH_OPENER = re.compile(r"^(?:Thực\s+hiện|Triển\s+khai|Thi\s+hành|Nhằm|Để|Ngày\s+\d+|Hôm\s+nay|Vừa\s+qua|Thời\s+gian\s+qua|Qua)\b")
DISTRIBUTION_START = re.compile(r"^\s*(?:N[ơo]i\s+nh[ậa]n\s*[:.]?|N\p{L}i\s+nh\p{L}n\s*:)", re.IGNORECASE)
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
    letters = "".join(filter(str.isalpha, line))
    if len(letters) < 2:
        return False
    return sum(map(str.isupper, letters)) / len(letters) >= threshold



# A word that cannot begin a place name: part of a number's symbol ('TB-UBND', 'NSNN', '12/').
_NON_SPACE_RUN = re.compile(r"\S+")
_SYMBOL_WORD = re.compile(r"[/\d]|^(?:\p{Lu}{2,}|\p{Lu}+[-&]\S*)$")


def split_number_place(line: str) -> tuple[str, str | None]:
    """A number line that carries the place and date too, as a two-column header table comes
    out of a text layer: 'Số: 12/TB-UBND Hà Giang, ngày 3 tháng 4 năm 2024' ->
    ('Số: 12/TB-UBND', 'Hà Giang, ngày 3 tháng 4 năm 2024'); a line without one is returned whole."""
    m = PLACE_DATE.search(line)
    if not m:
        return line, None
    start = m.start("place")
    words = list(_NON_SPACE_RUN.finditer(m.group("place")))
    for w in words:
        if not _SYMBOL_WORD.search(w.group(0).rstrip(".")) or w.group(0).endswith("."):
            break
        start = m.start("place") + w.end()
    while start < len(line) and line[start] == " ":
        start += 1
    if start >= m.start("d") or not line[start:start + 1].isupper():
        return line, None
    return line[:start].rstrip(), line[start:]


# The metadata table a law site prints above (or instead of) a document's header.
METADATA_FIELD = re.compile(
    r"^\s*(?P<key>Số\s+(?:ký\s+)?hiệu(?:\s+văn\s+bản)?|Loại\s+văn\s+bản|Ngày\s+ban\s+hành|Cơ\s+quan\s+ban\s+hành)"
    r"\s*[:|]\s*(?P<value>\S.*?)\s*$",
    re.IGNORECASE,
)
# An appendix caption naming the document it is attached to: '(Kèm theo Công văn số 15/UBND-VX ngày …)'.
ATTACHED_CAPTION = re.compile(
    r"kèm\s+theo\s+(?P<word>" + _TYPE_WORDS + r")\s+số\s*:?\s*(?P<num>[\w./\-&]+)",
    re.IGNORECASE,
)
