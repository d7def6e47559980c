"""The parts of the body as line ranges: list blocks (Kính gửi, Nơi nhận), the run of
Căn cứ lines, an opening paragraph."""
from __future__ import annotations

from typing import TYPE_CHECKING

import regex as re

from vanban.extractors.segment.patterns import (
    AUTHORITY,
    BASIS_START,
    DISTRIBUTION_START,
    OPENING_START,
    PARAGRAPH_OPENER,
    POSITION_LINE,
    PREAMBLE_LINE,
    RECIPIENTS_START,
    is_caps_line,
)

if TYPE_CHECKING:
    from vanban.extractors.segment.parts import Line



LONE_BULLET = re.compile(r"^[-+•*]$")
# The archive item ('Lưu: VP (HC, TH)') wrapped onto a line of unit codes in capitals.
_ARCHIVE_ITEM = re.compile(r"^[-+•*]?\s*Lưu\b")
_UNIT_CODES = re.compile(r"^[\p{Lu}\d&./]+(?:[\s,()]+[\p{Lu}\d&./]+)*\)?$")


def next_filled(lines: list[Line], k: int) -> int:
    """Index of the first non-blank line from ``k`` (``len(lines)`` when there is none)."""
    while k < len(lines) and lines[k].blank:
        k += 1
    return k


def block_after(lines: list[Line], i: int, *, item_prefix: str = r"[-+•*]") -> int:
    """End index (exclusive) of a list block starting at line ``i``: the line itself, then
    list items and their wrapped continuations, up to a blank line before a non-item."""
    item = re.compile(rf"^\s*{item_prefix}\s*\S")
    j = i + 1
    n = len(lines)
    while j < n:
        s = lines[j].stripped
        if not s:
            k = next_filled(lines, j + 1)
            if k < n and item.match(lines[k].stripped) and j - i < 60:
                j = k
                continue
            break
        prev = lines[j - 1].stripped
        if item.match(s) or LONE_BULLET.match(s) or LONE_BULLET.match(prev):
            j += 1  # an item; a bullet alone on its line belongs to the next line
            continue
        if j == i + 1 and prev.endswith(":") and not is_caps_line(s) and not any(
            p.match(s) for p in (BASIS_START, OPENING_START, PREAMBLE_LINE, DISTRIBUTION_START)
        ):
            j += 1  # a label alone on its line ('Kính gửi:'): the addressee is the next line
            if s.endswith(";"):
                continue  # the first of a list with no dashes
            break
        starts_part = any(p.match(s) for p in (BASIS_START, OPENING_START, PREAMBLE_LINE, RECIPIENTS_START, DISTRIBUTION_START, AUTHORITY, POSITION_LINE)) \
            or bool(PARAGRAPH_OPENER.match(s) and len(s.split()) >= 6)
        if _ARCHIVE_ITEM.match(prev) and not prev.endswith((";", ".")) and _UNIT_CODES.match(s) and len(s) <= 40:
            j += 1  # 'TCT (HC, NV3)' under 'Lưu: VP (HC, TH)'
            continue
        if not starts_part and not is_caps_line(s) and (
            (prev and not prev.endswith((";", ".", ":")) and j > i + 1) or (j == i + 1 and not prev.endswith((":", ".")))
        ):
            j += 1
            continue
        if not starts_part and j > i + 1 and prev.endswith((";", ",")) and not s.endswith(":") and _item_follows(lines, j, item):
            j += 1  # an item wrapped onto a line with no dash, between two items
            continue
        if not starts_part and j > i + 1 and _undashed_item(prev, s):
            j += 1  # items with no dash, each closed by ';' and the last by '.'
            continue
        if not starts_part and j > i + 1 and j + 1 < n and not s.endswith((";", ".", ":", ",")) \
                and lines[j + 1].stripped[:1].isupper() and _undashed_item(prev, f"{s} {lines[j + 1].stripped}"):
            j += 2  # such an item wrapped onto a second line (a name's words are capitalised)
            continue
        break
    return j


# An item of a list printed without dashes is a short line; a paragraph's line is longer.
UNDASHED_ITEM_MAX = 120
# 'Mã số thuế: …;', 'Địa chỉ: …': a detail of the addressee above, not an addressee.
FIELD_LABEL = re.compile(r"^(?!Lưu\b)[\p{L}][\p{L}\s]{1,30}:")


def _undashed_item(prev: str, s: str) -> bool:
    """Line ``s`` is the next item of a list whose items carry no dash: the item above
    closes with ';', this one with ';' or '.', and it is a name, not a sentence or a part."""
    return prev.endswith(";") and s.rstrip("/").endswith((";", ".")) and len(s) <= UNDASHED_ITEM_MAX \
        and not s.endswith(":") and not FIELD_LABEL.match(s) and not is_caps_line(s) and not signature_line(s) and s[:1].isupper()



def _item_follows(lines: list[Line], j: int, item: re.Pattern) -> bool:
    """An item line comes within the next few lines after ``j``, with no blank line or part between."""
    for k in range(j + 1, min(len(lines), j + 5)):
        s = lines[k].stripped
        if not s or signature_line(s) or DISTRIBUTION_START.match(s):
            return False
        if item.match(s):
            return True
    return False


def bases_block(lines: list[Line], i: int) -> int:
    """End (exclusive) of the run of 'Căn cứ' lines starting at ``i``."""
    n, j = len(lines), i + 1
    while j < n:
        s = lines[j].stripped
        if not s:
            k = next_filled(lines, j + 1)
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


def paragraph_end(lines: list[Line], i: int) -> int:
    n, j = len(lines), i + 1
    while j < n and not lines[j].blank:
        prev = lines[j - 1].stripped
        if prev.endswith((".", ":", ";", ",")) and not prev.endswith("..."):
            break
        j += 1
    return j


# Lines of a signature block: the authority and position in capitals, '(Đã ký)', the name.
SIGNATURE_LINE = re.compile(
    r"^(?:\(?\s*(?i:đã\s+ký|ký\s+tên)\s*\)?|[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){1,4})$"
)
ITEM_LINE = re.compile(r"^[-+•*]\s*\S")


def signature_line(s: str) -> bool:
    return bool(SIGNATURE_LINE.match(s)) or is_caps_line(s) and bool(AUTHORITY.match(s) or POSITION_LINE.match(s))


def interleaved_end(lines: list[Line], end: int) -> int:
    """End of a Nơi nhận list whose lines alternate with the signature block's (two columns
    of a table flattened): items and their continuations go on past signature lines, and
    past a blank line before a signature line or such an item (an OCR'd foot)."""
    last, seen_signature, j = None, False, end
    while j < len(lines) and j - end < 40:
        if lines[j].blank:
            k = next_filled(lines, j + 1)
            if k >= len(lines) or k - j > 2:
                break
            after = lines[k].stripped
            if not (signature_line(after) or is_caps_line(after) or seen_signature and ITEM_LINE.match(after)):
                break
            j = k
        s = lines[j].stripped
        if ITEM_LINE.match(s) and seen_signature:
            last = j
        elif signature_line(s) or is_caps_line(s) and not ITEM_LINE.match(lines[j - 1].stripped):
            seen_signature = True
        elif last is not None and (s[:1].islower() or not lines[last].stripped.endswith((";", "."))):
            last = j
        elif not ITEM_LINE.match(s):
            break
        j += 1
    return last + 1 if last is not None else end


def tail(lines: list[Line], body_start: int) -> tuple[int | None, int | None, int | None]:
    """(distribution start, distribution end, signature search start) line indexes."""
    dist = next((i for i in range(body_start, len(lines)) if DISTRIBUTION_START.match(lines[i].stripped)), None)
    dist_end = None
    if dist is not None:
        dist_end = interleaved_end(lines, block_after(lines, dist))
    return dist, dist_end, None

