"""The signature block: authority ('TM. ỦY BAN NHÂN DÂN'), position ('PHÓ CHỦ TỊCH') and
the signer's name, read from the lines around 'Nơi nhận' or at the end of the document.
"""
from __future__ import annotations

import regex as re

from vanban.extractors.segment.parts import AUTHORITY, END_MARK, POSITION_LINE, POSITIONS, Segments, is_caps_line

SIGNED_MARK = re.compile(r"^\s*[(\[]?\s*(?:đã\s+ký|da\s*ky|ký\s+tên|ký,?\s+đóng\s+dấu|ký\s+bởi|signed)[^)\]]*[)\]]?\s*$", re.IGNORECASE)
NAME = re.compile(r"^(?:[\p{Lu}][\p{Ll}]*\.?)(?:\s+[\p{Lu}][\p{Ll}]*){1,5}$")
CAPS_NAME = re.compile(r"^[\p{Lu}]+(?:\s+[\p{Lu}]+){1,5}$")

# A rank printed before the signer's name (police, army): not part of the name.
RANK = re.compile(r"^(?:Thiếu|Trung|Thượng|Đại)\s+(?:tướng|tá|úy|uý)\s+(?=\p{Lu})")
# OCR reads a name's capital T as '1' ('1rương Minh Đương'); no Vietnamese name word starts with a digit.
OCR_ONE_FOR_T = re.compile(r"(?<![\w])1(?=\p{Ll}{2})")
ATTACHMENT = re.compile(r"^\s*\(\s*(?:Ban\s+hành\s+)?kèm\s+theo\s+\S", re.IGNORECASE)
NAME_TAIL = re.compile(r"[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+)?")
ITEM_LINE = re.compile(r"^[-+•*]\s*\S")

AUTHORITY_MARK = re.compile(r"(?:^|\s)(?:(?:T/M|K/T|T\.M\.?|K\.T\.?)\s+|(?:TM|KT|TL|TUQ|Q)\s*[.:/]\s*)")


def _signature_window(segs: Segments) -> list[int]:
    """Line indexes where the signature block may stand: around 'Nơi nhận', else at the end."""
    lines, n = segs.lines, len(segs.lines)
    if segs.distribution:
        d0 = segs.line_index_at(segs.distribution[0])
        d1 = segs.line_index_at(segs.distribution[1])
        if any(AUTHORITY.match(lines[i].stripped) and is_caps_line(lines[i].stripped) for i in range(d0 + 1, d1 + 1)):
            # two columns flattened, their lines alternating: the block starts inside the list
            return list(range(d0 + 1, min(n, d1 + 16))) + list(range(max(0, d0 - 14), d0))
        return list(range(d1 + 1, min(n, d1 + 16))) + list(range(max(0, d0 - 14), d0))
    mark = next((i for i in range(n - 1, -1, -1) if END_MARK.search(lines[i].text)), None)
    start = mark + 1 if mark is not None and n - mark < 40 else max(0, n - 25)
    # a decision followed by the regulation it issues: signed before the attachment's title
    attached = next((i for i in range(10, n) if ATTACHMENT.match(lines[i].text)), None)
    floor = max([segs.line_index_at(segs.body[0]), *(k + 1 for k in segs.header_roles)])
    before = list(range(max(floor, attached - 14), attached)) if attached is not None and attached < start else []
    return before + list(range(start, n))


def parse_signature_block(caps_lines: list[str]) -> tuple[str | None, str | None]:
    """(authority, position) from the capitalised lines of a signature block.

    'TM. ỦY BAN / NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH' -> ('TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH').
    """
    if not caps_lines:
        return None, None
    last = caps_lines[-1]
    if len(caps_lines) > 1 and not AUTHORITY_MARK.match(last) and (POSITION_LINE.match(last) or AUTHORITY_MARK.match(caps_lines[0])):
        position = last
        authority = " ".join(caps_lines[:-1])
    else:
        joined = " ".join(caps_lines)
        position, authority = None, joined
        for p in POSITIONS:  # longest first
            if joined == p or joined.endswith(" " + p) and not re.search(rf"(?:TM|KT|TL|TUQ|Q|T/M|K/T)\s*[.:/]?\s*{re.escape(p)}$", joined):
                position = p
                authority = joined[: len(joined) - len(p)].strip()
                break
    authority = " ".join(authority.split()) or None
    if authority and not AUTHORITY_MARK.match(authority):
        authority = None  # words before the position that are not an authority line
    return authority, " ".join(position.split()) if position else None


def signature(segs: Segments) -> dict:
    """The signer: {'name', 'position', 'authority'} (each None when not found)."""
    lines = segs.lines
    window = _signature_window(segs)
    for pos, i in enumerate(window):
        s = lines[i].stripped
        if not s:
            continue
        caps, tail = _split_caps_name(s)
        if not (AUTHORITY.match(caps) or POSITION_LINE.match(caps)) or not is_caps_line(caps, 0.8):
            continue
        block, name = [caps], tail
        j = pos + 1
        while name is None and j < len(window) and window[j] == window[j - 1] + 1:
            t = lines[window[j]].stripped
            if not t:
                if any(lines[k].stripped for k in window[j:j + 1]):
                    pass
                j += 1
                continue
            if SIGNED_MARK.match(t):
                break  # '(ĐÃ KÝ)' in capitals closes the block: no position
            c, tl = _split_caps_name(t)
            if is_caps_line(c, 0.8) and not _is_caps_name_after(block, c):
                block.append(c)
                name = tl
                j += 1
                continue
            break
        # the name: the first name-like line after the block; in a block flattened with the
        # Nơi nhận list, the list's items between are passed over and its position lines kept
        k = j
        interleaved = j < len(window) and bool(ITEM_LINE.match(lines[window[j]].stripped))
        while name is None and k < len(window) and k - j < (20 if interleaved else 8) and window[k] == window[j] + k - j:
            t = lines[window[k]].stripped
            k += 1
            if not t or SIGNED_MARK.match(t) or t.startswith(("(", "[")):
                continue
            t = RANK.sub("", OCR_ONE_FOR_T.sub("T", t))
            if interleaved and (ITEM_LINE.match(t) or t[:1].islower() or t.endswith((";", ",", "."))):
                continue
            if interleaved and is_caps_line(t, 0.8) and (POSITION_LINE.match(t) or AUTHORITY.match(t)):
                block.append(t)
                continue
            if NAME.match(t) or (CAPS_NAME.match(t) and len(t.split()) <= 5 and not POSITION_LINE.match(t)):
                name = t
                nxt = lines[window[k]].stripped if k < len(window) and window[k] == window[k - 1] + 1 else ""
                if len(t.split()) < 4 and NAME_TAIL.fullmatch(nxt) and len(t.split()) + len(nxt.split()) <= 5:
                    name = f"{t} {nxt}"  # a name wrapped onto a second line
            if not interleaved or name:
                break
        authority, position = parse_signature_block(block)
        return {"name": name, "position": position, "authority": authority}
    return {"name": _signed_name(lines, window), "position": None, "authority": None}


def _signed_name(lines, window: list[int]) -> str | None:
    """No position line read: a name beside '(Đã ký)', or after a rank ('Thiếu tướng …'), is the signer's."""
    for i in window:
        t = OCR_ONE_FOR_T.sub("T", lines[i].stripped)
        ranked = RANK.match(t)
        t = RANK.sub("", t)
        if NAME.match(t) and len(t.split()) <= 5 and (ranked or any(
            0 <= k < len(lines) and SIGNED_MARK.match(lines[k].stripped) for k in (i - 1, i + 1)
        )):
            return t
    return None


def _is_caps_name_after(block: list[str], line: str) -> bool:
    """A capitalised line right after a complete position line is the signer's name."""
    return bool(POSITION_LINE.match(block[-1])) and not AUTHORITY_MARK.match(line) and not POSITION_LINE.match(line) \
        and bool(CAPS_NAME.match(line)) and len(line.split()) <= 5 and not re.match(r"^(?:ỦY|UỶ|BAN|SỞ|BỘ|HỘI|NHÂN|DÂN)\b", line)


def _split_caps_name(line: str) -> tuple[str, str | None]:
    """'KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG Nguyễn Sinh Hùng' -> ('KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG', 'Nguyễn Sinh Hùng')."""
    m = re.match(r"^(?P<caps>.*?[\p{Lu}.])\s+(?P<name>[\p{Lu}][\p{Ll}]+(?:\s+[\p{Lu}][\p{Ll}]+){1,5})$", line)
    if m and is_caps_line(m.group("caps"), 0.9):
        return m.group("caps").strip(), m.group("name")
    return line.strip(), None
