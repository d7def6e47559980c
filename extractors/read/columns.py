"""Two blocks printed side by side: the header (issuing body left, national motto right)
and the foot ("Nơi nhận" left, signature right).

Words are dicts with ``text``, ``x0`` and ``x1`` (any unit, with ``width`` in the same one),
in rows top to bottom; both the OCR reader (Tesseract's word boxes) and the PDF reader
(pdfplumber's words) cut their blocks here.
"""
from __future__ import annotations

from typing import NamedTuple

import regex as re

# A gap between words wider than this share of the page separates two columns.
COLUMN_GAP = 0.04
BLOCK_MAX_ROWS = 25
# A one-sided row of a block is centred on its column within this share of the page.
COLUMN_CENTRE_SLACK = 0.08
# The header's two columns show in this many rows at the top of the page.
HEADER_FIRST_ROWS = 4
# The foot block opens with the distribution list's label, the signature beside it.
FOOT = re.compile(r"^\W*N[ơo]i\s+nh[ậa]n\b", re.I)
# The addressee line opens the letter's body, below the header block.
_BODY_OPENS = re.compile(r"^\W*K[íi]nh\s+g[ửu]i\b", re.I)


def split_of(row: list[dict], width: float, min_gap: float = COLUMN_GAP) -> float | None:
    """The middle of the widest gap of a row, when it is wide enough (``min_gap`` of the
    width) to part columns."""
    gaps = [(b["x0"] - a["x1"], (a["x1"] + b["x0"]) / 2) for a, b in zip(row, row[1:])]
    if not gaps:
        return None
    gap, x = max(gaps)
    return x if gap > min_gap * width and 0.2 * width < x < 0.8 * width else None


def _widest_gap(row: list[dict], width: float, min_gap: float) -> tuple[float, float] | None:
    gaps = [(b["x0"] - a["x1"], a["x1"], b["x0"]) for a, b in zip(row, row[1:])]
    if not gaps:
        return None
    size, left, right = max(gaps)
    if size <= min_gap * width or not 0.2 * width < (left + right) / 2 < 0.8 * width:
        return None
    return left, right


def header_split(rows: list[list[dict]], width: float, min_gap: float = COLUMN_GAP) -> float | None:
    """Where a header's columns part: inside the widest gap of each two-sided top row (the
    issuing body's column ends and the motto's begins at a different place on each row,
    and the first rows may hold one column only)."""
    span = column_gap(rows, width, min_gap)
    return None if span is None else (span[0] + span[1]) / 2


def column_gap(rows: list[list[dict]], width: float, min_gap: float = COLUMN_GAP) -> tuple[float, float] | None:
    """The gap between two columns that every two-sided row among the first rows leaves
    free (``header_split``): (right end of the left column, left end of the right one)."""
    span = None
    for i, row in enumerate(rows[:HEADER_FIRST_ROWS]):
        if i and opens_foot(row):
            break  # a short page: its foot is not a header
        gap = _widest_gap(row, width, min_gap)
        if gap is None:
            continue
        joint = gap if span is None else (max(span[0], gap[0]), min(span[1], gap[1]))
        if joint[0] >= joint[1]:
            break
        span = joint
    return span


class Block(NamedTuple):
    """Two columns read apart: the row after them, each column's lines, and the lines of a
    ``Kính gửi`` list printed in the right column beside the left one's ``V/v``."""

    end: int
    left: list[str]
    right: list[str]
    addressed: list[str]


def column_block(rows: list[list[dict]], first: int, width: float, *, split: float | None = None,
                 min_gap: float = COLUMN_GAP) -> Block | None:
    """Two columns side by side from row ``first`` (``Block``).

    The block starts with a row in two columns; the split is the middle of its widest gap
    (or ``split`` when given). The block ends at a row across the split (running text, the
    centred type name), a one-sided row that is not centred on its column, or the
    ``Kính gửi`` line. A ``Kính gửi`` that opens the right column while the left one goes
    on (its ``V/v`` wrapped beside the list) ends the right column only: the list, left
    aligned under its label, is read whole after the columns. Words of one row closer
    than ``min_gap`` of the width are one line.
    """
    if width <= 0:
        return None
    split = split_of(rows[first], width, min_gap) if split is None else split
    if split is None:
        return None
    left: list[str] = []
    right: list[str] = []
    addressed: list[str] = []
    centres: dict[str, list[float]] = {"left": [], "right": []}
    end = first
    for row in rows[first:first + BLOCK_MAX_ROWS]:
        sides = {"left": [w for w in row if w["x1"] <= split], "right": [w for w in row if w["x0"] >= split]}
        if len(sides["left"]) + len(sides["right"]) < len(row):
            side = _spills_over(row, split, centres, width, min_gap)
            if side is None:
                break  # a word across the split
            sides = {"left": [], "right": [], side: row}
        if sides["left"] and sides["right"] and sides["right"][0]["x0"] - sides["left"][-1]["x1"] < min_gap * width:
            break  # a line of running text across the page
        if not addressed and sides["left"] and sides["right"] and left and right and _opens_body(sides["right"]):
            addressed.append(" ".join(w["text"] for w in sides["right"]))  # 'Kính gửi' beside the V/v
            sides["right"] = []
        elif addressed and sides["right"]:
            addressed.append(" ".join(w["text"] for w in sides["right"]))
            sides["right"] = []
            if not sides["left"]:
                end += 1
                continue
        if _off_column(sides, centres, width) or _opens_body(row):
            break
        for side, out in (("left", left), ("right", right)):
            if sides[side]:
                out.append(" ".join(w["text"] for w in sides[side]))
                centres[side].append((sides[side][0]["x0"] + sides[side][-1]["x1"]) / 2)
        end += 1
    if not left or not right:
        return None
    return Block(end, left, right, addressed)


def _opens_body(words: list[dict]) -> bool:
    return bool(_BODY_OPENS.match(" ".join(w["text"] for w in words[:2])))


def _off_column(sides: dict, centres: dict, width: float) -> bool:
    """A row on one side only whose centre is not that column's centre."""
    filled = [side for side, ws in sides.items() if ws]
    if len(filled) != 1 or not centres[filled[0]]:
        return False
    ws = sides[filled[0]]
    centre = (ws[0]["x0"] + ws[-1]["x1"]) / 2
    expected = sum(centres[filled[0]]) / len(centres[filled[0]])
    return abs(centre - expected) > COLUMN_CENTRE_SLACK * width


def _spills_over(row: list[dict], split: float, centres: dict, width: float, min_gap: float) -> str | None:
    """The column a row across the split belongs to: one run of words (no column gap in
    it) centred on that column, as a long ``V/v`` line of the left column is."""
    if any(b["x0"] - a["x1"] >= min_gap * width for a, b in zip(row, row[1:])):
        return None
    centre = (row[0]["x0"] + row[-1]["x1"]) / 2
    for side, points in centres.items():
        if points and abs(centre - sum(points) / len(points)) <= COLUMN_CENTRE_SLACK * width / 2:
            return side
    return None


def opens_foot(row: list[dict]) -> bool:
    return bool(FOOT.match(row[0]["text"] + " " + (row[1]["text"] if len(row) > 1 else "")))
