"""The subject of a Giấy mời printed with no trích yếu: its ``Nội dung:`` item.

An invitation lists what the meeting is (``1. Chủ trì: …``, ``2. Thành phần: …``,
``3. Nội dung: Họp đánh giá …``, ``4. Thời gian: …``); when no subject line stands
under ``GIẤY MỜI``, the content item is the subject, less the clause naming who chairs
(``… do Đồng chí … chủ trì``).
"""
from __future__ import annotations

import regex as re

from vanban.extractors.segment.parts import Segments

# '3. Nội dung: …', 'b) Nội dung họp: …', 'Nội dung cuộc họp: …'
CONTENT_ITEM = re.compile(
    r"^\s*(?:(?:\d+|[a-zđ]|[IVX]+)\s*[.)/]\s*)?Nội\s+dung(?:\s+(?:cuộc\s+)?(?:họp|làm\s+việc|hội\s+nghị|buổi\s+làm\s+việc))?\s*:\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# The next item of the invitation, or a dashed line: the content item has ended.
NEXT_ITEM = re.compile(r"^\s*(?:(?:\d+|[a-zđ]|[IVX]+)\s*[.)/]\s*\S|[-+•*]\s)")
# '… trực tuyến do Đồng chí Nguyễn Văn A - Phó Chủ tịch UBND tỉnh chủ trì.'
CHAIRED_BY = re.compile(r"[,;]?\s+do\s+(?:(?:các\s+)?(?:đồng\s+chí|đ/c|ông|bà|lãnh\s+đạo)\b|.{0,160}\bchủ\s+trì\b).*$", re.IGNORECASE | re.S)
# The content item is looked for in this many lines of the body.
SEARCH_LINES = 60
MAX_LINES = 4


def invitation_subject(segs: Segments) -> str | None:
    """The ``Nội dung:`` item of an invitation's body, as one line; None when there is none."""
    lines = segs.lines
    first = segs.line_index_at(segs.body[0])
    for i in range(first, min(len(lines), first + SEARCH_LINES)):
        m = CONTENT_ITEM.match(lines[i].stripped)
        if not m:
            continue
        parts = [m["rest"]]
        for ln in lines[i + 1:i + MAX_LINES]:
            if parts[-1].endswith((".", ";")) or ln.blank or NEXT_ITEM.match(ln.stripped):
                break
            parts.append(ln.stripped)
        text = CHAIRED_BY.sub("", " ".join(" ".join(parts).split()))
        return text.rstrip(" .;,") or None
    return None
