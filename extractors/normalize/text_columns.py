"""The foot of a plain-text page laid out in two columns with spaces: the ``Nơi nhận`` list
on the left, the signature on the right, as a monospaced transcript or a converter prints a
two-column table::

    Nơi nhận:                                   KT. BỘ TRƯỞNG
    - Văn phòng Chính phủ;                        THỨ TRƯỞNG
    - Các Bộ, cơ quan ngang Bộ,
      cơ quan thuộc Chính phủ;                   Nguyễn Văn An
    - Lưu: VT.

Read line by line, the two columns interleave; here they are read apart, the list first
and the signature after a blank line, as the PDF reader reads such a foot
(``read.pdf._foot_lines``). The signature column starts where the text beside the label
does; its lines are centred, so they may start a little left of it.
"""
from __future__ import annotations

import regex as re

from vanban.extractors.read.columns import FOOT

# A run of spaces this long parts two columns (as ``steps.split_columns`` reads them).
_GAP = re.compile(r"(?<=\S) {5,}(?=\S)")
# A centred line of the signature column starts at most this many characters left of
# the column's start.
CENTRE_SLACK = 15


def _sides(line: str, column: int) -> tuple[str, str] | None:
    """(list part, signature part) of one line of the block, or None for a line across."""
    gaps = [m for m in _GAP.finditer(line) if m.end() >= column - CENTRE_SLACK]
    if gaps:
        cut = gaps[-1]
        return line[:cut.start()].rstrip(), line[cut.end():].strip()
    indent = len(line) - len(line.lstrip())
    if indent >= column - CENTRE_SLACK:
        return "", line.strip()
    if len(line.rstrip()) < column:
        return line.rstrip(), ""
    return None


def split_foot_columns(text: str) -> str:
    """Each two-column foot block of ``text`` as its list's lines, a blank line and the
    signature's lines. The block runs from the ``Nơi nhận`` line (with text beside it) to a
    line across both columns or a blank line after which neither column goes on."""
    if "  " not in text:
        return text
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        gap = _GAP.search(lines[i]) if FOOT.match(lines[i]) else None
        if gap is None:
            i += 1
            continue
        column = gap.end()
        left: list[str] = []
        right: list[str] = []
        j = i
        while j < len(lines):
            line = lines[j]
            if not line.strip():
                nxt = next((k for k in range(j + 1, len(lines)) if lines[k].strip()), None)
                sides = _sides(lines[nxt], column) if nxt is not None else None
                if sides is None or not sides[1]:
                    break  # the block ends where the signature column does not go on
                j += 1
                continue
            sides = _sides(line, column)
            if sides is None:
                break
            if sides[0]:
                left.append(sides[0])
            if sides[1]:
                right.append(sides[1])
            j += 1
        if left and right:
            lines[i:j] = left + [""] + right
            i += len(left) + 1 + len(right)
        else:
            i = j
    return "\n".join(lines)
