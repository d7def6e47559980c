"""Text that a PDF page shows through its annotations, put where it stands on the page.

E-signing software fills the number and the day of a document in at signing time as
form-field widgets (their appearance streams), not as page text: the text layer reads
``Số:      /BC-UBND … ngày   tháng 12`` while the page shows ``Số: 329/BC-UBND … ngày 19
tháng 12``. The page is flattened (pdfium draws each annotation's appearance into the page
content), the characters the flattened page has beyond the page's own are the annotations'
text, and each run of them is inserted into the page text after the character that stands
before it on its line.

The signature stamp's own text (``Ký bởi: …``, ``Cơ quan: …``, ``Thời gian ký: …``, or a
parent document's ``Số: 666/TTr-SNV; 22/12/2025; 18:56:39; +07:00``) is not part of the
document: ``move_stamps`` takes its lines out of the page's flow and puts them at the end
of the page text, where no header field looks for them.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex as re

# Coordinates are compared at this precision (points) to tell a page's own characters
# from those the annotations add.
KEY_PRECISION = 0.5
# Two characters of one run of annotation text are at most this far apart (in heights).
RUN_GAP = 0.6
# Two characters of one word are at most this far apart (in heights): less than a space.
WORD_GAP = 0.1


@dataclass
class Run:
    """A run of annotation text with its box in top-down page coordinates (pdfplumber's)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float

    def as_word(self) -> dict:
        return {"text": self.text, "x0": self.x0, "x1": self.x1, "top": self.top, "bottom": self.bottom}


@dataclass
class Char:
    text: str
    box: tuple[float, float, float, float] | None  # left, bottom, right, top (PDF space)


def page_chars(textpage, text: str) -> list[Char]:
    """Each character of a pypdfium2 text page with its box (None for generated ones).

    The boxes are pdfium's loose ones: the font's height and the glyph's advance, the same
    height for every character of a line, so that a hyphen or a comma stays on its line."""
    import pypdfium2.raw as pdfium_c

    count = textpage.count_chars()
    if count != len(text):
        return []
    chars = []
    for i in range(count):
        generated = pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1
        chars.append(Char(text[i], None if generated or text[i] in "\r\n" else textpage.get_charbox(i, loose=True)))
    return chars


def _key(char: Char) -> tuple:
    left, bottom, _, _ = char.box
    return char.text, round(left / KEY_PRECISION), round(bottom / KEY_PRECISION)


def added_runs(own: list[Char], flattened: list[Char], page_height: float) -> list[Run]:
    """Runs of the characters ``flattened`` has beyond ``own``, in the flattened order."""
    left_over = Counter(_key(c) for c in own if c.box)
    runs: list[Run] = []
    current: list[Char] = []

    def flush():
        if current:
            boxes = [c.box for c in current]
            runs.append(Run("".join(c.text for c in current), min(b[0] for b in boxes), max(b[2] for b in boxes),
                            page_height - max(b[3] for b in boxes), page_height - min(b[1] for b in boxes)))
            current.clear()

    for char in flattened:
        if char.box is None or char.text.isspace():
            flush()
            continue
        key = _key(char)
        if left_over[key] > 0:
            left_over[key] -= 1
            flush()
            continue
        if current and not _continues(current[-1].box, char.box):
            flush()
        current.append(char)
    flush()
    return runs


def _continues(previous: tuple, box: tuple, gap: float = RUN_GAP) -> bool:
    height = max(previous[3] - previous[1], box[3] - box[1], 1.0)
    same_line = min(previous[3], box[3]) - max(previous[1], box[1]) > 0.5 * min(previous[3] - previous[1], box[3] - box[1])
    # a combining mark overlaps its letter; a character far back to the left starts anew
    return same_line and box[0] >= previous[0] - 0.2 * height and box[0] - previous[2] <= gap * height


def insert_runs(text: str, own: list[Char], runs: list[Run], page_height: float) -> tuple[str, list[Run]]:
    """``text`` with each run inserted after the character before it on its line.

    Returns the new text and the runs that stand on no line of the page's own text.
    """
    inserts: dict[int, list[Run]] = {}
    alone: list[Run] = []
    for run in runs:
        position = _insertion_point(own, run, page_height)
        if position is None:
            alone.append(run)
        else:
            inserts.setdefault(position, []).append(run)
    if not inserts:
        return text, alone
    out, last = [], 0
    for position in sorted(inserts):
        out.append(text[last:position])
        for run in sorted(inserts[position], key=lambda r: r.x0):
            before = "".join(out)
            out.append(("" if not before or before[-1].isspace() else " ") + run.text)
        if position < len(text) and not text[position].isspace():
            out.append(" ")
        last = position
    out.append(text[last:])
    return "".join(out), alone


def _insertion_point(own: list[Char], run: Run, page_height: float) -> int | None:
    """Index in the page text where ``run`` goes: after the last character left of it on
    its line (before the first one when none is left of it); None when it is on no line."""
    bottom, top = page_height - run.bottom, page_height - run.top
    height = max(top - bottom, 1.0)
    best_left, best_right = None, None
    for i, char in enumerate(own):
        if char.box is None:
            continue
        left, c_bottom, right, c_top = char.box
        if min(top, c_top) - max(bottom, c_bottom) <= 0.3 * min(height, max(c_top - c_bottom, 1.0)):
            continue
        if right <= run.x0 + 0.2 * height:
            if best_left is None or right >= own[best_left].box[2]:
                best_left = i
        elif best_right is None or left < own[best_right].box[0]:
            best_right = i
    if best_left is not None:
        # after the character and the spaces that follow it
        position = best_left + 1
        while position < len(own) and own[position].text == " ":
            position += 1
        return position
    return best_right


# --- signature stamps ---------------------------------------------------------------------

# A stamp opens with its signer and closes with its time; ``Cơ quan`` and ``Email`` lines
# count only inside a stamp.
_STAMP_OPEN = re.compile(r"^\s*(?:Được\s+)?(?:Ký\s+bởi|Người\s+ký|Signed\s+by)\b", re.I)
_STAMP_INNER = re.compile(r"^\s*(?:Cơ\s+quan|Tổ\s+chức|Email|E-mail|Chức\s+vụ)\s*:", re.I)
_STAMP_CLOSE = re.compile(r"^\s*(?:Thời\s+gian\s+ký|Ngày\s+ký|Ký\s+ngày)\b", re.I)
_DATETIME = re.compile(r"^\s*\d{1,2}[./-]\d{1,2}[./-]\d{4}(?:[ ,T]+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s*[+-]\d{2}:?\d{2})?\s*$")
# A stamp naming the parent document: number; day; time; time zone.
_PARENT_STAMP = re.compile(
    r"^\s*(?:Số\s*:?\s*)?\S+\s*;\s*\d{1,2}/\d{1,2}/\d{4}\s*;\s*\d{1,2}:\d{2}(?::\d{2})?(?:\s*;\s*[+-]\d{2}:?\d{2})?\s*$"
)
STAMP_MAX_LINES = 8


def stamp_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines that belong to a signature stamp."""
    found: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        if _PARENT_STAMP.match(line):
            found.add(i)
        elif _STAMP_OPEN.match(line) or _STAMP_CLOSE.match(line):
            end = i
            if not _STAMP_CLOSE.match(line):
                for j in range(i + 1, min(len(lines), i + STAMP_MAX_LINES)):
                    if _STAMP_CLOSE.match(lines[j]):
                        end = j
                        break
                    if _STAMP_INNER.match(lines[j]):
                        end = j
            if end + 1 < len(lines) and _STAMP_CLOSE.match(lines[end]) and _DATETIME.match(lines[end + 1]):
                end += 1
            found.update(range(i, end + 1))
            i = end
        i += 1
    return found


def move_stamps(text: str) -> tuple[str, list[str]]:
    """``text`` with its signature-stamp lines moved to its end; and those lines."""
    lines = text.split("\n")
    found = stamp_lines([line.rstrip("\r") for line in lines])
    if not found:
        return text, []
    kept = [line for i, line in enumerate(lines) if i not in found]
    moved = [lines[i].rstrip("\r") for i in sorted(found)]
    return "\n".join(kept + [""] + moved), moved


def words_of(chars: list[Char], text: str, page_height: float) -> list[dict]:
    """Words (pdfplumber's shape: text, x0, x1, top, bottom) from a page's characters;
    ``text`` gives each character's reading (the decoded page text, index for index).
    Each word also has ``chars``: the indexes of its characters."""
    words: list[dict] = []
    current: list[tuple[int, str, tuple]] = []

    def flush():
        if current:
            boxes = [b for _, _, b in current]
            words.append({"text": "".join(t for _, t, _ in current), "x0": min(b[0] for b in boxes),
                          "x1": max(b[2] for b in boxes), "top": page_height - max(b[3] for b in boxes),
                          "bottom": page_height - min(b[1] for b in boxes), "chars": [i for i, _, _ in current]})
            current.clear()

    for i, (char, reading) in enumerate(zip(chars, text)):
        if char.box is None or reading.isspace():
            flush()
            continue
        if current and not _continues(current[-1][2], char.box, WORD_GAP):
            flush()
        current.append((i, reading, char.box))
    flush()
    return words
