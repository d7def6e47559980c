"""The body of a document as paragraphs: hard-wrapped lines joined, each with the list
marker it starts with (``segment.outline``)."""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from vanban.extractors.extract.agencies.recognize import AgencyMention
from vanban.extractors.segment import outline
from vanban.extractors.segment.patterns import DISTRIBUTION_START

_SPACE = re.compile(r"\s+")
_TERMINAL = (".", ":", ";", "!", "?")
_TAIL = 200  # characters of a paragraph's end that say how it ends (``Paragraphs._prev_text``)

# Ranks of the paragraphs by their marker: a block runs to the next paragraph of the same
# or a lower rank. Bullets of any kind are one rank; chapters and appendices are plain.
RANKS = {"roman": 1, "article": 1, "arabic": 2, "letter": 5, "dash": 6}
PLAIN = 9


@dataclass
class Para:
    start: int            # first character of the marker (or text)
    body: int             # first character after the marker
    end: int
    kind: str | None      # marker kind ('roman', 'article', 'multi', 'arabic', 'letter', 'dash'), None for plain
    rank: int             # 1 roman/article, 2 arabic, 3+ multi, 5 letter, 6 dash, 9 plain
    index: int = 0
    text: str = ""        # body text, whitespace collapsed


def line_marker(line: str) -> tuple[str | None, int, int]:
    """(kind, rank, length of the marker) of a line's list marker."""
    m = outline.marker(line)
    lead = len(line) - len(line.lstrip())
    if m is None or m.kind in ("chapter", "appendix"):
        return None, PLAIN, lead
    if m.bullet is not None:
        return "dash", RANKS["dash"], m.length  # '- a)' too: a bullet first
    if m.kind == "multi":
        return "multi", 2 + m.number.count("."), m.length
    return m.kind, RANKS[m.kind], m.length


# a line that ends in a connector, in a verb still waiting for its addressee ('…, báo cáo'
# / 'Chính phủ trong tháng 12 năm 2025': the report's deadline is on the next line), or in
# the capitalised head of a name cut by the wrap ('… Hội Nghề cá, Hiệp hội' / 'Nước mắm
# Phan Thiết'), goes on on the next line
_CONNECTOR_END = re.compile(
    r"(?:\b(?:và|của|các|cho|với|thuộc|về|tại|báo\s+cáo|gửi|trình)|[,\-–&]"
    r"|(?<![.;:!?]\s)(?<!^)\b(?:Hiệp\s+hội|Hội|Sở|Bộ|Ban|Ủy\s+ban|Uỷ\s+ban|Phòng|Cục|Tổng\s+cục|Chi\s+cục|Trung\s+tâm|Văn\s+phòng|Đài))$"
)


class Paragraphs:
    """The paragraphs of ``text[start:end]``: a marker or a finished sentence starts one;
    a hard-wrapped line continues it when it starts in lower case, when a name runs over
    the line break ('1. Sở' / 'Khoa học và Công nghệ') or after a connector ('Báo và' /
    'Phát thanh'); a page break inside a sentence does not end it.

    The lines, their markers and what each paragraph's text ends with are read once; calling
    the object with the names recognized gives the paragraphs (a name runs over a line break)."""

    def __init__(self, text: str, start: int, end: int):
        self.text = text
        lines = text[start:end].split("\n")
        # hard-wrapped converters put a blank line between paragraphs: a line right under
        # another (no blank, no marker) then continues it whatever its first letter
        self.airy = sum(1 for ln in lines if not ln.strip()) >= 0.6 * sum(1 for ln in lines if ln.strip())
        # the lines with text: (start, end, indent, first character, kind, rank, marker length, blank before)
        self.lines: list[tuple[int, int, int, str, str | None, int, int, bool]] = []
        pos = start
        blank_before = True
        for raw in lines:
            line_start, line_end = pos, pos + len(raw)
            pos = line_end + 1
            s = raw.strip()
            if not s:
                blank_before = True
                continue
            kind, rank, mlen = line_marker(raw)
            self.lines.append((line_start, line_end, len(raw) - len(raw.lstrip()), s[0], kind, rank, mlen, blank_before))
            blank_before = False
        self._prev: dict[tuple[int, int], str] = {}
        self._connector: dict[tuple[int, int], bool] = {}
        self._texts: dict[tuple[int, int], str] = {}
        self._line_starts = {line[0] for line in self.lines}
        self._last: tuple[set[int], list[Para]] | None = None  # the breaks of the last reading, its paragraphs

    def _ends_sentence(self, p: Para) -> bool:
        return self._prev_text(p).endswith(_TERMINAL)

    def _ends_in_connector(self, p: Para) -> bool:
        if (p.start, p.end) not in self._connector:
            self._connector[p.start, p.end] = bool(_CONNECTOR_END.search(self._prev_text(p)))
        return self._connector[p.start, p.end]

    def _prev_text(self, p: Para) -> str:
        """The end of the text of the paragraph read so far, as the next line sees it: what
        it ends with (a mark, a connector or the head of a name: the last two words at most).
        A long paragraph is read from its last ``_TAIL`` characters, not copied whole again
        for each line it grows by."""
        if (p.start, p.end) not in self._prev:
            self._prev.clear()  # only the paragraph being read is asked again
            lo = max(p.start, p.end - _TAIL)
            tail = self.text[lo:p.end].rstrip().rstrip("*").rstrip()
            if lo > p.start and len(tail.split(None, 5)) < 6:  # too few words kept: the whole paragraph
                tail = self.text[p.start:p.end].rstrip().rstrip("*").rstrip()
            self._prev[p.start, p.end] = tail
        return self._prev[p.start, p.end]

    def __call__(self, mentions: list[AgencyMention] = ()) -> list[Para]:
        text = self.text
        breaks = set()  # the starts of lines a name runs on to
        for m in mentions:
            nl = text.find("\n", m.span[0], m.span[1])
            while nl >= 0:
                if nl + 1 in self._line_starts:
                    breaks.add(nl + 1)
                nl = text.find("\n", nl + 1, m.span[1])
        # the names change the paragraphs only by these line starts: read again with the
        # same ones, the paragraphs are those of the last reading (the same objects)
        if self._last is not None and self._last[0] == breaks:
            return list(self._last[1])
        paras: list[Para] = []
        cur: Para | None = None
        for line_start, line_end, indent, first, kind, rank, mlen, blank_before in self.lines:
            continues = (
                cur is not None
                and kind is None
                and not self._ends_sentence(cur)
                and (
                    first.islower() or first.isdigit() or first in "(\"“"
                    or (not blank_before and (self.airy or line_start in breaks or self._ends_in_connector(cur)))
                )
            )
            if continues and cur is not None:
                cur.end = line_end
            else:
                if cur is not None:
                    paras.append(cur)
                cur = Para(line_start + indent, line_start + mlen, line_end, kind, rank)
        if cur is not None:
            paras.append(cur)
        for i, p in enumerate(paras):
            p.index = i
            if (p.body, p.end) not in self._texts:
                self._texts[p.body, p.end] = _SPACE.sub(" ", text[p.body:p.end]).strip()
            p.text = self._texts[p.body, p.end]
        self._last = (breaks, paras)
        return list(paras)


def paragraphs(text: str, start: int, end: int, mentions: list[AgencyMention] = ()) -> list[Para]:
    """The paragraphs of ``text[start:end]`` (``Paragraphs``) with the names recognized in it."""
    return Paragraphs(text, start, end)(mentions)


def outside_distribution(paras: list[Para], segs) -> list[Para]:
    """The paragraphs less the "Nơi nhận" lists (the one segmented and any later one)."""
    dist = getattr(segs, "distribution", None)
    out: list[Para] = []
    in_list = False
    for p in paras:
        if dist and dist[0] <= p.start < dist[1]:
            continue
        if DISTRIBUTION_START.match(p.text):
            in_list = True
            continue
        if in_list and p.kind == "dash":
            continue
        in_list = False
        out.append(p)
    for i, p in enumerate(out):
        p.index = i
    return out


def block_end_of(paras: list[Para], i: int) -> int:
    """Index (exclusive) of the end of paragraph ``i``'s block: up to the next paragraph of
    the same or a higher rank."""
    rank = paras[i].rank
    j = i + 1
    while j < len(paras) and paras[j].rank > rank:
        j += 1
    return j



def only_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with everything outside ``spans`` blanked, offsets kept: each gap becomes
    white space holding a paragraph break, so nothing read in one span runs into the next."""
    out: list[str] = []
    pos = 0
    for a, b in [*spans, (len(text), len(text))]:
        if a > pos:
            gap = "\n".join(" " * len(line) for line in text[pos:a].split("\n"))
            if gap.count("\n") < 2:
                gap = ("\n\n" + gap[2:]) if len(gap) >= 2 else "\n"
            out.append(gap)
        out.append(text[a:b])
        pos = max(pos, b)
    return "".join(out)
