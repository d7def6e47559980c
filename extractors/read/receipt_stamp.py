"""The receipt stamp ("dấu đến") a receiving office prints on a scanned document: a box
with ``ĐẾN``, ``Số: ……``, ``Ngày: ……``, ``Chuyển: ……``, ``Lưu hồ sơ số: ……`` and
``Số và ký hiệu HS``, filled in by hand.

OCR reads the box's fields into the rows of the header beside it, so that the type name
or the subject comes after a stamp field on one line (``Số:..... AE44 mm... KẾ HOẠCH``,
``Chuyển: Ê.ÁÚ,........ liên quan đến ma túy năm 2026``) and a field alone on its line
breaks the subject or the ``Kính gửi`` list. On a page that shows the stamp, a line that
opens with one of its fields loses the field up to its last run of dots (the blank filled
by hand), and a field with nothing after it loses its line. The document's own number
(``Số: ……/QĐ-UBND``, its symbol after the blank) is not the stamp's.
"""
from __future__ import annotations

import regex as re

# A sign that the page carries the stamp: its "ĐẾN" title or its last field.
_STAMP_SEEN = re.compile(
    r"(?m)^\W*(?:ĐẾN\b|S\w{0,2}[ \t]+v\w{1,2}[ \t]+k\w{1,2}[ \t]+hi\w{1,2}u[ \t]+H|Chuy\w{1,2}n[ \t]*:)"
)
# A field's label at the start of a line (letters OCR often mistakes allowed), its
# hand-filled blank and what OCR read of the writing, to the last run of dots. The
# number field holds no slash: "Số: ……/QĐ-UBND" is the document's own number.
_NUMBER_FIELD = r"S\w{1,2}[ \t]*:[^\n/]*"
_OTHER_FIELD = (
    r"(?:ĐẾN\W*(?:N\w{0,2}[ \t]*\w{1,3}[ \t]*:?)?|Ng\w{1,2}y[ \t]*:|Chuy\w{1,2}n[ \t]*:"
    r"|L\w{1,2}u[ \t]+h\w{1,2}[ \t]+s\w{1,2}[ \t]+s\w{1,2}[ \t]*:?)[^\n]*"
)
_FIELD_THEN_BLANK = re.compile(rf"^[ \t(|]*(?:{_NUMBER_FIELD}|{_OTHER_FIELD})[.…]{{3,}}[ \t]*")
# The stamp's last field alone on its line.
_LAST_FIELD_LINE = re.compile(r"^\W*S\w{0,2}[ \t]+v\w{1,2}[ \t]+k\w{1,2}[ \t]+hi\w{1,2}u[ \t]+H\S*[ \t]*\W*$")


def strip_receipt_stamp(text: str) -> str:
    """``text`` without the receipt stamp's fields, where the page shows the stamp."""
    if not _STAMP_SEEN.search(text):
        return text
    out: list[str] = []
    last_cut = -1  # index in ``out`` of the last line a field was cut from
    for line in text.split("\n"):
        if _LAST_FIELD_LINE.match(line):
            continue
        m = _FIELD_THEN_BLANK.match(line)
        if m and not line[m.end():].startswith("/"):
            rest = line[m.end():]
            if not rest.strip():
                continue
            filled = [k for k, ln in enumerate(out) if ln.strip()]
            if filled and filled[-1] == last_cut:
                del out[last_cut + 1:]  # rows beside the stamp: OCR's paragraph break between them is none
            out.append(rest)
            last_cut = len(out) - 1
            continue
        out.append(line)
    return "\n".join(out)
