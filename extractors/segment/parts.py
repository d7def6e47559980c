"""Segmentation: the parts of a document as spans of the normalized text.

A document of Nghị định 30/2020 form is: header (issuing body, national motto, number,
place and date, type name and subject or ``V/v``), ``Kính gửi``, legal bases
(``Căn cứ``), an opening (``Thực hiện …``), the body in numbered sections, the signature
and ``Nơi nhận``. Converters put site clutter before the header and the two header
columns in either order; news articles have a headline, a date line and an author.

``segment(text)`` labels lines with their role and returns ``Segments``: spans for each
part, the role of each header line, the outline of the body (``segment.outline``) and
its numbered sections.
"""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import overload

import regex as re

from vanban.schemas import Section

from vanban.extractors.segment import outline
from vanban.extractors.segment.body import bases_block, block_after, paragraph_end, tail
from vanban.extractors.segment.patterns import (  # noqa: F401  (the patterns are read from here too)
    AUTHORITY,
    AUTHORITY_BODY,
    BASIS_START,
    DATETIME_LINE,
    DECORATION,
    DISTRIBUTION_START,
    END_MARK,
    MOTTO,
    NUMBER_LINE,
    OPENING_START,
    PLACE_DATE,
    POSITION_LINE,
    POSITIONS,
    PREAMBLE_LINE,
    RECIPIENTS_START,
    SLOGAN,
    SOURCE_TAG,
    STRIPPED_TITLE,
    TYPE_LINE,
    TYPE_LINE_ANYCASE,
    VV_LINE,
    is_caps_line,
)
from vanban.extractors.segment.roles import after_body, find_header_start, label_header, label_stripped_header, motto_line, news_header

Span = tuple[int, int]
_NEWLINE = re.compile(r"\n")

# --- data ------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def blank(self) -> bool:
        return not self.text.strip()


class Lines(Sequence[Line]):
    """The lines of a text as a table of where each starts (a machine integer a line). A
    long text's ``Line`` is made when it is read, so its lines are never all held as
    strings; a short text's lines are made once (read often, they cost next to nothing)."""

    __slots__ = ("text", "starts", "_made")

    def __init__(self, text: str):
        self.text = text
        self.starts = array("q", [0])
        self.starts.extend(m.end() for m in _NEWLINE.finditer(text))
        self._made: list[Line] | None = None
        if len(text) < outline.LONG_TEXT:
            self._made = [Line(s, s + len(raw), raw) for s, raw in outline.iter_lines(text)]

    def __len__(self) -> int:
        return len(self.starts)

    def _line(self, k: int) -> Line:
        s = self.starts[k]
        e = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.text)
        return Line(s, e, self.text[s:e])

    @overload
    def __getitem__(self, k: int) -> Line: ...
    @overload
    def __getitem__(self, k: slice) -> list[Line]: ...

    def __getitem__(self, k):
        if self._made is not None:
            return self._made[k]
        n = len(self.starts)
        if isinstance(k, slice):
            return [self._line(i) for i in range(*k.indices(n))]
        if k < 0:
            k += n
        if not 0 <= k < n:
            raise IndexError("line index out of range")
        return self._line(k)

    def __iter__(self) -> Iterator[Line]:
        if self._made is not None:
            return iter(self._made)
        return (Line(s, s + len(raw), raw) for s, raw in outline.iter_lines(self.text))

    def index_at(self, offset: int) -> int:
        """The line holding ``offset`` (0 before the text)."""
        return max(0, bisect.bisect_right(self.starts, offset) - 1)


@dataclass
class SectionNode:
    path: str
    numbered_path: str
    title: str
    level: int
    start: int
    end: int


@dataclass
class Segments:
    text: str
    lines: Lines
    genre: str = "official"
    header: Span | None = None
    header_roles: dict[int, str] = field(default_factory=dict)  # line index -> role
    recipients: Span | None = None
    bases: Span | None = None
    opening: Span | None = None
    body: Span = (0, 0)
    signature: Span | None = None
    distribution: Span | None = None
    sections: list[SectionNode] = field(default_factory=list)
    outline: outline.Outline | None = None
    # news
    headline: Span | None = None
    dateline: Span | None = None
    author: Span | None = None
    _starts: list[int] | None = field(default=None, repr=False)

    def part(self, name: str) -> str:
        span = getattr(self, name)
        return self.text[span[0]:span[1]] if span else ""

    def role_lines(self, role: str) -> list[Line]:
        return [self.lines[i] for i, r in sorted(self.header_roles.items()) if r == role]

    def section_at(self, offset: int) -> SectionNode | None:
        """The innermost section containing ``offset``.

        Sections are sorted by start and nest, so the innermost one is the latest-starting
        section at or before ``offset`` that has not ended yet.
        """
        if self._starts is None:
            self._starts = [s.start for s in self.sections]
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            if self.sections[i].end > offset:
                return self.sections[i]
            i -= 1
        return None

    def path_at(self, offset: int, *, numbered_only: bool = True) -> str | None:
        """Section path at ``offset``: 'III.5.1' (letter levels left out unless asked)."""
        s = self.section_at(offset)
        if s is None:
            return None
        return s.numbered_path if numbered_only else s.path

    def line_index_at(self, offset: int) -> int:
        return self.lines.index_at(offset)

    def section_records(self) -> list[Section]:
        return [Section(path=s.path, title=s.title, level=s.level, span=(s.start, s.end)) for s in self.sections]


# --- sections ----------------------------------------------------------------------------------


def section_nodes(tree: outline.Outline, text_end: int) -> list[SectionNode]:
    """The numbered sections of an outline, with their paths ('III.5.1.a'); each ends where
    the next one at the same or a higher level begins."""
    nodes: list[SectionNode] = []
    for node in tree.nodes:
        if not outline.is_section(node):
            continue
        path = outline.section_path(node)
        labels = [outline.label(n) for n in path]
        numbered = [outline.label(n) for n in path if n.kind != "letter"]
        nodes.append(SectionNode(".".join(labels), ".".join(numbered), node.title[:200], len(path), node.start, text_end))
    for idx, node in enumerate(nodes):
        for nxt in nodes[idx + 1:]:
            if nxt.level <= node.level:
                node.end = nxt.start
                break
    return nodes


# --- entry point -------------------------------------------------------------------------------


_APPENDIX = dict(outline.MARKERS)["appendix"]


def opens_as_document(lines: list[Line], *, first: int = 2) -> bool:
    """Whether a text with no header opens as a document does: its type ('Báo cáo', then its
    title) or an appendix ('Phụ lục', a document's part filed on its own) in its first lines."""
    opening = list(islice((ln.stripped for ln in lines if not ln.blank), first))
    return any(TYPE_LINE_ANYCASE.match(ln) or _APPENDIX.match(ln) for ln in opening)


def segment(text: str) -> Segments:
    lines = Lines(text)
    segs = Segments(text=text, lines=lines)
    roles = segs.header_roles
    n = len(lines)
    if not n:
        return segs
    motto = motto_line(text, lines, limit=min(n - 1, 400))
    start = find_header_start(lines, motto) if motto is not None else None
    if start is not None and after_body(lines, start):
        motto = start = None  # a form or an appendix printed after the letter: no header of its own
    if motto is not None:
        body_start = label_header(lines, start, roles)
    else:
        # no national motto: a number line or a type line near the top, else news
        first = next((i for i, ln in enumerate(lines[:60]) if NUMBER_LINE.match(ln.stripped) and len(ln.stripped) < 90), None)
        if first is not None and after_body(lines, first):
            first = None
        if first is None:
            news_body = news_header(lines, roles, segs)
            if news_body is not None:
                segs.genre = "news"
                body_start = news_body
                start = segs.headline and segs.line_index_at(segs.headline[0]) or 0
            else:
                start = next((i for i, ln in enumerate(lines[:30]) if not ln.blank), 0)
                body_start = label_stripped_header(lines, start, roles)
        else:
            start = first
            body_start = label_header(lines, first, roles)
    if roles:
        idx = sorted(roles)
        segs.header = (lines[idx[0]].start, lines[idx[-1]].end)
    elif segs.genre != "news" and not opens_as_document(lines):
        segs.genre = "other"  # no line of an official header, no news shape: a file that is no document
    body_start = min(body_start, n)
    # Kính gửi
    i = body_start
    while i < n and lines[i].blank:
        i += 1
    rec = next((k for k in range(body_start, min(n, body_start + 12)) if RECIPIENTS_START.match(lines[k].stripped)), None)
    if rec is None and segs.header:  # 'Kính gửi' inside the header (two-column table layouts)
        rec = next((k for k in sorted(roles) if RECIPIENTS_START.match(lines[k].stripped)), None)
    after_rec = body_start
    if rec is not None:
        end = block_after(lines, rec)
        # 'Đồng kính gửi' right after the list
        k = end
        while k < n and lines[k].blank:
            k += 1
        if k < n and RECIPIENTS_START.match(lines[k].stripped):
            end = block_after(lines, k)
        segs.recipients = (lines[rec].start, lines[end - 1].end)
        after_rec = max(body_start, end)
    # opening and bases: within the first paragraphs of the body
    k = after_rec
    for _ in range(40):
        while k < n and lines[k].blank:
            k += 1
        if k >= n:
            break
        s = lines[k].stripped
        if BASIS_START.match(s) and segs.bases is None:
            end = bases_block(lines, k)
            segs.bases = (lines[k].start, lines[end - 1].end)
            k = end
            continue
        if OPENING_START.match(s) and segs.opening is None and segs.bases is None:
            end = paragraph_end(lines, k)
            segs.opening = (lines[k].start, lines[end - 1].end)
            k = end
            continue
        if PREAMBLE_LINE.match(s) or is_caps_line(s) and len(s) < 80:
            k = paragraph_end(lines, k)
            continue
        break
    # tail: Nơi nhận and signature
    dist, dist_end, _ = tail(lines, body_start)
    if dist is not None:
        segs.distribution = (lines[dist].start, lines[dist_end - 1].end)
    body_end_line = dist if dist is not None else n
    segs.body = (lines[body_start].start if body_start < n else len(text), lines[body_end_line - 1].end if body_end_line > 0 else len(text))
    skip = (lines[dist].start, lines[dist_end].start if dist_end < n else len(text) + 1) if dist is not None else None
    segs.outline = outline.build(text, start=segs.body[0] if body_start < n else len(text), skip=skip, bullets=False)
    segs.sections = section_nodes(segs.outline, len(text))
    return segs
