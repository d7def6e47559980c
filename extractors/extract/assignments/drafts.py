"""The pieces an assignment is built from: a draft, the tests a name or paragraph must pass,
and the body an office holder stands for."""
from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from vanban.extractors.extract.assignments.cues import cues, fold
from vanban.extractors.extract.assignments.paragraphs import Para
from vanban.extractors.extract.assignments.reader import Found, head_at

_SPACE = re.compile(r"\s+")

@dataclass
class Draft:
    agency: Found
    role: str
    rule: str
    scope: tuple[int, int]          # the text the task is read from
    more: list[tuple[int, int]] = field(default_factory=list)  # further pieces of it
    task: str | None = None
    partners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    deadline: str | None = None     # given by a time column, else read from the scope


# How far after its agency a task is read (its sentence, deadline, partners): a paragraph's
# own length in practice, and a bound that keeps a run of thousands of requests linear.
TASK_REACH = 3000


def reach(pos: int, end: int) -> int:
    """The end of the text a task starting at ``pos`` is read from."""
    return min(end, pos + TASK_REACH)


def described_by_assignment(folded: str) -> bool:
    """'các sở … được phân công chủ trì …': a group that refers back to bodies named elsewhere."""
    return bool(_ASSIGNED.search(folded))


_ASSIGNED = re.compile(r"\bđược (?:phân công|giao)\b")


def is_vague(name: str) -> bool:
    """'các cơ quan, đơn vị, địa phương': a group that names no body."""
    f = fold(name)
    if not f.startswith("các "):
        return False
    words = re.split(r"\s*(?:,|\bvà\b|-|/)\s*", f[4:])
    words = [w.replace(" có liên quan", "").replace(" liên quan", "").strip() for w in words]
    return all(w in cues().vague_group_words or not w for w in words)


def _word_key(name: str) -> str:
    """A name as its words: case and punctuation ignored."""
    return " ".join(re.findall(r"[\p{L}\p{M}\p{N}]+", fold(name)))


_SENTENCE_END = re.compile(r"[.;]\s")


def _first_sentence(text: str) -> str:
    """The task: the first sentence of ``text``, whole (no cut at a length)."""
    end = _SENTENCE_END.search(text)  # only the text up to it is read: the same first sentence
    if end:
        text = text[:end.end()]
    text = _SPACE.sub(" ", text).strip(" -+•:")
    m = re.search(r"(?<=[.;])\s|:\s*$", text)
    s = text[:m.start()] if m else text
    return s.rstrip(".;:/ ")  # "… tổng hợp./." ends a letter


def can_hold_task(p: Para) -> bool:
    """Whether an assignment can be read from the paragraph: a short numbered line (a heading
    that may name an agency), a line with a colon near its start ('Sở Y tế: …', 'Cơ quan chủ
    trì: …'), or one with a duty, request, modal or predicate word."""
    if p.kind not in (None, "dash") and len(p.text) <= 200:
        return True
    if ":" in p.text[:200]:
        return True
    return bool(cues().task_word.search(fold(p.text)))


def task_spans(paras: list[Para]) -> list[tuple[int, int]]:
    """The character spans of the paragraphs that can hold a task, each with the unmarked
    paragraph after it (a name hard-wrapped over a line break may have been cut there)."""
    out: list[tuple[int, int]] = []
    for i, p in enumerate(paras):
        if not can_hold_task(p):
            continue
        end = p.end
        if i + 1 < len(paras) and paras[i + 1].kind is None:
            end = paras[i + 1].end
        if out and p.start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((p.start, end))
    return out


def body_of(raw: str) -> str | None:
    """'Giám đốc Sở Tài chính' -> 'Sở Tài chính'; 'Chánh Văn phòng UBND tỉnh' -> 'Văn phòng UBND tỉnh'."""
    m = cues().position_prefix.match(raw)
    if not m:
        return raw if head_at(raw, 0, len(raw)) else None
    title = fold(_SPACE.sub(" ", m.group(0)).strip())
    rest = raw[m.end():].strip()
    for key, keep in cues().titles_keeping_office.items():
        if title.startswith(key):
            return f"{keep} {rest}".strip()
    if title.endswith("các"):
        rest = "các " + rest
    if title.startswith("chủ tịch"):
        return rest if rest else None
    return rest or None
