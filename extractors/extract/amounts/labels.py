"""The label of an amount: the words before it that say what it is for
(``Kinh phí thực hiện: 1,5 tỷ đồng`` -> ``Kinh phí thực hiện``).
"""
from __future__ import annotations

import regex as re

_MARKER = re.compile(
    r"^\s*(?:[-+•*–—]\s*)*"
    r"(?:(?:Điều\s+\d+[.:]?|\d+(?:\.\d+)+\.?|(?:[IVXLC]+|\d+|[a-zđA-Z])\s*[.)])\s*)?(?:[-–—]\s*)?"
)
_TAIL_WORDS = re.compile(
    r"(?:(?:^|[\s,:]+)(?:là|đạt|bằng|với|gồm|khoảng|ước\s+đạt|ước\s+tính|ước|trên|hơn|gần|dưới|tối\s+đa|tối\s+thiểu"
    r"|tổng\s+số\s+tiền|số\s+tiền|tổng\s+kinh\s+phí|từ|tương\s+đương|dự\s+kiến|có|được|thêm))+\s*$",
    re.IGNORECASE,
)
_LEAD_WORDS = re.compile(r"^(?:(?:và|hoặc|còn|,)(?:\s+|$))+", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?=\s+\p{Lu})")


def _clause_start(seg: str) -> int:
    opened = seg.rfind("(")
    if opened >= 0 and ")" in seg[opened:]:
        opened = -1  # '(ODA): 70.000 triệu đồng': a closed bracket is part of the label
    cut = max(seg.rfind(";"), opened)
    ends = [m.end() for m in _SENTENCE_END.finditer(seg)]
    if ends:
        cut = max(cut, ends[-1] - 1)
    return cut + 1


def _label_words(clause: str) -> tuple[str, bool]:
    clause = _MARKER.sub("", clause, count=1)
    with_colon = clause.rstrip().endswith(":")
    clause = _TAIL_WORDS.sub("", clause.rstrip(" \t:-–")).strip(" \t:-–,")
    clause = _LEAD_WORDS.sub("", clause)
    return clause, with_colon


def label_before(text: str, start: int, *, floor: int = 0) -> str | None:
    """What an amount is for: the words before it in its clause (``Vốn sự nghiệp: 1 tỷ đồng``).

    ``floor`` is where the clause may start at the earliest (the end of the amount before);
    a clause hard-wrapped over lines is followed back up to three lines.
    """
    line_start = text.rfind("\n", floor, start) + 1
    seg_start = max(line_start, floor)
    for _ in range(3):
        head = text[seg_start:start]
        if seg_start <= floor or seg_start != line_start or _MARKER.match(head).group(0):
            break
        head = head.strip()
        prev_start = text.rfind("\n", floor, line_start - 1) + 1
        prev = text[max(prev_start, floor):line_start - 1].rstrip()
        if not prev or head[:1].isupper() or prev.endswith((".", ";", ":")) and head:
            break
        seg_start = line_start = max(prev_start, floor)
    seg = text[seg_start:start].replace("\n", " ")
    cut = _clause_start(seg)
    clause, with_colon = _label_words(seg[cut:])
    if not clause and cut and seg[cut - 1] == "(":
        # '(khoảng 1.500 tỷ đồng)': the words before the bracket say what it is
        before = seg[:cut - 1]
        clause, with_colon = _label_words(before[_clause_start(before):])
    words = clause.split()
    if not words:
        return None
    limit = 20 if with_colon else 14
    if len(words) > limit:
        last = clause.rsplit(",", 1)[-1].strip()
        words = (last if not with_colon and len(last.split()) >= 2 else clause).split()[-limit:]
    label = " ".join(words)
    return label[0].upper() + label[1:]
