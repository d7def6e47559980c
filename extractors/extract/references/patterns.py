"""Every pattern used to find and read citations of other documents, in one place.

Fragments are verbose-mode strings composed with f-strings; each public pattern is
compiled once, lazily, by an ``lru_cache`` function named after it. Ordering rule:
inside every alternation the longer or more specific form comes first (the Party form
``04-NQ/TU`` before the state form ``352/KH-UBND``; ``Thông tư liên tịch`` before
``Thông tư``; a spaced separator is tried only where a tight one fails).

The number grammar itself ("Số, ký hiệu") is ``number_grammar.py``; its names are
importable from here too.
"""
from __future__ import annotations

from functools import lru_cache

import regex as re

from vanban.extractors.common.vocabulary import symbol_tables
from vanban.extractors.extract import doc_types
from vanban.extractors.extract.references.number_grammar import CitationNumber, find_numbers, number_re, parse_number

__all__ = ["CitationNumber", "find_numbers", "number_re", "parse_number", "symbol_tables"]


# --- the words around a number -----------------------------------------------------------


def type_word_re() -> re.Pattern:
    """Any type word of ``extractors/extract/doc_types.py`` (longest first, any case)."""
    return doc_types.type_word_regex()


# Between a type word and its number: nothing but "số" and a colon ("các Tờ trình: số").
_DIRECT_GAP = r"^[\s:]*(?:(?i:số)[\s:]*)?$"
# Or a title ("Luật Đất đai số", "Pháp lệnh Ưu đãi người có công với cách mạng số") or a
# one- or two-word qualifier ("Báo cáo thẩm tra số"); never across a blank line or ";".
_TITLE_CHAR = r"(?:[^;\n]|\n(?![ \t]*\n))"
_ONE_SPACE = r"(?:[ \t]+\n?|\n)[ \t]*"
_TITLE_GAP = rf"""
    ^{_ONE_SPACE}
    (?: \p{{Lu}}{_TITLE_CHAR}{{0,200}}? | \p{{Ll}}+(?:[ ]\p{{Ll}}+)? )
    {_ONE_SPACE}(?i:số)[ \t:]*\n?[ \t]*$
"""


# Last resort, where the symbol agrees with the type word: a lower-case title
# ("Pháp lệnh phát hành công trái xây dựng Tổ quốc số", "Báo cáo giải trình, tiếp thu số").
_LOOSE_TITLE_GAP = rf"^{_ONE_SPACE}(?:(?!\d+\s*/){_TITLE_CHAR}){{1,120}}?{_ONE_SPACE}(?i:số)[ \t:]*\n?[ \t]*$"


@lru_cache(maxsize=1)
def loose_title_gap_re() -> re.Pattern:
    return re.compile(_LOOSE_TITLE_GAP)


@lru_cache(maxsize=1)
def direct_gap_re() -> re.Pattern:
    return re.compile(_DIRECT_GAP)


@lru_cache(maxsize=1)
def title_gap_re() -> re.Pattern:
    return re.compile(_TITLE_GAP, re.VERBOSE)


# "số" (and a colon) right before a number that has no type word.
_SO_BEFORE = r"(?i:số)[\s:]*$"


@lru_cache(maxsize=1)
def so_before_re() -> re.Pattern:
    return re.compile(_SO_BEFORE)


# A number continuing a list after a first citation: "…ngày 19/7/2025 và số 7514/…".
_CHAIN_GAP = r"^\s*(?:[,;]\s*)?(?:(?:và|hoặc|cùng)\s+)?(?:(?i:số)\s*:?\s*)?$"


@lru_cache(maxsize=1)
def chain_gap_re() -> re.Pattern:
    return re.compile(_CHAIN_GAP)


# Between a number and its date: a comma, a parenthesis, "(được) ban hành", "ký"; a
# footnote marker a PDF put at the line's end after "ngày" ("ngày 19" newline "22/8/2025").
_FOOTNOTE_BEFORE_DATE = r"(?:ngày[ \t\n]{1,4}\d{1,2}[ \t]*\n[ \t]*(?=[0-3]?\d[ \t]*/[ \t]*[01]?\d[ \t]*/[ \t]*(?:19|20)\d\d))?"
_TO_DATE = (r"[ \t]*,?[ \t]*\n?[ \t]*(?:\([ \t]*)?(?:(?:được[ \t]+)?(?:ban[ \t]+hành|ký)[ \t]+(?:vào[ \t]+)?)?"
            + _FOOTNOTE_BEFORE_DATE)


@lru_cache(maxsize=1)
def to_date_re() -> re.Pattern:
    return re.compile(_TO_DATE)


# "của <issuer>" / "giữa <A> và <B>" right after a number (and its date).
_TO_ISSUER = r"[ \t]*,?\s*(?P<word>của|giữa)\s+(?=\p{Lu})"


@lru_cache(maxsize=1)
def to_issuer_re() -> re.Pattern:
    return re.compile(_TO_ISSUER)


# Words of an issuing body's name; lower-case words only from this list continue a name.
ISSUER_NAME_WORDS = frozenset(
    """
    nhân dân tỉnh thành phố huyện quận thị xã phường trấn và các cấp ủy uỷ ban thường trực
    vụ chấp hành đảng bộ trung ương chính phủ quốc hội đồng nhà nước mặt trận tổ việt nam
    chỉ đạo chương trình mục tiêu gia
    """.split()
)
# Words that end a name even where they could continue one ("Bộ Xây dựng quy định …",
# "UBND tỉnh ban hành …"): verbs and prepositions that follow an issuer, longest first.
ISSUER_STOP_WORDS = (
    "chỉ đạo thực", "chỉ đạo triển", "chỉ đạo các", "chỉ đạo việc", "tổ chức thực",
    "tổ chức triển", "tổ chức các", "quy định", "hướng dẫn", "phê duyệt", "thực hiện",
    "triển khai", "sửa đổi", "bổ sung", "thành lập", "kiện toàn", "công bố", "bãi bỏ",
    "ban hành", "đối với", "đề nghị", "báo cáo", "yêu cầu", "tăng cường", "đẩy mạnh",
    "nâng cao", "điều chỉnh", "xác định", "hỗ trợ", "kèm theo", "giao", "phân", "tại",
    "theo", "ngày", "năm", "số", "đã", "nhằm", "để", "cho", "với", "trong", "ký", "gửi",
    "có", "là", "được", "nêu", "lần", "khóa", "khoá", "kỳ", "nhiệm", "đến", "từ",
    "vừa", "về",
)


@lru_cache(maxsize=1)
def issuer_stop_re() -> re.Pattern:
    """Matches at a stop word of ``ISSUER_STOP_WORDS`` (lower case)."""
    words = sorted(ISSUER_STOP_WORDS, key=len, reverse=True)
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?:{body})(?![\p{{L}}\p{{N}}])")


# A token of running text, with what follows it up to the next token.
_TOKEN = r"(?P<tok>[\p{L}\p{N}](?:[\p{L}\p{N}&/\-]|\.(?=[\p{L}\p{N}]))*)(?P<after>[^\p{L}\p{N}]*)"


@lru_cache(maxsize=1)
def token_re() -> re.Pattern:
    return re.compile(_TOKEN)


# A province or city named in running text ("tỉnh Lạng Sơn"): where a news article is.
_PLACE_IN_TEXT = r"(?<![\p{L}])(?P<level>tỉnh|thành phố)\s+(?P<name>\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})"


@lru_cache(maxsize=1)
def place_in_text_re() -> re.Pattern:
    return re.compile(_PLACE_IN_TEXT)


# Level words that name a jurisdiction when followed by its name (tỉnh Nghệ An).
_LEVEL_TAIL = r"""
    (?: (?i:tỉnh|thành\s+phố|tp\.?|huyện|quận|thị\s+xã|xã|phường|thị\s+trấn)
      | (?:Tỉnh|Thành|Huyện|Quận|Đảng)\s+(?:ủy|uỷ|Ủy|Uỷ) )$
"""


@lru_cache(maxsize=1)
def level_tail_re() -> re.Pattern:
    """An issuer ending in a bare level word: ``UBND tỉnh``, ``Ban Thường vụ Tỉnh ủy``."""
    return re.compile(_LEVEL_TAIL, re.VERBOSE)


# "X (đã) ban hành <citation>": the verb ending the clause, then its subject before it.
_ISSUING_VERB_TAIL = r"""
    \s+(?:(?:đã|vừa|cũng|đồng\s+thời)\s+)*
    (?:ký\s+ban\s+hành|ban\s+hành|thông\s+qua|ký|có|ra)
    (?:\s+và\s+triển\s+khai(?:\s+thực\s+hiện)?)?
    \s*(?:các\s+)?$
"""
_SUBJECT = r"\p{Lu}[^,;:.()\n]{0,150}$"


@lru_cache(maxsize=1)
def issuing_verb_tail_re() -> re.Pattern:
    return re.compile(_ISSUING_VERB_TAIL, re.VERBOSE)


@lru_cache(maxsize=1)
def subject_re() -> re.Pattern:
    return re.compile(_SUBJECT)


# "Ngày 28/3/2023, <X> ban hành <citation>": the date heads the sentence, or a clause
# after a comma ("…, ngày 10/11/2025, Sở Nội vụ đã ban hành Công văn số …").
_DATE_HEAD = r"[\s\-+•*\d.)]*(?:(?:Vào|vào|Trong|trong)\s+)?(?=(?i:ngày)\s)"
_COMMA_DATE_HEAD = r",[ \t]*(?=ngày\s+\d)"


@lru_cache(maxsize=1)
def date_head_re() -> re.Pattern:
    return re.compile(_DATE_HEAD)


@lru_cache(maxsize=1)
def comma_date_head_re() -> re.Pattern:
    return re.compile(_COMMA_DATE_HEAD)


# ... or "<X> (đã) có <citation>", "<X> gửi <citation>": the body sent it that day.
_ISSUE_VERB = r"\b(?:ban\s+hành|thông\s+qua|ký|phê\s+duyệt|gửi)\b|\bcó\s*$"


@lru_cache(maxsize=1)
def issue_verb_re() -> re.Pattern:
    return re.compile(_ISSUE_VERB)


# "Ngày 22/10/2025, tại Thông báo số 569/TB-VPCP …": only a preposition in between.
_DATE_LINK = r"\s*,?\s*(?:(?:tại|theo|trong|với|bằng)\s+)?(?:các\s+)?"


@lru_cache(maxsize=1)
def date_link_re() -> re.Pattern:
    return re.compile(_DATE_LINK)


# --- pinpoints --------------------------------------------------------------------------

# One unit of a pinpoint, longest keyword first: "Phụ lục" before "Phần".
_PIN_VALUE_ROMAN_OR_NUM = r"(?:[IVXLC]+|\d+(?:\.\d+)*[a-z]?)(?![\p{L}\p{N}])"
_PIN_VALUES = rf"{_PIN_VALUE_ROMAN_OR_NUM}(?:\s*,\s*{_PIN_VALUE_ROMAN_OR_NUM})*"
_PIN_LETTER = r"[a-zđ](?:\)|(?![\p{L}\p{N}]))"
_PIN_UNIT = rf"""
    (?: (?i:phụ\s+lục|chương|mục|phần|điều|khoản) \s+ {_PIN_VALUES}
      | (?i:điểm|tiết) \s+ {_PIN_LETTER}(?:\s*,\s*{_PIN_LETTER})*
    )
"""
_PIN_JOIN = r"(?:\s*,\s*|\s+(?:và\s+|của\s+)?)"
# A pinpoint ending right before a citation, optionally through "của/tại" or
# "của <a program> ban hành kèm theo".
_PINPOINT_TAIL = rf"""
    (?P<pin>{_PIN_UNIT}(?:{_PIN_JOIN}{_PIN_UNIT})*)
    \s*,?\s*
    (?:(?:của|tại|thuộc)\s+(?:[^;:.\n]{{1,120}}?\s+(?:ban\s+hành\s+)?kèm\s+theo\s+)?)?
    (?:các\s+)?$
"""


@lru_cache(maxsize=1)
def pinpoint_tail_re() -> re.Pattern:
    return re.compile(_PINPOINT_TAIL, re.VERBOSE)


# --- short forms ------------------------------------------------------------------------

# "Quyết định số 1719" after "Quyết định số 1719/QĐ-TTg": a serial with no symbol.
_SHORT_FORM = r"(?:\s+|\s*(?i:số)\s*:?\s*)(?P<serial>\d{1,6})(?![\p{L}\p{N}/\-]|[.,]\d)"
# "Nghị quyết nêu trên": the one document of that type cited before.
_BACK_REFERENCE = r"\s+(?:nêu\s+trên|nói\s+trên|đã\s+nêu|vừa\s+nêu|đã\s+dẫn|trên)(?![\p{L}])"


@lru_cache(maxsize=1)
def short_form_re() -> re.Pattern:
    return re.compile(_SHORT_FORM)


@lru_cache(maxsize=1)
def back_reference_re() -> re.Pattern:
    return re.compile(_BACK_REFERENCE)


@lru_cache(maxsize=256)
def title_mention_re(type_word: str, title: str) -> re.Pattern:
    """"Luật Nhà ở" (then a date, "số", or punctuation): a law named again by its title."""
    words = r"\s+".join(re.escape(w) for w in title.split())
    return re.compile(rf"(?i:{re.escape(type_word)}\s+{words})(?=\s*(?:[,;.)]|ngày|năm|số|và|$))")


# --- relations --------------------------------------------------------------------------

# A clause that states the legal bases: "Căn cứ" at a line or clause start.
_BASIS_START = r"(?:^|(?<=[;.]))[ \t]*(?:[-+•*][ \t]*)?(?i:căn\s+cứ)(?![\p{L}])"
# Where a "Căn cứ" clause ends: a blank line, a line ending in "." or ":", a sentence
# end, a ";" line not followed by another cited document, a ";" before 'Xét …' / 'Theo đề
# nghị …' in a one-paragraph preamble, or a line opening a new part.
_BASIS_END = r"""
    \n[ \t]*\n
  | [.:][ \t]*(?=\n)
  | \.[ \t]+(?=\p{Lu})
  | ;[ \t]*\n(?![ \t]*(?:[-+•*][ \t]*)?(?:TYPEWORD))
  | ;[ \t]*(?=(?:Xét|Theo\s+đề\s+nghị|Trên\s+cơ\s+sở)(?![\p{L}]))
  | \n(?=[ \t]*(?:[-+•*][ \t]*)?
        (?:Theo\s+đề\s+nghị|Xét|Thực\s+hiện|Triển\s+khai|Căn\s+cứ|QUYẾT|Điều\s+\d|[IVX]+\.\s))
"""
# Inside a basis clause, a citation after one of these only describes the first one.
_DETAIL_CUE = r"(?i:quy\s+định\s+chi\s+tiết|hướng\s+dẫn|thi\s+hành|(?<![\p{L}])theo(?![\p{L}]))"
# A new clause of a "Căn cứ" paragraph begins with "Căn cứ" or a type word.
_CLAUSE_HEAD = r"[\s\-+•*]*(?:(?i:căn\s+cứ)|(?:các\s+)?(?:TYPEWORD))"


def _with_type_words(pattern: str) -> str:
    return pattern.replace("TYPEWORD", type_word_re().pattern)


# In the body, a "Căn cứ" clause names a basis only when the document follows at once
# ("Căn cứ Quyết định số …", "Căn cứ khoản 2 Điều 7 Nghị định số …"); "Căn cứ các nội
# dung … theo Thông tri số …" cites it.
_DIRECT_BASIS = rf"""
    [\s\-+•*\d.)]*(?i:căn\s+cứ)\s*
    (?:(?:vào|theo|quy\s+định|tại|các)\s+)*
    (?:{_PIN_UNIT}(?:{_PIN_JOIN}{_PIN_UNIT})*\s*,?\s*(?:(?:của|tại)\s+)?)?
"""


@lru_cache(maxsize=1)
def direct_basis_re() -> re.Pattern:
    return re.compile(_DIRECT_BASIS, re.VERBOSE)


@lru_cache(maxsize=1)
def basis_start_re() -> re.Pattern:
    return re.compile(_BASIS_START, re.MULTILINE)


@lru_cache(maxsize=1)
def basis_end_re() -> re.Pattern:
    return re.compile(_with_type_words(_BASIS_END), re.VERBOSE)


@lru_cache(maxsize=1)
def detail_cue_re() -> re.Pattern:
    return re.compile(_DETAIL_CUE)


@lru_cache(maxsize=1)
def clause_head_re() -> re.Pattern:
    return re.compile(_with_type_words(_CLAUSE_HEAD))


# The opening paragraph of a document: "Thực hiện …", "Triển khai …", "Để triển khai …"
# (sentence case: a capitalised title line "TRIỂN KHAI THI HÀNH LUẬT …" is not one).
_OPENING_START = r"""
    ^[ \t]*(?:[-+•*][ \t]*)?
    (?:(?:Để|Nhằm)[ \t]+)?
    (?:Thực\s+hiện|Triển\s+khai|Thi\s+hành)(?![\p{L}])
"""
_OPENING_END = r"\n[ \t]*\n|:[ \t]*(?=\n)|\.[ \t]*(?=\n)|\n(?=[ \t]*(?:[IVX]+\.|\d+\.|Điều\s+\d|(?i:căn\s+cứ)))"
# The first line of the body: a numbered part, an article, "QUYẾT ĐỊNH:".
_BODY_START = r"""
    ^[ \t]*
    (?: [IVX]+\.[ \t] | PHẦN[ \t] | Phần[ \t]+[IVX\d] | Chương[ \t]+[IVX\d] | Điều[ \t]+1\b | 1\.[ \t]
      | QUYẾT[ \t]+(?:ĐỊNH|NGHỊ)[ \t]*: )
"""


@lru_cache(maxsize=1)
def opening_start_re() -> re.Pattern:
    return re.compile(_OPENING_START, re.VERBOSE | re.MULTILINE)


@lru_cache(maxsize=1)
def opening_end_re() -> re.Pattern:
    return re.compile(_OPENING_END)


@lru_cache(maxsize=1)
def body_start_re() -> re.Pattern:
    return re.compile(_BODY_START, re.VERBOSE | re.MULTILINE)


# Lines of a web page around a copied document: the site's name, its notices to members,
# and the labels of its lists of related documents ("Văn bản liên quan", "Hiệu lực: …").
_SITE_CLUTTER = r"""
    (?i:thư\s+viện\s+pháp\s+luật|thuvienphapluat|quý\s+thành\s+viên|quý\s+khách|lawnet
       |đăng\s+nhập|click\s+vào)
  | ^[ \t]*(?:Văn\s+bản\s+liên\s+quan|(?:Hiệu\s+lực|Tình\s+trạng|Cập\s+nhật|Ban\s+hành)[ \t]*:)
"""


@lru_cache(maxsize=1)
def site_clutter_re() -> re.Pattern:
    return re.compile(_SITE_CLUTTER, re.VERBOSE | re.MULTILINE)


# Sentence ends for relation scope: "." before a space and a capital, or a blank line.
_SENTENCE_END = r"\.(?=\s+\p{Lu})|\.\s*\n|\n[ \t]*\n"


@lru_cache(maxsize=1)
def sentence_end_re() -> re.Pattern:
    return re.compile(_SENTENCE_END)


# Clause ends for issuer and date-before scope.
_CLAUSE_END = r"[;:.!?](?=\s)|\n[ \t]*\n|\n(?=[ \t]*[-+•*])"


@lru_cache(maxsize=1)
def clause_end_re() -> re.Pattern:
    return re.compile(_CLAUSE_END)


# The header's own number line: "Số: 352/KH-UBND", "Luật số: 83/2025/QH15".
# "Số" is capitalised here: a hard-wrapped "văn bản" newline "số 18345/…" is a citation.
_OWN_NUMBER_LABEL = r"""
    (?:^|\n)[ \t|*]*
    (?:(?:Luật|LUẬT|Pháp\s+lệnh)\s+(?i:số)|Số|SỐ)(?:\s+hiệu)?
    [ \t]*:?[ \t|*]*\n?[ \t|*]*$
"""


@lru_cache(maxsize=1)
def own_number_label_re() -> re.Pattern:
    return re.compile(_OWN_NUMBER_LABEL, re.VERBOSE)
