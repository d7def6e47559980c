"""The outline of a document: its lines as a tree by their list markers.

Vietnamese documents number their parts with a small set of markers, in this order of
precedence on a line:

============  ==========================  =====================================
kind          printed                     number
============  ==========================  =====================================
``appendix``  ``PHỤ LỤC``, ``Phụ lục II``  ``II`` (or None)
``chapter``   ``Chương I``, ``CHƯƠNG 2``   ``I``, ``2``
``article``   ``Điều 5.``                  ``5``
``roman``     ``II.``, ``PHẦN I.``         ``II``
``multi``     ``1.1.``, ``2.3.1``          ``1.1``
``arabic``    ``1.``, ``2)``               ``1``
``letter``    ``a)``, ``- b)``             ``a``
``dash``      ``-``, ``–``, ``—``          None
``plus``      ``+``                        None
``star``      ``*``, ``•``, ``·``          None
============  ==========================  =====================================

``build(text)`` makes a tree of them. Numbered kinds have fixed ranks (``RANKS``: an
appendix starts a tree of its own, a chapter holds articles or roman parts, ``1.1.`` sits
under ``1.``, ``a)`` under both; ``- a)`` is a letter): a number closes the numbers open at
its rank or deeper, and a heading (appendix, chapter, article, roman part) also closes the
bullets open. Bullets nest in the order the document uses them: a bullet of a kind already
open closes the levels under it and becomes their sibling, one not open yet nests under the
last marked line. Unmarked lines are left out, or kept as leaves with ``plain=True``;
``heads`` promotes unmarked lines to levels of their own (a figure line followed by
``Trong đó:``); ``bullets=False`` leaves the bullets out.

Segmentation makes the numbered sections of it (``section_nodes``); the budget audit
hangs its figures on it; assignments read the heading chain of a paragraph from it.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

# Kinds in order of precedence; each pattern matches a whole marker with the space after it.
MARKERS: tuple[tuple[str, re.Pattern], ...] = (
    ("appendix", re.compile(
        r"^\s*(?:PHỤ\s+LỤC|Phụ\s+lục)(?:\s+(?:SỐ\s+|số\s+)?(?P<n>[IVXLC]+|\d+[a-z]?))?\s*[:.]?\s*$"
        r"|^\s*(?:PHỤ\s+LỤC|Phụ\s+lục)\s+(?P<n2>[IVXLC]+|\d+)\b")),
    ("chapter", re.compile(r"^\s*(?:Chương|CHƯƠNG)\s+(?P<n>[IVXLC]+|\d+)\b")),
    ("article", re.compile(r"^\s*Điều\s+(?P<n>\d{1,3})\s*[.:]?\s*(?=\S|$)")),
    ("roman", re.compile(r"^\s*(?:PHẦN\s+|Phần\s+)?(?P<n>[IVXLC]{1,6})\s*[.\-/)]\s+(?=\S)")),
    ("multi", re.compile(r"^\s*(?P<n>\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)")),
    ("arabic", re.compile(r"^\s*(?P<n>\d{1,2})\s*[.)/]\s+(?=\S)")),
    ("letter", re.compile(r"^\s*(?P<n>[a-zđ])\s*\)\s+(?=\S)")),
    ("dash", re.compile(r"^\s*(?P<b>[-–—])\s*(?=\S)")),
    ("plus", re.compile(r"^\s*(?P<b>\+)\s*(?=\S)")),
    ("star", re.compile(r"^\s*(?P<b>[*•·])\s*(?=\S)")),
)
PATTERNS = dict(MARKERS)
ARTICLE = PATTERNS["article"]
ROMAN = PATTERNS["roman"]
NUMBERED = ("appendix", "chapter", "article", "roman", "multi", "arabic", "letter")
BULLETS = ("dash", "plus", "star")
# Ranks of the numbered kinds (``multi`` adds the depth of its number: '1.1' 4, '1.1.1' 5).
# An appendix starts a tree of its own, a chapter closes the articles of a decision before it.
RANKS = {"appendix": 0, "chapter": 1, "article": 2, "roman": 2, "arabic": 3, "multi": 3, "letter": 7}
HEADINGS = ("appendix", "chapter", "article", "roman")
# A letter item written after a dash: '- a) Kế hoạch vốn'.
_BULLETED_LETTER = re.compile(r"^\s*(?P<b>[-–])\s*(?=(?P<n>[a-zđ])\s*\)\s)")


@dataclass(frozen=True)
class Marker:
    kind: str
    number: str | None   # 'II', '1.1', 'a'; None for bullets and a bare 'PHỤ LỤC'
    length: int          # characters from the start of the line to the text after the marker
    bullet: str | None = None  # the bullet printed ('-', '+', '•'), also in front of a letter

    @property
    def family(self) -> str:
        """The level a marker opens: its kind, ``multi1`` / ``multi2`` … by depth of number."""
        return f"multi{self.number.count('.')}" if self.kind == "multi" else self.kind


# What every marker above can start with after its spaces: most lines start with none of
# these (a capital of a word, a lower-case word) and need no pattern tried.
_CAN_START_MARKER = re.compile(r"\s*(?:[PCĐIVXL\d\-–—+*•·]|[a-zđ]\s*\))")


@lru_cache(maxsize=8192)
def marker(line: str) -> Marker | None:
    """The list marker a line starts with, or None (lines repeat: the outline of a text is
    built by several stages)."""
    if _CAN_START_MARKER.match(line) is None:
        return None
    m = _BULLETED_LETTER.match(line)
    if m:
        return Marker("letter", m["n"], m.end(), m["b"])
    for kind, pattern in MARKERS:
        m = pattern.match(line)
        if m is None:
            continue
        if kind == "appendix":
            return Marker(kind, m["n"] or m["n2"], m.end())
        if kind in BULLETS:
            return Marker(kind, None, m.end(), m["b"])
        return Marker(kind, m["n"], m.end())
    return None


@dataclass(eq=False, slots=True)
class Node:
    """One line of the outline; ``start``/``end`` is the line's span, ``block`` its span
    with everything under it."""

    line: int            # 0-based line number
    start: int
    end: int
    kind: str            # a marker kind, 'plain', or 'head' (an unmarked line promoted)
    number: str | None = None
    title: str = ""      # the line, stripped
    bullet: str | None = None
    family: str = ""
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    block_end: int = 0

    @property
    def block(self) -> tuple[int, int]:
        return (self.start, self.block_end)

    @property
    def level(self) -> int:
        """1 for a root, 2 for its children, …"""
        return self.depth + 1

    @property
    def depth(self) -> int:
        d, p = 0, self.parent
        while p is not None:
            d, p = d + 1, p.parent
        return d

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()

    def contains(self, other: "Node | None") -> bool:
        while other is not None:
            if other is self:
                return True
            other = other.parent
        return False

    def chain(self) -> list["Node"]:
        """The node and the nodes it sits under, outermost first."""
        out, n = [], self
        while n is not None:
            out.append(n)
            n = n.parent
        return out[::-1]


@dataclass
class Outline:
    text: str
    nodes: list[Node]    # document order
    roots: list[Node]
    _starts: list[int] | None = field(default=None, repr=False)

    def node_at(self, offset: int) -> Node | None:
        """The innermost marked node whose block contains ``offset``."""
        if self._starts is None:
            self._starts = [n.start for n in self.nodes]
        i = bisect.bisect_right(self._starts, offset) - 1
        while i >= 0:
            n = self.nodes[i]
            if n.kind != "plain" and n.block_end > offset:
                return n
            i -= 1
        return None

    def chain_at(self, offset: int) -> list[Node]:
        """The headings ``offset`` sits under, outermost first."""
        n = self.node_at(offset)
        return n.chain() if n is not None else []


def build(
    text: str,
    *,
    start: int = 0,
    end: int | None = None,
    skip: tuple[int, int] | None = None,
    bullets: bool = True,
    plain: bool = False,
    heads: frozenset[int] | set[int] = frozenset(),
    node_class: type[Node] = Node,
    titles: bool = True,
) -> Outline:
    """The outline of the lines starting in ``[start, end)``, less those starting in ``skip``
    (a span). ``bullets``: whether bullets take part (the numbered sections leave them out);
    ``plain``: keep unmarked lines as leaves; ``heads``: line numbers of unmarked
    lines that open a level (a new head closes the heads open right above it); ``titles``:
    keep each node's line as its title (a reader of spans alone needs none: a long text's
    lines are then not held)."""
    end = len(text) if end is None else end
    nodes: list[Node] = []
    roots: list[Node] = []
    stack: list[Node] = []
    for k, (s, raw) in enumerate(iter_lines(text)):
        e = s + len(raw)
        if s >= end and s > start:
            break
        if s < start or (skip and skip[0] <= s < skip[1]):
            continue
        if not raw.strip():
            continue
        m = marker(raw)
        if m is not None and not bullets and m.kind in BULLETS:
            m = None
        if m is None:
            if k in heads:
                node = node_class(k, s, e, "head", title=raw.strip() if titles else "", family="head")
                while stack and stack[-1].kind == "head":
                    stack.pop()
            elif plain:
                node = node_class(k, s, e, "plain", title=raw.strip() if titles else "", family="plain")
            else:
                continue
        else:
            node = node_class(k, s, e, m.kind, m.number, raw.strip() if titles else "", m.bullet, m.family)
            if m.kind in NUMBERED:
                # a number closes the numbers open at its rank or deeper (and what is under them)
                while stack and any(_closes(node, n) for n in stack):
                    stack.pop()
            elif any(n.family == node.family for n in stack):
                while stack[-1].family != node.family:
                    stack.pop()
                stack.pop()
        node.parent = stack[-1] if stack else None
        (node.parent.children if node.parent else roots).append(node)
        nodes.append(node)
        if node.kind != "plain":
            stack.append(node)
    _close_blocks(roots, end)
    return Outline(text, nodes, roots)


# From this length on, a text's lines are read one at a time rather than all split at once
# (and segmentation's line table makes a line when it is read): memory bounded per document.
LONG_TEXT = 1_000_000


def iter_lines(text: str):
    """``(start, line)`` for each line of ``text``, as ``text.split("\\n")`` gives them; a
    long text's one at a time, so that its lines are never all held at once."""
    pos = 0
    if len(text) < LONG_TEXT:
        for raw in text.split("\n"):
            yield pos, raw
            pos += len(raw) + 1
        return
    find = text.find
    while (nl := find("\n", pos)) >= 0:
        yield pos, text[pos:nl]
        pos = nl + 1
    yield pos, text[pos:]


def unlink(roots: list[Node]) -> None:
    """Undo the links between the nodes of a tree no longer needed (a node and its parent
    point at each other): a long text's outline is freed at once rather than at the
    collector's next full pass, long after the stage that built it."""
    stack = list(roots)
    while stack:
        node = stack.pop()
        stack.extend(node.children)
        node.children = []
        node.parent = None


def rank(node: Node) -> int:
    if node.kind == "multi":
        return RANKS["multi"] + node.number.count(".")
    return RANKS.get(node.kind, 9)


def _closes(new: Node, open_node: Node) -> bool:
    """Whether ``new`` closes ``open_node``: a number of the same or a higher rank; a
    heading closes the bullets and heads too."""
    if open_node.kind in NUMBERED:
        return rank(open_node) >= rank(new)
    return new.kind in HEADINGS


def _close_blocks(siblings: list[Node], end: int) -> None:
    """A node's block runs to its next sibling (or its parent's block end)."""
    for i, n in enumerate(siblings):
        n.block_end = siblings[i + 1].start if i + 1 < len(siblings) else end
        _close_blocks(n.children, n.block_end)


# --- numbered sections ------------------------------------------------------------------------

# Levels of the numbered kinds: where a section sits in the path 'III.5.1.a'.
SECTION_LEVELS = {"appendix": 0, "chapter": 0, "article": 1, "roman": 1, "arabic": 2, "letter": 5}


def section_level(node: Node) -> int:
    if node.kind == "multi":
        return 2 + node.number.count(".")
    return SECTION_LEVELS[node.kind]


def is_section(node: Node) -> bool:
    """Numbered headings are sections; bullets and a letter written after a bullet are not."""
    return node.kind in NUMBERED and node.bullet is None


def label(node: Node) -> str:
    if node.kind == "appendix":
        return f"Phụ lục {node.number or ''}".strip()
    if node.kind == "chapter":
        return f"Chương {node.number}"
    if node.kind == "article":
        return f"Điều {node.number}"
    return node.number or ""


def section_path(node: Node) -> list[Node]:
    """The sections of a path to ``node``, outermost first: of the sections it sits under,
    each one above a lower level ('5.1' under '5.' stands for it: 'III.5.1', not 'III.5.5.1')."""
    path = [node]
    floor = 2 if node.kind == "multi" else section_level(node)
    for up in reversed(node.chain()[:-1]):
        if not is_section(up):
            continue
        level = section_level(up)
        if level < floor:
            path.append(up)
            floor = 2 if up.kind == "multi" else level
    return path[::-1]
